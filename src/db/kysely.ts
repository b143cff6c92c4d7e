import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect, type PostgresPool, type PostgresPoolClient, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import { countStatement } from './query-count.js';

export type DbKind = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  kind: DbKind;
  close(): Promise<void>;
  /** Calls `listener` after every transaction this process commits (not after a rollback); returns the unsubscribe. */
  onCommit(listener: () => void): () => void;
}

/** The dialect with its driver's commit reporting to `listeners` once the commit has succeeded. */
function reportingCommits(dialect: Dialect, listeners: Set<() => void>): Dialect {
  return {
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => dialect.createQueryCompiler(),
    createDriver: () => {
      const driver = dialect.createDriver();
      const commit = driver.commitTransaction.bind(driver);
      driver.commitTransaction = async (connection) => {
        await commit(connection);
        for (const l of listeners) {
          try {
            l();
          } catch (err) {
            console.error('after-commit listener failed:', err);
          }
        }
      };
      return driver;
    },
  };
}

function listenerSet() {
  const listeners = new Set<() => void>();
  const onCommit = (l: () => void) => {
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  };
  return { listeners, onCommit };
}

/** Every statement Kysely runs (transactions' begin and commit included) counts toward the current request's tally (test/query-budget.test.ts), and goes to `onQuery` when given. */
const logQueries = (onQuery?: OpenOptions['onQuery']) => (event: { level: string; query: { sql: string; parameters: readonly unknown[] } }) => {
  if (event.level !== 'query') return;
  countStatement(event.query.sql);
  onQuery?.(event.query.sql, event.query.parameters);
};

export interface OpenOptions {
  /** Sees every query's SQL and parameters after it ran (the read benchmark replays them on a bare route). */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
}

/** How many distinct statements each SQLite connection keeps prepared. */
const STATEMENT_CACHE = 500;

/**
 * better-sqlite3 with its prepared statements kept by SQL text: Kysely's driver prepares every statement
 * anew, and preparing cost about a seventh of the time under a burst of case reports (bench/RESULTS.md).
 * Kysely runs one statement at a time on the connection, so a cached statement is never busy when reused;
 * SQLite re-prepares it itself after a schema change. Past STATEMENT_CACHE texts the oldest is dropped.
 */
function cachingStatements(sqlite: SQLite.Database) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (text: string) => {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = sqlite.prepare(text);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value as string);
        cache.set(text, stmt);
      }
      return stmt;
    },
  };
}

/** How many distinct statements this process prepares by name on PostgreSQL (each connection keeps them). */
const PREPARED_MAX = 500;
const statementNames = new Map<string, string>();

/** The name a statement is prepared under (the same text, the same name), or none past PREPARED_MAX and for DDL. */
function statementName(text: string): string | undefined {
  const known = statementNames.get(text);
  if (known) return known;
  if (statementNames.size >= PREPARED_MAX || !/^\s*(select|insert|update|delete|with)\b/i.test(text)) return undefined;
  const name = `xz_${statementNames.size.toString(36)}`;
  statementNames.set(text, name);
  return name;
}

/**
 * The pg pool with each statement sent as a named prepared statement: PostgreSQL parses and plans it once per
 * connection instead of at every execution (bench/RESULTS.md, B1 on PostgreSQL).
 */
function preparingPool(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  return {
    async connect() {
      const client = await pool.connect();
      let w = wrapped.get(client);
      if (!w) {
        const named = async (q: string, values?: readonly unknown[]) => {
          const name = statementName(q);
          try {
            return await client.query({ name, text: q, values: values as unknown[] });
          } catch (err) {
            // "cached plan must not change result type": another process changed a table under a prepared
            // `select *` (a migration during a rolling upgrade). Outside a transaction the statement runs again
            // unprepared; inside one the transaction fails and is retried by its caller.
            if (name && (err as { code?: string }).code === '0A000') return client.query({ text: q, values: values as unknown[] });
            throw err;
          }
        };
        // A cursor (Kysely's stream) is handed over as it is: pg answers it with the cursor itself, not a promise.
        const query = (q: unknown, values?: readonly unknown[]) => (typeof q === 'string' ? named(q, values) : client.query(q as pg.QueryConfig));
        w = { query: query as unknown as PostgresPoolClient['query'], release: (destroy?: boolean) => client.release(destroy) };
        wrapped.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

/** `file:PATH`, a bare path, `:memory:` → SQLite; `postgres://…` → PostgreSQL. */
export function openDatabase(url = process.env.DATABASE_URL ?? 'file:./data/xiangzhi.db', opts: OpenOptions = {}): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Keep bigint counts as numbers; our counts are far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.XZ_PG_POOL ?? 10) });
    // An idle client dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => console.error('postgres idle client error:', err.message));
    const { listeners, onCommit } = listenerSet();
    const db = new Kysely<DB>({
      dialect: reportingCommits(new PostgresDialect({ pool: process.env.XZ_PG_PREPARE === '0' ? pool : preparingPool(pool) }), listeners),
      log: logQueries(opts.onQuery),
    });
    return { db, kind: 'postgres', close: () => db.destroy(), onCommit };
  }
  const path = url.startsWith('file:') ? url.slice(5) : url;
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Refresh planner statistics where they are stale, so subtree and search queries pick the right index.
  sqlite.pragma('optimize = 0x10002');
  const { listeners, onCommit } = listenerSet();
  const db = new Kysely<DB>({
    dialect: reportingCommits(new SqliteDialect({ database: cachingStatements(sqlite) }), listeners),
    log: logQueries(opts.onQuery),
  });
  return { db, kind: 'sqlite', close: () => db.destroy(), onCommit };
}
