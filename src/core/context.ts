import type { Database, Db, DbKind } from '../db/kysely.js';
import type { Clock } from './clock.js';
import type { Scope } from './scope.js';
import type { Storage } from './storage.js';

/** What every service needs: the store, its kind, and the injected clock. */
export interface Ctx {
  db: Db;
  kind: DbKind;
  clock: Clock;
  database: Database;
  /** Where uploaded files live (set by buildApp; absent in code that never stores files). */
  storage?: Storage;
}

/** The signed-in caller as services see it. */
export interface Actor {
  userId: string;
  name: string;
  scope: Scope;
  ip: string | null;
}
