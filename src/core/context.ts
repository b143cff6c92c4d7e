import type { Database, Db, DbKind } from '../db/kysely.js';
import type { Clock } from './clock.js';
import type { Scope } from './scope.js';

/** What every service needs: the store, its kind, and the injected clock. */
export interface Ctx {
  db: Db;
  kind: DbKind;
  clock: Clock;
  database: Database;
}

/** The signed-in caller as services see it. */
export interface Actor {
  userId: string;
  name: string;
  scope: Scope;
  ip: string | null;
}
