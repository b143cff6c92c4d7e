// The default case catalog (from seed 000 "5588工作法" and common 代办 and
// mediation practice). Codes are stable; admins may rename, retime or disable.
export interface CatalogEntry {
  type: 'incident' | 'service' | 'dispute';
  code: string;
  name: string;
  group?: string; // 八必报 / 五必到 for incidents, the service category for 代办 items
  skipLevel?: boolean; // 越级: may go straight past the township
  firstReportPoints?: number; // 首报激励
}

const incident = (group: string, list: [string, string, Partial<CatalogEntry>?][]): CatalogEntry[] =>
  list.map(([code, name, extra]) => ({ type: 'incident', code, name, group, ...extra }));

export const CATALOG: CatalogEntry[] = [
  ...incident('八必报', [
    ['facility_damage', '公共设施损坏', { firstReportPoints: 2 }],
    ['env_dirty', '人居环境脏乱', { firstReportPoints: 2 }],
    ['outsider_inflow', '外来人员流入'],
    ['flood_danger', '洪涝灾害险情', { skipLevel: true, firstReportPoints: 5 }],
    ['safety_hazard', '安全隐患', { skipLevel: true, firstReportPoints: 5 }],
    ['illegal_building', '违章修建', { firstReportPoints: 2 }],
    ['instability', '不稳定因素', { skipLevel: true }],
    ['hardship', '因灾因病生活困难'],
  ]),
  ...incident('五必到', [
    ['life_difficulty', '村民生活困难'],
    ['mood_swing', '村民思想波动'],
    ['neighbour_conflict', '邻里矛盾纠纷'],
    ['emergency', '村里突发事件', { skipLevel: true }],
    ['volunteer_need', '村里志愿服务'],
  ]),
  ...(
    [
      [
        '社会保障',
        [
          ['svc_pension', '养老保险办理'],
          ['svc_medical', '医疗保险缴费与报销'],
          ['svc_assistance', '低保与临时救助申请'],
        ],
      ],
      [
        '证明证照',
        [
          ['svc_certificate', '各类证明开具'],
          ['svc_idcard', '身份证与户口办理'],
          ['svc_license', '建房审批资料代办'],
        ],
      ],
      [
        '惠农补贴',
        [
          ['svc_subsidy', '农业补贴申领'],
          ['svc_insurance', '农业保险理赔'],
        ],
      ],
      [
        '生活服务',
        [
          ['svc_errand', '代购代缴'],
          ['svc_elder', '老人就医陪护'],
        ],
      ],
    ] as [string, [string, string][]][]
  ).flatMap(([group, items]) => items.map(([code, name]): CatalogEntry => ({ type: 'service', code, name, group }))),
  ...(
    [
      ['dsp_family', '婚姻家庭纠纷'],
      ['dsp_neighbour', '邻里纠纷'],
      ['dsp_land', '土地承包纠纷'],
      ['dsp_homestead', '宅基地纠纷'],
      ['dsp_forest', '山林权属纠纷'],
      ['dsp_labor', '劳资纠纷'],
      ['dsp_damage', '损害赔偿纠纷'],
      ['dsp_other', '其他纠纷'],
    ] as [string, string][]
  ).map(([code, name]): CatalogEntry => ({ type: 'dispute', code, name, group: '矛盾纠纷' })),
  // A villager's 随手拍 under 其他: the accepting cadre names the real category (cases/rules.ts OTHER_CATEGORY).
  { type: 'incident', code: 'other', name: '其他（待分类）', group: '群众反映' },
];

export const SOURCES = ['grid_worker', 'villager_photo', 'visit', 'patrol', 'walk_in', 'council', 'hotline', 'other_system'] as const;
export const SOURCE_LABELS: Record<(typeof SOURCES)[number], string> = {
  grid_worker: '网格员上报',
  villager_photo: '村民随手拍',
  visit: '走访发现',
  patrol: '巡查发现',
  walk_in: '来访登记',
  council: '说事会',
  hotline: '热线/12345',
  other_system: '其他系统',
};
