import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, DbKind } from './kysely.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_grant_paths.js';
import * as m0003 from './migrations/0003_cases.js';
import * as m0004 from './migrations/0004_attachments.js';
import * as m0005 from './migrations/0005_units.js';
import * as m0006 from './migrations/0006_case_limits.js';
import * as m0007 from './migrations/0007_visits.js';
import * as m0008 from './migrations/0008_patrols.js';
import * as m0009 from './migrations/0009_consultations.js';
import * as m0010 from './migrations/0010_points.js';
import * as m0011 from './migrations/0011_points_store.js';
import * as m0012 from './migrations/0012_work_calendar.js';

type Step = { up(db: Kysely<any>, kind: DbKind): Promise<void> };
// Ordered by name; add new files here (kept explicit so bundling and tsx agree).
const STEPS: Record<string, Step> = {
  '0001_foundation': m0001,
  '0002_grant_paths': m0002,
  '0003_cases': m0003,
  '0004_attachments': m0004,
  '0005_units': m0005,
  '0006_case_limits': m0006,
  '0007_visits': m0007,
  '0008_patrols': m0008,
  '0009_consultations': m0009,
  '0010_points': m0010,
  '0011_points_store': m0011,
  '0012_work_calendar': m0012,
};

class CodeProvider implements MigrationProvider {
  constructor(private kind: DbKind) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(STEPS).map(([name, step]) => [name, { up: (db: Kysely<any>) => step.up(db, this.kind) }]),
    );
  }
}

export async function migrateToLatest(database: Database): Promise<void> {
  const migrator = new Migrator({ db: database.db, provider: new CodeProvider(database.kind) });
  const { error, results } = await migrator.migrateToLatest();
  for (const r of results ?? []) if (r.status === 'Error') throw new Error(`migration ${r.migrationName} failed`);
  if (error) throw error;
}
