// One lock order for several households (by id, monthly base and settlement alike), and
// deadlocks or serialization failures retried a few times, then 409 CONFLICT_RETRY — never 500.
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../src/core/errors.js';
import { RETRY_ATTEMPTS, withRetry } from '../src/core/retry.js';
import { errorHandler } from '../src/server/errors.js';
import { postMonthlyBase } from '../src/modules/points/monthly-base.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

const pgError = (code: string) => Object.assign(new Error(code === '40P01' ? 'deadlock detected' : 'could not serialize access'), { code });

describe('withRetry', () => {
  it('runs a transaction again after a deadlock, and returns what the run that got through returned', async () => {
    let calls = 0;
    const out = await withRetry(null, async () => {
      calls++;
      if (calls <= 2) throw pgError('40P01');
      return 'done';
    });
    expect(out).toBe('done');
    expect(calls).toBe(3);
  });

  it('gives up after a few runs with 409 CONFLICT_RETRY; other errors pass through at once', async () => {
    let calls = 0;
    const err = await withRetry(null, async () => {
      calls++;
      throw pgError('40001');
    }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'CONFLICT_RETRY', status: 409 });
    expect(err.message).toMatch(/重试 \/ .*retry/);
    expect(calls).toBe(RETRY_ATTEMPTS);
    calls = 0;
    const other = await withRetry(null, async () => {
      calls++;
      throw Object.assign(new Error('unique'), { code: '23505' });
    }).catch((e) => e);
    expect(other.code).toBe('23505');
    expect(calls).toBe(1);
  });

  it('over HTTP: a conflict that outlasts the retries, or escapes them, answers 409 CONFLICT_RETRY', async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.post('/retried', async () =>
      withRetry(null, async () => {
        throw pgError('40P01');
      }),
    );
    app.post('/leftover', async () => {
      throw pgError('40001');
    });
    for (const url of ['/retried', '/leftover']) {
      const r = await app.inject({ method: 'POST', url });
      expect(r.statusCode, url).toBe(409);
      expect(JSON.parse(r.body).error.code, url).toBe('CONFLICT_RETRY');
    }
    await app.close();
  });
});

describe(`lock order on ${STORE}`, () => {
  let env: TestEnv;
  beforeAll(async () => {
    env = await startTestApp();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('the monthly base locks (posts to) the households of a village in id order, as the settlement does', async () => {
    const cadre = await env.login(PHONES.cadre);
    const village = env.seed.villageIds.孟家湾村;
    expect(
      (
        await env.call('PUT', '/api/points/settings', cadre, {
          regionId: village,
          publicDays: 5,
          monthlyBase: 10,
          settlementMode: 'reset',
          mediatorPoints: 50,
          volunteerRate: 2,
        })
      ).status,
    ).toBe(200);
    // A family registered now in the first grid: last by id, but ahead of the other grids' families by place.
    const firstGrid = (await env.ctx.db.selectFrom('regions').select('id').where('parent_id', '=', village).orderBy('path').executeTakeFirstOrThrow()).id;
    const created = await env.call('POST', '/api/households', cadre, { regionId: firstGrid, address: '孟家湾村新户8号' });
    expect(created.status).toBe(201);
    env.clock.advance(4 * 86_400_000); // 1 December
    const posted = await postMonthlyBase(env.ctx);
    expect(posted).toBeGreaterThan(20);
    // Entry ids are time-ordered in this process: their order is the order the balance rows were taken.
    const order = (await env.ctx.db.selectFrom('point_entries').select('household_id').where('source', '=', 'monthly_base').orderBy('id').execute()).map(
      (e) => e.household_id,
    );
    expect(order).toContain(created.body.id);
    expect(order).toEqual([...order].sort());
  });
});
