// CLI: `start` (default) serves the app; `migrate` and `seed` act on the store and exit.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { openDatabase } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { offsetClock, systemClock } from '../core/clock.js';
import type { Ctx } from '../core/context.js';
import { isEmpty, seedDemo } from '../modules/demo/seed.js';
import { buildApp } from './app.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const cmd = process.argv[2] ?? 'start';
  const database = openDatabase();
  const clock = process.env.XZ_NOW ? offsetClock(new Date(process.env.XZ_NOW)) : systemClock();
  if (process.env.XZ_NOW && Number.isNaN(clock.now().getTime())) throw new Error(`XZ_NOW is not an ISO 8601 instant: ${process.env.XZ_NOW}`);
  await migrateToLatest(database);
  const ctx: Ctx = { db: database.db, kind: database.kind, clock, database };
  if (cmd === 'migrate') return database.close();
  if ((cmd === 'start' && process.env.XZ_DEMO !== '0') || cmd === 'seed') {
    if (await isEmpty(ctx)) {
      const t = Date.now();
      if (await seedDemo(ctx)) console.log(`seeded the demo township 孟家湾乡 in ${Date.now() - t} ms`);
    }
    if (cmd === 'seed') return database.close();
  }
  const app = await buildApp({
    database, clock, logger: process.env.XZ_QUIET !== '1', webDir: join(root, 'dist', 'web'), devClock: !!process.env.XZ_NOW,
  });
  const port = Number(process.env.PORT ?? 3000);
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  const stop = async () => { await app.close(); await database.close(); process.exit(0); };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
