// Two real server processes on one store (as behind a load balancer): both move
// their demo clocks at once, and every sweep still runs one process at a time,
// the daily ones once in all.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/modules/demo/seed.js';
import { startTestApp, PHONES, STORE, TEST_NOW, type TestEnv } from './harness.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let env: TestEnv;
const servers: { child: ChildProcess; base: string; log: string[] }[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

async function startServer() {
  const port = await freePort();
  const log: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: env.url,
      XZ_NOW: TEST_NOW.toISOString(),
      XZ_DEMO: '0',
      XZ_QUIET: '1',
      XZ_WEB_DIR: '/nonexistent',
      XZ_WEBHOOK_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => log.push(String(d)));
  child.stderr!.on('data', (d) => log.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const server = { child, base, log };
  servers.push(server);
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${log.join('')}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not start: ${log.join('')}`);
}

async function post(base: string, path: string, body: unknown, token?: string) {
  const r = await fetch(`${base}${path}`, {
    method: path.startsWith('/api/points/settings') ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return { status: r.status, body: (await r.json()) as any };
}

beforeAll(async () => {
  env = await startTestApp();
  // One after the other: the start-up steps (catalog, checklists) are not what this tests.
  await startServer();
  await startServer();
}, 120_000);
afterAll(async () => {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.child.exitCode !== null) return resolve();
          s.child.once('exit', () => resolve());
          s.child.kill('SIGTERM');
        }),
    ),
  );
  await env?.close();
});

describe(`two server processes on one ${STORE} store`, () => {
  it('both move the clock at once: each sweep runs one process at a time, the daily ones once', async () => {
    const [a, b] = servers;
    const admin = (await post(a.base, '/api/auth/login', { phone: PHONES.admin, password: DEMO_PASSWORD })).body.token;
    const cadre = (await post(b.base, '/api/auth/login', { phone: PHONES.cadre, password: DEMO_PASSWORD })).body.token;
    const village = env.seed.villageIds.孟家湾村;
    expect(
      (
        await post(
          b.base,
          '/api/points/settings',
          { regionId: village, publicDays: 5, monthlyBase: 10, settlementMode: 'carry', mediatorPoints: 50, volunteerRate: 2 },
          cadre,
        )
      ).status,
    ).toBe(200);

    // Into December on both: the monthly base and December's visit plans come due.
    const moved = await Promise.all([a, b].map((s) => post(s.base, '/api/dev/clock', { advanceHours: 24 * 5 }, admin)));
    expect(moved.map((m) => m.status)).toEqual([200, 200]);

    const runs = await env.ctx.db.selectFrom('job_runs').selectAll().orderBy('started_at').execute();
    const of = (job: string) => runs.filter((r) => r.job === job);
    for (const job of ['visit-plans', 'monthly-base', 'housekeeping']) expect(of(job), job).toHaveLength(1);
    for (const job of ['case-cards', 'award-take-effect']) {
      expect(of(job).length, job).toBeGreaterThanOrEqual(2); // both processes ran it, one after the other
      expect(new Set(of(job).map((r) => r.owner)).size, job).toBe(2);
    }
    expect(runs.every((r) => r.ok === 1 && r.finished_at)).toBe(true);
    // Never two runs of one job at once.
    for (const job of new Set(runs.map((r) => r.job))) {
      const list = of(job);
      for (let i = 1; i < list.length; i++) expect(list[i].started_at >= list[i - 1].finished_at!, job).toBe(true);
    }
    // The base went to each household of the village once.
    const base = await env.ctx.db.selectFrom('point_entries').select(['household_id']).where('source', '=', 'monthly_base').execute();
    expect(base.length).toBeGreaterThan(0);
    expect(new Set(base.map((e) => e.household_id)).size).toBe(base.length);
  }, 120_000);
});
