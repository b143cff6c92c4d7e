// The 追梦超市 store as pure rules: a redemption reserves stock and debits points
// at once and yields a pick-up code; the counter checks the code (核销) or the
// redemption is cancelled (points refunded, stock returned). Nothing else moves.

export const REDEMPTION_STATUSES = ['reserved', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
export const REDEMPTION_ACTIONS = ['fulfil', 'cancel'] as const;
export type RedemptionAction = (typeof REDEMPTION_ACTIONS)[number];

const TRANSITIONS: Record<RedemptionStatus, Partial<Record<RedemptionAction, RedemptionStatus>>> = {
  reserved: { fulfil: 'fulfilled', cancel: 'cancelled' },
  fulfilled: {},
  cancelled: {},
};
export const nextRedemptionStatus = (s: RedemptionStatus, a: RedemptionAction): RedemptionStatus | null => TRANSITIONS[s][a] ?? null;

/** Most of one item a household takes in one redemption. */
export const MAX_QUANTITY = 20;

export const totalCost = (unitCost: number, quantity: number) => unitCost * quantity;

/** Whether a redemption can go ahead; the reason when it cannot (points are checked before stock). */
export function redemptionBlock(balance: number, stock: number, unitCost: number, quantity: number): 'INSUFFICIENT_POINTS' | 'OUT_OF_STOCK' | null {
  if (balance < totalCost(unitCost, quantity)) return 'INSUFFICIENT_POINTS';
  if (stock < quantity) return 'OUT_OF_STOCK';
  return null;
}

/** An 8-digit pick-up code from a source of random integers (no leading zero, easy to read out at the counter). */
export function pickupCode(randomInt: (maxExclusive: number) => number): string {
  return String(10_000_000 + randomInt(90_000_000));
}

/** The code as shown on the phone: two groups of four digits. */
export const formatCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;

/** A code typed at the counter: digits only (spaces and dashes dropped), or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  return /^[1-9]\d{7}$/.test(digits) ? digits : null;
}
