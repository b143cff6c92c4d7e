import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { checkViolation } from '../core/db-errors.js';
import { errorHandler } from './errors.js';

// The shapes the two drivers throw: pg's DatabaseError and better-sqlite3's SqliteError.
const pgCheck = (constraint: string, table: string) =>
  Object.assign(new Error(`new row for relation "${table}" violates check constraint "${constraint}"`), {
    code: '23514',
    constraint,
    table,
    severity: 'ERROR',
  });
const sqliteCheck = (constraint: string) => Object.assign(new Error(`CHECK constraint failed: ${constraint}`), { code: 'SQLITE_CONSTRAINT_CHECK' });

describe('CHECK violations', () => {
  it('are recognised on both stores, with the constraint name', () => {
    expect(checkViolation(pgCheck('point_balances_not_negative', 'point_balances'))).toEqual({ constraint: 'point_balances_not_negative' });
    expect(checkViolation(sqliteCheck('store_items_stock_not_negative'))).toEqual({ constraint: 'store_items_stock_not_negative' });
    expect(checkViolation(Object.assign(new Error('CHECK constraint failed: cost > 0'), { code: 'SQLITE_CONSTRAINT_CHECK' }))).toEqual({ constraint: 'cost' });
    expect(checkViolation(Object.assign(new Error('dup'), { code: '23505' }))).toBeNull();
    expect(checkViolation(Object.assign(new Error('UNIQUE'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
    expect(checkViolation(null)).toBeNull();
  });

  describe('through the error handler', () => {
    let app: FastifyInstance;
    let next: Error;
    beforeAll(async () => {
      app = Fastify();
      app.setErrorHandler(errorHandler);
      app.get('/boom', async () => {
        throw next;
      });
      await app.ready();
    });
    afterAll(() => app.close());
    const answer = async (err: Error) => {
      next = err;
      const r = await app.inject({ method: 'GET', url: '/boom' });
      return { status: r.statusCode, body: JSON.parse(r.body) };
    };

    it.each([
      ['postgres', 'a balance below zero', pgCheck('point_balances_not_negative', 'point_balances'), 'INSUFFICIENT_POINTS'],
      ['sqlite', 'a balance below zero', sqliteCheck('point_balances_not_negative'), 'INSUFFICIENT_POINTS'],
      ['postgres', 'stock below zero', pgCheck('store_items_stock_not_negative', 'store_items'), 'OUT_OF_STOCK'],
      ['sqlite', 'stock below zero', sqliteCheck('store_items_stock_not_negative'), 'OUT_OF_STOCK'],
      ['postgres', 'another rule', pgCheck('store_items_cost_positive', 'store_items'), 'CONFLICT'],
      ['sqlite', 'another rule', sqliteCheck('store_items_cost_positive'), 'CONFLICT'],
    ])('%s: %s → 409 %s', async (_store, _what, err, code) => {
      const r = await answer(err);
      expect(r.status).toBe(409);
      expect(r.body.error.code).toBe(code);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5].* \/ [A-Za-z]/);
    });
  });
});
