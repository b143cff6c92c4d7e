import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_CHECKLIST, patrolPeriod, patrolStatus, resultsProblem } from './rules.js';

describe('patrol periods', () => {
  it('日巡查 each day, 月排查 on the 1st and 15th, 季度联查 at the start of the quarter', () => {
    expect(patrolPeriod('daily', '2026-11-27')).toMatchObject({ key: '2026-11-27', dueOn: '2026-11-27' });
    expect(patrolPeriod('fortnightly', '2026-11-14')).toMatchObject({ key: '2026-11-01', start: '2026-11-01', end: '2026-11-14' });
    expect(patrolPeriod('fortnightly', '2026-11-15')).toMatchObject({ key: '2026-11-15', end: '2026-11-30' });
    expect(patrolPeriod('fortnightly', '2028-02-20').end).toBe('2028-02-29');
    expect(patrolPeriod('quarterly', '2026-11-27')).toMatchObject({ key: '2026-Q4', dueOn: '2026-10-01', end: '2026-12-31' });
  });

  it('due on its day, late after it, done once recorded', () => {
    const p = patrolPeriod('fortnightly', '2026-11-15');
    expect(patrolStatus(p, false, '2026-11-15')).toBe('due');
    expect(patrolStatus(p, false, '2026-11-16')).toBe('late');
    expect(patrolStatus(p, true, '2026-11-16')).toBe('done');
  });

  it('property: every day lies in exactly one period of each kind, which contains it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        fc.constantFrom('daily', 'fortnightly', 'quarterly' as const),
        (d, kind) => {
          const day = d.toISOString().slice(0, 10);
          const p = patrolPeriod(kind, day);
          expect(p.start <= day && day <= p.end).toBe(true);
          expect(patrolPeriod(kind, p.start)).toEqual(p);
          expect(patrolPeriod(kind, p.end)).toEqual(p);
        },
      ),
    );
  });
});

describe('the 6类18项 checklist', () => {
  it('has six categories of three items', () => {
    expect(DEFAULT_CHECKLIST).toHaveLength(18);
    expect(new Set(DEFAULT_CHECKLIST.map((c) => c.category)).size).toBe(6);
  });

  it('needs every item answered once and a note for each problem', () => {
    const all = DEFAULT_CHECKLIST.map((c) => ({ code: c.code, ok: true }));
    expect(resultsProblem(DEFAULT_CHECKLIST, all)).toBeNull();
    expect(resultsProblem(DEFAULT_CHECKLIST, all.slice(1))).toMatch(/还有1项未检查/);
    expect(resultsProblem(DEFAULT_CHECKLIST, [...all, all[0]])).toMatch(/只能填写一次/);
    expect(resultsProblem(DEFAULT_CHECKLIST, [{ code: 'c1i1', ok: false }, ...all.slice(1)])).toMatch(/消防通道与用火用电/);
    expect(resultsProblem(DEFAULT_CHECKLIST, [{ code: 'c1i1', ok: false, note: '通道堆放柴草' }, ...all.slice(1)])).toBeNull();
    expect(resultsProblem(DEFAULT_CHECKLIST, [{ code: 'zz', ok: true }])).toMatch(/不存在/);
  });
});
