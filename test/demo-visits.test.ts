import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoVisits } from '../src/modules/demo/visits.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let leader: string;
let result: Awaited<ReturnType<typeof seedDemoVisits>>;

beforeAll(async () => {
  env = await startTestApp(); // 2026-11-27
  result = await seedDemoVisits(env.ctx, env.seed);
  leader = await env.login(PHONES.leader);
});
afterAll(async () => {
  await env?.close();
});

describe(`demo visits and patrols on ${STORE}`, () => {
  it("last month's plan is mostly done with some overdue; this month's partly done", async () => {
    const oct = (await env.call('GET', '/api/visits/progress?month=2026-10', leader)).body.totals;
    expect(oct.total).toBeGreaterThan(20);
    expect(oct.due).toBe(0);
    expect(oct.overdue).toBeGreaterThan(0);
    expect(oct.done / oct.total).toBeGreaterThan(0.7);
    const nov = (await env.call('GET', '/api/visits/progress?month=2026-11', leader)).body.totals;
    expect(nov.done).toBeGreaterThan(0);
    expect(nov.due).toBeGreaterThan(0);
    // A visit covers every item of its household in the period.
    expect(result.visits).toBeGreaterThan(0);
    expect(result.visits).toBeLessThanOrEqual(oct.done + nov.done);
  });

  it('patrol records of every kind, a few with problems', async () => {
    const all = (await env.call('GET', '/api/patrols?pageSize=200', leader)).body;
    expect(all.total).toBe(result.patrols);
    const count = async (kind: string) => (await env.call('GET', `/api/patrols?kind=${kind}`, leader)).body.total;
    expect(await count('daily')).toBeGreaterThan(200);
    // 月排查 on 11-01 and 11-15 for most of the 14 villages.
    expect(await count('fortnightly')).toBeGreaterThan(20);
    expect((await env.call('GET', '/api/patrols?kind=quarterly', leader)).body.total).toBe(1);
    expect((await env.call('GET', '/api/patrols?problems=true', leader)).body.total).toBeGreaterThan(0);
    const due = (await env.call('GET', `/api/patrols/due?regionId=${env.seed.townshipId}&day=2026-11-26`, leader)).body.items.filter(
      (d: any) => d.kind === 'daily',
    );
    expect(due.map((d: any) => d.status).sort()).toContain('done');
    expect(due.map((d: any) => d.status)).toContain('late');
  });
});
