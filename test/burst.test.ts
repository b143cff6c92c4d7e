// A flood warning: 100 grid workers of one township report 500 cases at once, each report with its
// idempotency key, some sent twice side by side (a retry racing the original) and some sent again after
// their answer (a retry after a lost answer). Nothing may be lost and nothing doubled: one case per key,
// one 'report' history row per case, every answer for a key naming the same case.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/core/ids.js';
import { STORE, startTestApp, type TestEnv } from './harness.js';

const WORKERS = 100;
const REPORTS = 500;
let env: TestEnv;
const tokens: string[] = [];
const grids: { id: string; path: string }[] = [];
let category = '';

beforeAll(async () => {
  env = await startTestApp();
  const db = env.ctx.db;
  const township = await db.selectFrom('regions').select(['path']).where('level', '=', 'township').orderBy('path').executeTakeFirstOrThrow();
  grids.push(
    ...(await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'grid').where('path', 'like', `${township.path}%`).orderBy('path').execute()),
  );
  // A hundred grid workers, signed in (their accounts and sessions written directly: hashing a hundred passwords
  // is not what this test is about).
  const now = env.clock.now();
  const at = now.toISOString();
  const expires = new Date(now.getTime() + 86_400_000).toISOString();
  for (let i = 0; i < WORKERS; i++) {
    const id = newId();
    const grid = grids[i % grids.length];
    const token = randomBytes(24).toString('hex');
    tokens.push(token);
    await db
      .insertInto('users')
      .values({ id, phone: `1390000${String(i).padStart(4, '0')}`, name: `网格员${i}`, password_hash: 'x', active: 1, created_at: at, updated_at: at })
      .execute();
    await db
      .insertInto('user_roles')
      .values({ id: newId(), user_id: id, role: 'grid_worker', region_id: grid.id, region_path: grid.path, household_id: null, unit: null, created_at: at })
      .execute();
    await db
      .insertInto('sessions')
      .values({ id: createHash('sha256').update(token).digest('hex'), user_id: id, created_at: at, expires_at: expires, revoked_at: null })
      .execute();
  }
  category = (await env.call('GET', '/api/case-categories', tokens[0])).body.items.find(
    (c: { type: string; active: boolean }) => c.type === 'incident' && c.active,
  ).code;
}, 60_000);
afterAll(async () => {
  await env?.close();
});

describe(`a burst of ${REPORTS} reports from ${WORKERS} grid workers on ${STORE}`, () => {
  it('loses nothing and doubles nothing', async () => {
    const send = (i: number) => {
      const w = i % WORKERS;
      return env.call('POST', '/api/cases', tokens[w], {
        type: 'incident',
        category,
        title: `汛情险情${i}`,
        description: `第${i}处河堤出现渗水，请速派人查看。`,
        regionId: grids[w % grids.length].id,
        idempotencyKey: `flood-2026-${i}`,
      });
    };
    const answers = new Map<number, string[]>();
    const answered = (i: number, r: { status: number; body: { id?: string } }) => {
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      answers.set(i, [...(answers.get(i) ?? []), r.body.id!]);
    };
    // Fifty reports in flight at a time; every 10th is sent twice at once, every 7th again once answered.
    let next = 0;
    const lane = async () => {
      while (next < REPORTS) {
        const i = next++;
        const first = i % 10 === 0 ? await Promise.all([send(i), send(i)]) : [await send(i)];
        for (const r of first) answered(i, r);
        if (i % 7 === 0) answered(i, await send(i));
      }
    };
    await Promise.all(Array.from({ length: 50 }, lane));

    // Every answer for one key names the same case.
    expect(answers.size).toBe(REPORTS);
    for (const [i, ids] of answers) expect(new Set(ids).size, `report ${i} answered with ${ids.join(', ')}`).toBe(1);
    const ids = [...answers.values()].map((x) => x[0]);
    expect(new Set(ids).size).toBe(REPORTS);

    // The store holds exactly those cases, each with one report in its history.
    const db = env.ctx.db;
    const stored = await db.selectFrom('cases').select(['id', 'idempotency_key', 'status']).where('idempotency_key', 'like', 'flood-2026-%').execute();
    expect(stored.length).toBe(REPORTS);
    expect(new Set(stored.map((c) => c.id))).toEqual(new Set(ids));
    expect(stored.every((c) => c.status === 'reported')).toBe(true);
    const history = await db
      .selectFrom('case_history')
      .select(['case_id', 'action'])
      .where(
        'case_id',
        'in',
        stored.map((c) => c.id),
      )
      .execute();
    expect(history.length).toBe(REPORTS);
    expect(history.every((h) => h.action === 'report')).toBe(true);
    expect(new Set(history.map((h) => h.case_id)).size).toBe(REPORTS);
    // One audit row per case reported.
    const audited = await db
      .selectFrom('audit_log')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where('action', '=', 'case.report')
      .where(
        'entity_id',
        'in',
        stored.map((c) => c.id),
      )
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(REPORTS);
  }, 120_000);
});
