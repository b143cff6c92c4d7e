// Patrols (巡查) as pure functions: which patrol is due where and when, and the default checklist.
//   日巡查   daily, for every base grid (seed 004: 基础网格员每天在各自责任网格巡查);
//   月排查   on the 1st and the 15th, for every village (三级网格长组织全村集中排查);
//   季度联查 at the start of each quarter, led above the villages (工作区 → here the township).

export const PATROL_KINDS = ['daily', 'fortnightly', 'quarterly'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];

/** The region level each kind of patrol is done for. */
export const LEVEL_OF: Record<PatrolKind, 'grid' | 'village' | 'township'> = { daily: 'grid', fortnightly: 'village', quarterly: 'township' };

export interface PatrolPeriod {
  kind: PatrolKind;
  key: string;
  dueOn: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The period of a kind that contains `day`: the day itself; the 1st–14th or 15th–month end; the quarter. */
export function patrolPeriod(kind: PatrolKind, day: string): PatrolPeriod {
  const y = +day.slice(0, 4),
    m = +day.slice(5, 7),
    d = +day.slice(8, 10);
  if (kind === 'daily') return { kind, key: day, dueOn: day, start: day, end: day };
  if (kind === 'fortnightly') {
    const first = d < 15;
    const start = `${y}-${pad(m)}-${first ? '01' : '15'}`;
    return { kind, key: start, dueOn: start, start, end: `${y}-${pad(m)}-${first ? '14' : pad(lastDay(y, m))}` };
  }
  const q = Math.floor((m - 1) / 3);
  const start = `${y}-${pad(q * 3 + 1)}-01`;
  return { kind, key: `${y}-Q${q + 1}`, dueOn: start, start, end: `${y}-${pad(q * 3 + 3)}-${pad(lastDay(y, q * 3 + 3))}` };
}

export type PatrolStatus = 'done' | 'due' | 'late';

/** Done once recorded in its period; late once its due day has passed without a record (it can still be recorded). */
export function patrolStatus(p: PatrolPeriod, recorded: boolean, today: string): PatrolStatus {
  if (recorded) return 'done';
  return today > p.dueOn ? 'late' : 'due';
}

export interface ChecklistItem {
  code: string;
  category: string;
  name: string;
}

/** A default "6类18项" patrol checklist (categories with items), editable by administrators. */
export const DEFAULT_CHECKLIST: ChecklistItem[] = [
  ['安全生产', ['消防通道与用火用电', '危房与地质灾害点', '燃气与液化气使用']],
  ['环境卫生', ['垃圾收集与清运', '河塘沟渠保洁', '乱堆乱放与乱搭乱建']],
  ['社会治安', ['矛盾纠纷苗头', '外来与流动人员', '重点人员动态']],
  ['违法建设', ['违章建筑', '乱占耕地', '私搭乱建']],
  ['公共设施', ['道路桥梁', '路灯与供水', '公共活动场所设施']],
  ['民生服务', ['困难群众诉求', '独居老人状况', '防汛与自然灾害险情']],
].flatMap(([category, names], ci) => (names as string[]).map((name, i) => ({ code: `c${ci + 1}i${i + 1}`, category: category as string, name })));

export interface ItemResult {
  code: string;
  ok: boolean;
  note?: string | null;
}

/**
 * Checks a patrol's results against the checklist: every item answered once,
 * a note for every problem. Returns a Chinese reason, or null when fine.
 */
export function resultsProblem(checklist: ChecklistItem[], results: ItemResult[]): string | null {
  const codes = new Set(checklist.map((c) => c.code));
  const seen = new Set<string>();
  for (const r of results) {
    if (!codes.has(r.code)) return `检查项不存在：${r.code}`;
    if (seen.has(r.code)) return '同一检查项只能填写一次';
    seen.add(r.code);
    if (!r.ok && !r.note?.trim()) return `请说明“${checklist.find((c) => c.code === r.code)!.name}”发现的问题`;
  }
  const missing = checklist.filter((c) => !seen.has(c.code));
  if (missing.length)
    return `还有${missing.length}项未检查：${missing
      .slice(0, 3)
      .map((c) => c.name)
      .join('、')}${missing.length > 3 ? '等' : ''}`;
  return null;
}
