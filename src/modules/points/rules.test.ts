import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AWARD_ACTIONS,
  awardsBlockingMove,
  balanceOf,
  canDebit,
  capKey,
  competitionRanks,
  nextAwardStatus,
  monthlyBaseSourceId,
  periodDays,
  settlementEntry,
  volunteerPoints,
  withinCap,
  type AwardStatus,
} from './rules.js';

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
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...AWARD_ACTIONS), { maxLength: 30 }), (actions) => {
        let s: AwardStatus = 'pending';
        let prev: AwardStatus = s;
        for (const a of actions) {
          const to = nextAwardStatus(s, a);
          if (s === 'rejected' || s === 'effective') expect(to).toBeNull();
          if (to) {
            prev = s;
            s = to;
          }
          if (s === 'effective') expect(prev).toBe('publicized');
        }
      }),
    );
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
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), (moves) => {
        const entries: { delta: number }[] = [];
        for (const m of moves) {
          if (m >= 0) entries.push({ delta: m });
          else if (canDebit(balanceOf(entries), -m)) entries.push({ delta: m });
          expect(balanceOf(entries)).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('property: with any sequence of awards, the capped sum never exceeds the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 50 }), fc.integer({ min: 1, max: 60 }), (values, cap) => {
        const counted: number[] = [];
        for (const v of values) if (withinCap(counted, v, cap)) counted.push(v);
        expect(counted.reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(cap);
      }),
    );
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
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 60 }), (raw) => {
        const pts = [...raw].sort((a, b) => b - a);
        const ranks = competitionRanks(pts);
        pts.forEach((p, i) => {
          if (i === 0) expect(ranks[0]).toBe(1);
          else expect(ranks[i]).toBe(pts[i - 1] === p ? ranks[i - 1] : i + 1);
        });
      }),
    );
  });

  it('a settlement clears what is left of the settled year; points credited since it ended stay', () => {
    expect(settlementEntry('reset', 120, 0)).toEqual({ held: 120, delta: -120 });
    // 10 of January's base score came after the year ended: only 110 are last year's.
    expect(settlementEntry('reset', 120, 10)).toEqual({ held: 110, delta: -110 });
    // 100 held at year end, +10 in January, 50 spent in January (oldest first): 50 of last year's remain.
    expect(settlementEntry('reset', 60, 10)).toEqual({ held: 50, delta: -50 });
    // Spent more than last year's points: nothing of last year is left.
    expect(settlementEntry('reset', 5, 10)).toEqual({ held: 0, delta: 0 });
    expect(settlementEntry('reset', 0, 0)).toEqual({ held: 0, delta: 0 });
    expect(settlementEntry('carry', 120, 10)).toEqual({ held: 110, delta: 0 });
  });

  it('property: a reset never overdraws, leaves exactly the new points (at most), and a carry moves nothing', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (balance, since) => {
        const reset = settlementEntry('reset', balance, since);
        const carry = settlementEntry('carry', balance, since);
        expect(reset.held).toBeGreaterThanOrEqual(0);
        expect(reset.held).toBeLessThanOrEqual(balance);
        expect(balance + reset.delta).toBe(Math.min(balance, since));
        expect(balance + reset.delta).toBeGreaterThanOrEqual(0);
        expect(carry.delta).toBe(0);
        expect(carry.held).toBe(reset.held);
        if (since === 0) expect(balance + reset.delta).toBe(0);
      }),
    );
  });

  it("property: FIFO — spending after the year ended uses the settled year's points first", () => {
    // A household holds `held` at year end, then gets credits and debits in January (never below zero).
    fc.assert(
      fc.property(fc.nat(500), fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 30 }), (held, moves) => {
        let balance = held,
          credited = 0,
          old = held;
        for (const m of moves) {
          if (m > 0) {
            balance += m;
            credited += m;
          } else if (balance + m >= 0) {
            balance += m;
            old = Math.max(0, old + m);
          } // debit: oldest first
        }
        // `old` is what a FIFO ledger still holds of the settled year; the rule must clear exactly that.
        expect(settlementEntry('reset', balance, credited).held).toBe(old);
      }),
    );
  });

  it('the monthly base score is one entry per household and month', () => {
    expect(monthlyBaseSourceId('h1', '2026-12')).toBe('h1:2026-12');
  });

  it('volunteer points are hours × rate, rounded', () => {
    expect(volunteerPoints(2.5, 2)).toBe(5);
    expect(volunteerPoints(1.5, 3)).toBe(5);
  });
});

describe('moving a household', () => {
  it('only awards still open under a rule of a region the new place is not under keep it from moving', () => {
    const to = ['county', 'town', 'village2', 'grid5'];
    const awards = [
      { id: 'a', status: 'pending', ruleRegionId: 'village1' },
      { id: 'b', status: 'publicized', ruleRegionId: 'village1' },
      { id: 'c', status: 'effective', ruleRegionId: 'village1' },
      { id: 'd', status: 'rejected', ruleRegionId: 'village1' },
      { id: 'e', status: 'pending', ruleRegionId: 'town' },
      { id: 'f', status: 'publicized', ruleRegionId: 'county' },
    ];
    expect(awardsBlockingMove(awards, to).map((a) => a.id)).toEqual(['a', 'b']);
    expect(awardsBlockingMove(awards, ['county', 'town', 'village1', 'grid2'])).toEqual([]);
  });
});
