// Background jobs (the sweeps): each runs under its own lease, so two server
// processes never run the same job at once; each run is logged in job_runs; a job
// that throws is logged and recorded there, and never stops the jobs after it.
import type { Ctx } from './context.js';
import { shanghaiDate } from './clock.js';
import { newId } from './ids.js';
import { doneKey, markDone, PROCESS_ID, withLease } from './lease.js';

export interface Job {
  name: string;
  /** Runs at most once per Shanghai day (of the injected clock) across all processes. */
  daily?: boolean;
  run(ctx: Ctx): Promise<unknown>;
}

/** ran; failed (logged); busy (another run held the lease); done (a daily job already ran today). */
export type JobOutcome = 'ran' | 'failed' | 'busy' | 'done';

export interface RunJobOptions {
  /** Wait for a run in progress elsewhere to finish, then run (the dev clock: every due sweep before answering). */
  wait?: boolean;
}

export async function runJob(ctx: Ctx, job: Job, opts: RunJobOptions = {}): Promise<JobOutcome> {
  try {
    const r = await withLease(
      ctx,
      `job:${job.name}`,
      async (): Promise<JobOutcome> => {
        const day = job.daily ? shanghaiDate(ctx.clock.now()) : null;
        if (day && (await doneKey(ctx, job.name)) === day) return 'done';
        const id = newId();
        await ctx.db
          .insertInto('job_runs')
          .values({ id, job: job.name, owner: PROCESS_ID, started_at: new Date().toISOString(), finished_at: null, ok: null, detail: null })
          .execute();
        const finish = (ok: boolean, detail: unknown) =>
          ctx.db
            .updateTable('job_runs')
            .set({ finished_at: new Date().toISOString(), ok: ok ? 1 : 0, detail: detail === undefined ? null : JSON.stringify(detail) })
            .where('id', '=', id)
            .execute();
        try {
          const value = await job.run(ctx);
          await finish(true, value);
          if (day) await markDone(ctx, job.name, day);
          return 'ran';
        } catch (err) {
          console.error(`job ${job.name} failed:`, err);
          await finish(false, (err as Error)?.stack ?? String(err));
          return 'failed';
        }
      },
      { wait: opts.wait },
    );
    return r.ran ? r.value : 'busy';
  } catch (err) {
    // The lease or the run log could not be written (e.g. the store is unreachable): log it, try next time.
    console.error(`job ${job.name} could not run:`, err);
    return 'failed';
  }
}

/** Runs the jobs one after another, each on its own; returns each one's outcome. */
export async function runJobs(ctx: Ctx, jobs: Job[], opts: RunJobOptions = {}): Promise<Record<string, JobOutcome>> {
  const out: Record<string, JobOutcome> = {};
  for (const job of jobs) out[job.name] = await runJob(ctx, job, opts);
  return out;
}

/** Forgets job runs older than `days` (the log is for checking recent runs, not an archive). */
export async function pruneJobRuns(ctx: Ctx, days = 30): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000).toISOString();
  const r = await ctx.db.deleteFrom('job_runs').where('started_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
