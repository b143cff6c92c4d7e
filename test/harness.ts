// Two-database harness: every integration test file gets a fresh store —
// a temp SQLite file, or its own PostgreSQL database created and dropped here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock, type Clock } from '../src/core/clock.js';
import type { Ctx } from '../src/core/context.js';
import { seedDemo, DEMO_PASSWORD, type DemoSeed } from '../src/modules/demo/seed.js';
import { buildApp } from '../src/server/app.js';
import { STATEMENT_LOG_HEADER, STATEMENTS_HEADER } from '../src/server/query-budget.js';
import { localStorage } from '../src/core/storage.js';
import { runSweeps } from '../src/server/sweeps.js';
import { ensureCatalog } from '../src/modules/cases/service.js';
import { ensureRules } from '../src/modules/visits/plan.js';
import { ensureChecklist } from '../src/modules/patrols/service.js';
import type { App } from '../src/http/types.js';

export const STORE = (process.env.XZ_TEST_DB ?? 'sqlite') as 'sqlite' | 'postgres';
export const PG_URL = process.env.XZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** Default test instant: Friday 2026-11-27 10:00 in Shanghai. */
export const TEST_NOW = new Date('2026-11-27T02:00:00Z');

async function adminQuery(text: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export async function freshDatabase(): Promise<{ database: Database; url: string; drop: () => Promise<void> }> {
  if (STORE === 'postgres') {
    const name = `xz_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    // A throwaway database: commits need not wait for the disk (the demo seeders make thousands of them).
    await adminQuery(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const database = openDatabase(url.toString());
    return {
      database,
      url: url.toString(),
      drop: async () => {
        await database.close();
        await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'xz-test-'));
  const database = openDatabase(`file:${join(dir, 'test.db')}`);
  return {
    database,
    url: `file:${join(dir, 'test.db')}`,
    drop: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface TestEnv {
  app: App;
  ctx: Ctx;
  /** The store's address (DATABASE_URL), for a server process started on it. */
  url: string;
  clock: Clock;
  seed: DemoSeed;
  /** Signs in a demo account and returns its bearer token (cached unless `fresh`, e.g. after moving the clock past expiry). */
  login(phone: string, fresh?: boolean): Promise<string>;
  /** Another connection (pool) to the same store, as a second server process would have; closed with the env. */
  secondCtx(): Ctx;
  /** JSON request helper: returns status and parsed body. */
  call(method: string, url: string, token?: string | null, body?: unknown): Promise<{ status: number; body: any }>;
  /** As call, with how many SQL statements the request ran (test/query-budget.test.ts). */
  counted(method: string, url: string, token?: string | null, body?: unknown): Promise<{ status: number; body: any; statements: number; log: string[] }>;
  close(): Promise<void>;
}

export async function startTestApp(opts: { now?: Date; householdsPerGrid?: number } = {}): Promise<TestEnv> {
  const { database, url, drop } = await freshDatabase();
  const extra: Database[] = [];
  await migrateToLatest(database);
  const clock = fixedClock(opts.now ?? TEST_NOW);
  const ctx: Ctx = { db: database.db, kind: database.kind, clock, database };
  await ensureCatalog(ctx);
  await ensureRules(ctx);
  await ensureChecklist(ctx);
  const seed = (await seedDemo(ctx, { householdsPerGrid: opts.householdsPerGrid }))!;
  const filesDir = mkdtempSync(join(tmpdir(), 'xz-files-'));
  ctx.storage = localStorage(filesDir);
  const app = await buildApp({ database, clock, devClock: true, sweeps: () => runSweeps(ctx), storage: ctx.storage, countQueries: true });
  await app.ready();
  const tokens = new Map<string, string>();
  const counted: TestEnv['counted'] = async (method, url, token, body) => {
    const res = await app.inject({
      method: method as any,
      url,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    let parsed: any = res.body;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    const log = decodeURIComponent(String(res.headers[STATEMENT_LOG_HEADER] ?? ''));
    return { status: res.statusCode, body: parsed, statements: Number(res.headers[STATEMENTS_HEADER]), log: log ? log.split('\n') : [] };
  };
  const call: TestEnv['call'] = async (method, url, token, body) => {
    const { status, body: parsed } = await counted(method, url, token, body);
    return { status, body: parsed };
  };
  return {
    app,
    ctx,
    url,
    clock,
    seed,
    call,
    counted,
    async login(phone, fresh = false) {
      if (tokens.has(phone) && !fresh) return tokens.get(phone)!;
      const r = await call('POST', '/api/auth/login', null, { phone, password: DEMO_PASSWORD });
      if (r.status !== 200) throw new Error(`login ${phone}: ${r.status} ${JSON.stringify(r.body)}`);
      tokens.set(phone, r.body.token);
      return r.body.token;
    },
    secondCtx() {
      const other = openDatabase(url);
      extra.push(other);
      return { db: other.db, kind: other.kind, clock, database: other, storage: ctx.storage };
    },
    async close() {
      await app.close();
      for (const e of extra) await e.close();
      await drop();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export const PHONES = {
  admin: '13800000000',
  leader: '13800000001',
  cadre: '13800000002',
  grid: '13800000003',
  villager: '13800000004',
  otherCadre: '13800000005',
  staff: '13800000006',
  party: '13800000007',
  supervisor: '13800000008',
  mediator: '13800000009',
} as const;
