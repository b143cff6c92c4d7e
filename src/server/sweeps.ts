// Every background sweep, run from the injected clock: by a timer in the
// server, and at once by POST /api/dev/clock after moving the clock.
import type { Ctx } from '../core/context.js';
import { sweepCases } from '../modules/cases/sweep.js';
import { syncAll } from '../modules/visits/plan.js';
import { takeEffect } from '../modules/points/service.js';
import { postMonthlyBase } from '../modules/points/monthly-base.js';
import { shanghaiDate } from '../core/clock.js';
import { loadWorkCalendar } from '../core/work-calendar.js';

/** The day each store's visit plans were last brought up to date (once a day is enough). */
const plannedOn = new WeakMap<Ctx, string>();
/** The day each store's monthly base scores were last checked (posted on the 1st; later days only fill gaps). */
const basedOn = new WeakMap<Ctx, string>();

export async function runSweeps(ctx: Ctx): Promise<void> {
  // Another server process may have saved the work calendar: catch up before counting.
  await loadWorkCalendar(ctx, false);
  await sweepCases(ctx);
  await takeEffect(ctx);
  const today = shanghaiDate(ctx.clock.now());
  if (plannedOn.get(ctx) !== today) {
    await syncAll(ctx);
    plannedOn.set(ctx, today);
  }
  if (basedOn.get(ctx) !== today) {
    await postMonthlyBase(ctx);
    basedOn.set(ctx, today);
  }
}

/** Runs the sweeps every `everyMs` until stopped; a failed run is logged and retried next time. */
export function startSweeper(ctx: Ctx, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runSweeps(ctx).catch((err) => console.error('sweep failed:', err)).finally(() => { running = false; });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
