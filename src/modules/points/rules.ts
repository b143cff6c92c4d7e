// The points system (积分制) as pure functions: the award workflow, caps per
// household and period, and the ledger's one invariant — a balance is the sum
// of its entries and never goes below zero.

export const RULE_CATEGORIES = ['人居环境', '孝老爱亲', '遵纪守法', '志愿服务', '移风易俗', '参与治理'] as const;
import { CAP_PERIODS, ENTRY_SOURCES, PROPOSERS, type CapPeriod, type EntrySource, type Proposer } from '../../shared/points.js';

export { CAP_PERIODS, ENTRY_SOURCES, PROPOSERS, type CapPeriod, type EntrySource, type Proposer };

export const AWARD_STATUSES = ['pending', 'rejected', 'publicized', 'effective'] as const;
export type AwardStatus = (typeof AWARD_STATUSES)[number];
export const AWARD_ACTIONS = ['approve', 'reject', 'object', 'take_effect'] as const;
export type AwardAction = (typeof AWARD_ACTIONS)[number];

/**
 * 提议 → 审核 (村两委 approves or rejects with a reason) → 公示 for a set period →
 * 生效 (a ledger entry). An objection during 公示 sends the award back for review.
 */
export const AWARD_TRANSITIONS: Record<AwardStatus, Partial<Record<AwardAction, AwardStatus>>> = {
  pending: { approve: 'publicized', reject: 'rejected' },
  publicized: { object: 'pending', take_effect: 'effective' },
  rejected: {},
  effective: {},
};

export const nextAwardStatus = (s: AwardStatus, a: AwardAction): AwardStatus | null => AWARD_TRANSITIONS[s][a] ?? null;

/** The cap period holding a Shanghai calendar day: '2026-11' or '2026'. */
export const capKey = (period: CapPeriod, day: string) => (period === 'month' ? day.slice(0, 7) : day.slice(0, 4));

/**
 * Whether one more award of `value` fits the cap: `counted` are the values of
 * the household's awards under the same rule in the same period that are
 * approved (in 公示) or effective. Deductions (negative values) are not capped.
 */
export function withinCap(counted: number[], value: number, cap: number | null): boolean {
  if (cap === null || value <= 0) return true;
  return counted.filter((v) => v > 0).reduce((s, v) => s + v, 0) + value <= cap;
}

/** A debit (redemption, deduction) may take a balance down to zero, never below. */
export const canDebit = (balance: number, amount: number) => Number.isInteger(amount) && amount > 0 && balance - amount >= 0;

export const balanceOf = (entries: { delta: number }[]) => entries.reduce((s, e) => s + e.delta, 0);

/** The end of 公示: `days` calendar days after approval (5–7 in the seeds). */
export const publicUntil = (approvedAt: Date, days: number) => new Date(approvedAt.getTime() + days * 86_400_000);

/** Sources that count as points earned (rankings, 积分发放); the rest spend, return or settle them. */
export const EARNING_SOURCES: EntrySource[] = ['rule_award', 'first_report', 'mediator', 'volunteer', 'evaluation', 'monthly_base', 'correction'];

export const parseProposers = (s: string): Proposer[] => s.split(',').filter((p): p is Proposer => (PROPOSERS as readonly string[]).includes(p));
export const formatProposers = (list: readonly Proposer[]) => PROPOSERS.filter((p) => list.includes(p)).join(',');

/**
 * The proposer an account acts as for a household: a cadre (points.manage) before
 * a grid worker (visits.log) before the household's own villager; null if none.
 */
export function proposerRole(can: { manage: boolean; log: boolean; ownHousehold: boolean }): Proposer | null {
  if (can.manage) return 'cadre';
  if (can.log) return 'grid';
  if (can.ownHousehold) return 'villager';
  return null;
}

export const RANKING_PERIODS = ['month', 'quarter', 'year'] as const;
export type RankingPeriod = (typeof RANKING_PERIODS)[number];

/** The Shanghai calendar days [first, last] of the month, quarter or year holding `day` (YYYY-MM-DD). */
export function periodDays(period: RankingPeriod, day: string): { first: string; last: string } {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const startMonth = period === 'month' ? m : period === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : 1;
  const months = period === 'month' ? 1 : period === 'quarter' ? 3 : 12;
  const end = new Date(Date.UTC(y, startMonth - 1 + months, 0));
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${y}-${pad(startMonth)}-01`, last: `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}` };
}

/**
 * The one order in which a transaction locks several households' balance rows (monthly base,
 * settlement): by id. Two writers locking in the same order wait for each other instead of
 * deadlocking; PostgreSQL would otherwise abort one of them (40P01).
 */
export const inLockOrder = <T extends string | { id: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => {
    const x = typeof a === 'string' ? a : a.id,
      y = typeof b === 'string' ? b : b.id;
    return x < y ? -1 : x > y ? 1 : 0;
  });

/** Competition ranking (1, 1, 3): equal points share a rank, the next rank skips. Input sorted by points, highest first. (The ranking page ranks in SQL with RANK(), which is this.) */
export function competitionRanks(points: number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < points.length; i++) out.push(i > 0 && points[i - 1] === points[i] ? out[i - 1] : i + 1);
  return out;
}

/** Titles of designations (评选) with their default points. */
export const DESIGNATION_TITLES: Record<string, number> = { 十星级文明户: 20, 五好文明家庭: 20, 净美庭院: 10 };

/**
 * Year-end settlement of one household. It runs after the year has ended, so the balance
 * may already hold new points (January's base score, awards); spending takes the oldest
 * points first. What the household still holds of the settled year is its balance less
 * the points credited since the year ended; 'reset' clears that with one entry, 'carry'
 * keeps it (and records it as carried).
 */
export function settlementEntry(mode: 'carry' | 'reset', balance: number, creditedSince: number): { held: number; delta: number } {
  const held = Math.max(0, Math.min(balance, balance - Math.max(0, creditedSince)));
  return { held, delta: mode === 'reset' && held > 0 ? -held : 0 };
}

/** The monthly base score's source id: one entry per household and month (YYYY-MM). */
export const monthlyBaseSourceId = (householdId: string, month: string) => `${householdId}:${month}`;

/** Volunteer points: hours × rate, rounded to whole points. */
export const volunteerPoints = (hours: number, rate: number) => Math.round(hours * rate);

/**
 * Awards that keep a household from moving to `toPathIds` (the ids along its new region path):
 * those still pending or in 公示 under a rule of a region the new place is not under — a
 * village-own rule of the old village. The new village cannot review a rule it does not have,
 * and the old village would be deciding for a household no longer its own, so the old village
 * decides them first (approve and let 公示 run out, or reject). Awards under rules that apply
 * in both places (the township's, the county's) move with the household.
 */
export function awardsBlockingMove<A extends { status: string; ruleRegionId: string }>(awards: A[], toPathIds: string[]): A[] {
  return awards.filter((a) => (a.status === 'pending' || a.status === 'publicized') && !toPathIds.includes(a.ruleRegionId));
}
