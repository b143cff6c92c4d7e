import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shanghaiDate } from './clock.js';
import { addWorkingDays, CHINESE_DAYS, hasHolidayData, isWorkingDay, nextWorkingDayStart, type WorkCalendar, workingDaysBetween } from './workdays.js';

/** Instant from a Shanghai wall-clock time 'YYYY-MM-DD HH:mm'. */
const sh = (s: string): Date => new Date(`${s.replace(' ', 'T')}:00+08:00`);
/** Shanghai wall-clock 'YYYY-MM-DD HH:mm' of an instant. */
const wall = (d: Date): string => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const add = (s: string, n: number): string => wall(addWorkingDays(sh(s), n));

const require = createRequire(import.meta.url);
const yearData = (y: number): { holidays: Record<string, string>; workdays: Record<string, string> } =>
  JSON.parse(readFileSync(require.resolve(`chinese-days/dist/years/${y}.json`), 'utf8'));

describe('isWorkingDay', () => {
  it.each([2025, 2026])('agrees with chinese-days data for %i (holidays off, 调休 days on)', (y) => {
    const { holidays, workdays } = yearData(y);
    for (const d of Object.keys(holidays)) expect(isWorkingDay(d), d).toBe(false);
    for (const d of Object.keys(workdays)) expect(isWorkingDay(d), d).toBe(true);
  });

  it('国庆/中秋 2025 and 2026 around the edges', () => {
    // 2025: 10-01..10-08 off (incl. 中秋 10-06); Sun 09-28 and Sat 10-11 worked.
    expect(['2025-09-27', '2025-09-28', '2025-09-30', '2025-10-01', '2025-10-08', '2025-10-09', '2025-10-11', '2025-10-12'].map(isWorkingDay)).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
    // 2026: 中秋 Fri 09-25..Sun 09-27, 国庆 10-01..10-07; Sun 09-20 and Sat 10-10 worked.
    expect(['2026-09-20', '2026-09-24', '2026-09-25', '2026-09-28', '2026-10-07', '2026-10-08', '2026-10-10', '2026-10-11'].map(isWorkingDay)).toEqual([
      true,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('rejects malformed dates', () => {
    for (const bad of ['2026-02-30', '2026-9-1', '20260901', '']) expect(() => isWorkingDay(bad)).toThrow(RangeError);
  });

  it('falls back to Monday–Friday beyond the shipped data', () => {
    expect(hasHolidayData(2026)).toBe(true);
    expect(hasHolidayData(2027)).toBe(false);
    expect(hasHolidayData(2003)).toBe(false);
    // 2027-01-01 (Fri) will very likely be 元旦 and 2027-02-08 (Mon) part of 春节, but
    // without published data they are plain weekdays; weekends stay off.
    expect(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-08'].map(isWorkingDay)).toEqual([true, false, false, true]);
  });
});

describe('addWorkingDays', () => {
  it('keeps the Shanghai clock time across 国庆 2026 (and 2025)', () => {
    expect(add('2026-09-29 15:30', 1)).toBe('2026-09-30 15:30');
    expect(add('2026-09-29 15:30', 2)).toBe('2026-10-08 15:30');
    expect(addWorkingDays(sh('2026-09-29 15:30'), 2).toISOString()).toBe('2026-10-08T07:30:00.000Z');
    expect(add('2026-10-08 09:00', 2)).toBe('2026-10-10 09:00'); // 调休 Saturday counts
    expect(add('2025-09-30 09:00', 1)).toBe('2025-10-09 09:00');
    expect(add('2025-09-30 09:00', 3)).toBe('2025-10-11 09:00'); // 调休 Saturday 10-11
  });

  it('skips 中秋 2026 (Fri 09-25..Sun 09-27)', () => {
    expect(add('2026-09-24 10:00', 1)).toBe('2026-09-28 10:00');
  });

  it('Spring Festival 2026: Sat 02-14 and Sat 02-28 worked, 02-15..02-23 off', () => {
    expect(add('2026-02-13 17:00', 1)).toBe('2026-02-14 17:00');
    expect(add('2026-02-13 17:00', 2)).toBe('2026-02-24 17:00');
    expect(add('2026-02-13 17:00', 6)).toBe('2026-02-28 17:00');
    expect(add('2026-02-18 08:00', 1)).toBe('2026-02-25 00:00'); // reported mid-holiday
  });

  it('a case reported on a 调休 working Sunday counts from its own clock time', () => {
    expect(add('2025-09-28 14:00', 0)).toBe('2025-09-28 14:00');
    expect(add('2025-09-28 14:00', 3)).toBe('2025-10-09 14:00');
    expect(add('2026-09-20 10:00', 5)).toBe('2026-09-28 10:00');
  });

  it('a case reported on a holiday counts from 00:00 of the next working day', () => {
    expect(add('2026-10-03 11:00', 0)).toBe('2026-10-08 00:00');
    expect(add('2026-10-03 11:00', 2)).toBe('2026-10-10 00:00');
    expect(add('2026-09-25 16:00', 1)).toBe('2026-09-29 00:00');
  });

  it('a case reported on a Saturday before a normal week: Monday 00:00, +2 = Wednesday 00:00', () => {
    expect(add('2026-03-07 10:00', 0)).toBe('2026-03-09 00:00');
    expect(add('2026-03-07 10:00', 2)).toBe('2026-03-11 00:00');
  });

  it('uses the Shanghai date, not the UTC date', () => {
    // 2026-09-30T16:30Z is 10-01 00:30 in Shanghai (holiday) although 09-30 in UTC.
    expect(addWorkingDays(new Date('2026-09-30T16:30:00Z'), 0).toISOString()).toBe('2026-10-07T16:00:00.000Z');
  });

  it('crosses the end of the data with the Monday–Friday fallback', () => {
    expect(add('2026-12-31 10:00', 1)).toBe('2027-01-01 10:00');
    expect(add('2026-12-31 10:00', 2)).toBe('2027-01-04 10:00');
  });

  it('rejects bad input', () => {
    expect(() => addWorkingDays(sh('2026-03-09 10:00'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(sh('2026-03-09 10:00'), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(NaN), 1)).toThrow(RangeError);
  });
});

describe('nextWorkingDayStart / workingDaysBetween', () => {
  it('nextWorkingDayStart is strictly after t’s date', () => {
    expect(wall(nextWorkingDayStart(sh('2026-09-30 10:00')))).toBe('2026-10-08 00:00');
    expect(wall(nextWorkingDayStart(sh('2025-09-27 23:59')))).toBe('2025-09-28 00:00');
    expect(wall(nextWorkingDayStart(sh('2026-03-09 00:00')))).toBe('2026-03-10 00:00');
  });

  it('counts whole working days reached', () => {
    expect(workingDaysBetween(sh('2026-03-07 10:00'), sh('2026-03-10 23:59'))).toBe(1);
    expect(workingDaysBetween(sh('2026-03-07 10:00'), sh('2026-03-11 00:00'))).toBe(2);
    expect(workingDaysBetween(sh('2026-09-29 15:30'), sh('2026-10-08 15:29'))).toBe(1);
    expect(workingDaysBetween(sh('2026-09-29 15:30'), sh('2026-10-08 15:30'))).toBe(2);
    expect(workingDaysBetween(sh('2026-10-08 09:00'), sh('2026-10-01 09:00'))).toBe(0);
  });
});

describe('properties', () => {
  const instant = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true });
  const days = fc.integer({ min: 0, max: 80 });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(instant, days, days, (t, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const x = addWorkingDays(t, lo).getTime();
        const y = addWorkingDays(t, hi).getTime();
        return lo === hi ? x === y : x < y;
      }),
    );
  });

  it('lands on a working day (Shanghai date) for n >= 1, and composes', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 1, max: 80 }), (t, n) => {
        const r = addWorkingDays(t, n);
        expect(isWorkingDay(shanghaiDate(r))).toBe(true);
        expect(addWorkingDays(addWorkingDays(t, n - 1), 1).getTime()).toBe(r.getTime());
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays for t on a working day', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        fc.pre(isWorkingDay(shanghaiDate(t)));
        expect(workingDaysBetween(t, addWorkingDays(t, n))).toBe(n);
        if (n > 0) expect(workingDaysBetween(t, new Date(addWorkingDays(t, n).getTime() - 1))).toBe(n - 1);
      }),
    );
  });

  it('the inverse also holds when t is on a non-working day', () => {
    fc.assert(
      fc.property(instant, days, (t, n) => {
        fc.pre(!isWorkingDay(shanghaiDate(t)));
        expect(workingDaysBetween(t, addWorkingDays(t, n))).toBe(n);
      }),
    );
  });
});

describe('WorkCalendar: an entered year', () => {
  // Assumed 2027 arrangement (not published when written): 春节 Fri 02-05..Sat 02-13 off, Sun 02-14 and Sat 02-20 worked.
  const spring = {
    holidays: ['2027-01-01', '2027-01-02', '2027-01-03', ...Array.from({ length: 9 }, (_, i) => `2027-02-${String(5 + i).padStart(2, '0')}`)],
    workdays: ['2027-02-14', '2027-02-20'],
  };
  const entered = CHINESE_DAYS.withYear(2027, spring);
  const addIn = (cal: WorkCalendar, s: string, n: number) => wall(cal.addWorkingDays(sh(s), n));

  it('a provisional year counts Monday–Friday; entering it makes it official', () => {
    expect(CHINESE_DAYS.isOfficial(2027)).toBe(false);
    expect(entered.isOfficial(2027)).toBe(true);
    expect(entered.isOfficial(2026)).toBe(true);
    expect(addIn(CHINESE_DAYS, '2027-02-04 10:00', 2)).toBe('2027-02-08 10:00');
    expect(addIn(entered, '2027-02-04 10:00', 2)).toBe('2027-02-15 10:00'); // Fri 02-05..Sat 02-13 off, Sun 02-14 worked
  });

  it('a 调休 Saturday counts, a holiday weekday does not', () => {
    expect(entered.isWorkingDay('2027-02-20')).toBe(true);
    expect(entered.isWorkingDay('2027-02-08')).toBe(false);
    expect(addIn(entered, '2027-02-19 09:00', 1)).toBe('2027-02-20 09:00');
    expect(addIn(entered, '2027-02-09 11:00', 0)).toBe('2027-02-14 00:00'); // reported mid-holiday
  });

  it('a holiday spanning New Year: 2018-12-30..2019-01-01 (chinese-days), and 2026-12-31..2027-01-03 across an entered and a shipped year', () => {
    expect(add('2018-12-28 10:00', 1)).toBe('2018-12-29 10:00'); // 调休 Saturday
    expect(add('2018-12-28 10:00', 2)).toBe('2019-01-02 10:00');
    const ny = CHINESE_DAYS.withYear(2026, {
      holidays: [...CHINESE_DAYS.arrangement(2026)!.holidays, '2026-12-31'],
      workdays: [...CHINESE_DAYS.arrangement(2026)!.workdays],
    }).withYear(2027, spring);
    expect(addIn(ny, '2026-12-30 16:00', 1)).toBe('2027-01-04 16:00');
    expect(ny.workingDaysBetween(sh('2026-12-30 16:00'), sh('2027-01-04 16:00'))).toBe(1);
  });

  it('the inverse holds on an entered calendar too', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-10-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 40 }),
        (t, n) => {
          expect(entered.workingDaysBetween(t, entered.addWorkingDays(t, n))).toBe(n);
        },
      ),
    );
  });
});
