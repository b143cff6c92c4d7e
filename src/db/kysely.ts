import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, type Dialect, type Transaction } from 'kysely';
import type { DB } from './schema.js';

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

/** `file:PATH`, a bare path, `:memory:` → SQLite; `postgres://…` → PostgreSQL. */
export function openDatabase(url = process.env.DATABASE_URL ?? 'file:./data/xiangzhi.db'): Database {
  if (/^postgres(ql)?:\/\//.test(url)) {
    // Keep bigint counts as numbers; our counts are far below 2^53.
    pg.types.setTypeParser(20, (v) => Number(v));
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.XZ_PG_POOL ?? 10) });
    // An idle client dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next checkout.
    pool.on('error', (err) => console.error('postgres idle client error:', err.message));
    const { listeners, onCommit } = listenerSet();
    const db = new Kysely<DB>({ dialect: reportingCommits(new PostgresDialect({ pool }), listeners) });
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
  const db = new Kysely<DB>({ dialect: reportingCommits(new SqliteDialect({ database: sqlite }), listeners) });
  return { db, kind: 'sqlite', close: () => db.destroy(), onCommit };
}
