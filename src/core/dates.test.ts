import { describe, expect, it } from 'vitest';
import { day, instant, isDay, isMonth, month } from './dates.js';

describe('calendar checks', () => {
  it('a day exists in the calendar, leap years by the Gregorian rule', () => {
    for (const d of ['2026-01-31', '2026-02-28', '2024-02-29', '2000-02-29', '2026-04-30', '2026-12-31', '1900-01-01']) expect(isDay(d), d).toBe(true);
    for (const d of [
      '2026-02-29',
      '1900-02-29',
      '2100-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-01-32',
      '1899-12-31',
      '0026-01-01',
      '2026-1-5',
      ' 2026-01-05',
      '2026-01-05 ',
    ])
      expect(isDay(d), d).toBe(false);
  });
  it('a month is 01 to 12', () => {
    for (const m of ['2026-01', '2026-12']) expect(isMonth(m), m).toBe(true);
    for (const m of ['2026-00', '2026-13', '2026-1', '1899-12', '2026-01-01']) expect(isMonth(m), m).toBe(false);
  });
  it('the schemas carry one Chinese message', () => {
    expect(day.safeParse('2026-02-30').error?.issues[0].message).toBe('日期格式不正确，应为YYYY-MM-DD的有效日期');
    expect(day.safeParse(20260101).success).toBe(false);
    expect(month.safeParse('2026-13').success).toBe(false);
    expect(instant.safeParse('2026-02-30T10:00:00+08:00').success).toBe(false);
    expect(instant.safeParse('2026-02-28T10:00:00.000Z').success).toBe(true);
    expect(instant.safeParse('2026-02-28T10:00:00+08:00').success).toBe(true);
    expect(instant.safeParse('2026-02-28T10:00:00').success).toBe(false);
  });
});
