import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/kysely.js';
import type { Clock } from '../core/clock.js';
import type { Ctx } from '../core/context.js';
import { dataDir, localStorage, type Storage } from '../core/storage.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { registerAuth } from './auth.js';
import { rejectNul } from './input-guard.js';
import { countRequestQueries } from './query-budget.js';
import { registerSecurityHeaders, webCacheHeaders } from './headers.js';
import { registerCompression } from './compress.js';
import devRoutes from './dev-routes.js';
import type { App, RouteModule } from '../http/types.js';
import accountRoutes from '../modules/accounts/routes.js';
import userRoutes from '../modules/accounts/user-routes.js';
import regionRoutes from '../modules/regions/routes.js';
import peopleRoutes from '../modules/people/routes.js';
import householdExcelRoutes from '../modules/people/excel-routes.js';
import caseRoutes from '../modules/cases/routes.js';
import visitRoutes from '../modules/visits/routes.js';
import patrolRoutes from '../modules/patrols/routes.js';
import consultationRoutes from '../modules/consultations/routes.js';
import pointRoutes from '../modules/points/routes.js';
import storeRoutes from '../modules/store/routes.js';
import pointProgramRoutes from '../modules/points/program-routes.js';
import pointExcelRoutes from '../modules/points/excel-routes.js';
import volunteerRoutes from '../modules/points/volunteer-routes.js';
import notificationRoutes from '../modules/notifications/routes.js';
import calendarRoutes from '../modules/calendar/routes.js';
import { loadWorkCalendar, provisionalSoon, workCalendar } from '../core/work-calendar.js';
import { deliver as deliverNotification, NOTIFICATION_TOPIC } from '../modules/notifications/service.js';
import { startOutbox, type OutboxOptions } from '../core/outbox.js';
import { onHouseholdMove } from '../modules/people/service.js';
import { rehomeHousehold as rehomePoints } from '../modules/points/rehome.js';
import { rehomeHousehold as rehomeRedemptions } from '../modules/store/rehome.js';

// A household's move re-homes what the points and store modules keep under its path (people/service.ts).
onHouseholdMove('points', rehomePoints);
onHouseholdMove('store', rehomeRedemptions);

const MODULES: RouteModule[] = [
  accountRoutes,
  userRoutes,
  regionRoutes,
  peopleRoutes,
  householdExcelRoutes,
  caseRoutes,
  visitRoutes,
  patrolRoutes,
  consultationRoutes,
  pointRoutes,
  pointProgramRoutes,
  volunteerRoutes,
  pointExcelRoutes,
  storeRoutes,
  notificationRoutes,
  calendarRoutes,
];

function trustedProxies(): boolean | string[] {
  const v = process.env.XZ_TRUST_PROXY?.trim();
  if (!v) return false;
  return v === 'true'
    ? true
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
}

export interface AppOptions {
  database: Database;
  clock: Clock;
  logger?: boolean;
  /** Built console (dist/web); served with SPA fallback when present. */
  webDir?: string;
  /** Enables POST /api/dev/clock (only when XZ_NOW is set). */
  devClock?: boolean;
  /** Where uploaded files go (default: a local directory under XZ_DATA_DIR, ./data). */
  storage?: Storage;
  /** Runs every sweep that has come due; wired by later modules. */
  sweeps?: () => Promise<unknown>;
  /** Tuning for the worker that delivers the outbox (retries, backoff, polling). */
  outbox?: OutboxOptions;
  /** Answers carry `x-sql-statements`: how many SQL statements the request ran (the query-budget test). */
  countQueries?: boolean;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    // Only trust X-Forwarded-* from proxies the operator names (audit IPs, secure cookies).
    trustProxy: trustedProxies(),
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  if (opts.countQueries) countRequestQueries(app);
  registerSecurityHeaders(app);
  registerCompression(app);

  const ctx: Ctx = {
    db: opts.database.db,
    kind: opts.database.kind,
    clock: opts.clock,
    database: opts.database,
    storage: opts.storage ?? localStorage(dataDir()),
  };

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: { title: '乡治 xiangzhi API', description: '乡村基层治理平台接口 / Rural grassroots governance platform', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  app.addHook('preValidation', rejectNul);
  registerAuth(app, ctx);
  // The time limits count on the store's work calendar, held in memory (core/work-calendar.ts).
  await loadWorkCalendar(ctx);

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查 / Health',
        response: {
          200: z.object({
            ok: z.boolean(),
            db: z.enum(['sqlite', 'postgres']),
            calendar: z.object({
              provisional: z.array(z.number().int()).describe('this year or next without an entered work calendar (limits count Monday–Friday)'),
            }),
          }),
        },
      },
    },
    async () => ({ ok: true, db: ctx.kind, calendar: { provisional: provisionalSoon(workCalendar(ctx), ctx.clock.now()) } }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const m of MODULES) m(app, ctx);
  // Messages to outside systems go out after their write commits; each server process runs a worker.
  const outbox = startOutbox(ctx, { [NOTIFICATION_TOPIC]: deliverNotification }, opts.outbox);
  app.addHook('onClose', () => outbox.stop());
  if (opts.devClock) devRoutes(app, ctx, opts.sweeps ?? (async () => {}));

  const webDir = opts.webDir && existsSync(join(opts.webDir, 'index.html')) ? opts.webDir : null;
  // Hashed assets kept a year, the pages and the service worker asked again each time; .br/.gz made at build time.
  if (webDir)
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: webCacheHeaders(webDir),
    });
  // One not-found handler: API misses get the error body; other GETs get the
  // console (or the H5 page) so client-side routes survive a reload.
  app.setNotFoundHandler((req, reply) => {
    if (!webDir || req.url.startsWith('/api/') || req.method !== 'GET') return notFoundHandler(req, reply);
    const h5 = req.url.startsWith('/h5') && existsSync(join(webDir, 'h5.html'));
    return reply.header('cache-control', 'no-cache').sendFile(h5 ? 'h5.html' : 'index.html');
  });
  return app as unknown as App;
}
