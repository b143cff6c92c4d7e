import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { afterFailure, isLocked, LOCK_MS, MAX_FAILURES, WINDOW_MS, type FailureState } from './rules.js';

describe('login throttling', () => {
  it('locks on the 5th consecutive failure within 15 minutes, for 15 minutes', () => {
    let s: FailureState | null = null;
    for (let i = 0; i < 4; i++) { s = afterFailure(s, 1000 + i); expect(isLocked(s, 1000 + i)).toBe(false); }
    s = afterFailure(s, 2000);
    expect(isLocked(s, 2000)).toBe(true);
    expect(isLocked(s, 2000 + LOCK_MS - 1)).toBe(true);
    expect(isLocked(s, 2000 + LOCK_MS)).toBe(false);
  });

  it('failures spread over more than the window do not lock', () => {
    let s: FailureState | null = null;
    for (let i = 0; i < 10; i++) { s = afterFailure(s, i * (WINDOW_MS / 4 + 1)); }
    expect(s!.count).toBeLessThan(MAX_FAILURES);
    expect(isLocked(s, 10 * (WINDOW_MS / 4 + 1))).toBe(false);
  });

  it('property: a lock happens exactly when 5 failures fall within one window', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: WINDOW_MS }), { minLength: 1, maxLength: 12 }), (gaps) => {
      let s: FailureState | null = null;
      let t = 0;
      for (const g of gaps) {
        t += g;
        if (isLocked(s, t)) continue; // locked phones are refused before counting
        s = afterFailure(s, t);
        if (s.count > MAX_FAILURES) return false;
        if ((s.lockedUntil !== null) !== (s.count === MAX_FAILURES)) return false;
        if (t - s.firstAt > WINDOW_MS) return false;
      }
      return true;
    }));
  });
});
