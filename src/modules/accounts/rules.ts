// Login throttling: after 5 consecutive failed logins for one phone within 15
// minutes, that phone gets 429 for 15 minutes (CONTRACT.md). An attempt is
// counted when it is admitted, before the password is checked, so parallel
// guesses cannot slip past the limit; a success clears the count.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const SESSION_MS = 7 * 24 * 3600_000;

export interface FailureState {
  /** Attempts admitted in the window that have not succeeded. */
  count: number;
  firstAt: number;
  lockedUntil: number | null;
}

export function isLocked(s: FailureState | null, now: number): boolean {
  return !!s && s.lockedUntil !== null && now < s.lockedUntil;
}

/** Decides whether an attempt may check its password, and the state to store either way. */
export function admit(s: FailureState | null, now: number): { ok: boolean; next: FailureState } {
  if (s && isLocked(s, now)) return { ok: false, next: s };
  const fresh = !s || now - s.firstAt > WINDOW_MS || s.lockedUntil !== null;
  const base: FailureState = fresh ? { count: 0, firstAt: now, lockedUntil: null } : s;
  if (base.count >= MAX_FAILURES) return { ok: false, next: { ...base, lockedUntil: now + LOCK_MS } };
  return { ok: true, next: { ...base, count: base.count + 1 } };
}

/** After a wrong password: the fifth failure in the window starts the lock. */
export function afterFailure(s: FailureState, now: number): FailureState {
  return s.count >= MAX_FAILURES && s.lockedUntil === null ? { ...s, lockedUntil: now + LOCK_MS } : s;
}
