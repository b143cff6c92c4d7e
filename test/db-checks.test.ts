// The store's own CHECK constraints, violated for real on each store, answer a
// stable 409 through the one error handler (never a 500). No route lets a write
// reach them today (the services guard first), so the writes are made here as a
// service would make them, inside a transaction, and the errors handed to the handler.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Executor } from '../src/db/kysely.js';
import { errorHandler } from '../src/server/errors.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let app: FastifyInstance;
let write: (tx: Executor) => Promise<unknown>;

beforeAll(async () => {
  env = await startTestApp();
  app = Fastify();
  app.setErrorHandler(errorHandler);
  app.post('/write', async () => {
    await env.ctx.db.transaction().execute((tx) => write(tx));
    return { ok: true };
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await env?.close();
});

async function answer(w: (tx: Executor) => Promise<unknown>) {
  write = w;
  const r = await app.inject({ method: 'POST', url: '/write' });
  return { status: r.statusCode, body: JSON.parse(r.body) };
}

describe(`CHECK constraints answer 409 on ${STORE}`, () => {
  it('a balance below zero → INSUFFICIENT_POINTS; stock below zero → OUT_OF_STOCK; another rule → CONFLICT', async () => {
    const cadre = await env.login(PHONES.cadre);
    const item = await env.call('POST', '/api/store/items', cadre, { regionId: env.seed.villageIds.孟家湾村, name: '洗衣粉', cost: 10, stock: 3 });
    expect(item.status).toBe(201);
    const household = env.seed.villagerHouseholdId;
    const at = new Date().toISOString();
    const balance = await answer((tx) =>
      tx
        .insertInto('point_balances')
        .values({ household_id: household, balance: -5, updated_at: at })
        .onConflict((oc) => oc.column('household_id').doUpdateSet({ balance: sql`point_balances.balance - 1000000` }))
        .execute(),
    );
    expect(balance).toMatchObject({ status: 409, body: { error: { code: 'INSUFFICIENT_POINTS' } } });
    const stock = await answer((tx) => tx.updateTable('store_items').set({ stock: sql`stock - 4` }).where('id', '=', item.body.id).execute());
    expect(stock).toMatchObject({ status: 409, body: { error: { code: 'OUT_OF_STOCK' } } });
    const cost = await answer((tx) => tx.updateTable('store_items').set({ cost: 0 }).where('id', '=', item.body.id).execute());
    expect(cost).toMatchObject({ status: 409, body: { error: { code: 'CONFLICT' } } });
    expect(cost.body.error.message).toMatch(/^[\u4e00-\u9fa5].* \/ /);
    // Nothing was written.
    expect(
      (await env.call('GET', `/api/store/items?regionId=${env.seed.villageIds.孟家湾村}`, cadre)).body.items.find((i: any) => i.id === item.body.id),
    ).toMatchObject({ stock: 3, cost: 10 });
  });
});
