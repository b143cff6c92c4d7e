import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { admit, afterFailure, isLocked, LOCK_MS, MAX_FAILURES, WINDOW_MS, type FailureState } from './rules.js';

/** One sequential wrong-password attempt; returns whether it was admitted. */
function fail(s: FailureState | null, now: number): { admitted: boolean; s: FailureState } {
  const a = admit(s, now);
  return { admitted: a.ok, s: a.ok ? afterFailure(a.next, now) : a.next };
}

describe('login throttling', () => {
  it('five failures are checked, the sixth attempt within 15 minutes is refused, for 15 minutes', () => {
    let s: FailureState | null = null;
    for (let i = 0; i < 5; i++) {
      const r = fail(s, 1000 + i);
      expect(r.admitted).toBe(true);
      s = r.s;
    }
    expect(isLocked(s, 1005)).toBe(true);
    expect(admit(s, 1006).ok).toBe(false);
    expect(admit(s, 1004 + LOCK_MS - 1).ok).toBe(false);
    expect(admit(s, 1004 + LOCK_MS).ok).toBe(true);
  });

  it('failures spread over more than the window do not lock', () => {
    let s: FailureState | null = null;
    for (let i = 0; i < 10; i++) {
      const r = fail(s, i * (WINDOW_MS / 4 + 1));
      expect(r.admitted).toBe(true);
      s = r.s;
    }
    expect(s!.count).toBeLessThan(MAX_FAILURES);
  });

  it('parallel attempts: at most five are admitted before any answers', () => {
    let s: FailureState | null = null;
    let admitted = 0;
    for (let i = 0; i < 200; i++) {
      const a = admit(s, 5000);
      if (a.ok) admitted++;
      s = a.next;
    }
    expect(admitted).toBe(MAX_FAILURES);
  });

  it('property: the count never exceeds five, and reaching five always locks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: WINDOW_MS / 3 }), { minLength: 1, maxLength: 40 }), (gaps) => {
        let s: FailureState | null = null;
        let t = 0;
        for (const g of gaps) {
          t += g;
          const wasLocked = isLocked(s, t);
          const r = fail(s, t);
          if (wasLocked && r.admitted) return false;
          s = r.s;
          if (s.count > MAX_FAILURES) return false;
          if (r.admitted && (s.count === MAX_FAILURES) !== (s.lockedUntil !== null)) return false;
        }
        return true;
      }),
    );
  });
});
