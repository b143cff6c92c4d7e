// The busiest list queries, compiled exactly as the repos build them, must use their indexes:
// EXPLAIN QUERY PLAN on SQLite ('USING [COVERING] INDEX name'), EXPLAIN on PostgreSQL with
// sequential scans switched off for the session (the index name must appear in the plan).
// A migration or repo change that loses one of these indexes fails here, not in production.
import { CompiledQuery, createQueryId, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Executor } from '../src/db/kysely.js';
import type { Actor } from '../src/core/context.js';
import { actorFor } from '../src/modules/accounts/service.js';
import * as cases from '../src/modules/cases/repo.js';
import * as points from '../src/modules/points/repo.js';
import * as people from '../src/modules/people/repo.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: Actor, villager: Actor, villagePath: string;

/** Runs `run` against a db that records each query instead of caring about its rows, and returns their plans. */
async function plansOf(run: (db: Executor) => Promise<unknown>): Promise<string[]> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: (args) => {
      nodes.push(args.node);
      return args.node;
    },
    transformResult: async (args) => args.result,
  };
  await run(env.ctx.db.withPlugin(recorder));
  const executor = env.ctx.db.getExecutor();
  const compiled = nodes.map((n) => executor.compileQuery(n, createQueryId()));
  if (STORE === 'sqlite') {
    const out: string[] = [];
    for (const q of compiled) {
      const rows = (await env.ctx.db.executeQuery(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${q.sql}`, [...q.parameters]))).rows as { detail: string }[];
      out.push(rows.map((r) => r.detail).join('\n'));
    }
    return out;
  }
  return env.ctx.db.transaction().execute(async (tx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(tx);
    const out: string[] = [];
    for (const q of compiled) {
      const rows = (await tx.executeQuery(CompiledQuery.raw(`EXPLAIN ${q.sql}`, [...q.parameters]))).rows as { 'QUERY PLAN': string }[];
      out.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return out;
  });
}

/** The plan of some query `run` made uses `index` (SQLite: searched through it, not merely named). */
async function expectIndex(run: (db: Executor) => Promise<unknown>, index: string) {
  const plans = await plansOf(run);
  const used = STORE === 'sqlite' ? new RegExp(`USING (COVERING )?INDEX ${index}\\b`) : new RegExp(`\\b${index}\\b`);
  expect(
    plans.some((p) => used.test(p)),
    `${index} not used:\n${plans.join('\n---\n')}`,
  ).toBe(true);
}

async function actorOf(phone: string) {
  const u = await env.ctx.db.selectFrom('users').select(['id', 'name']).where('phone', '=', phone).executeTakeFirstOrThrow();
  return actorFor(env.ctx, u.id, u.name, null);
}

beforeAll(async () => {
  env = await startTestApp();
  [cadre, villager] = await Promise.all([actorOf(PHONES.cadre), actorOf(PHONES.villager)]);
  villagePath = (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', env.seed.villageIds.孟家湾村).executeTakeFirstOrThrow()).path;
  // A year of awards across the township (mostly effective), so the planner has a store's proportions.
  const households = await env.ctx.db.selectFrom('households').select(['id', 'region_path']).execute();
  const statuses = ['effective', 'effective', 'effective', 'effective', 'effective', 'effective', 'effective', 'publicized', 'rejected', 'pending'];
  const rows = Array.from({ length: 4000 }, (_, i) => {
    const h = households[i % households.length];
    const at = new Date(Date.UTC(2026, 0, 1) + i * 7_000_000).toISOString();
    return {
      id: `plan-award-${String(i).padStart(5, '0')}`,
      household_id: h.id,
      region_path: h.region_path,
      rule_id: 'plan-rule',
      resident_id: null,
      value: 5,
      note: null,
      status: statuses[i % statuses.length],
      cap_key: '2026',
      proposed_by: cadre.userId,
      proposed_at: at,
      idempotency_key: null,
      decided_by: cadre.userId,
      decided_at: at,
      reason: null,
      public_until: at,
      objection: null,
      entry_id: null,
      version: 0,
      proposer_role: 'cadre',
    };
  });
  for (let i = 0; i < rows.length; i += 200)
    await env.ctx.db
      .insertInto('point_awards')
      .values(rows.slice(i, i + 200))
      .execute();
  // Cases with their histories and copies, reported by many people, acted on by a handful of cadres.
  const users = (await env.ctx.db.selectFrom('users').select('id').execute()).map((u) => u.id);
  const caseRows = Array.from({ length: 3000 }, (_, i) => {
    const h = households[(i * 7) % households.length];
    const at = new Date(Date.UTC(2026, 0, 1) + i * 9_000_000).toISOString();
    return {
      id: `plan-case-${String(i).padStart(5, '0')}`,
      county_id: 'c',
      seq: `P${i}`,
      type: 'incident',
      category_code: 'x',
      title: '测试',
      description: '测试',
      priority: 'normal',
      source: 'grid',
      region_id: 'r',
      region_path: h.region_path,
      household_id: i % 3 === 0 ? h.id : null,
      reporter_id: `reporter-${i % 500}`,
      idempotency_key: null,
      status: 'archived',
      card: null,
      level_region_id: 'r',
      level_region_path: villagePath,
      assignee_id: null,
      yellow_at: null,
      red_at: null,
      red_escalated: 0,
      extension_days: 0,
      extension_pending: 0,
      verified: 0,
      escalations: 0,
      reopened: 0,
      rating: null,
      rating_comment: null,
      resolved_level: null,
      details: null,
      reported_at: at,
      accepted_at: null,
      resolved_at: null,
      closed_at: null,
      updated_at: at,
      version: 0,
    };
  });
  for (let i = 0; i < caseRows.length; i += 100)
    await env.ctx.db
      .insertInto('cases')
      .values(caseRows.slice(i, i + 100))
      .execute();
  const history = caseRows.flatMap((c, i) =>
    ['report', 'accept', 'resolve'].map((action, k) => ({
      id: `${c.id}-h${k}`,
      case_id: c.id,
      action,
      from_status: null,
      to_status: 'x',
      by_user_id: k === 0 ? c.reporter_id : users[(i + k) % users.length],
      at: c.reported_at,
      note: null,
      data: null,
    })),
  );
  for (let i = 0; i < history.length; i += 200)
    await env.ctx.db
      .insertInto('case_history')
      .values(history.slice(i, i + 200))
      .execute();
  const copies = caseRows.filter((_, i) => i % 4 === 0).map((c, i) => ({ case_id: c.id, user_id: users[i % users.length], at: c.reported_at }));
  for (let i = 0; i < copies.length; i += 200)
    await env.ctx.db
      .insertInto('case_copies')
      .values(copies.slice(i, i + 200))
      .execute();
  // Planner statistics, as production stores have them (autovacuum; PRAGMA optimize at start).
  await sql`ANALYZE`.execute(env.ctx.db);
});
afterAll(async () => {
  await env?.close();
});

describe(`indexes the busiest queries use on ${STORE}`, () => {
  it('已办: cases the user acted on, through case_history by user', async () => {
    await expectIndex((db) => cases.list(db, cadre.scope, cadre.userId, { actedBy: cadre.userId }, 1, 20), 'case_history_user');
  });

  it("a villager's case list: their household's cases, through cases by household", async () => {
    await expectIndex((db) => cases.list(db, villager.scope, villager.userId, {}, 1, 20), 'cases_household');
  });

  it('抄告: cases copied to the user, through case_copies by user', async () => {
    await expectIndex((db) => cases.list(db, cadre.scope, cadre.userId, { copiedTo: cadre.userId }, 1, 20), 'case_copies_user');
  });

  it("a household list page's tags, through resident_tags by household", async () => {
    const ids = (await env.ctx.db.selectFrom('households').select('id').limit(20).execute()).map((h) => h.id);
    await expectIndex((db) => people.householdTags(db, ids), 'resident_tags_household');
  });

  it("a household list page reads its rows in list order, through households' list index", async () => {
    await expectIndex((db) => people.listHouseholds(db, cadre.scope, {}, 1, 20), 'households_list');
  });

  it('a case list page sorts the ids of visible cases, then reads twenty rows by primary key', async () => {
    const plans = await plansOf((db) => cases.list(db, cadre.scope, cadre.userId, {}, 1, 20));
    const page = plans.find((p) => /cases_region/.test(p) && (STORE === 'postgres' || /PRIMARY KEY|autoindex_cases_1/.test(p)));
    expect(page, plans.join('\n---\n')).toBeTruthy();
  });

  it('the award queue and the 公示栏 of a village, through point_awards by region path', async () => {
    await expectIndex((db) => points.listAwards(db, cadre.scope, villagePath, undefined, 1, 20), 'point_awards_path');
    await expectIndex((db) => points.listAwards(db, cadre.scope, villagePath, 'pending', 1, 20), 'point_awards_path');
    await expectIndex((db) => points.boardAwards(db, villagePath, '2026-10-01T00:00:00.000Z', 300), 'point_awards_path');
  });
});
