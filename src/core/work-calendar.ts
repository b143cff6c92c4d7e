// The store's work calendar, held in memory so the working-day arithmetic stays
// synchronous: loaded at start-up (loadWorkCalendar, called by buildApp and the
// CLI), replaced after every save, and re-read by the sweeper so other server
// processes on the same store catch up within a minute.
//
// One calendar per store (keyed by the Database object): several stores in one
// process (tests) never see each other's calendar. A store nobody loaded counts
// with the shipped chinese-days data.
import type { Database, Executor } from '../db/kysely.js';
import type { WorkCalendarTable } from '../db/schema.js';
import { shanghaiDate } from './clock.js';
import type { Ctx } from './context.js';
import { CHINESE_DAYS, chineseDaysYears, WorkCalendar, type YearArrangement } from './workdays.js';

const loaded = new WeakMap<Database, WorkCalendar>();

/** The calendar the store's time limits are counted with (synchronous; see loadWorkCalendar). */
export function workCalendar(ctx: Pick<Ctx, 'database'>): WorkCalendar {
  return loaded.get(ctx.database) ?? CHINESE_DAYS;
}

/** Makes `cal` the store's calendar (after a save has committed). */
export function installWorkCalendar(ctx: Pick<Ctx, 'database'>, cal: WorkCalendar): void {
  loaded.set(ctx.database, cal);
}

export type CalendarRow = WorkCalendarTable;

export const rowArrangement = (r: CalendarRow): YearArrangement => ({
  holidays: JSON.parse(r.holidays) as string[],
  workdays: JSON.parse(r.workdays) as string[],
  names: r.names ? (JSON.parse(r.names) as Record<string, string>) : {},
});

export function calendarRows(db: Executor) {
  return db.selectFrom('work_calendar').selectAll().orderBy('year').execute();
}

export function calendarRow(db: Executor, year: number) {
  return db.selectFrom('work_calendar').selectAll().where('year', '=', year).executeTakeFirst();
}

/** Inserts or replaces one year (inside the caller's transaction). */
export function saveCalendarRow(db: Executor, row: CalendarRow) {
  const { year: _y, ...values } = row;
  return db
    .insertInto('work_calendar')
    .values(row)
    .onConflict((oc) => oc.column('year').doUpdateSet(values))
    .execute();
}

/** Adds the years chinese-days knows that the store has no row for (idempotent; never overwrites an entered year). */
async function seedShipped(ctx: Pick<Ctx, 'db'>, now: Date) {
  const have = new Set((await ctx.db.selectFrom('work_calendar').select('year').execute()).map((r) => Number(r.year)));
  const rows: CalendarRow[] = [...chineseDaysYears()]
    .filter(([y]) => !have.has(y))
    .map(([year, a]) => ({
      year,
      holidays: JSON.stringify(a.holidays),
      workdays: JSON.stringify(a.workdays),
      names: JSON.stringify(a.names ?? {}),
      origin: 'chinese-days',
      updated_at: now.toISOString(),
      updated_by: null,
    }));
  if (rows.length)
    await ctx.db
      .insertInto('work_calendar')
      .values(rows)
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
}

/** Reads the store's calendar into memory (seeding the shipped years first unless `seed` is false). */
export async function loadWorkCalendar(ctx: Pick<Ctx, 'db' | 'database' | 'clock'>, seed = true): Promise<WorkCalendar> {
  if (seed) await seedShipped(ctx, ctx.clock.now());
  const rows = await calendarRows(ctx.db);
  const cal = new WorkCalendar(new Map(rows.map((r) => [Number(r.year), rowArrangement(r)])));
  installWorkCalendar(ctx, cal);
  return cal;
}

/** This year and next (Shanghai) where not official: time limits reaching them count Monday–Friday. */
export function provisionalSoon(cal: WorkCalendar, now: Date): number[] {
  const year = Number(shanghaiDate(now).slice(0, 4));
  return [year, year + 1].filter((y) => !cal.isOfficial(y));
}
