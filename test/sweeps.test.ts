// The background sweeps: one failing job does not stop the others, and each
// job runs under a lease so two server processes (here two pools on one store)
// never run it at once, and a daily job runs once a day across them.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

// The case sweep throws while `failCases` is set, as a bad row or a bug would make it.
const failCases = vi.hoisted(() => ({ on: false }));
vi.mock('../src/modules/cases/sweep.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../src/modules/cases/sweep.js')>();
  return {
    ...orig,
    sweepCases: async (ctx: Parameters<typeof orig.sweepCases>[0]) => {
      if (failCases.on) throw new Error('case sweep exploded');
      return orig.sweepCases(ctx);
    },
  };
});

const { runSweeps } = await import('../src/server/sweeps.js');
const { runJob } = await import('../src/core/jobs.js');
const { withLease } = await import('../src/core/lease.js');

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => {
  await env?.close();
});

const count = async (table: 'visit_plan_items' | 'point_entries' | 'job_runs', where?: [string, string]) => {
  let q = env.ctx.db.selectFrom(table as 'job_runs').select((e) => e.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as 'job', '=', where[1]);
  return Number((await q.executeTakeFirstOrThrow()).n);
};
const gate = () => {
  let open!: () => void;
  const p = new Promise<void>((r) => {
    open = r;
  });
  return { p, open };
};

describe(`sweeps on ${STORE}`, () => {
  it('a job that throws does not stop the visit plans or the monthly base', async () => {
    const cadre = await env.login(PHONES.cadre);
    const village = env.seed.villageIds.孟家湾村;
    expect(
      (
        await env.call('PUT', '/api/points/settings', cadre, {
          regionId: village,
          publicDays: 5,
          monthlyBase: 10,
          settlementMode: 'carry',
          mediatorPoints: 50,
          volunteerRate: 2,
        })
      ).status,
    ).toBe(200);
    env.clock.advance(5 * 86_400_000); // into December: the seeded households now get December's base
    failCases.on = true;
    try {
      await runSweeps(env.ctx);
    } finally {
      failCases.on = false;
    }
    expect(await count('visit_plan_items')).toBeGreaterThan(0);
    expect(await count('point_entries', ['source', 'monthly_base'])).toBeGreaterThan(0);
    const runs = await env.ctx.db.selectFrom('job_runs').select(['job', 'ok', 'detail']).execute();
    expect(runs.find((r) => r.job === 'case-cards')).toMatchObject({ ok: 0 });
    expect(runs.find((r) => r.job === 'case-cards')!.detail).toContain('case sweep exploded');
    expect(runs.filter((r) => r.job !== 'case-cards').every((r) => r.ok === 1)).toBe(true);
  });

  it('the dev clock still answers, after the sweeps ran, when a sweep throws', async () => {
    failCases.on = true;
    try {
      const r = await env.call('POST', '/api/dev/clock', await env.login(PHONES.admin, true), { advanceHours: 1 });
      expect(r.status).toBe(200);
    } finally {
      failCases.on = false;
    }
  });

  it('a lease held by one process is not taken by another; waiting takes it once freed', async () => {
    const other = env.secondCtx();
    const held = gate();
    const started = gate();
    const first = withLease(env.ctx, 'test:lease', async () => {
      started.open();
      await held.p;
      return 'first';
    });
    await started.p;
    expect(await withLease(other, 'test:lease', async () => 'second')).toEqual({ ran: false });
    const waiting = withLease(other, 'test:lease', async () => 'second', { wait: true });
    await new Promise((r) => setTimeout(r, 300));
    held.open();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await waiting).toEqual({ ran: true, value: 'second' });
    // Freed: either may take it again.
    expect(await withLease(env.ctx, 'test:lease', async () => 3)).toEqual({ ran: true, value: 3 });
  });

  it('two processes running the same job: never at once, and a daily job once a day', async () => {
    const other = env.secondCtx();
    let inside = 0,
      most = 0,
      calls = 0;
    const body = async () => {
      calls++;
      inside++;
      most = Math.max(most, inside);
      await new Promise((r) => setTimeout(r, 200));
      inside--;
      return { ok: true };
    };
    const job = { name: 'test-daily', daily: true, run: body };
    const outcomes = await Promise.all([runJob(env.ctx, job, { wait: true }), runJob(other, job, { wait: true }), runJob(env.ctx, job), runJob(other, job)]);
    expect(calls).toBe(1);
    expect(most).toBe(1);
    expect(outcomes.filter((o) => o === 'ran')).toHaveLength(1);
    expect(await count('job_runs', ['job', 'test-daily'])).toBe(1);

    const every = { name: 'test-tick', run: body };
    calls = 0;
    most = 0;
    await Promise.all([runJob(env.ctx, every, { wait: true }), runJob(other, every, { wait: true })]);
    expect(calls).toBe(2);
    expect(most).toBe(1);
    const runs = await env.ctx.db.selectFrom('job_runs').select(['started_at', 'finished_at']).where('job', '=', 'test-tick').orderBy('started_at').execute();
    expect(runs).toHaveLength(2);
    expect(runs[1].started_at >= runs[0].finished_at!).toBe(true);
  });
});
