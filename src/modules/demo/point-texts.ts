// The demo township's points catalog and the words of its history: the
// 积分加扣分制 of seed 002 (a township-wide list of 加分/扣分 items in six
// categories, with caps) and the 道德银行 / 追梦超市 of seeds 000 and 004.
// Values follow the plans' usual scale: 1 point ≈ 1 yuan of goods.
import type { RuleInput } from '../points/index.js';
import type { Proposer } from '../points/index.js';

export interface DemoRule extends RuleInput {
  /** How often the village's workers propose it, relative to the others. */
  weight: number;
  /** What the proposer writes on the award. */
  notes: string[];
}

const CG: Proposer[] = ['cadre', 'grid'];
const ALL: Proposer[] = ['cadre', 'grid', 'villager'];

/**
 * 孟家湾乡村规民约积分细则: kept by the township, inherited by every village. Two
 * routine items (sign-in sheets, the collection point's log) go straight to 公示;
 * every other award is checked by the village first.
 */
export const TOWNSHIP_RULES: DemoRule[] = [
  // 人居环境
  {
    code: 'HJ01',
    name: '门前三包落实到位',
    category: '人居环境',
    value: 5,
    cap: 10,
    capPeriod: 'month',
    proposers: CG,
    weight: 16,
    description: '门前卫生、秩序、绿化三包责任落实，月度检查合格',
    notes: ['门前屋后干净整洁，柴草堆放整齐', '月度人居环境检查合格', '门前无杂物，绿化带有专人维护'],
  },
  {
    code: 'HJ02',
    name: '庭院整洁、物品摆放有序',
    category: '人居环境',
    value: 3,
    cap: 6,
    capPeriod: 'month',
    proposers: CG,
    weight: 10,
    description: '院内干净，农具、杂物归置有序，无积存垃圾',
    notes: ['院落干净，农具归置整齐', '入户检查庭院整洁', '厕所改造后保持良好'],
  },
  {
    code: 'HJ03',
    name: '垃圾分类投放到位',
    category: '人居环境',
    value: 2,
    cap: 4,
    capPeriod: 'month',
    proposers: CG,
    needsApproval: false,
    weight: 5,
    description: '生活垃圾按时按类投放到指定地点',
    notes: ['垃圾按时投放到收集点', '能分类投放可回收物'],
  },
  {
    code: 'HJ04',
    name: '参加村庄清洁行动',
    category: '人居环境',
    value: 3,
    cap: 9,
    capPeriod: 'month',
    proposers: ALL,
    weight: 7,
    description: '参加村组集中清理垃圾、清理沟渠、清理柴草堆',
    notes: ['参加村道集中清扫', '参加清理沟渠杂物', '参加春季村庄清洁行动'],
  },
  {
    code: 'HJ05',
    name: '乱堆乱放、乱搭乱建',
    category: '人居环境',
    value: -5,
    proposers: CG,
    weight: 2.5,
    description: '在村道、公共场所堆放柴草、建材、粪堆，或私搭乱建',
    notes: ['村道边堆放建筑垃圾，经提醒未清理', '柴草占用公共道路', '门前私搭彩钢棚'],
  },
  {
    code: 'HJ06',
    name: '焚烧秸秆、垃圾',
    category: '人居环境',
    value: -10,
    proposers: CG,
    weight: 0.8,
    description: '露天焚烧秸秆、垃圾，污染环境、引发火险',
    notes: ['地头焚烧秸秆，网格员巡查发现', '露天焚烧生活垃圾'],
  },
  // 孝老爱亲
  {
    code: 'XL01',
    name: '孝敬老人、赡养父母',
    category: '孝老爱亲',
    value: 10,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 6,
    description: '悉心照料、赡养老人，经走访或邻里反映属实',
    notes: ['长期照顾卧床老人，邻里称赞', '常回家看望独居父母，按时送米送面', '老人生病住院期间悉心陪护'],
  },
  {
    code: 'XL02',
    name: '邻里互助、帮扶困难户',
    category: '孝老爱亲',
    value: 5,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 5,
    description: '主动帮助困难户、独居老人、留守儿童',
    notes: ['帮独居老人拉水劈柴', '农忙时帮困难户秋收', '冬季帮邻居老人清雪'],
  },
  {
    code: 'XL03',
    name: '家庭和睦、邻里和谐',
    category: '孝老爱亲',
    value: 5,
    cap: 10,
    capPeriod: 'year',
    proposers: CG,
    weight: 3,
    description: '家庭成员和睦相处，全年无家庭纠纷和邻里矛盾',
    notes: ['家庭和睦，全年无纠纷', '邻里关系融洽，主动化解小摩擦'],
  },
  {
    code: 'XL04',
    name: '不赡养老人、虐待家庭成员',
    category: '孝老爱亲',
    value: -20,
    proposers: CG,
    weight: 0.3,
    description: '拒不履行赡养义务，经调解仍不改正',
    notes: ['子女拒不承担老人生活费，经调解仍未落实'],
  },
  // 遵纪守法
  {
    code: 'ZF01',
    name: '见义勇为',
    category: '遵纪守法',
    value: 20,
    proposers: ALL,
    weight: 0.4,
    description: '救人、扑火、制止违法行为等，经核实属实',
    notes: ['协助扑灭邻居家柴草火情', '冬季救起落入冰窟的儿童'],
  },
  {
    code: 'ZF02',
    name: '主动调解邻里纠纷',
    category: '遵纪守法',
    value: 5,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 1.5,
    description: '主动参与化解邻里、家庭矛盾，促成和解',
    notes: ['协助调解邻里地界纠纷', '劝和一起家庭矛盾'],
  },
  {
    code: 'ZF03',
    name: '举报违法违规线索查证属实',
    category: '遵纪守法',
    value: 5,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 1,
    description: '有奖举报：违法建设、环境污染、电信诈骗等线索经查证属实',
    notes: ['举报私挖沙土线索，查证属实', '提供电信诈骗线索，协助民警劝阻'],
  },
  {
    code: 'ZF04',
    name: '酒驾、赌博',
    category: '遵纪守法',
    value: -20,
    proposers: CG,
    weight: 0.5,
    description: '酒后驾驶机动车或参与赌博，被公安机关查处',
    notes: ['酒后驾驶三轮车被交警查处', '参与聚众赌博被派出所处罚'],
  },
  {
    code: 'ZF05',
    name: '违章建设',
    category: '遵纪守法',
    value: -20,
    proposers: CG,
    weight: 0.3,
    description: '未经审批占用耕地建房或违规扩建',
    notes: ['未经审批在耕地上建彩钢房'],
  },
  // 志愿服务
  {
    code: 'ZY01',
    name: '参加志愿服务活动',
    category: '志愿服务',
    value: 3,
    cap: 15,
    capPeriod: 'month',
    proposers: ALL,
    weight: 4,
    description: '参加村组织的义务劳动、关爱老人、文明劝导等',
    notes: ['参加村里义务植树', '参加敬老院慰问义务劳动', '参加集市文明劝导'],
  },
  {
    code: 'ZY02',
    name: '参加防汛防火应急值守',
    category: '志愿服务',
    value: 5,
    cap: 20,
    capPeriod: 'month',
    proposers: CG,
    weight: 1.5,
    description: '汛期、防火期参加巡查值守，或疫情等应急任务',
    notes: ['汛期参加河道巡查值守', '春季防火期参加林草巡护'],
  },
  {
    code: 'ZY03',
    name: '捐资捐物支持公益事业',
    category: '志愿服务',
    value: 5,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 0.8,
    description: '为村内修路、文化广场、助学等公益事业捐资捐物',
    notes: ['为村文化广场捐款', '为困难学生捐助学习用品'],
  },
  // 移风易俗
  {
    code: 'YF01',
    name: '红白事简办',
    category: '移风易俗',
    value: 10,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 1.5,
    description: '红白理事会备案，宴席桌数、规模符合村规民约',
    notes: ['婚事新办，宴席控制在15桌以内', '丧事简办，未大操大办', '孩子升学宴不办，改为家庭聚餐'],
  },
  {
    code: 'YF02',
    name: '婚事新办、不要高价彩礼',
    category: '移风易俗',
    value: 20,
    cap: 20,
    capPeriod: 'year',
    proposers: CG,
    weight: 0.4,
    description: '彩礼符合村规民约约定标准',
    notes: ['女儿出嫁不要高价彩礼'],
  },
  {
    code: 'YF03',
    name: '大操大办、高价彩礼',
    category: '移风易俗',
    value: -10,
    proposers: CG,
    weight: 0.4,
    description: '红白事超规模操办，或索要高价彩礼',
    notes: ['丧事宴席超过30桌，经劝导未改'],
  },
  // 参与治理
  {
    code: 'ZL01',
    name: '参加村民会议、说事会',
    category: '参与治理',
    value: 2,
    cap: 8,
    capPeriod: 'month',
    proposers: CG,
    needsApproval: false,
    weight: 7,
    description: '参加村民(代表)会议、伙场说事会（每周三）并签到',
    notes: ['参加周三伙场说事会', '参加村民代表会议', '参加党员群众大会'],
  },
  {
    code: 'ZL02',
    name: '按时参加医保、养老保险',
    category: '参与治理',
    value: 3,
    cap: 3,
    capPeriod: 'year',
    proposers: CG,
    weight: 2,
    description: '按时缴纳城乡居民医保、养老保险',
    notes: ['全家按时缴纳城乡居民医保', '按时缴纳养老保险'],
  },
  {
    code: 'ZL03',
    name: '建言献策被采纳',
    category: '参与治理',
    value: 5,
    cap: 10,
    capPeriod: 'year',
    proposers: CG,
    weight: 1,
    description: '为村级发展、公共事务提出建议并被村两委采纳',
    notes: ['建议在村口增设路灯，已采纳', '提出成立种植合作社的建议被采纳'],
  },
  {
    code: 'ZL04',
    name: '无理缠访、阻挠公共项目',
    category: '参与治理',
    value: -10,
    proposers: CG,
    weight: 0.3,
    description: '无理缠访闹访，或阻挠村级公共项目施工',
    notes: ['阻挠村道硬化施工，经劝说仍不配合'],
  },
];

/** 孟家湾村's own additions (kept by its 两委). */
export const VILLAGE_RULES: Record<string, DemoRule[]> = {
  孟家湾村: [
    {
      code: 'MJ01',
      name: '防风固沙植树',
      category: '人居环境',
      value: 5,
      cap: 15,
      capPeriod: 'year',
      proposers: ALL,
      weight: 2,
      description: '春秋两季参加村组织的沙地植树、网格沙障',
      notes: ['参加春季沙地植树', '参加扎设草方格沙障'],
    },
    {
      code: 'MJ02',
      name: '伙场说事提出建议被采纳',
      category: '参与治理',
      value: 3,
      cap: 9,
      capPeriod: 'month',
      proposers: CG,
      weight: 3,
      description: '在伙场说事会上提出的建议被采纳办理',
      notes: ['说事会上建议维修村口涵洞，已办理', '建议统一清运冬季炉灰，已采纳'],
    },
    {
      code: 'MJ03',
      name: '私挖滥采沙土',
      category: '遵纪守法',
      value: -10,
      proposers: CG,
      weight: 0.4,
      description: '未经批准在集体土地上挖沙取土',
      notes: ['在集体沙地私自取土'],
    },
  ],
};

/** Why a cadre turns an award down. */
export const REJECT_REASONS = ['入户核实情况与申报不符', '同一事项本月已申报过', '证明材料不足，请补充后重新申报', '该事项不属于本条加分范围'];
export const CAP_REASON = '本期该项已达封顶分值';
/** What a villager (or the supervisor) says about an award on the board. */
export const OBJECTIONS = ['该户门前仍堆有杂物，与公示不符', '该户当天并未参加活动', '加分事项与实际情况有出入，请村里核实', '同一件事已加过分'];
export const OBJECTION_UPHELD = '经入户核实，异议属实，不予加分';
export const OBJECTION_ANSWERED = '经核实，申报属实，异议已向反映人解释';

export interface DemoItem {
  name: string;
  cost: number;
  stock: number;
  description?: string;
  merchant?: string;
  restock?: boolean;
}

/** What every village's 追梦超市 may shelve; each village takes 6–10 of these. */
export const STORE_ITEMS: DemoItem[] = [
  { name: '洗衣液（2kg）', cost: 25, stock: 30, description: '蓝月亮洗衣液，2千克装' },
  { name: '食用油（5L）', cost: 70, stock: 15, description: '金龙鱼大豆油，5升装' },
  { name: '大米（10斤）', cost: 30, stock: 25, description: '东北大米，5千克装' },
  { name: '面粉（10斤）', cost: 25, stock: 25, description: '陕西富强粉，5千克装' },
  { name: '香皂', cost: 5, stock: 50, description: '舒肤佳香皂，单块' },
  { name: '毛巾', cost: 10, stock: 40, description: '纯棉毛巾，两条装' },
  { name: '牙膏', cost: 8, stock: 40, description: '云南白药牙膏，120克' },
  { name: '酱油', cost: 10, stock: 30, description: '海天生抽，1.28升' },
  { name: '陈醋', cost: 8, stock: 30, description: '山西老陈醋，800毫升' },
  { name: '暖水瓶', cost: 35, stock: 8, description: '5磅保温暖水瓶' },
  { name: '电饭锅', cost: 150, stock: 5, description: '美的电饭锅，4升，积分兑换的“大件”', restock: false },
  { name: '农用手套', cost: 3, stock: 50, description: '劳保线手套，两副' },
  { name: '洗洁精', cost: 10, stock: 30, description: '白猫洗洁精，1.5千克' },
  { name: '卫生纸（10卷）', cost: 15, stock: 30, description: '清风卷纸，10卷装' },
  { name: '书包', cost: 40, stock: 6, description: '学生书包，留守儿童家庭优先', restock: false },
];

/** The partner merchant of 孟家湾村 (seed 000: stores run by the village or partner merchants). */
export const MERCHANT = '孟家湾便民超市';
export const MERCHANT_ITEMS: DemoItem[] = [
  { name: '鸡蛋（30枚）', cost: 25, stock: 20, description: '本地散养鸡蛋，合作商户供货', merchant: MERCHANT },
  { name: '洗发水', cost: 30, stock: 12, description: '海飞丝洗发水，400毫升，合作商户供货', merchant: MERCHANT },
];

export const CANCEL_REASONS = ['村民改换其他商品', '超过一个月未领取，积分退回', '商品临近保质期，下架退回积分', '村民申请取消'];

/** 道德银行 activities a village posts. */
export const ACTIVITIES: { title: string; place: string; hours: number; description: string; months?: number[] }[] = [
  { title: '村道集中清扫', place: '村委会门前集合', hours: 3, description: '清扫主村道两侧垃圾、清理排水沟' },
  { title: '关爱独居老人上门服务', place: '各村民小组', hours: 2, description: '为独居、空巢老人打扫卫生、理发、检查用电安全' },
  { title: '春季义务植树', place: '村南沙地', hours: 4, description: '栽植樟子松、沙柳，扎设草方格', months: [3, 4, 5] },
  { title: '秋季沙障维护', place: '村西治沙区', hours: 4, description: '修补草方格沙障，补植沙柳', months: [9, 10] },
  { title: '防汛巡查值守', place: '河道沿线', hours: 3, description: '汛期河道、涵洞巡查，清理行洪障碍', months: [6, 7, 8] },
  { title: '冬季清雪保通', place: '村道', hours: 2, description: '清扫村道积雪，撒融雪剂', months: [12, 1, 2] },
  { title: '文明交通劝导', place: '村口路段', hours: 2, description: '劝导戴头盔、不超员、不酒驾' },
  { title: '留守儿童课业辅导', place: '村党群服务中心', hours: 2, description: '周末为留守儿童辅导作业、读书' },
  { title: '文化广场整理', place: '村文化广场', hours: 3, description: '清理广场杂物，整理健身器材' },
  { title: '反诈宣传进农户', place: '各村民小组', hours: 2, description: '入户发放反诈宣传单，帮助安装国家反诈中心App' },
];

/** 评选 titles and how many households of a village get each. */
export const DESIGNATIONS: { title: string; min: number; max: number }[] = [
  { title: '十星级文明户', min: 2, max: 3 },
  { title: '五好文明家庭', min: 1, max: 2 },
  { title: '净美庭院', min: 2, max: 3 },
];
