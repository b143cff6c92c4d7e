// Every background sweep, run from the injected clock: by a timer in the
// server, and at once by POST /api/dev/clock after moving the clock. Each is a
// job on its own (core/jobs): its own lease, so two server processes never run
// the same one at once; its own failure, logged, which never stops the others.
import type { Ctx } from '../core/context.js';
import { pruneJobRuns, runJobs, type Job, type JobOutcome } from '../core/jobs.js';
import { pruneOutbox } from '../core/outbox.js';
import { sweepCases } from '../modules/cases/sweep.js';
import { syncAll } from '../modules/visits/plan.js';
import { takeEffect } from '../modules/points/service.js';
import { postMonthlyBase } from '../modules/points/monthly-base.js';
import { loadWorkCalendar } from '../core/work-calendar.js';

export const SWEEPS: Job[] = [
  { name: 'case-cards', run: (ctx) => sweepCases(ctx) },
  { name: 'award-take-effect', run: (ctx) => takeEffect(ctx) },
  // Visit plans and the monthly base: once a day is enough (the base is posted on the 1st; later days only fill gaps).
  { name: 'visit-plans', daily: true, run: (ctx) => syncAll(ctx) },
  { name: 'monthly-base', daily: true, run: (ctx) => postMonthlyBase(ctx) },
  { name: 'housekeeping', daily: true, run: async (ctx) => ({ jobRuns: await pruneJobRuns(ctx), outbox: await pruneOutbox(ctx) }) },
];

/**
 * Runs every sweep that has come due. By default it waits for a run of the same
 * sweep in another process to finish and then runs it too (so the dev clock answers
 * after every sweep saw the new time); the timer passes `wait: false` and skips a
 * sweep another process is running.
 */
export async function runSweeps(ctx: Ctx, opts: { wait?: boolean; jobs?: Job[] } = {}): Promise<Record<string, JobOutcome>> {
  // Another server process may have saved the work calendar: catch up before counting.
  await loadWorkCalendar(ctx, false);
  return runJobs(ctx, opts.jobs ?? SWEEPS, { wait: opts.wait ?? true });
}

/** Runs the sweeps every `everyMs` until stopped; a failed job is logged and retried next time. */
export function startSweeper(ctx: Ctx, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSweeps(ctx, { wait: false })
      .catch((err) => console.error('sweep failed:', err))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
