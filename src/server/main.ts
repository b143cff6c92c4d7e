// CLI: `start` (default) serves the app; `migrate` and `seed` act on the store and exit;
// `check-points` compares every balance with its entries and every item's stock with its moves (exit 1 on a mismatch).
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { openDatabase } from '../db/kysely.js';
import { migrateToLatest } from '../db/migrate.js';
import { offsetClock, systemClock } from '../core/clock.js';
import type { Ctx } from '../core/context.js';
import { isEmpty, seedDemo } from '../modules/demo/seed.js';
import { seedDemoCases } from '../modules/demo/cases.js';
import { seedDemoVisits } from '../modules/demo/visits.js';
import { seedDemoPoints } from '../modules/demo/points.js';
import { buildApp } from './app.js';
import { runSweeps, startSweeper } from './sweeps.js';
import { ensureCatalog } from '../modules/cases/service.js';
import { ensureRules } from '../modules/visits/plan.js';
import { ensureChecklist } from '../modules/patrols/service.js';
import { setGateway, webhookGateway } from '../modules/notifications/service.js';
import { checkPoints } from './check-points.js';
import { loadWorkCalendar, provisionalSoon } from '../core/work-calendar.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function main() {
  const cmd = process.argv[2] ?? 'start';
  const database = openDatabase();
  const clock = process.env.XZ_NOW ? offsetClock(new Date(process.env.XZ_NOW)) : systemClock();
  if (process.env.XZ_NOW && Number.isNaN(clock.now().getTime())) throw new Error(`XZ_NOW is not an ISO 8601 instant: ${process.env.XZ_NOW}`);
  await migrateToLatest(database);
  const ctx: Ctx = { db: database.db, kind: database.kind, clock, database };
  await ensureCatalog(ctx);
  await ensureRules(ctx);
  await ensureChecklist(ctx);
  const calendar = await loadWorkCalendar(ctx);
  if (cmd === 'migrate') return database.close();
  if (cmd === 'check-points') {
    const problems = await checkPoints(ctx);
    for (const p of problems) console.log(p);
    console.log(problems.length ? `check-points: ${problems.length} mismatch(es)` : 'check-points: every balance equals its entries and every stock its moves');
    await database.close();
    process.exit(problems.length ? 1 : 0);
  }
  if ((cmd === 'start' && process.env.XZ_DEMO !== '0') || cmd === 'seed') {
    if (await isEmpty(ctx)) {
      const t = Date.now();
      const seed = await seedDemo(ctx);
      if (seed) {
        const registry = Date.now() - t;
        // Demo cases over the past months (not in the test harness, which seeds the registry only).
        const cases = await seedDemoCases(ctx, seed).catch((err) => {
          console.error('demo cases failed:', err);
          return null;
        });
        const visits = await seedDemoVisits(ctx, seed).catch((err) => {
          console.error('demo visits failed:', err);
          return null;
        });
        const points = await seedDemoPoints(ctx, seed).catch((err) => {
          console.error('demo points failed:', err);
          return null;
        });
        console.log(
          `seeded the demo township 孟家湾乡 in ${Date.now() - t} ms (registry ${registry} ms${cases ? `, ${cases.cases} cases ${cases.ms} ms` : ''}${visits ? `, ${visits.visits} visits and ${visits.patrols} patrols ${visits.ms} ms` : ''}${points ? `, ${Object.values(points.awards).reduce((s, n) => s + n, 0)} point awards and ${Object.values(points.redemptions).reduce((s, n) => s + n, 0)} redemptions ${points.ms} ms` : ''})`,
        );
        if (cases?.failed.length) console.warn(`demo cases: ${cases.failed.length} steps refused`, cases.failed.slice(0, 5));
        if (points && Object.keys(points.refused).length) console.warn('demo points: steps refused', points.refused);
      }
    }
    if (cmd === 'seed') return database.close();
  }
  const app = await buildApp({
    database,
    clock,
    logger: process.env.XZ_QUIET !== '1',
    webDir: process.env.XZ_WEB_DIR ?? join(root, 'dist', 'web'),
    devClock: !!process.env.XZ_NOW,
    sweeps: () => runSweeps(ctx),
  });
  if (process.env.XZ_WEBHOOK_URL) setGateway(webhookGateway(process.env.XZ_WEBHOOK_URL));
  const stopSweeper = startSweeper(ctx);
  const port = Number(process.env.PORT ?? 3000);
  for (const year of provisionalSoon(calendar, clock.now()))
    console.warn(
      `${year}年工作日历尚未录入，期限暂按周一至周五计算 / the ${year} work calendar is not entered: time limits count Monday–Friday until an administrator enters it (系统设置 → 工作日历)`,
    );
  await app.listen({ port, host: process.env.HOST ?? '0.0.0.0' });
  const stop = async () => {
    stopSweeper();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
