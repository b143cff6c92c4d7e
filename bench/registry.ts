// `npm run bench -- registry`: registry queries at a county's size on SQLite (and PostgreSQL
// when BENCH_PG=1). BENCH_HOUSEHOLDS sets the size (default 300,000).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../src/db/kysely.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { systemClock } from '../src/core/clock.js';
import type { Ctx } from '../src/core/context.js';
import { Scope } from '../src/core/scope.js';
import * as people from '../src/modules/people/service.js';
import * as regions from '../src/modules/regions/service.js';
import { generateCounty } from './county.js';
import { ensureRules, plan, progress, syncAll } from '../src/modules/visits/plan.js';
import { shanghaiDate } from '../src/core/clock.js';

const households = Number(process.env.BENCH_HOUSEHOLDS ?? 300_000);
const pgUrl = process.env.XZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

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
    `  ${label.padEnd(52)} median ${ms[Math.floor(ms.length / 2)].toFixed(1).padStart(7)} ms   p90 ${ms[Math.floor(ms.length * 0.9)].toFixed(1).padStart(7)} ms`,
  );
}

async function bench(database: Database) {
  await migrateToLatest(database);
  const ctx: Ctx = { db: database.db, kind: database.kind, clock: systemClock(), database };
  const t0 = performance.now();
  const { county, grids } = await generateCounty(ctx, { townships: 20, villagesPerTownship: 15, gridsPerVillage: 8, households });
  // Production stores have planner statistics (autovacuum; PRAGMA optimize at start), so the bench does too.
  await sql`ANALYZE`.execute(ctx.db);
  console.log(
    `\n[${database.kind}] generated ${households.toLocaleString()} households, ${(households * 2).toLocaleString()} residents, ${grids.length} grids in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const actor = (role: 'admin' | 'village_cadre' | 'grid_worker', path: string, id: string) => ({
    userId: 'bench',
    name: 'bench',
    ip: null,
    scope: new Scope([{ role, regionId: id, regionPath: path, householdId: null }]),
  });
  const admin = actor('admin', county.path, county.id);
  const grid = grids[1234];
  const village = await regions.get(ctx, grid.parent_id!);
  const township = await regions.get(ctx, village!.parent_id!);
  const cadre = actor('village_cadre', village!.path, village!.id);
  const worker = actor('grid_worker', grid.path, grid.id);
  const list = (a: typeof admin, f: object) => people.listHouseholds(ctx, a, { page: 1, pageSize: 20, ...f });
  await time('county admin: household list page 1 (count + page)', 20, () => list(admin, {}));
  await time('county admin: one township subtree (regionId)', 20, () => list(admin, { regionId: township!.id }));
  await time('county admin: tag filter 困难群众 over the county', 10, () => list(admin, { tag: 'poor' }));
  await time('county admin: name search over the county', 10, () => list(admin, { q: '王建' }));
  await time('county admin: ID-tail search over the county', 10, () => list(admin, { q: '1234' }));
  await time('village cadre: household list of the village', 30, () => list(cadre, {}));
  await time('village cadre: name search in the village', 30, () => list(cadre, { q: '李' }));
  await time('grid worker: household list of the grid', 30, () => list(worker, {}));
  await time('region children of a township', 30, () => regions.children(ctx, admin, township!.id));
  const hid = (await list(worker, {})).items[0].id;
  await time('household detail with residents', 30, () => people.householdDetail(ctx, worker, hid));

  // Visit plans (五必访): generated for every township, then read (each read keeps its subtree in step with the registry).
  await ensureRules(ctx);
  const t1 = performance.now();
  const made = await syncAll(ctx);
  console.log(`  visit plans for the month, every township: ${made.added.toLocaleString()} items in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  const month = shanghaiDate(new Date()).slice(0, 7);
  await time("grid worker: this month's visit plan (sync + page)", 30, () => plan(ctx, worker, { month, page: 1, pageSize: 20 }));
  await time('village cadre: visit progress by grid', 20, () => progress(ctx, cadre, { month }));
  await time('county admin: visit plan page over the county', 5, () => plan(ctx, admin, { month, page: 1, pageSize: 20 }));
  await time('county admin: visit progress over the county', 5, () => progress(ctx, admin, { month }));
}

const dir = mkdtempSync(join(tmpdir(), 'xz-bench-'));
const sqlite = openDatabase(`file:${join(dir, 'bench.db')}`);
try {
  await bench(sqlite);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

if (process.env.BENCH_PG === '1') {
  const name = `xz_bench_${process.pid}`;
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
