import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, STEPS, type Step } from '../src/db/migrate.js';
import type { Database } from '../src/db/kysely.js';
import { freshDatabase, STORE } from './harness.js';

let store: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  store = await freshDatabase();
});
afterAll(async () => {
  await store?.drop();
});

async function tableExists(database: Database, name: string) {
  const q =
    database.kind === 'postgres'
      ? sql<{ n: number }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = ${name}`
      : sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${name}`;
  return Number((await q.execute(database.db)).rows[0].n) > 0;
}

async function applied(database: Database) {
  return (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(database.db)).rows.map((r) => r.name);
}

describe(`migrations on ${STORE}`, () => {
  it('a step that fails half-way leaves the schema as it was, and the next start succeeds', async () => {
    const broken: Step = {
      async up(db) {
        await db.schema
          .createTable('half_done')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .execute();
        await db.insertInto('half_done').values({ id: 'x' }).execute();
        throw new Error('crash half-way');
      },
    };
    await expect(migrateToLatest(store.database, { ...STEPS, '9999_broken': broken })).rejects.toThrow(/9999_broken/);
    expect(await tableExists(store.database, 'half_done')).toBe(false);
    expect(await applied(store.database)).toEqual(Object.keys(STEPS).sort());

    // The next start, without the broken step, finds nothing to do and the store works.
    await migrateToLatest(store.database);
    expect(await applied(store.database)).toEqual(Object.keys(STEPS).sort());
    expect(await tableExists(store.database, 'regions')).toBe(true);
  });

  it('a broken first step on an empty store leaves it empty and migratable', async () => {
    const other = await freshDatabase();
    try {
      const first = Object.keys(STEPS).sort()[0];
      const broken: Step = {
        async up(db, kind) {
          await STEPS[first].up(db, kind);
          throw new Error('crash after the first tables');
        },
      };
      await expect(migrateToLatest(other.database, { [first]: broken })).rejects.toThrow(first);
      expect(await applied(other.database)).toEqual([]);
      await migrateToLatest(other.database);
      expect(await applied(other.database)).toEqual(Object.keys(STEPS).sort());
    } finally {
      await other.drop();
    }
  });
});
