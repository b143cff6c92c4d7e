// Leases for background work that must not run in two server processes at once:
// on PostgreSQL an advisory lock held on a dedicated connection (it dies with the
// connection, so a crashed holder frees it at once); on SQLite a job_leases row
// with an expiry, renewed while the work runs (a crashed holder's lapses).
import { hostname } from 'node:os';
import { sql } from 'kysely';
import type { Ctx } from './context.js';
import { newId } from './ids.js';

/** This process, as lease owners and job runs name it. */
export const PROCESS_ID = `${hostname()}:${process.pid}`;

/** First key of our two-key advisory locks; the second is the hash of the lease name. */
const PG_LOCK_CLASS = 72813;
const EPOCH = new Date(0).toISOString();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface LeaseOptions {
  /** Wait (up to waitMs) for a holder to finish instead of giving up at once. */
  wait?: boolean;
  waitMs?: number;
  /** SQLite: how long a lease lasts unless renewed. */
  ttlMs?: number;
}

export type LeaseResult<T> = { ran: true; value: T } | { ran: false };

/** Runs `fn` while holding the lease `name`; `{ran:false}` when another holder kept it. */
export async function withLease<T>(ctx: Ctx, name: string, fn: () => Promise<T>, opts: LeaseOptions = {}): Promise<LeaseResult<T>> {
  const deadline = Date.now() + (opts.wait ? (opts.waitMs ?? 10 * 60_000) : 0);
  return ctx.kind === 'postgres' ? advisoryLease(ctx, name, fn, deadline) : rowLease(ctx, name, fn, deadline, opts.ttlMs ?? 5 * 60_000);
}

function advisoryLease<T>(ctx: Ctx, name: string, fn: () => Promise<T>, deadline: number): Promise<LeaseResult<T>> {
  // Session-level lock on one pooled connection; the work itself uses the pool as usual.
  return ctx.db.connection().execute(async (conn) => {
    for (;;) {
      const { rows } = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${sql.lit(PG_LOCK_CLASS)}, hashtext(${name})) as ok`.execute(conn);
      if (rows[0].ok) break;
      if (Date.now() >= deadline) return { ran: false } as const;
      await sleep(100);
    }
    try {
      return { ran: true, value: await fn() } as const;
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(PG_LOCK_CLASS)}, hashtext(${name}))`.execute(conn);
    }
  });
}

async function rowLease<T>(ctx: Ctx, name: string, fn: () => Promise<T>, deadline: number, ttlMs: number): Promise<LeaseResult<T>> {
  const owner = `${PROCESS_ID}:${newId()}`;
  const until = () => new Date(Date.now() + ttlMs).toISOString();
  const take = async () => {
    const row = await ctx.db
      .insertInto('job_leases')
      .values({ name, owner, until: until(), done_key: null })
      .onConflict((oc) => oc.column('name').doUpdateSet({ owner, until: until() }).where('job_leases.until', '<=', new Date().toISOString()))
      .returning('owner')
      .executeTakeFirst();
    return row?.owner === owner;
  };
  while (!(await take())) {
    if (Date.now() >= deadline) return { ran: false };
    await sleep(100);
  }
  const renew = setInterval(
    () => {
      ctx.db
        .updateTable('job_leases')
        .set({ until: until() })
        .where('name', '=', name)
        .where('owner', '=', owner)
        .execute()
        .catch((err) => console.error(`lease ${name}: renewal failed:`, (err as Error).message));
    },
    Math.max(1000, ttlMs / 3),
  );
  renew.unref();
  try {
    return { ran: true, value: await fn() };
  } finally {
    clearInterval(renew);
    await ctx.db.updateTable('job_leases').set({ owner: null, until: EPOCH }).where('name', '=', name).where('owner', '=', owner).execute();
  }
}

/** What a job last recorded as done (e.g. the day a daily job last completed). */
export async function doneKey(ctx: Ctx, name: string): Promise<string | null> {
  return (await ctx.db.selectFrom('job_leases').select('done_key').where('name', '=', name).executeTakeFirst())?.done_key ?? null;
}

export async function markDone(ctx: Ctx, name: string, key: string): Promise<void> {
  await ctx.db
    .insertInto('job_leases')
    .values({ name, owner: null, until: EPOCH, done_key: key })
    .onConflict((oc) => oc.column('name').doUpdateSet({ done_key: key }))
    .execute();
}
