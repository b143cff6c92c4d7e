// A fresh store for a benchmark: a temp SQLite file or a PostgreSQL database of its own, migrated, with the
// demo township's registry (no demo cases), then closed so server processes can open it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/db/kysely.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { systemClock } from '../../src/core/clock.js';
import type { Ctx } from '../../src/core/context.js';
import { seedDemo } from '../../src/modules/demo/seed.js';
import { ensureCatalog } from '../../src/modules/cases/service.js';
import { ensureRules } from '../../src/modules/visits/plan.js';
import { ensureChecklist } from '../../src/modules/patrols/service.js';

export type StoreKind = 'sqlite' | 'postgres';
export const PG_URL = process.env.XZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchStore {
  kind: StoreKind;
  url: string;
  drop(): Promise<void>;
}

async function pgAdmin(text: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

export async function prepareStore(kind: StoreKind, opts: { householdsPerGrid?: number } = {}): Promise<BenchStore> {
  let url: string;
  let drop: () => Promise<void>;
  if (kind === 'postgres') {
    const name = `xz_bench_${process.pid}_${Date.now().toString(36)}`;
    await pgAdmin(`CREATE DATABASE ${name}`);
    // Seeding need not wait for the disk; the servers under test run with the default (durable) commits.
    await pgAdmin(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    const u = new URL(PG_URL);
    u.pathname = `/${name}`;
    url = u.toString();
    drop = () => pgAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'xz-bench-'));
    url = `file:${join(dir, 'bench.db')}`;
    drop = async () => rmSync(dir, { recursive: true, force: true });
  }
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const ctx: Ctx = { db: database.db, kind: database.kind, clock: systemClock(), database };
    await ensureCatalog(ctx);
    await ensureRules(ctx);
    await ensureChecklist(ctx);
    await seedDemo(ctx, opts);
  } finally {
    await database.close();
  }
  if (kind === 'postgres') await pgAdmin(`ALTER DATABASE ${new URL(url).pathname.slice(1)} RESET synchronous_commit`);
  return { kind, url, drop };
}
