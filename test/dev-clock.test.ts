import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { startTestApp, PHONES, STORE, TEST_NOW, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => {
  await env?.close();
});

describe(`demo clock on ${STORE}`, () => {
  it('admin moves the clock forward; others may not', async () => {
    const admin = await env.login(PHONES.admin);
    const r = await env.call('POST', '/api/dev/clock', admin, { advanceHours: 48 });
    expect(r.status).toBe(200);
    expect(r.body.now).toBe(new Date(TEST_NOW.getTime() + 48 * 3600_000).toISOString());
    expect(env.clock.now().toISOString()).toBe(r.body.now);
    const cadre = await env.login(PHONES.cadre);
    expect((await env.call('POST', '/api/dev/clock', cadre, { advanceHours: 1 })).status).toBe(403);
    expect((await env.call('POST', '/api/dev/clock', admin, { advanceHours: -1 })).status).toBe(400);
  });

  it('the route does not exist without XZ_NOW', async () => {
    const app = await buildApp({ database: env.ctx.database, clock: env.clock, devClock: false });
    const res = await app.inject({ method: 'POST', url: '/api/dev/clock', payload: { advanceHours: 1 } });
    expect(res.statusCode).toBe(404);
    await app.close();
  });
});

describe(`demo seed on ${STORE}`, () => {
  it('seeding a store that already holds data does nothing', async () => {
    const { seedDemo } = await import('../src/modules/demo/seed.js');
    const before = await env.ctx.db
      .selectFrom('households')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(await seedDemo(env.ctx)).toBeNull();
    const after = await env.ctx.db
      .selectFrom('households')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
