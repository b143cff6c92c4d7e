import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AWARD_ACTIONS, balanceOf, canDebit, capKey, competitionRanks, nextAwardStatus, periodDays, settlementDelta, volunteerPoints, withinCap, type AwardStatus } from './rules.js';

describe('the award workflow', () => {
  it('提议 → 审核 → 公示 → 生效, an objection sends it back, a rejection ends it', () => {
    expect(nextAwardStatus('pending', 'approve')).toBe('publicized');
    expect(nextAwardStatus('publicized', 'object')).toBe('pending');
    expect(nextAwardStatus('publicized', 'take_effect')).toBe('effective');
    expect(nextAwardStatus('pending', 'reject')).toBe('rejected');
    expect(nextAwardStatus('pending', 'take_effect')).toBeNull();
    expect(nextAwardStatus('effective', 'object')).toBeNull();
  });

  it('property: nothing leaves rejected or effective; effective only through 公示', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...AWARD_ACTIONS), { maxLength: 30 }), (actions) => {
      let s: AwardStatus = 'pending';
      let prev: AwardStatus = s;
      for (const a of actions) {
        const to = nextAwardStatus(s, a);
        if (s === 'rejected' || s === 'effective') expect(to).toBeNull();
        if (to) { prev = s; s = to; }
        if (s === 'effective') expect(prev).toBe('publicized');
      }
    }));
  });
});

describe('caps and the ledger', () => {
  it('a cap counts approved and effective awards of the period; deductions are not capped', () => {
    expect(withinCap([5, 5], 5, 15)).toBe(true);
    expect(withinCap([5, 5, 5], 5, 15)).toBe(false);
    expect(withinCap([5, 5, 5], -10, 15)).toBe(true);
    expect(withinCap([100], 5, null)).toBe(true);
    expect(capKey('month', '2026-11-27')).toBe('2026-11');
    expect(capKey('year', '2026-11-27')).toBe('2026');
  });

  it('property: applying only the debits canDebit allows keeps balance = sum of entries ≥ 0', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), (moves) => {
      const entries: { delta: number }[] = [];
      for (const m of moves) {
        if (m >= 0) entries.push({ delta: m });
        else if (canDebit(balanceOf(entries), -m)) entries.push({ delta: m });
        expect(balanceOf(entries)).toBeGreaterThanOrEqual(0);
      }
    }));
  });

  it('property: with any sequence of awards, the capped sum never exceeds the cap', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 50 }), fc.integer({ min: 1, max: 60 }), (values, cap) => {
      const counted: number[] = [];
      for (const v of values) if (withinCap(counted, v, cap)) counted.push(v);
      expect(counted.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(cap);
    }));
  });
});

describe('periods, ranks, settlement and volunteer points', () => {
  it('periods are Shanghai calendar months, quarters and years', () => {
    expect(periodDays('month', '2026-02-14')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
    expect(periodDays('quarter', '2026-11-27')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(periodDays('quarter', '2026-01-01')).toEqual({ first: '2026-01-01', last: '2026-03-31' });
    expect(periodDays('year', '2024-06-30')).toEqual({ first: '2024-01-01', last: '2024-12-31' });
  });

  it('equal points share a rank and the next rank skips (1, 1, 3)', () => {
    expect(competitionRanks([50, 50, 40, 30, 30, 30, 10])).toEqual([1, 1, 3, 4, 4, 4, 7]);
    expect(competitionRanks([])).toEqual([]);
  });

  it('property: ranks start at 1, never go down, and change exactly where points do', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), (raw) => {
      const pts = [...raw].sort((a, b) => b - a);
      const ranks = competitionRanks(pts);
      pts.forEach((p, i) => {
        if (i === 0) expect(ranks[0]).toBe(1);
        else expect(ranks[i]).toBe(pts[i - 1] === p ? ranks[i - 1] : i + 1);
      });
    }));
  });

  it('property: a reset settlement leaves every balance at zero, a carry leaves it as it was', () => {
    fc.assert(fc.property(fc.array(fc.nat(10_000)), (balances) => {
      for (const b of balances) {
        expect(b + settlementDelta('reset', b)).toBe(0);
        expect(settlementDelta('carry', b)).toBe(0);
      }
    }));
  });

  it('volunteer points are hours × rate, rounded', () => {
    expect(volunteerPoints(2.5, 2)).toBe(5);
    expect(volunteerPoints(1.5, 3)).toBe(5);
  });
});
