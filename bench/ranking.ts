// `npm run bench:ranking`: the points ranking (GET /api/points/ranking) of a county's
// households on SQLite (and PostgreSQL when BENCH_PG=1), ranked in SQL, against the former
// in-memory ranking (BENCH_FORMER=0 skips it; BENCH_SQLITE=0 skips SQLite). BENCH_HOUSEHOLDS
// sets the size (default 50,000); each household gets a year of monthly base scores and a few
// awards, so equal sums (ties) are common.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { fixedClock, shanghaiDayEnd, shanghaiMidnight } from '../src/core/clock.js';
import type { Ctx } from '../src/core/context.js';
import { Scope, withinPath } from '../src/core/scope.js';
import { newId } from '../src/core/ids.js';
import type { PointEntriesTable } from '../src/db/schema.js';
import { ranking } from '../src/modules/points/ranking.js';
import { EARNING_SOURCES } from '../src/modules/points/rules.js';
import { generateCounty } from './county.js';

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 50_000);
const pgUrl = process.env.XZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY = '2026-11-27';

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(58)} median ${ms[Math.floor(ms.length / 2)].toFixed(1).padStart(8)} ms   p90 ${ms[Math.floor(ms.length * 0.9)].toFixed(1).padStart(8)} ms`,
  );
}

/** The ranking as it was before it moved into SQL: every household's sum fetched, ranked in memory with the quadratic tie rule. */
async function formerRanking(ctx: Ctx, path: string, page: number, pageSize: number) {
  const rows = await ctx.db
    .selectFrom('point_entries')
    .select(['household_id', sql<number>`sum(delta)`.as('points')])
    .where((eb) => withinPath(eb, 'region_path', path))
    .where('at', '>=', shanghaiMidnight('2026-01-01'))
    .where('at', '<', shanghaiDayEnd('2026-12-31'))
    .where('source', 'in', EARNING_SOURCES)
    .groupBy('household_id')
    .having(sql`sum(delta)`, '>', 0)
    .orderBy(sql`sum(delta)`, 'desc')
    .orderBy('household_id')
    .execute();
  const points = rows.map((r) => Number(r.points));
  const ranks = points
    .map((p, i) => (i > 0 && points[i - 1] === p ? NaN : i + 1))
    .reduce<number[]>((out, r, i) => {
      out.push(Number.isNaN(r) ? out[i - 1] : r);
      return out;
    }, []);
  const start = (page - 1) * pageSize;
  return rows.slice(start, start + pageSize).map((r, i) => ({ householdId: r.household_id, rank: ranks[start + i] }));
}

async function bench(database: Database) {
  await migrateToLatest(database);
  const ctx: Ctx = { db: database.db, kind: database.kind, clock: fixedClock(new Date(`${DAY}T02:00:00Z`)), database };
  const t0 = performance.now();
  const { county, grids } = await generateCounty(ctx, { townships: 4, villagesPerTownship: 10, gridsPerVillage: 5, households });
  const homes = await ctx.db.selectFrom('households').select(['id', 'region_path']).execute();
  let n = 0;
  for (let i = 0; i < homes.length; i += 400) {
    const batch: PointEntriesTable[] = [];
    homes.slice(i, i + 400).forEach((h, k) => {
      const seq = i + k;
      for (let m = 1; m <= 11; m++)
        batch.push({
          id: newId(),
          household_id: h.id,
          region_path: h.region_path,
          delta: 10,
          source: 'monthly_base',
          source_id: `${h.id}:2026-${String(m).padStart(2, '0')}`,
          rule_id: null,
          resident_id: null,
          note: null,
          at: `2026-${String(m).padStart(2, '0')}-01T00:00:00.000Z`,
          created_by: null,
        });
      for (let a = 0; a < seq % 4; a++)
        batch.push({
          id: newId(),
          household_id: h.id,
          region_path: h.region_path,
          delta: [5, 10, 20, -5][(seq + a) % 4],
          source: 'rule_award',
          source_id: newId(),
          rule_id: null,
          resident_id: null,
          note: null,
          at: `2026-${String(1 + ((seq + a) % 11)).padStart(2, '0')}-15T02:00:00.000Z`,
          created_by: null,
        });
    });
    n += batch.length;
    await ctx.db.transaction().execute(async (tx) => {
      for (let j = 0; j < batch.length; j += 500)
        await tx
          .insertInto('point_entries')
          .values(batch.slice(j, j + 500))
          .execute();
    });
  }
  await sql`ANALYZE`.execute(ctx.db);
  console.log(
    `\n[${database.kind}] ${households.toLocaleString()} households, ${n.toLocaleString()} ledger entries, ${grids.length} grids in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const admin = {
    userId: 'bench',
    name: 'bench',
    ip: null,
    scope: new Scope([{ role: 'admin', regionId: county.id, regionPath: county.path, householdId: null }]),
  };
  const village = grids[0].parent_id!;
  const q = (regionId: string, page: number) => ({ regionId, period: 'year' as const, date: DAY, page, pageSize: 20 });
  await time('county ranking page 1 (SQL RANK)', 10, () => ranking(ctx, admin, q(county.id, 1)));
  await time('county ranking page 1000 (SQL RANK)', 10, () => ranking(ctx, admin, q(county.id, 1000)));
  await time('village ranking page 1 (SQL RANK)', 20, () => ranking(ctx, admin, q(village, 1)));
  // One run: it takes seconds to minutes (each tie step copies the whole rank array so far). Same answer, for the record.
  if (process.env.BENCH_FORMER !== '0') {
    const t = performance.now();
    const before = (await formerRanking(ctx, county.path, 7, 20)).map((x) => [x.householdId, x.rank]);
    console.log(`  ${'county ranking page 7, former (in memory, quadratic ties)'.padEnd(58)} one run ${(performance.now() - t).toFixed(1).padStart(8)} ms`);
    const now = (await ranking(ctx, admin, q(county.id, 7))).items.map((x) => [x.householdId, x.rank]);
    if (JSON.stringify(now) !== JSON.stringify(before)) throw new Error('the SQL ranking differs from the former one');
  }
}

if (process.env.BENCH_SQLITE !== '0') {
  const dir = mkdtempSync(join(tmpdir(), 'xz-bench-'));
  const sqlite = openDatabase(`file:${join(dir, 'bench.db')}`);
  try {
    await bench(sqlite);
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.env.BENCH_PG === '1') {
  const name = `xz_bench_rank_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgUrl);
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  try {
    await bench(database);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
