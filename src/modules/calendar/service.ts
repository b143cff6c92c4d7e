// The work calendar (工作日历) the office keeps: one year at a time, from the State
// Council's notice. Saving a year recomputes every open case's time limits in the
// same transaction (through the cases service), then the store's in-memory
// calendar is replaced.
import type { Actor, Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import {
  calendarRow,
  calendarRows,
  loadWorkCalendar,
  provisionalSoon,
  rowArrangement,
  saveCalendarRow,
  workCalendar,
  type CalendarRow,
} from '../../core/work-calendar.js';
import { WorkCalendar } from '../../core/workdays.js';
import { calendarProblem } from '../../shared/work-calendar.js';
import * as cases from '../cases/service.js';
import { calendarRegion } from './policy.js';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

function checkYear(year: number) {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR)
    throw new AppError('VALIDATION_FAILED', `年份须在${MIN_YEAR}至${MAX_YEAR}之间`, `Year must be ${MIN_YEAR}-${MAX_YEAR}`);
}

function view(year: number, row: CalendarRow | undefined) {
  const a = row ? rowArrangement(row) : null;
  return {
    year,
    source: (row ? 'official' : 'provisional') as 'official' | 'provisional',
    origin: (row?.origin ?? null) as 'chinese-days' | 'entered' | null,
    holidays: [...(a?.holidays ?? [])],
    workdays: [...(a?.workdays ?? [])],
    names: { ...(a?.names ?? {}) },
    updatedAt: row?.updated_at ?? null,
  };
}

export async function getYear(ctx: Ctx, year: number) {
  checkYear(year);
  return view(year, await calendarRow(ctx.db, year));
}

/** Which years are entered, and whether this year or next still counts Monday–Friday. */
export async function overview(ctx: Ctx) {
  const rows = await calendarRows(ctx.db);
  const now = ctx.clock.now();
  return {
    years: rows.map((r) => ({ year: Number(r.year), origin: r.origin as 'chinese-days' | 'entered', updatedAt: r.updated_at })),
    provisional: provisionalSoon(workCalendar(ctx), now),
  };
}

export interface YearInput {
  holidays: string[];
  workdays: string[];
  names?: Record<string, string>;
}

/** Makes `year` official with these days (admin), recomputing open cases' limits in the same transaction. */
export async function putYear(ctx: Ctx, actor: Actor, year: number, input: YearInput) {
  calendarRegion.assertSomewhere(actor, 'calendar.manage');
  checkYear(year);
  const holidays = [...new Set(input.holidays)].sort();
  const workdays = [...new Set(input.workdays)].sort();
  const problem = calendarProblem(year, holidays, workdays);
  if (problem) throw new AppError(problem.code, problem.zh, problem.en);
  const listed = new Set([...holidays, ...workdays]);
  const names = Object.fromEntries(
    Object.entries(input.names ?? {})
      .filter(([d, n]) => listed.has(d) && n.trim())
      .map(([d, n]) => [d, n.trim()]),
  );
  const now = ctx.clock.now();
  const row: CalendarRow = {
    year,
    holidays: JSON.stringify(holidays),
    workdays: JSON.stringify(workdays),
    names: JSON.stringify(names),
    origin: 'entered',
    updated_at: now.toISOString(),
    updated_by: actor.userId,
  };
  for (let attempt = 0; ; attempt++) {
    try {
      const changed = await ctx.db.transaction().execute(async (tx) => {
        // Both calendars from the table itself, so another server's save of another year is neither lost nor undone.
        const rows = await calendarRows(tx);
        const before = new WorkCalendar(new Map(rows.map((r) => [Number(r.year), rowArrangement(r)])));
        const after = before.withYear(year, { holidays, workdays, names });
        const prior = rows.find((r) => Number(r.year) === year);
        await saveCalendarRow(tx, row);
        const changed = await cases.recomputeForCalendar(tx, actor, before, after, now);
        await audit(tx, now, actor, {
          action: 'work_calendar.set',
          entity: 'work_calendar',
          entityId: String(year),
          detail: { before: prior ? { origin: prior.origin, ...rowArrangement(prior) } : null, after: { holidays, workdays }, casesRecomputed: changed },
        });
        return changed;
      });
      // Read back rather than installing `after`: a save of another year that committed meanwhile is kept too.
      await loadWorkCalendar(ctx, false);
      return { ...view(year, row), casesRecomputed: changed };
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'CONFLICT') || attempt >= 2) throw err;
    }
  }
}
