// Every background sweep, run from the injected clock: by a timer in the
// server, and at once by POST /api/dev/clock after moving the clock.
import type { Ctx } from '../core/context.js';
import { sweepCases } from '../modules/cases/sweep.js';

export async function runSweeps(ctx: Ctx): Promise<void> {
  await sweepCases(ctx);
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
