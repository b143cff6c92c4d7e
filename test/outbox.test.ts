// Notifications go out through the outbox: a webhook receiver (a real local HTTP
// server) sees nothing for a write that rolled back, and each committed notice
// once by its id, also when it answers 500 the first time; the write never waits
// for it. The worker itself: bounded retries, then failed; two workers on one
// store deliver each message once.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Ctx } from '../src/core/context.js';
import { fixedClock } from '../src/core/clock.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openDatabase } from '../src/db/kysely.js';
import { enqueue, startOutbox } from '../src/core/outbox.js';
import { notify, setGateway, webhookGateway } from '../src/modules/notifications/service.js';
import { freshDatabase, startTestApp, PHONES, STORE, TEST_NOW, type TestEnv } from './harness.js';

interface Hit {
  id: string | undefined;
  idempotencyKey: string | undefined;
  body: any;
  status: number;
}
let env: TestEnv;
let receiver: Server;
const hits: Hit[] = [];
/** Ids the receiver has already failed once. */
const failedOnce = new Set<string>();
let failFirst = false;

beforeAll(async () => {
  env = await startTestApp();
  receiver = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const body = JSON.parse(raw);
      const id = req.headers['x-message-id'] as string | undefined;
      const status = failFirst && id && !failedOnce.has(id) ? 500 : 200;
      if (status === 500) failedOnce.add(id!);
      hits.push({ id, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  setGateway(webhookGateway(`http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`));
});
afterAll(async () => {
  setGateway(null);
  await env?.close();
  await new Promise((r) => receiver?.close(r));
});

const grid = () => env.login(PHONES.grid);
const report = async (title: string) => {
  const r = await env.call('POST', '/api/cases', await grid(), {
    type: 'incident',
    category: 'env_dirty',
    title,
    description: 'x',
    regionId: env.seed.gridIds['孟家湾村/一组'],
  });
  expect(r.status).toBe(201);
  return r.body.id as string;
};
const about = (title: string) => hits.filter((h) => String(h.body?.title ?? '').includes(title));
const settle = () => new Promise((r) => setTimeout(r, 1500));

describe(`notification webhook through the outbox on ${STORE}`, () => {
  it('a rolled-back write sends nothing; a committed one is delivered once, with its id', async () => {
    const userId = env.seed.users[PHONES.cadre];
    await expect(
      env.ctx.db.transaction().execute(async (tx) => {
        await notify(env.ctx, tx, [userId], { kind: 'status', title: '回滚的通知 rolled back' });
        throw new Error('the write fails after notifying');
      }),
    ).rejects.toThrow('the write fails');

    const caseId = await report('已提交的事件一');
    await vi.waitFor(() => expect(about('已提交的事件一').length).toBeGreaterThan(0), { timeout: 10_000 });
    await settle();
    expect(about('回滚的通知')).toEqual([]);
    const got = about('已提交的事件一');
    expect(got).toHaveLength(1);
    const [hit] = got;
    expect(hit.status).toBe(200);
    expect(hit.id).toBeTruthy();
    expect(hit.idempotencyKey).toBe(hit.id);
    expect(hit.body).toMatchObject({ id: hit.id, kind: 'assignment', entity: 'case', entityId: caseId });
    expect(hit.body.userIds).toContain(env.seed.users[PHONES.cadre]);
    const row = await env.ctx.db.selectFrom('outbox').selectAll().where('id', '=', hit.id!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('a receiver that answers 500 first gets the same message again and takes it once', async () => {
    failFirst = true;
    try {
      const started = Date.now();
      await report('失败后重试的事件二');
      expect(Date.now() - started).toBeLessThan(5000); // the write did not wait for the gateway
      await vi.waitFor(() => expect(about('失败后重试的事件二').some((h) => h.status === 200)).toBe(true), { timeout: 15_000 });
      await settle();
      const got = about('失败后重试的事件二');
      expect(got.map((h) => h.status)).toEqual([500, 200]);
      expect(new Set(got.map((h) => h.id)).size).toBe(1);
      expect(got.every((h) => h.body.id === h.id && h.idempotencyKey === h.id)).toBe(true);
      const row = await env.ctx.db.selectFrom('outbox').selectAll().where('id', '=', got[0].id!).executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', attempts: 2 });
    } finally {
      failFirst = false;
    }
  });
});

describe(`the outbox worker on ${STORE}`, () => {
  let store: Awaited<ReturnType<typeof freshDatabase>>;
  let ctx: Ctx;
  beforeAll(async () => {
    store = await freshDatabase();
    await migrateToLatest(store.database);
    ctx = { db: store.database.db, kind: store.database.kind, clock: fixedClock(TEST_NOW), database: store.database };
  });
  afterAll(async () => {
    await store?.drop();
  });

  it('retries with backoff a bounded number of times, then marks the message failed and logs it', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const worker = startOutbox(
      ctx,
      {
        broken: () => {
          calls++;
          throw new Error('gateway down');
        },
      },
      { maxAttempts: 3, backoffMs: () => 30, pollMs: 60_000 },
    );
    try {
      const id = await ctx.db.transaction().execute((tx) => enqueue(tx, 'broken', { n: 1 }));
      await vi.waitFor(
        async () => {
          expect(await ctx.db.selectFrom('outbox').select(['status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirstOrThrow()).toEqual({
            status: 'failed',
            attempts: 3,
            last_error: 'gateway down',
          });
        },
        { timeout: 10_000 },
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(calls).toBe(3);
      expect(errors.mock.calls.some((c) => String(c[0]).includes(id) && String(c[0]).includes('giving up'))).toBe(true);
    } finally {
      await worker.stop();
      errors.mockRestore();
    }
  });

  it('two workers (two processes) on one store deliver each message exactly once', async () => {
    const other = openDatabase(store.url);
    const otherCtx: Ctx = { ...ctx, db: other.db, database: other };
    const seen = new Map<string, number>();
    const handler = async (m: { id: string }) => {
      seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 5));
    };
    const ids: string[] = [];
    await ctx.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 120; i++) ids.push(await enqueue(tx, 'twice', { i }));
    });
    const a = startOutbox(ctx, { twice: handler }, { batch: 7, pollMs: 60_000 });
    const b = startOutbox(otherCtx, { twice: handler }, { batch: 7, pollMs: 60_000 });
    try {
      await Promise.all([a.drain(), b.drain(), a.drain(), b.drain()]);
      await vi.waitFor(() => expect(seen.size).toBe(ids.length), { timeout: 10_000 });
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      const left = await ctx.db.selectFrom('outbox').select('id').where('topic', '=', 'twice').where('status', '!=', 'sent').execute();
      expect(left).toEqual([]);
    } finally {
      await a.stop();
      await b.stop();
      await other.close();
    }
  });
});
