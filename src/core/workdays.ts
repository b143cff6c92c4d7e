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
// A WorkCalendar holds the official years (holidays and 调休 working weekend days);
// any other year is provisional: Monday–Friday only. Services use the store's
// calendar (core/work-calendar.ts: workCalendar(ctx)), which the office keeps up
// to date; CHINESE_DAYS is the data chinese-days ships, which seeds it.
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

/** One year's arrangement: the days off (holidays, weekends inside them included) and the 调休 weekend days worked. */
export interface YearArrangement {
  holidays: readonly string[];
  workdays: readonly string[];
  /** What each listed day is for (春节, 国庆节…), when known. */
  names?: Readonly<Record<string, string>>;
}

function epochMs(t: Date): number {
  const ms = t.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid Date');
  return ms;
}

/** Day number of a YYYY-MM-DD calendar date; throws on malformed or impossible dates. */
function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const ms = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`invalid date: ${date}`);
  return ms / DAY_MS;
}

export class WorkCalendar {
  private readonly off = new Set<number>();
  private readonly on = new Set<number>();
  private readonly cache = new Map<number, boolean>();

  /** `years`: the official years; every other year counts Monday–Friday (provisional). */
  constructor(private readonly years: ReadonlyMap<number, YearArrangement>) {
    for (const y of years.values()) {
      for (const d of y.holidays) this.off.add(dayNumber(d));
      for (const d of y.workdays) this.on.add(dayNumber(d));
    }
  }

  /** A calendar with `year` replaced by (or set to) `arrangement`. */
  withYear(year: number, arrangement: YearArrangement): WorkCalendar {
    return new WorkCalendar(new Map([...this.years, [year, arrangement]]));
  }

  /** Whether `year` has an official arrangement; otherwise it counts Monday–Friday. */
  isOfficial(year: number): boolean {
    return this.years.has(year);
  }

  arrangement(year: number): YearArrangement | null {
    return this.years.get(year) ?? null;
  }

  officialYears(): number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  private working(dn: number): boolean {
    let w = this.cache.get(dn);
    if (w === undefined) {
      const d = new Date(dn * DAY_MS); // its UTC fields are the Shanghai calendar date
      const weekday = d.getUTCDay() >= 1 && d.getUTCDay() <= 5;
      // A provisional year has neither list, so only Monday–Friday count there.
      w = this.on.has(dn) || (weekday && !this.off.has(dn));
      this.cache.set(dn, w);
    }
    return w;
  }

  private nextWorkingDay(dn: number): number {
    do dn++;
    while (!this.working(dn));
    return dn;
  }

  /** When counting starts: t itself on a working day, else 00:00 of the next working day. */
  private countStart(ms: number): number {
    const dn = dayOf(ms);
    return this.working(dn) ? ms : startOf(this.nextWorkingDay(dn));
  }

  /** Is this Shanghai calendar date (YYYY-MM-DD) a working day? Throws on malformed dates. */
  isWorkingDay(date: string): boolean {
    return this.working(dayNumber(date));
  }

  /** 00:00 Shanghai of the first working day strictly after t's Shanghai date. */
  nextWorkingDayStart(t: Date): Date {
    return new Date(startOf(this.nextWorkingDay(dayOf(epochMs(t)))));
  }

  /** The instant n working days after t (see the counting rule above); n = 0 gives the counting start. */
  addWorkingDays(t: Date, n: number): Date {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
    const start = this.countStart(epochMs(t));
    let dn = dayOf(start);
    const timeOfDay = start - startOf(dn);
    for (let left = n; left > 0; ) if (this.working(++dn)) left--;
    return new Date(startOf(dn) + timeOfDay);
  }

  /**
   * Whole working days elapsed from `from` to `to` under the same counting: the
   * largest k with addWorkingDays(from, k) <= to (0 if `to` is not after the start).
   */
  workingDaysBetween(from: Date, to: Date): number {
    const start = this.countStart(epochMs(from));
    const end = epochMs(to);
    if (end <= start) return 0;
    const sd = dayOf(start);
    const ed = dayOf(end);
    let count = 0;
    for (let dn = sd + 1; dn <= ed; dn++) if (this.working(dn)) count++;
    // On the last working day the k-th deadline is reached only at its clock time.
    if (ed > sd && this.working(ed) && end - startOf(ed) < start - startOf(sd)) count--;
    return count;
  }
}

/** Chinese name of a chinese-days entry ("Spring Festival,春节,4" → 春节). */
const nameOf = (entry: string) => entry.split(',')[1] ?? entry;

/** The arrangements chinese-days ships (1.5.7: 2004–2026), by year. */
export function chineseDaysYears(): Map<number, YearArrangement> {
  const years = new Map<number, { holidays: string[]; workdays: string[]; names: Record<string, string> }>();
  const yearOf = (d: string) => {
    const y = Number(d.slice(0, 4));
    if (!years.has(y)) years.set(y, { holidays: [], workdays: [], names: {} });
    return years.get(y)!;
  };
  for (const [d, entry] of Object.entries(table.holidays as Record<string, string>)) {
    const y = yearOf(d);
    y.holidays.push(d);
    y.names[d] = nameOf(entry);
  }
  for (const [d, entry] of Object.entries(table.workdays as Record<string, string>)) {
    const y = yearOf(d);
    y.workdays.push(d);
    y.names[d] = nameOf(entry);
  }
  for (const y of years.values()) {
    y.holidays.sort();
    y.workdays.sort();
  }
  return years;
}

/** The shipped data alone, as if nobody had entered a year; services use the store's calendar instead. */
export const CHINESE_DAYS = new WorkCalendar(chineseDaysYears());

/** Whether the shipped data covers `year`; outside it the shipped calendar falls back to Monday–Friday. */
export const hasHolidayData = (year: number): boolean => CHINESE_DAYS.isOfficial(year);
// The shipped calendar's arithmetic as plain functions (tests, and code that has no store).
export const isWorkingDay = (date: string): boolean => CHINESE_DAYS.isWorkingDay(date);
export const nextWorkingDayStart = (t: Date): Date => CHINESE_DAYS.nextWorkingDayStart(t);
export const addWorkingDays = (t: Date, n: number): Date => CHINESE_DAYS.addWorkingDays(t, n);
export const workingDaysBetween = (from: Date, to: Date): number => CHINESE_DAYS.workingDaysBetween(from, to);
