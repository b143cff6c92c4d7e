// The case workflow (群众说事、干部办事、大家评事) as data: one transition table for
// incidents, service requests and disputes, time limits in working days, and
// the yellow/red card rule. Pure: the service applies what these functions decide.

import type { WorkCalendar } from '../../core/workdays.js';
import { shanghaiDate } from '../../core/clock.js';

export const CASE_TYPES = ['incident', 'service', 'dispute'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const STATUSES = ['reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'rated', 'archived', 'rejected', 'merged'] as const;
export type Status = (typeof STATUSES)[number];

export const ACTIONS = [
  'accept',
  'reject',
  'dispatch',
  'start',
  'resolve',
  'escalate',
  'return',
  'supervise',
  'rate',
  'archive',
  'reopen',
  'request_extension',
  'approve_extension',
  'deny_extension',
  'copy',
  'verify',
  'note',
  'step',
  'mediate',
  'revisit',
  'merge',
] as const;
export type Action = (typeof ACTIONS)[number];

export const PRIORITIES = ['normal', 'major', 'difficult'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Who may take an action: the responsible level's cadres, the level above, the handler, or the reporter. */
export type Actor = 'level' | 'above' | 'handler' | 'reporter';

const OPEN: Status[] = ['reported', 'accepted', 'dispatched', 'in_progress'];
const SAME = 'same' as const;

/** status → action → next status ('same' keeps the status). Anything absent is INVALID_TRANSITION. */
export const TRANSITIONS: Record<Status, Partial<Record<Action, Status | typeof SAME>>> = {
  reported: { accept: 'accepted', reject: 'rejected', escalate: SAME, supervise: SAME, copy: SAME, note: SAME },
  accepted: {
    dispatch: 'dispatched',
    start: 'in_progress',
    resolve: 'resolved',
    escalate: SAME,
    supervise: SAME,
    copy: SAME,
    note: SAME,
    request_extension: SAME,
    step: SAME,
    mediate: SAME,
  },
  dispatched: {
    start: 'in_progress',
    resolve: 'resolved',
    return: 'accepted',
    escalate: SAME,
    supervise: SAME,
    copy: SAME,
    note: SAME,
    request_extension: SAME,
    step: SAME,
    mediate: SAME,
  },
  in_progress: {
    resolve: 'resolved',
    return: 'accepted',
    escalate: SAME,
    supervise: SAME,
    copy: SAME,
    note: SAME,
    request_extension: SAME,
    step: SAME,
    mediate: SAME,
  },
  resolved: { rate: 'rated', return: 'in_progress', note: SAME, revisit: SAME },
  rated: { archive: 'archived', verify: SAME, reopen: 'accepted', note: SAME, revisit: SAME },
  archived: { reopen: 'accepted' },
  rejected: {},
  // 合并: the same matter reported twice is handled once, on the other case; this one ends here.
  merged: {},
};

// Extension decisions are valid wherever a request may be pending (the service checks one is);
// an open case may be merged into another open case of the same matter.
for (const s of OPEN) Object.assign(TRANSITIONS[s], { approve_extension: SAME, deny_extension: SAME, merge: 'merged' });

export const WHO: Record<Action, Actor[]> = {
  accept: ['level'],
  reject: ['level'],
  dispatch: ['level'],
  escalate: ['level'],
  copy: ['level', 'above'],
  start: ['handler', 'level'],
  resolve: ['handler', 'level'],
  return: ['handler', 'level'],
  request_extension: ['handler', 'level'],
  supervise: ['above'],
  approve_extension: ['above'],
  deny_extension: ['above'],
  verify: ['above'],
  rate: ['reporter'],
  archive: ['level'],
  reopen: ['level', 'reporter'],
  note: ['level', 'handler', 'above', 'reporter'],
  step: ['handler', 'level'],
  mediate: ['handler', 'level'],
  revisit: ['handler', 'level'],
  merge: ['level'],
};

/** Roles whose holders inside the responsible level's subtree it may dispatch to or copy (派单、抄告). */
export const HANDLER_ROLES = ['grid_worker', 'party_member', 'mediator', 'village_cadre', 'township_staff', 'township_leader'];

/**
 * Whether a role grant makes its holder someone the responsible level (at
 * `levelPath`) may dispatch to or copy: a handler role inside the level's
 * subtree, or staff (站所) of the township serving it (`townshipPath`: the
 * level's parent when that is a township, else null). Villagers, supervisors
 * and people outside the level are not.
 */
export function assignableGrant(g: { role: string; path: string }, levelPath: string, townshipPath: string | null): boolean {
  if (!HANDLER_ROLES.includes(g.role)) return false;
  if (g.path.startsWith(levelPath)) return true;
  return g.role === 'township_staff' && townshipPath !== null && g.path === townshipPath;
}

/** Actions that belong to one case type only (the others are shared by all three). */
export const TYPE_ONLY: Partial<Record<Action, CaseType>> = { step: 'service', mediate: 'dispute', revisit: 'dispute' };

export { SERVICE_STEPS, nextServiceStep } from '../../shared/case-steps.js';

/** Why a person is offered first for 派单: the case's own grid worker, or one the level often hands cases to. */
export type SuggestReason = 'grid' | 'usual';

/**
 * 派单 candidates in the order to offer them: the grid worker(s) of the case's own grid first, then the level's
 * usual handlers (handed its cases at least twice lately, most first), then everyone else as listed. Only the
 * first three usual handlers are marked as such.
 */
export function rankAssignees<P extends { userId: string; role: string; regionId: string }>(
  people: readonly P[],
  caseRegionId: string,
  usual: ReadonlyMap<string, number>,
): (P & { suggested: SuggestReason | null })[] {
  const usualTop = new Set(
    [...usual.entries()]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([id]) => id),
  );
  const gridIds = new Set(people.filter((p) => p.role === 'grid_worker' && p.regionId === caseRegionId).map((p) => p.userId));
  const reason = (p: P): SuggestReason | null => (gridIds.has(p.userId) ? 'grid' : usualTop.has(p.userId) ? 'usual' : null);
  const rank = (p: P) => (gridIds.has(p.userId) ? 0 : usualTop.has(p.userId) ? 1 : 2);
  return people
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || (rank(a.p) === 1 ? (usual.get(b.p.userId) ?? 0) - (usual.get(a.p.userId) ?? 0) : 0) || a.i - b.i)
    .map(({ p }) => ({ ...p, suggested: reason(p) }));
}

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const DISPUTE_OUTCOMES = ['agreement', 'terminated'] as const;

// ── 待办: most urgent first, and the time left in words ──

/** 红牌 before 黄牌 before neither. */
export const cardRank = (card: string | null) => (card === 'red' ? 0 : card === 'yellow' ? 1 : 2);

/**
 * The order of a 待办 list: red cards first, then yellow, then the nearest due time (a case without one last),
 * then the newest report.
 */
export function byUrgency(
  a: { card: string | null; red_at: string | null; reported_at: string },
  b: { card: string | null; red_at: string | null; reported_at: string },
): number {
  return cardRank(a.card) - cardRank(b.card) || (a.red_at ?? '\uffff').localeCompare(b.red_at ?? '\uffff') || b.reported_at.localeCompare(a.reported_at);
}

const DAY_MS = 86_400_000;

/**
 * The time left to a due instant, as a cadre says it: 剩N个工作日 while whole working days remain (counted on
 * the work calendar, so a weekend or 国庆 in between does not count); less than one: 今天到期 when it falls
 * today, else 不到1个工作日 (Friday afternoon, due Monday morning); once passed, 已超期N天 in calendar days
 * (Shanghai dates), 已超期 on the day itself.
 */
export function timeLeftWords(cal: WorkCalendar, now: Date, due: Date): string {
  if (due.getTime() <= now.getTime()) {
    const days = Math.round((Date.parse(shanghaiDate(now)) - Date.parse(shanghaiDate(due))) / DAY_MS);
    return days <= 0 ? '已超期' : `已超期${days}天`;
  }
  const left = cal.workingDaysBetween(now, due);
  if (left >= 1) return `剩${left}个工作日`;
  return shanghaiDate(due) === shanghaiDate(now) ? '今天到期' : '不到1个工作日';
}

// ── closing with proof ──

export { RESULT_MIN_CHARS, resultStated } from '../../shared/case-result.js';

/**
 * Whether a caller with these parts in the case may resolve it in this state: the handler always; the level's
 * cadre only while nobody else holds it unstarted — a case dispatched (派单) to someone who has not started it is
 * theirs to close, until they start it (then the level may close it for them) or it is returned to the level.
 */
export function mayResolve(status: Status, parts: ReadonlySet<Actor>): boolean {
  if (parts.has('handler')) return true;
  return parts.has('level') && status !== 'dispatched';
}

/** At most this many photos of the result go with one 办结 (a phone's photo picker offers nine). */
export const MAX_RESULT_PHOTOS = 9;

/**
 * The pictures a resolve shows as its result, or what is wrong with them. Named (`photoIds`): each must be a
 * picture attached to this case, named once, at most nine. Not named: the pictures attached since the case was
 * (last) accepted — what the handler took while working on it. A category that requires a photo of the result
 * refuses a resolve left with none.
 */
export function resultPhotos(
  required: boolean,
  photoIds: readonly string[] | undefined,
  caseFiles: readonly { id: string; mime: string; createdAt: string }[],
  acceptedAt: string | null,
): { ids: string[] } | { problem: 'RESULT_PHOTO_REQUIRED' | 'TOO_MANY_PHOTOS' | 'UNKNOWN_PHOTO' } {
  const images = caseFiles.filter((f) => f.mime.startsWith('image/'));
  let ids: string[];
  if (photoIds) {
    if (photoIds.length > MAX_RESULT_PHOTOS) return { problem: 'TOO_MANY_PHOTOS' };
    if (new Set(photoIds).size !== photoIds.length || photoIds.some((id) => !images.some((f) => f.id === id))) return { problem: 'UNKNOWN_PHOTO' };
    ids = [...photoIds];
  } else ids = images.filter((f) => acceptedAt !== null && f.createdAt >= acceptedAt).map((f) => f.id);
  if (required && ids.length === 0) return { problem: 'RESULT_PHOTO_REQUIRED' };
  return { ids };
}

/**
 * The photos to set side by side (办理前 / 办理后): after = the pictures named by the resolve in force (the last one,
 * unless the case was sent back or reopened since); before = every other picture attached before that resolve (or all of them
 * while nothing is resolved), in the order they came. `history` and `files` in time order.
 */
export function beforeAfterPhotos(
  history: readonly { action: string; at: string; photoIds?: readonly string[] }[],
  files: readonly { id: string; mime: string; createdAt: string }[],
): { before: string[]; after: string[] } {
  const lastResolve = history.findLastIndex((h) => h.action === 'resolve');
  // Sent back (退回重办) or reopened (回头看) since: that result no longer stands.
  const reopened = history.findLastIndex((h) => h.action === 'reopen' || h.action === 'return') > lastResolve;
  const resolve = lastResolve >= 0 && !reopened ? history[lastResolve] : null;
  const results = new Set(history.flatMap((h) => (h.action === 'resolve' ? (h.photoIds ?? []) : [])));
  const images = files.filter((f) => f.mime.startsWith('image/'));
  const after = resolve ? (resolve.photoIds ?? []).filter((id) => images.some((f) => f.id === id)) : [];
  const before = images.filter((f) => !results.has(f.id) && (!resolve || f.createdAt <= resolve.at)).map((f) => f.id);
  return { before, after };
}

export function nextStatus(status: Status, action: Action): Status | null {
  const to = TRANSITIONS[status][action];
  return to === undefined ? null : to === SAME ? status : to;
}

export const isTerminal = (s: Status) => Object.keys(TRANSITIONS[s]).length === 0;
export const isOpen = (s: Status) => OPEN.includes(s);

/** Actions the state allows (before checking who is asking). */
export const allowedActions = (s: Status): Action[] => Object.keys(TRANSITIONS[s]) as Action[];

// ── time limits ──

export interface Limits {
  acceptYellow: number;
  acceptRed: number;
  resolveYellow: number;
  resolveRed: number;
}

/** CONTRACT.md defaults; 重大 and 疑难 cases get their own (重大事项开会办, 疑难事项集中办). */
export const DEFAULT_LIMITS: Record<Priority, Limits> = {
  normal: { acceptYellow: 2, acceptRed: 5, resolveYellow: 5, resolveRed: 10 },
  major: { acceptYellow: 1, acceptRed: 2, resolveYellow: 10, resolveRed: 20 },
  difficult: { acceptYellow: 2, acceptRed: 5, resolveYellow: 15, resolveRed: 30 },
};

/** The levels a case can sit at (it starts at the village and climbs), for which limits may differ. */
export const LIMIT_LEVELS = ['village', 'township', 'county'] as const;
export type LimitLevel = (typeof LIMIT_LEVELS)[number];
/** "Any category" / "any level" in a limit rule. */
export const ANY = '*';

export interface LimitRule extends Limits {
  category: string;
  level: string;
  priority: Priority;
}

/**
 * The limits for a case of `category` at `level` with `priority`: the most
 * specific matching rule wins (category and level > category > level > any),
 * else the defaults for the priority. Pass ANY as level for a category's own
 * rule regardless of level.
 */
export function pickLimits(rules: LimitRule[], category: string, level: string, priority: Priority): Limits {
  let best: LimitRule | null = null;
  let bestRank = -1;
  for (const r of rules) {
    if (r.priority !== priority) continue;
    if (r.category !== category && r.category !== ANY) continue;
    if (r.level !== level && r.level !== ANY) continue;
    const rank = (r.category === ANY ? 0 : 2) + (r.level === ANY ? 0 : 1);
    if (rank > bestRank) [best, bestRank] = [r, rank];
  }
  const { acceptYellow, acceptRed, resolveYellow, resolveRed } = best ?? DEFAULT_LIMITS[priority];
  return { acceptYellow, acceptRed, resolveYellow, resolveRed };
}

/** A limit set is usable when every limit is 1–90 working days and yellow comes no later than red. */
export function limitsProblem(l: Limits): string | null {
  const all = [l.acceptYellow, l.acceptRed, l.resolveYellow, l.resolveRed];
  if (all.some((d) => !Number.isInteger(d) || d < 1 || d > 90)) return '时限须为1至90个工作日';
  if (l.acceptYellow > l.acceptRed || l.resolveYellow > l.resolveRed) return '黄牌时限不能晚于红牌时限';
  return null;
}

/** The phase whose clock runs after a case arrives at a (new) level: accepting, or resolving once accepted. */
export const phaseOf = (s: Status): 'accept' | 'resolve' => (s === 'reported' ? 'accept' : 'resolve');

export type Card = 'yellow' | 'red' | null;

export interface Clocked {
  status: Status;
  card: Card;
  yellowAt: string | null; // current phase's yellow instant (ISO)
  redAt: string | null; // current phase's red instant = dueAt
}

/**
 * The card a case should carry at `now`: only ever raised while open; a red
 * card stays red (also across escalation) until the case is resolved.
 */
export function cardAt(c: Clocked, now: string): Card {
  if (!isOpen(c.status)) return c.status === 'resolved' || c.status === 'rated' || c.status === 'archived' ? null : c.card;
  if (c.card === 'red' || (c.redAt && now >= c.redAt)) return 'red';
  if (c.card === 'yellow' || (c.yellowAt && now >= c.yellowAt)) return 'yellow';
  return null;
}

/** Escalation target chain: the region ids above the responsible level, nearest first (ids from a path). */
export function levelAbove(levelPathIds: string[], skip = false): string | null {
  const up = levelPathIds.length - (skip ? 3 : 2);
  return up >= 0 ? levelPathIds[up] : null;
}

/** 小事不出村: a case resolved while its responsible level was still the village. */
export function resolvedInVillage(levelLevel: string, status: Status): boolean {
  return (status === 'resolved' || status === 'rated' || status === 'archived') && (levelLevel === 'village' || levelLevel === 'grid');
}

/**
 * The steps a villager reads on their case (the reporter's side, not staff): what was decided for them and what is
 * being done — reported, accepted or not (with the reason), handed to whom, started, escalated, resolved (with the
 * result), the 代办 steps, mediation and the follow-up visit, a granted extension, their rating, reopened, archived.
 * A result sent back for more work (return from resolved) is theirs to know; a handler giving the case back to the
 * level is not. Their own photos and words stay theirs to read; staff's working notes, files, 督办, 抄告, 会商,
 * extension requests and refusals, cards and calendar moves are the office's. Two reports of one thing merged, and
 * others who met the same thing (我也遇到), are theirs to know.
 */
const FOR_VILLAGER = new Set<string>([
  'report',
  'accept',
  'reject',
  'dispatch',
  'start',
  'resolve',
  'escalate',
  'rate',
  'reopen',
  'archive',
  'step',
  'mediate',
  'revisit',
  'approve_extension',
  'merge',
  'merge_in',
  'follow',
]);

export function villagerSees(h: { action: string; from: string | null; byVillager: boolean }): boolean {
  if (FOR_VILLAGER.has(h.action)) return true;
  if (h.action === 'return') return h.from === 'resolved';
  if (h.action === 'attach' || h.action === 'note') return h.byVillager;
  return false;
}

// ── 随手拍: the villager's report form ──

/** The category a villager's 其他 lands in until the accepting cadre names the real one. */
export const OTHER_CATEGORY = 'other';
export const OTHER_CHOICE = 'other';

/** A choice on the villager's form: plain words, a one-character badge, and the internal category it stands for. */
export interface ReportChoice {
  code: string;
  label: string;
  badge: string;
  category: string;
}

/** The choices every village starts with, most common first; 其他 is always offered last (not listed here). */
export const DEFAULT_CHOICES: readonly ReportChoice[] = [
  { code: 'streetlight', label: '路灯坏了', badge: '灯', category: 'facility_damage' },
  { code: 'garbage', label: '垃圾没清', badge: '扫', category: 'env_dirty' },
  { code: 'road', label: '道路水渠', badge: '路', category: 'facility_damage' },
  { code: 'hazard', label: '安全隐患', badge: '险', category: 'safety_hazard' },
  { code: 'neighbours', label: '邻里矛盾', badge: '邻', category: 'neighbour_conflict' },
  { code: 'errand', label: '想找人代办', badge: '办', category: 'svc_errand' },
  { code: 'building', label: '乱搭乱建', badge: '建', category: 'illegal_building' },
  { code: 'hardship', label: '生活困难', badge: '助', category: 'life_difficulty' },
  { code: 'flood', label: '水情险情', badge: '汛', category: 'flood_danger' },
];
export const OTHER: ReportChoice = { code: OTHER_CHOICE, label: '其他', badge: '其', category: OTHER_CATEGORY };

/** A village's own setting of one choice: which category it maps to, whether it is offered, and where. */
export interface ChoiceOverride {
  code: string;
  category: string;
  active: boolean;
  sortOrder: number;
}

/**
 * The choices a village's villagers see: the defaults, each replaced by the village's own setting when it has one
 * (category, on/off, order), those turned off or mapped to a category no longer active dropped, 其他 always last and
 * always there (it needs no category but its own). `activeCategories` maps an active category code to its type.
 */
export function effectiveChoices(
  defaults: readonly ReportChoice[],
  overrides: readonly ChoiceOverride[],
  activeCategories: ReadonlyMap<string, string>,
): (ReportChoice & { type: string })[] {
  return choiceSettings(defaults, overrides)
    .filter((c) => c.active && activeCategories.has(c.category))
    .map(({ code, label, badge, category }) => ({ code, label, badge, category, type: activeCategories.get(category)! }))
    .concat([{ ...OTHER, type: activeCategories.get(OTHER_CATEGORY) ?? 'incident' }]);
}

/** A village's setting of every choice but 其他, in its order, those it turned off included (what its cadres edit). */
export function choiceSettings(defaults: readonly ReportChoice[], overrides: readonly ChoiceOverride[]): (ReportChoice & { active: boolean })[] {
  const own = new Map(overrides.map((o) => [o.code, o]));
  return defaults
    .filter((d) => d.code !== OTHER_CHOICE)
    .map((d, i) => {
      const o = own.get(d.code);
      // A default the village has not set yet goes after those it ordered, in the default order.
      return { ...d, category: o?.category ?? d.category, active: o?.active ?? true, order: o ? o.sortOrder : overrides.length + i };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...c }) => c);
}

/** The type and category a chosen choice stands for in this village, or null for a choice it does not offer. */
export function resolveChoice(choices: readonly (ReportChoice & { type: string })[], code: string): { type: string; category: string } | null {
  const c = choices.find((x) => x.code === code);
  return c ? { type: c.type, category: c.category } : null;
}

/** A case's title when the villager wrote none: the choice's words and the start of what they wrote. */
export function reportTitle(label: string, text: string, max = 60): string {
  const first = text
    .replace(/\s+/g, ' ')
    .trim()
    .split(/[。！？!?\n；;]/)[0]
    .trim();
  const t = first ? `${label}：${first}` : label;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * The reply a villager reads after sending: the village accepts within the category's accept limit (the yellow-card
 * limit: past it the case is already late), counted on the work calendar from now, with the date it falls on.
 */
export function acknowledgement(cal: WorkCalendar, now: Date, limits: Limits): { days: number; by: string; words: string } {
  const days = limits.acceptYellow;
  const by = cal.addWorkingDays(now, days);
  const d = shanghaiDate(by);
  const date = `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
  return { days, by: by.toISOString(), words: `已收到，村里将在${days}个工作日内受理（${date}前）` };
}

// ── similar reports (这件事已有人反映) ──

/** Days back a new report looks for the same matter. */
export const SIMILAR_DAYS = 14;
/** The lowest similarity offered as the same matter, and how many are offered. */
export const SIMILAR_THRESHOLD = 0.3;
export const SIMILAR_MAX = 3;

/** Letters, digits and CJK characters only, lower-cased: punctuation, spaces and emoji say nothing about the matter. */
export function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '');
}

/** The set of character bigrams of a text (a one-character text: that character). */
export function charBigrams(text: string): Set<string> {
  const chars = [...normalizeText(text)];
  if (chars.length === 1) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return out;
}

/** Dice similarity of two texts' character bigrams: 1 for the same words, 0 for nothing in common (or an empty text). */
export function similarity(a: string, b: string): number {
  const x = charBigrams(a);
  const y = charBigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return (2 * common) / (x.size + y.size);
}

/**
 * The cases that look like the same matter as `text`: scored against each case's title and against its title with
 * its description (the better of the two), those at or above the threshold, best first, then newest, at most `max`.
 */
export function similarCases<C extends { title: string; description: string; reported_at: string }>(
  text: string,
  cases: readonly C[],
  threshold = SIMILAR_THRESHOLD,
  max = SIMILAR_MAX,
): (C & { score: number })[] {
  return cases
    .map((c) => ({ ...c, score: Math.max(similarity(text, c.title), similarity(text, `${c.title}${c.description}`)) }))
    .filter((c) => c.score >= threshold)
    .sort((a, b) => b.score - a.score || b.reported_at.localeCompare(a.reported_at))
    .slice(0, max);
}

/** The instant a similar case must be reported after to count: SIMILAR_DAYS calendar days before now. */
export const similarSince = (now: Date, days = SIMILAR_DAYS) => new Date(now.getTime() - days * DAY_MS).toISOString();

/**
 * Why case `from` may not be merged into `into`, or null when it may: into another case, still open, handled by the
 * same level (the same village's matter, so one level answers both reporters).
 */
export function mergeProblem(
  from: { id: string; status: string; level_region_path: string },
  into: { id: string; status: string; level_region_path: string },
): { zh: string; en: string } | null {
  if (from.id === into.id) return { zh: '不能合并到事件本身', en: 'A case cannot be merged into itself' };
  if (!isOpen(into.status as Status)) return { zh: '只能合并到尚未办结的事件', en: 'Merge only into an open case' };
  if (from.level_region_path !== into.level_region_path)
    return { zh: '只能合并到同一责任层级正在办理的事件', en: 'Merge only into a case handled by the same level' };
  return null;
}
