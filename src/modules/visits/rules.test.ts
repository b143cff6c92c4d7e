import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FIVE_MUST_VISIT, itemStatus, monthBounds, periodOf, periodsInMonth, requiredVisits, type PlanRule } from './rules.js';

describe('visit periods', () => {
  it('ISO weeks, calendar months and quarters', () => {
    expect(periodOf('weekly', '2026-11-27')).toEqual({ frequency: 'weekly', key: '2026-W48', start: '2026-11-23', end: '2026-11-29' });
    expect(periodOf('weekly', '2027-01-01').key).toBe('2026-W53');
    expect(periodOf('weekly', '2026-01-01')).toMatchObject({ key: '2026-W01', start: '2025-12-29' });
    expect(periodOf('monthly', '2026-02-10')).toEqual({ frequency: 'monthly', key: '2026-02', start: '2026-02-01', end: '2026-02-28' });
    expect(periodOf('quarterly', '2026-11-27')).toEqual({ frequency: 'quarterly', key: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(monthBounds('2028-02').end).toBe('2028-02-29');
  });

  it('a month shows every week that touches it', () => {
    expect(periodsInMonth('weekly', '2026-11').map((p) => p.key)).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48', '2026-W49']);
    expect(periodsInMonth('quarterly', '2026-11').map((p) => p.key)).toEqual(['2026-Q4']);
  });

  it('property: the periods of a month are contiguous and cover each of its days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('weekly', 'monthly', 'quarterly' as const),
        (y, m, f) => {
          const month = `${y}-${String(m).padStart(2, '0')}`;
          const ps = periodsInMonth(f, month);
          const { start, end } = monthBounds(month);
          expect(ps[0].start <= start && ps.at(-1)!.end >= end).toBe(true);
          for (let i = 1; i < ps.length; i++) expect(Date.parse(ps[i].start) - Date.parse(ps[i - 1].end)).toBe(86_400_000);
        },
      ),
    );
  });
});

describe('the monthly plan (五必访)', () => {
  const rules: PlanRule[] = FIVE_MUST_VISIT.map((r, i) => ({ ...r, id: String(i) }));

  it('holds the residents with a 五必访 tag, once each, with every reason', () => {
    const plan = requiredVisits(
      [
        { householdId: 'h1', residentId: 'r1', tags: ['poor', 'elderly_alone'] },
        { householdId: 'h1', residentId: 'r2', tags: ['veteran'] },
        { householdId: 'h2', residentId: 'r3', tags: ['notable'] },
      ],
      ['h1', 'h2'],
      rules,
      '2026-11',
    );
    expect(plan.map((p) => [p.residentId, p.reasons])).toEqual([
      ['r1', ['困难群众每月必访', '独居老人每月必访']],
      ['r3', ['乡贤能人每月必访']],
    ]);
    expect(plan.every((p) => p.period.key === '2026-11')).toBe(true);
  });

  it('a rule without a tag covers every household (网格长每月走访一遍)', () => {
    const plan = requiredVisits([], ['h1', 'h2'], [{ id: 'x', name: '网格长每月走访一遍', tag: null, frequency: 'monthly' }], '2026-11');
    expect(plan.map((p) => [p.householdId, p.residentId])).toEqual([
      ['h1', null],
      ['h2', null],
    ]);
  });

  it('property: exactly the residents whose tags a rule names, over random tag sets', () => {
    const tags = ['poor', 'elderly_alone', 'severe_disability', 'community_correction', 'notable', 'veteran', 'floating', 'party_member'];
    const residents = fc
      .array(fc.subarray(tags), { maxLength: 40 })
      .map((ts) => ts.map((t, i) => ({ householdId: `h${i % 7}`, residentId: `r${i}`, tags: t })));
    fc.assert(
      fc.property(residents, fc.subarray(rules, { minLength: 1 }), (subjects, chosen) => {
        const plan = requiredVisits(subjects, [], chosen, '2026-11');
        const want = subjects
          .filter((s) => chosen.some((r) => s.tags.includes(r.tag!)))
          .map((s) => s.residentId)
          .sort();
        expect(plan.map((p) => p.residentId!).sort()).toEqual(want);
        for (const p of plan) {
          const s = subjects.find((x) => x.residentId === p.residentId)!;
          expect(p.reasons.sort()).toEqual(
            chosen
              .filter((r) => s.tags.includes(r.tag!))
              .map((r) => r.name)
              .sort(),
          );
        }
      }),
    );
  });

  it('an item is due, then overdue after its period, and done once visited', () => {
    expect(itemStatus({ visitId: null, periodEnd: '2026-11-30' }, '2026-11-30')).toBe('due');
    expect(itemStatus({ visitId: null, periodEnd: '2026-11-30' }, '2026-12-01')).toBe('overdue');
    expect(itemStatus({ visitId: 'v', periodEnd: '2026-11-30' }, '2026-12-01')).toBe('done');
  });
});
