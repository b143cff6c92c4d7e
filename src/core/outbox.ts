// The outbox: messages for outside systems (the SMS / WeChat gateway) are rows
// written in the transaction of the write that causes them, so a write that rolls
// back sends nothing, and are delivered after it commits by a worker in each
// server process: woken after this process's commits and on a timer. Delivery is
// at least once: a message keeps its id through every attempt, so the receiver
// drops repeats; a failure is retried with backoff, a bounded number of times,
// then the message is marked failed and logged. The write never waits for it.
//
// Workers in several processes share the table safely: a worker claims due rows
// (FOR UPDATE SKIP LOCKED on PostgreSQL; SQLite has one writer) by stamping them
// with its claim and pushing next_at out by a lease, so a worker that dies
// mid-delivery leaves rows that come due again when the lease lapses.
// Times here are wall-clock times (delivery is infrastructure, not domain time).
import { uncounted } from '../db/query-count.js';
import type { Ctx } from './context.js';
import type { Updateable } from 'kysely';
import type { Executor } from '../db/kysely.js';
import type { OutboxTable } from '../db/schema.js';
import { newId } from './ids.js';
import { PROCESS_ID } from './lease.js';

export interface OutboxMessage {
  id: string;
  topic: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempt: number;
  createdAt: string;
}

/** Delivers one message; throws (or rejects) when it was not delivered and should be retried. */
export type OutboxHandler = (msg: OutboxMessage) => Promise<void> | void;

export interface OutboxOptions {
  /** Attempts before a message is marked failed (default 10: about 17 minutes of retries). */
  maxAttempts?: number;
  /** Wait before attempt n + 1 after attempt n failed (default 1 s doubling, at most 10 minutes). */
  backoffMs?: (attempt: number) => number;
  /** How long a claim lasts before another worker may take the message (default 60 s). */
  leaseMs?: number;
  /** How often the worker looks for due messages besides being woken (default 5 s). */
  pollMs?: number;
  /** Messages claimed at once (default 20). */
  batch?: number;
}

export interface OutboxWorker {
  /** Looks for due messages soon (coalesced: at most one pass runs, and one more is queued). */
  wake(): void;
  /** One pass: delivers everything due now; resolves with the number delivered. */
  drain(): Promise<number>;
  /** Stops the timers and waits for the pass in progress. */
  stop(): Promise<void>;
}

/** When this process last wrote a message: commits wake the workers only around then. */
let lastEnqueued = 0;

/** Writes a message in the caller's transaction; it goes out once that commits. Returns its id. */
export async function enqueue(tx: Executor, topic: string, payload: unknown): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  await tx
    .insertInto('outbox')
    .values({
      id,
      topic,
      payload: JSON.stringify(payload),
      status: 'pending',
      attempts: 0,
      next_at: now,
      claimed_by: null,
      last_error: null,
      created_at: now,
      done_at: null,
    })
    .execute();
  lastEnqueued = Date.now();
  return id;
}

const defaultBackoff = (attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 10 * 60_000);

export function startOutbox(ctx: Ctx, handlers: Record<string, OutboxHandler>, opts: OutboxOptions = {}): OutboxWorker {
  const maxAttempts = opts.maxAttempts ?? 10;
  const backoff = opts.backoffMs ?? defaultBackoff;
  const leaseMs = opts.leaseMs ?? 60_000;
  const batch = opts.batch ?? 20;
  const pollMs = opts.pollMs ?? 5000;
  const claim = `${PROCESS_ID}:${newId()}`;
  let stopped = false;
  let running: Promise<number> | null = null;
  let again = false;
  let retryTimer: NodeJS.Timeout | null = null;
  let retryAt = Infinity;

  async function claimDue() {
    const now = Date.now();
    // Most passes find nothing: look with a read before taking a write lock (SQLite) or row locks.
    const any = await ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_at', '<=', new Date(now).toISOString())
      .limit(1)
      .executeTakeFirst();
    if (!any) {
      // Come back when the soonest retry is due (a timer may fire a little early, and other processes' retries count too).
      const soonest = await ctx.db
        .selectFrom('outbox')
        .select((e) => e.fn.min('next_at').as('at'))
        .where('status', '=', 'pending')
        .executeTakeFirst();
      const at = soonest?.at ? Date.parse(soonest.at) : Infinity;
      if (at - now < pollMs) scheduleRetry(at);
      return [];
    }
    const due = ctx.db
      .selectFrom('outbox')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_at', '<=', new Date(now).toISOString())
      .orderBy('next_at')
      .orderBy('id')
      .limit(batch)
      .$if(ctx.kind === 'postgres', (q) => q.forUpdate().skipLocked());
    return ctx.db
      .updateTable('outbox')
      .set((eb) => ({ claimed_by: claim, attempts: eb('attempts', '+', 1), next_at: new Date(now + leaseMs).toISOString() }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  }

  /** Calls wake() when the soonest retry comes due. */
  function scheduleRetry(at: number) {
    if (stopped || at >= retryAt) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryAt = at;
    retryTimer = setTimeout(
      () => {
        retryTimer = null;
        retryAt = Infinity;
        wake();
      },
      Math.max(0, at - Date.now()) + 5,
    );
    retryTimer.unref();
  }

  async function deliver(row: Awaited<ReturnType<typeof claimDue>>[number]): Promise<boolean> {
    const settle = (set: Updateable<OutboxTable>) => ctx.db.updateTable('outbox').set(set).where('id', '=', row.id).where('claimed_by', '=', claim).execute();
    try {
      const handler = handlers[row.topic];
      if (!handler) throw new Error(`no handler for topic ${row.topic}`);
      await handler({ id: row.id, topic: row.topic, payload: JSON.parse(row.payload), attempt: row.attempts, createdAt: row.created_at });
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      if (row.attempts >= maxAttempts) {
        console.error(`outbox: message ${row.id} (${row.topic}) failed after ${row.attempts} attempts, giving up: ${message}`);
        await settle({ status: 'failed', claimed_by: null, last_error: message, done_at: new Date().toISOString() });
      } else {
        const at = Date.now() + backoff(row.attempts);
        await settle({ claimed_by: null, last_error: message, next_at: new Date(at).toISOString() });
        scheduleRetry(at);
      }
      return false;
    }
    // Had the claim lapsed and another worker taken the message, this matches nothing: it is sent again, with the same id.
    await settle({ status: 'sent', claimed_by: null, last_error: null, done_at: new Date().toISOString() });
    return true;
  }

  async function pass(): Promise<number> {
    let sent = 0;
    while (!stopped) {
      const rows = await claimDue();
      if (!rows.length) break;
      sent += (await Promise.all(rows.map(deliver))).filter(Boolean).length;
    }
    return sent;
  }

  function drain(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let sent = 0;
      do {
        again = false;
        try {
          sent += await pass();
        } catch (err) {
          if (!stopped) console.error('outbox: delivery pass failed:', err);
        }
      } while (again && !stopped);
      return sent;
    })().finally(() => {
      running = null;
    });
    return running;
  }

  function wake() {
    if (!stopped) void drain();
  }

  const poll = setInterval(wake, pollMs);
  poll.unref();
  // Commits right after this process wrote a message are what make it deliverable.
  const unsubscribe = ctx.database.onCommit(() => {
    if (Date.now() - lastEnqueued < 60_000) uncounted(() => setImmediate(wake));
  });

  return {
    wake,
    drain,
    async stop() {
      stopped = true;
      clearInterval(poll);
      if (retryTimer) clearTimeout(retryTimer);
      unsubscribe();
      await running?.catch(() => {});
    },
  };
}

/** Forgets delivered messages older than `days` (failed ones stay for inspection). */
export async function pruneOutbox(ctx: Ctx, days = 7): Promise<number> {
  const before = new Date(Date.now() - days * 86_400_000).toISOString();
  const r = await ctx.db.deleteFrom('outbox').where('status', '=', 'sent').where('done_at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
