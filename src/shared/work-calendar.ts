// Rules of the work calendar (工作日历) that the console and the server share:
// what a year's entry must satisfy, and small date helpers on YYYY-MM-DD.

const DAY_MS = 86_400_000;
export const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

/** Day of week (0 = Sunday) of a real YYYY-MM-DD date, or null when it is not one. */
export function weekdayOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if (new Date(ms).toISOString().slice(0, 10) !== date) return null;
  return new Date(ms).getUTCDay();
}

export const isWeekend = (date: string) => {
  const d = weekdayOf(date);
  return d === 0 || d === 6;
};

/** YYYY-MM-DD of year/month(1-12)/day, or null when that day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  if (year < 1000 || year > 9999 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** The dates from `a` to `b` inclusive (YYYY-MM-DD); empty when b is before a. */
export function dateRange(a: string, b: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${a}T00:00:00Z`), end = Date.parse(`${b}T00:00:00Z`); t <= end && out.length <= 400; t += DAY_MS)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** 2月5日（周五） */
export const zhDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAY_ZH[weekdayOf(date) ?? 0]}）`;

export type CalendarProblemCode = 'VALIDATION_FAILED' | 'HOLIDAY_IS_WORKDAY' | 'WORKDAY_NOT_WEEKEND';
export interface CalendarProblem {
  code: CalendarProblemCode;
  zh: string;
  en: string;
}

/**
 * What is wrong with a year's entry, or null: every date a real date of that
 * year; no day both a holiday and a 调休 working day; 调休 working days only on
 * Saturdays and Sundays (a weekday is worked anyway).
 */
export function calendarProblem(year: number, holidays: readonly string[], workdays: readonly string[]): CalendarProblem | null {
  for (const d of [...holidays, ...workdays]) {
    if (weekdayOf(d) === null || Number(d.slice(0, 4)) !== year)
      return {
        code: 'VALIDATION_FAILED',
        zh: `“${String(d).slice(0, 20)}”不是${year}年的有效日期，请按YYYY-MM-DD填写${year}年内的日期`,
        en: `${String(d).slice(0, 20)} is not a valid date of ${year}`,
      };
  }
  const off = new Set(holidays);
  const both = workdays.filter((d) => off.has(d));
  if (both.length)
    return {
      code: 'HOLIDAY_IS_WORKDAY',
      zh: `${both.map(zhDay).join('、')}不能既放假又调休上班，请只保留一种`,
      en: `${both.join(', ')} cannot be both a holiday and a working day`,
    };
  const weekdays = workdays.filter((d) => !isWeekend(d));
  if (weekdays.length)
    return {
      code: 'WORKDAY_NOT_WEEKEND',
      zh: `调休上班日须为周六或周日，${weekdays.map(zhDay).join('、')}本来就是工作日`,
      en: `Make-up working days must be Saturdays or Sundays: ${weekdays.join(', ')}`,
    };
  return null;
}
