// Routes for the rest of the points system: rankings, designations (评选), year-end
// settlement, corrections, the consistency check and volunteer activities (道德银行).
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { requireActor } from '../../server/auth.js';
import type { App } from '../../server/types.js';
import * as regions from '../regions/service.js';
import * as store from '../store/service.js';
import * as ledger from './ledger.js';
import * as ranking from './ranking.js';
import * as designations from './designations.js';
import * as settlement from './settlement.js';
import * as volunteer from './volunteer.js';
import { ENTRY_SOURCES, RANKING_PERIODS } from './rules.js';
import { SETTLEMENT_MODES } from './settings.js';

const year = z.coerce.number({ error: '请填写年度' }).int().min(2000, { error: '年度不正确' }).max(2100, { error: '年度不正确' });
const signup = z.object({ id: z.string(), residentId: z.string(), status: z.string(), points: z.number().nullable() });
const activity = z.object({
  id: z.string(), regionId: z.string(), title: z.string(), description: z.string().nullable(), place: z.string().nullable(), startsAt: z.string(), hours: z.number(), rate: z.number(),
  points: z.number(), capacity: z.number().nullable(), status: z.enum(['open', 'closed']), organizerName: z.string(), signedUp: z.number(), attended: z.number(), mySignups: z.array(signup),
});
const activityDetail = activity.extend({
  canManage: z.boolean(),
  signups: z.array(z.object({ id: z.string(), householdId: z.string(), householdName: z.string(), residentId: z.string(), residentName: z.string(), status: z.enum(['signed', 'attended', 'absent']), hours: z.number().nullable(), points: z.number().nullable(), confirmedAt: z.string().nullable() })),
});

export default function routes(app: App, ctx: Ctx) {
  app.get('/api/points/ranking', {
    schema: {
      tags: ['points'], summary: '积分排行（按户，本月/本季/本年获得积分；不对干部排名）/ Household ranking by points earned',
      querystring: z.object({ regionId: z.string({ error: '请选择区域' }).min(1).max(64), period: z.enum(RANKING_PERIODS).optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为YYYY-MM-DD' }).optional(), ...paging }),
      response: {
        200: z.object({
          regionId: z.string(), regionName: z.string(), period: z.enum(RANKING_PERIODS), from: z.string(), to: z.string(), total: z.number(),
          items: z.array(z.object({ rank: z.number(), householdId: z.string(), householdName: z.string(), gridName: z.string(), points: z.number(), balance: z.number().nullable() })),
        }),
      },
    },
  }, async (req) => ranking.ranking(ctx, requireActor(req), req.query));

  const designation = z.object({ id: z.string(), householdId: z.string(), householdName: z.string(), gridName: z.string(), title: z.string(), year: z.number(), points: z.number(), note: z.string().nullable(), awardedAt: z.string() });
  app.post('/api/points/designations', {
    schema: {
      tags: ['points'], summary: '记录评选结果并发放积分（十星级文明户等）/ Record a designation',
      body: z.object({
        householdId: z.string({ error: '请选择户' }).min(1).max(64), title: z.string({ error: '请填写评选名称' }).trim().min(1, { error: '请填写评选名称' }).max(20), year,
        points: z.number().int().min(0).max(500).optional(), note: z.string().trim().max(200).optional(),
      }),
      response: { 201: designation },
    },
  }, async (req, reply) => reply.code(201).send(await designations.designate(ctx, requireActor(req), req.body)));

  app.get('/api/points/designations', {
    schema: { tags: ['points'], summary: '评选结果 / Designations of a year', querystring: z.object({ regionId: z.string().min(1).max(64), year }), response: { 200: listOf(designation) } },
  }, async (req) => { const items = await designations.list(ctx, requireActor(req), req.query.regionId, req.query.year); return { items, total: items.length }; });

  const settled = z.object({ id: z.string(), regionId: z.string(), regionName: z.string(), year: z.number(), mode: z.enum(SETTLEMENT_MODES), households: z.number(), total: z.number(), doneAt: z.string() });
  app.post('/api/points/settlements', {
    schema: { tags: ['points'], summary: '年终结算（按村规结转或清零）/ Settle a village\'s year', body: z.object({ regionId: z.string({ error: '请选择村' }).min(1).max(64), year }), response: { 201: settled } },
  }, async (req, reply) => reply.code(201).send(await settlement.settle(ctx, requireActor(req), req.body)));

  app.get('/api/points/settlements', {
    schema: { tags: ['points'], summary: '年终结算记录 / Settlements', querystring: z.object({ regionId: z.string().min(1).max(64) }), response: { 200: listOf(settled) } },
  }, async (req) => { const items = await settlement.list(ctx, requireActor(req), req.query.regionId); return { items, total: items.length }; });

  app.post('/api/points/corrections', {
    schema: {
      tags: ['points'], summary: '积分更正（新记一笔，原记录不改；须写原因；可带 idempotencyKey）/ Correct a household\'s points',
      body: z.object({
        householdId: z.string({ error: '请选择户' }).min(1).max(64), delta: z.number({ error: '请填写更正分值' }).int({ error: '更正分值须为整数' }),
        reason: z.string({ error: '请填写更正原因' }).trim().min(1, { error: '请填写更正原因' }).max(200), idempotencyKey: z.string().min(8).max(64).optional(),
      }),
      response: { 201: z.object({ id: z.string(), householdId: z.string(), delta: z.number(), source: z.enum(ENTRY_SOURCES), sourceId: z.string().nullable(), ruleId: z.string().nullable(), residentId: z.string().nullable(), note: z.string().nullable(), at: z.string(), createdBy: z.string().nullable() }) },
    },
  }, async (req, reply) => reply.code(201).send(await ledger.correct(ctx, requireActor(req), req.body)));

  app.get('/api/points/consistency', {
    schema: {
      tags: ['points'], summary: '积分与库存一致性检查（管理员、乡镇领导）/ Ledger and stock consistency check',
      querystring: z.object({ regionId: z.string().min(1).max(64) }),
      response: { 200: z.object({ checkedAt: z.string(), mismatches: z.array(z.object({ householdId: z.string(), balance: z.number(), sum: z.number() })), stock: z.array(z.object({ itemId: z.string(), stock: z.number(), sumOfMoves: z.number() })) }) },
    },
  }, async (req) => {
    const actor = requireActor(req);
    const r = await regions.requireVisible(ctx, actor, req.query.regionId);
    if (!actor.scope.grants.some((g) => (g.role === 'admin' || g.role === 'township_leader') && r.path.startsWith(g.regionPath))) throw forbidden('只有管理员或乡镇领导可以做一致性检查', 'Only administrators or township leaders run the check');
    const [mismatches, stock] = await Promise.all([ledger.inconsistencies(ctx.db, r.path), store.stockMismatches(ctx, r.path)]);
    const now = ctx.clock.now();
    await audit(ctx.db, now, actor, { action: 'points.consistency', entity: 'region', entityId: r.id, regionPath: r.path, detail: { mismatches: mismatches.length, stock: stock.length } });
    return { checkedAt: now.toISOString(), mismatches, stock };
  });

  app.get('/api/volunteer/activities', {
    schema: { tags: ['volunteer'], summary: '志愿活动（本村及乡镇）/ Volunteer activities', querystring: z.object({ regionId: z.string().min(1).max(64), status: z.enum(['open', 'closed']).optional(), ...paging }), response: { 200: listOf(activity) } },
  }, async (req) => volunteer.list(ctx, requireActor(req), req.query));

  app.post('/api/volunteer/activities', {
    schema: {
      tags: ['volunteer'], summary: '发布志愿活动（村两委、乡镇）/ Post an activity',
      body: z.object({
        regionId: z.string({ error: '请选择村' }).min(1).max(64), title: z.string({ error: '请填写活动名称' }).trim().min(1, { error: '请填写活动名称' }).max(40),
        description: z.string().trim().max(500).nullish(), place: z.string().trim().max(60).nullish(),
        startsAt: z.string({ error: '请选择活动时间' }).datetime({ offset: true, error: '活动时间格式不正确' }),
        hours: z.number({ error: '请填写服务时长' }).min(0.5, { error: '服务时长0.5至24小时' }).max(24, { error: '服务时长0.5至24小时' }).multipleOf(0.5, { error: '服务时长以半小时计' }),
        capacity: z.number().int().min(1).max(1000).nullish(),
      }),
      response: { 201: activity },
    },
  }, async (req, reply) => reply.code(201).send(await volunteer.create(ctx, requireActor(req), req.body)));

  app.get('/api/volunteer/activities/:id', {
    schema: { tags: ['volunteer'], summary: '志愿活动详情与报名 / An activity with its signups', params: idParam, response: { 200: activityDetail } },
  }, async (req) => volunteer.detail(ctx, requireActor(req), req.params.id));

  app.post('/api/volunteer/activities/:id/signups', {
    schema: { tags: ['volunteer'], summary: '报名（本户成员；干部可代报）/ Sign a resident up', params: idParam, body: z.object({ residentId: z.string({ error: '请选择报名人' }).min(1).max(64) }), response: { 200: activityDetail } },
  }, async (req) => { const actor = requireActor(req); await volunteer.signUp(ctx, actor, req.params.id, req.body.residentId); return volunteer.detail(ctx, actor, req.params.id); });

  app.post('/api/volunteer/activities/:id/attendance', {
    schema: {
      tags: ['volunteer'], summary: '确认参加情况（按时长发放积分，一次）/ Confirm attendance', params: idParam,
      body: z.object({ signupId: z.string().min(1).max(64), attended: z.boolean(), hours: z.number().min(0.5).max(24).multipleOf(0.5).optional() }), response: { 200: activityDetail },
    },
  }, async (req) => volunteer.confirm(ctx, requireActor(req), req.params.id, req.body));

  app.post('/api/volunteer/activities/:id/close', {
    schema: { tags: ['volunteer'], summary: '结束活动 / Close an activity', params: idParam, response: { 200: activityDetail } },
  }, async (req) => volunteer.close(ctx, requireActor(req), req.params.id));
}
