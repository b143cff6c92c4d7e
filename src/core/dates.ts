// The dates the API takes, one strict schema each: a calendar day, a month and an
// instant. An impossible date (2026-02-30, 2026-13-45) is a 400 VALIDATION_FAILED
// here, before it can reach new Date() and shift into March or throw a 500.
import { z } from 'zod';

/** Years the system deals in (birth dates included); also keeps Date.UTC's two-digit-year quirk out. */
const MIN_YEAR = 1900;

const daysIn = (y: number, m: number) => (m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/** Whether `s` is a real calendar day written YYYY-MM-DD. */
export function isDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= MIN_YEAR && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

/** Whether `s` is a real month written YYYY-MM. */
export function isMonth(s: string): boolean {
  const m = /^(\d{4})-(\d{2})$/.exec(s);
  return !!m && Number(m[1]) >= MIN_YEAR && Number(m[2]) >= 1 && Number(m[2]) <= 12;
}

export const DAY_MESSAGE = '日期格式不正确，应为YYYY-MM-DD的有效日期';
export const MONTH_MESSAGE = '月份格式不正确，应为YYYY-MM的有效月份';
export const INSTANT_MESSAGE = '时间格式不正确，应为带时区的ISO 8601时间，如2026-11-27T10:00:00+08:00';

/** A calendar day 'YYYY-MM-DD' (for the Shanghai calendar unless a route says otherwise). */
export const day = z.string({ error: DAY_MESSAGE }).refine(isDay, { error: DAY_MESSAGE }).describe('YYYY-MM-DD');

/** A month 'YYYY-MM'. */
export const month = z.string({ error: MONTH_MESSAGE }).refine(isMonth, { error: MONTH_MESSAGE }).describe('YYYY-MM');

/** An instant: ISO 8601 with a time zone (Z or ±hh:mm), a real calendar date and time. */
export const instant = z.iso.datetime({ offset: true, error: INSTANT_MESSAGE }).refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR, { error: INSTANT_MESSAGE });
