// Working-day arithmetic for case time limits (办理时限). All calendar dates are
// Asia/Shanghai (UTC+8, no DST); the process time zone never matters.
//
// Counting rule (contract): "N working days after instant t" is the same Shanghai
// clock time on the N-th working day after t's date. If t falls on a non-working
// day, counting starts at 00:00 Shanghai of the next working day instead, and the
// deadline is 00:00 of the N-th working day after that start day. Example:
// reported Saturday 10:00 before a normal week → start Monday 00:00 → +2 working
// days = Wednesday 00:00. 调休 Saturdays/Sundays are working days; holidays are not.
//
// Data: the holiday table chinese-days ships as JSON, read directly. Its JS API is
// not used because it builds its tables by parsing 'YYYY-MM-DD' as UTC and
// formatting in local time, so in a process west of UTC every date is shifted by
// one day (verified with TZ=America/Los_Angeles on 1.5.7).
import table from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** Shanghai day number (days since 1970-01-01 in Shanghai) of an epoch-ms instant. */
const dayOf = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS);
/** Epoch ms of 00:00 Shanghai on day number `dn`. */
const startOf = (dn: number): number => dn * DAY_MS - OFFSET_MS;

const holidays: Record<string, string> = table.holidays;
const makeupDays: Record<string, string> = table.workdays; // 调休 weekend working days
/** Years with a published State Council arrangement (chinese-days 1.5.7: 2004–2026). */
const coveredYears = new Set(Object.keys(holidays).map((d) => Number(d.slice(0, 4))));
const workingByDay = new Map<number, boolean>();

/** Whether the shipped data covers `year`; outside it isWorkingDay falls back to Monday–Friday. */
export function hasHolidayData(year: number): boolean {
  return coveredYears.has(year);
}

function working(dn: number): boolean {
  let w = workingByDay.get(dn);
  if (w === undefined) {
    const d = new Date(dn * DAY_MS); // its UTC fields are the Shanghai calendar date
    const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
    const iso = d.toISOString().slice(0, 10);
    // FALLBACK: for years without data (after the last shipped year, or before
    // 2004) only Monday–Friday count; holidays/调休 not yet published are ignored,
    // so upgrade chinese-days once the State Council publishes next year's plan.
    w = hasHolidayData(d.getUTCFullYear()) ? iso in makeupDays || (weekday && !(iso in holidays)) : weekday;
    workingByDay.set(dn, w);
  }
  return w;
}

function epochMs(t: Date): number {
  const ms = t.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** Is this Shanghai calendar date (YYYY-MM-DD) a working day? Throws on malformed dates. */
export function isWorkingDay(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`invalid date: ${date}`);
  }
  return working(ms / DAY_MS);
}

/** 00:00 Shanghai of the first working day strictly after t's Shanghai date. */
export function nextWorkingDayStart(t: Date): Date {
  return new Date(startOf(nextWorkingDay(dayOf(epochMs(t)))));
}

function nextWorkingDay(dn: number): number {
  do dn++; while (!working(dn));
  return dn;
}

/** When counting starts: t itself on a working day, else 00:00 of the next working day. */
function countStart(ms: number): number {
  const dn = dayOf(ms);
  return working(dn) ? ms : startOf(nextWorkingDay(dn));
}

/** The instant n working days after t (see the counting rule above); n = 0 gives the counting start. */
export function addWorkingDays(t: Date, n: number): Date {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const start = countStart(epochMs(t));
  let dn = dayOf(start);
  const timeOfDay = start - startOf(dn);
  for (let left = n; left > 0; ) if (working(++dn)) left--;
  return new Date(startOf(dn) + timeOfDay);
}

/**
 * Whole working days elapsed from `from` to `to` under the same counting: the
 * largest k with addWorkingDays(from, k) <= to (0 if `to` is not after the start).
 */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = countStart(epochMs(from));
  const end = epochMs(to);
  if (end <= start) return 0;
  const sd = dayOf(start);
  const ed = dayOf(end);
  let count = 0;
  for (let dn = sd + 1; dn <= ed; dn++) if (working(dn)) count++;
  // On the last working day the k-th deadline is reached only at its clock time.
  if (ed > sd && working(ed) && end - startOf(ed) < start - startOf(sd)) count--;
  return count;
}
