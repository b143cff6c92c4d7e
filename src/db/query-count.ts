import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements run on behalf of one unit of work (a request), so a test can hold each hot
 * route to its query budget (test/query-budget.test.ts). The store (db/kysely.ts) reports every query and
 * every transaction's begin and commit; nothing is counted outside `countingQueries`.
 */
export interface QueryTally {
  /** Statements sent: queries plus each transaction's begin and commit (or rollback). */
  statements: number;
  /** The start of each statement's SQL, in order (what a failing budget test shows). */
  log: string[];
}

const current = new AsyncLocalStorage<QueryTally>();

/** Runs `fn` with a fresh tally that every statement it (and what it awaits) sends adds to. */
export function countingQueries<T>(fn: () => T): { tally: QueryTally; result: T } {
  const tally: QueryTally = { statements: 0, log: [] };
  return { tally, result: current.run(tally, fn) };
}

/** Runs `fn` outside any tally: background work a request merely woke up (the outbox worker) is not the request's. */
export function uncounted<T>(fn: () => T): T {
  return current.exit(fn);
}

export function countStatement(sql: string) {
  const t = current.getStore();
  if (!t) return;
  t.statements++;
  t.log.push(sql.slice(0, 100));
}
