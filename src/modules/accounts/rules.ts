// Login throttling: 5 consecutive failures for one phone within 15 minutes
// lock that phone for 15 minutes (CONTRACT.md). Pure so it can be tested by example.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;
export const SESSION_MS = 7 * 24 * 3600_000;

export interface FailureState {
  count: number;
  firstAt: number;
  lockedUntil: number | null;
}

export function isLocked(s: FailureState | null, now: number): boolean {
  return !!s && s.lockedUntil !== null && now < s.lockedUntil;
}

export function afterFailure(s: FailureState | null, now: number): FailureState {
  const fresh = !s || now - s.firstAt > WINDOW_MS || (s.lockedUntil !== null && now >= s.lockedUntil);
  const count = fresh ? 1 : s.count + 1;
  const firstAt = fresh ? now : s.firstAt;
  return { count, firstAt, lockedUntil: count >= MAX_FAILURES ? now + LOCK_MS : null };
}
