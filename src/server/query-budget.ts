import type { FastifyInstance, FastifyRequest } from 'fastify';
import { countingQueries, type QueryTally } from '../db/query-count.js';

export const STATEMENTS_HEADER = 'x-sql-statements';
/** The statements themselves (the start of each), URI-encoded, one per line. */
export const STATEMENT_LOG_HEADER = 'x-sql-statement-log';

/**
 * Each request runs inside its own statement tally, reported on the answer (test/query-budget.test.ts).
 * Registered first, so the session lookup in the auth hook counts too.
 */
export function countRequestQueries(app: FastifyInstance) {
  const tallies = new WeakMap<FastifyRequest, QueryTally>();
  app.addHook('onRequest', (req, _reply, done) => {
    const { tally } = countingQueries(() => done());
    tallies.set(req, tally);
  });
  app.addHook('onSend', async (req, reply) => {
    const tally = tallies.get(req);
    if (!tally) return;
    reply.header(STATEMENTS_HEADER, String(tally.statements));
    reply.header(STATEMENT_LOG_HEADER, encodeURIComponent(tally.log.join('\n')));
  });
}
