// Visit plans (五必访 and the rules admins add) as pure functions over dates
// ('YYYY-MM-DD', Asia/Shanghai calendar days) and residents' tags.

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

export const VISIT_METHODS = ['home', 'phone', 'other'] as const;

/** A plan rule: residents with `tag` (or every household when tag is null) are visited once per period. */
export interface PlanRule {
  id: string;
  name: string;
  tag: string | null;
  frequency: Frequency;
}

/** 个性服务五必访 (seed 000): 困难群众、独居老人、重度残疾人员、社区矫正人员、乡贤能人 每月必访. */
export const FIVE_MUST_VISIT: Omit<PlanRule, 'id'>[] = [
  { name: '困难群众每月必访', tag: 'poor', frequency: 'monthly' },
  { name: '独居老人每月必访', tag: 'elderly_alone', frequency: 'monthly' },
  { name: '重度残疾人员每月必访', tag: 'severe_disability', frequency: 'monthly' },
  { name: '社区矫正人员每月必访', tag: 'community_correction', frequency: 'monthly' },
  { name: '乡贤能人每月必访', tag: 'notable', frequency: 'monthly' },
];

export interface Period {
  frequency: Frequency;
  key: string;
  start: string;
  end: string;
}

const DAY = 86_400_000;
const toMs = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10));
const fromMs = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
export const isDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && fromMs(toMs(d)) === d;
export const isMonth = (m: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);

export function monthBounds(month: string): { start: string; end: string } {
  const y = +month.slice(0, 4),
    m = +month.slice(5, 7);
  return { start: `${month}-01`, end: fromMs(Date.UTC(y, m, 0)) };
}

/** The period of a frequency that contains a day: ISO week (Mon–Sun), calendar month or calendar quarter. */
export function periodOf(frequency: Frequency, day: string): Period {
  const y = +day.slice(0, 4),
    m = +day.slice(5, 7);
  if (frequency === 'monthly') return { frequency, key: day.slice(0, 7), ...monthBounds(day.slice(0, 7)) };
  if (frequency === 'quarterly') {
    const q = Math.floor((m - 1) / 3);
    return { frequency, key: `${y}-Q${q + 1}`, start: `${y}-${pad(q * 3 + 1)}-01`, end: fromMs(Date.UTC(y, q * 3 + 3, 0)) };
  }
  const ms = toMs(day);
  const dow = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  const monday = ms - dow * DAY;
  const thursday = new Date(monday + 3 * DAY); // ISO week-numbering year is the Thursday's
  const wy = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(wy, 0, 1)) / (7 * DAY)) + 1;
  return { frequency, key: `${wy}-W${pad(week)}`, start: fromMs(monday), end: fromMs(monday + 6 * DAY) };
}

/** The periods of a frequency that overlap a month (a month's plan shows each of them). */
export function periodsInMonth(frequency: Frequency, month: string): Period[] {
  const { start, end } = monthBounds(month);
  const out: Period[] = [];
  for (let d = start; d <= end; ) {
    const p = periodOf(frequency, d);
    out.push(p);
    d = fromMs(toMs(p.end) + DAY);
  }
  return out;
}

export interface Subject {
  householdId: string;
  residentId: string | null;
  tags: string[];
}
export interface PlanEntry {
  householdId: string;
  residentId: string | null;
  period: Period;
  reasons: string[];
}

/**
 * What a month's plan must hold: for every rule and every period of its
 * frequency overlapping the month, each resident carrying the rule's tag (or,
 * for a rule without a tag, each household) — one entry per subject and
 * period, listing every rule that asks for it.
 */
export function requiredVisits(subjects: Subject[], households: string[], rules: PlanRule[], month: string): PlanEntry[] {
  const out = new Map<string, PlanEntry>();
  const add = (householdId: string, residentId: string | null, period: Period, reason: string) => {
    const key = `${householdId}|${residentId ?? ''}|${period.key}`;
    const cur = out.get(key) ?? { householdId, residentId, period, reasons: [] };
    if (!cur.reasons.includes(reason)) cur.reasons.push(reason);
    out.set(key, cur);
  };
  for (const rule of rules) {
    for (const period of periodsInMonth(rule.frequency, month)) {
      if (rule.tag === null) for (const h of households) add(h, null, period, rule.name);
      else for (const s of subjects) if (s.tags.includes(rule.tag)) add(s.householdId, s.residentId, period, rule.name);
    }
  }
  return [...out.values()];
}

export type ItemStatus = 'done' | 'due' | 'overdue';

/** Done once a visit is recorded; overdue once its period has ended without one. */
export function itemStatus(item: { visitId: string | null; periodEnd: string }, today: string): ItemStatus {
  if (item.visitId) return 'done';
  return item.periodEnd < today ? 'overdue' : 'due';
}

/** A visit on `day` to a household covers its open plan items whose period contains that day. */
export const covers = (item: { periodStart: string; periodEnd: string }, day: string) => item.periodStart <= day && day <= item.periodEnd;
