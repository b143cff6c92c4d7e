// The points system (积分制) as pure functions: the award workflow, caps per
// household and period, and the ledger's one invariant — a balance is the sum
// of its entries and never goes below zero.

export const RULE_CATEGORIES = ['人居环境', '孝老爱亲', '遵纪守法', '志愿服务', '移风易俗', '参与治理'] as const;
export const CAP_PERIODS = ['month', 'year'] as const;
export type CapPeriod = (typeof CAP_PERIODS)[number];

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
