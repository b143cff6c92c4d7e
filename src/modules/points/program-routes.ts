// Routes for the rest of the points system: rankings, designations (评选), year-end
// settlement, corrections and the consistency check (volunteer activities: volunteer-routes.ts).
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { audit } from '../../core/audit.js';
import { listOf, paging } from '../../core/http.js';
import { day } from '../../core/dates.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as regions from '../regions/service.js';
import * as store from '../store/service.js';
import * as ledger from './ledger.js';
import * as ranking from './ranking.js';
import * as designations from './designations.js';
import * as settlement from './settlement.js';
import { ENTRY_SOURCES, RANKING_PERIODS } from './rules.js';
import { SETTLEMENT_MODES } from './settings.js';
import { pointsRegion } from './policy.js';

const year = z.coerce.number({ error: '请填写年度' }).int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' });
export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/points/ranking',
    {
      schema: {
        tags: ['points'],
        summary: '积分排行（按户，本月/本季/本年获得积分；不对干部排名）/ Household ranking by points earned',
        querystring: z.object({
          regionId: z.string({ error: '请选择区域' }).min(1).max(64),
          period: z.enum(RANKING_PERIODS).optional(),
          date: day.optional(),
          ...paging,
        }),
        response: {
          200: z.object({
            regionId: z.string(),
            regionName: z.string(),
            period: z.enum(RANKING_PERIODS),
            from: z.string(),
            to: z.string(),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(
              z.object({
                rank: z.number(),
                householdId: z.string(),
                householdName: z.string(),
                gridName: z.string(),
                placeName: z.string().describe("the household's place from its village down: 孟家湾村 / 一组网格"),
                points: z.number(),
                balance: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => ranking.ranking(ctx, requireActor(req), req.query),
  );

  const designation = z.object({
    id: z.string(),
    householdId: z.string(),
    householdName: z.string(),
    gridName: z.string(),
    placeName: z.string().describe("the household's place from its village down: 孟家湾村 / 一组网格"),
    title: z.string(),
    year: z.number(),
    points: z.number(),
    note: z.string().nullable(),
    awardedAt: z.string(),
  });
  app.post(
    '/api/points/designations',
    {
      schema: {
        tags: ['points'],
        summary: '记录评选结果并发放积分（十星级文明户等）/ Record a designation',
        body: z.object({
          householdId: z.string({ error: '请选择户' }).min(1).max(64),
          title: z.string({ error: '请填写评选名称' }).trim().min(1, { error: '请填写评选名称' }).max(20),
          year,
          points: z.number().int().min(0).max(500).optional(),
          note: z.string().trim().max(200).optional(),
        }),
        response: { 201: designation },
      },
    },
    async (req, reply) => reply.code(201).send(await designations.designate(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/points/designations',
    {
      schema: {
        tags: ['points'],
        summary: '评选结果 / Designations of a year',
        querystring: z.object({ regionId: z.string().min(1).max(64), year }),
        response: { 200: listOf(designation) },
      },
    },
    async (req) => {
      const items = await designations.list(ctx, requireActor(req), req.query.regionId, req.query.year);
      return { items, total: items.length };
    },
  );

  const settled = z.object({
    id: z.string(),
    regionId: z.string(),
    regionName: z.string(),
    year: z.number(),
    mode: z.enum(SETTLEMENT_MODES),
    households: z.number(),
    total: z.number(),
    doneAt: z.string(),
  });
  app.post(
    '/api/points/settlements',
    {
      schema: {
        tags: ['points'],
        summary: "年终结算（按村规结转或清零）/ Settle a village's year",
        body: z.object({ regionId: z.string({ error: '请选择村' }).min(1).max(64), year }),
        response: { 201: settled },
      },
    },
    async (req, reply) => reply.code(201).send(await settlement.settle(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/points/settlements',
    {
      schema: {
        tags: ['points'],
        summary: '年终结算记录 / Settlements',
        querystring: z.object({ regionId: z.string().min(1).max(64) }),
        response: { 200: listOf(settled) },
      },
    },
    async (req) => {
      const items = await settlement.list(ctx, requireActor(req), req.query.regionId);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/points/corrections',
    {
      schema: {
        tags: ['points'],
        summary: "积分更正（新记一笔，原记录不改；须写原因；可带 idempotencyKey）/ Correct a household's points",
        body: z.object({
          householdId: z.string({ error: '请选择户' }).min(1).max(64),
          delta: z.number({ error: '请填写更正分值' }).int({ error: '更正分值须为整数' }),
          reason: z.string({ error: '请填写更正原因' }).trim().min(1, { error: '请填写更正原因' }).max(200),
          idempotencyKey: z.string().min(8).max(64).optional(),
        }),
        response: {
          201: z.object({
            id: z.string(),
            householdId: z.string(),
            delta: z.number(),
            source: z.enum(ENTRY_SOURCES),
            sourceId: z.string().nullable(),
            ruleId: z.string().nullable(),
            residentId: z.string().nullable(),
            note: z.string().nullable(),
            at: z.string(),
            createdBy: z.string().nullable(),
          }),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await ledger.correct(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/points/consistency',
    {
      schema: {
        tags: ['points'],
        summary: '积分与库存一致性检查（管理员、乡镇领导）/ Ledger and stock consistency check',
        querystring: z.object({ regionId: z.string().min(1).max(64) }),
        response: {
          200: z.object({
            checkedAt: z.string(),
            mismatches: z.array(z.object({ householdId: z.string(), balance: z.number(), sum: z.number() })),
            stock: z.array(z.object({ itemId: z.string(), stock: z.number(), sumOfMoves: z.number() })),
          }),
        },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const r = await regions.requireVisible(ctx, actor, req.query.regionId);
      pointsRegion.assertIn(actor, 'points.check', r.path);
      const [mismatches, stock] = await Promise.all([ledger.inconsistencies(ctx.db, r.path), store.stockMismatches(ctx, r.path)]);
      const now = ctx.clock.now();
      await audit(ctx.db, now, actor, {
        action: 'points.consistency',
        entity: 'region',
        entityId: r.id,
        regionPath: r.path,
        detail: { mismatches: mismatches.length, stock: stock.length },
      });
      return { checkedAt: now.toISOString(), mismatches, stock };
    },
  );
}
