import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf } from '../../core/http.js';
import { requireActor } from '../../server/auth.js';
import type { App } from '../../server/types.js';
import * as service from './service.js';
import { AWARD_STATUSES, CAP_PERIODS, RULE_CATEGORIES } from './rules.js';

const rule = z.object({ id: z.string(), regionId: z.string(), code: z.string(), name: z.string(), category: z.string(), value: z.number(), cap: z.number().nullable(), capPeriod: z.enum(CAP_PERIODS).nullable(), active: z.boolean() });
const award = z.object({
  id: z.string(), householdId: z.string(), ruleId: z.string(), ruleName: z.string(), category: z.string(), residentId: z.string().nullable(), value: z.number(),
  note: z.string().nullable(), status: z.enum(AWARD_STATUSES), proposedAt: z.string(), decidedAt: z.string().nullable(), reason: z.string().nullable(),
  publicUntil: z.string().nullable(), objection: z.string().nullable(),
});

export default function routes(app: App, ctx: Ctx) {
  app.get('/api/points/rules', {
    schema: { tags: ['points'], summary: '积分规则（本村及上级沿用）/ Point rules that apply in a region', querystring: z.object({ regionId: z.string({ error: '请选择区域' }).min(1).max(64) }), response: { 200: listOf(rule) } },
  }, async (req) => {
    const items = await service.listRules(ctx, requireActor(req), req.query.regionId);
    return { items, total: items.length };
  });

  app.post('/api/points/rules', {
    schema: {
      tags: ['points'], summary: '新增积分规则（村两委、乡镇）/ Add a point rule',
      body: z.object({
        regionId: z.string({ error: '请选择区域' }).min(1).max(64),
        code: z.string({ error: '请填写规则编号' }).trim().min(1, { error: '请填写规则编号' }).max(20),
        name: z.string({ error: '请填写规则名称' }).trim().min(1, { error: '请填写规则名称' }).max(40),
        category: z.enum(RULE_CATEGORIES, { error: '请选择规则类别' }),
        value: z.number({ error: '请填写分值' }).int({ error: '分值须为整数' }).min(-100).max(100).refine((v) => v !== 0, { error: '分值不能为0' }),
        cap: z.number().int().min(1).max(1000).nullish(),
        capPeriod: z.enum(CAP_PERIODS).nullish(),
      }),
      response: { 201: rule },
    },
  }, async (req, reply) => reply.code(201).send(await service.createRule(ctx, requireActor(req), req.body)));

  app.post('/api/points/awards', {
    schema: {
      tags: ['points'], summary: '提议积分（可带 idempotencyKey）/ Propose points for a household',
      body: z.object({
        householdId: z.string({ error: '请选择户' }).min(1).max(64), ruleId: z.string({ error: '请选择积分规则' }).min(1).max(64),
        residentId: z.string().max(64).optional(), note: z.string().trim().max(300).optional(), idempotencyKey: z.string().min(8).max(64).optional(),
      }),
      response: { 201: award },
    },
  }, async (req, reply) => reply.code(201).send(await service.propose(ctx, requireActor(req), req.body)));

  for (const action of ['approve', 'reject', 'object'] as const)
    app.post(`/api/points/awards/:id/${action}`, {
      schema: {
        tags: ['points'], params: idParam, response: { 200: award },
        summary: { approve: '审核通过（进入公示）/ Approve (公示 starts)', reject: '驳回（须填理由）/ Reject with a reason', object: '公示期异议（退回复核）/ Object during 公示' }[action],
        body: z.object({ reason: z.string().trim().max(300).optional() }).optional(),
      },
    }, async (req) => service.decide(ctx, requireActor(req), req.params.id, action, req.body?.reason));

  app.get('/api/households/:id/points', {
    schema: {
      tags: ['points'], summary: '户积分：余额、明细、待生效 / A household\'s points', params: idParam,
      response: { 200: z.object({ balance: z.number(), entries: z.array(z.object({ id: z.string(), delta: z.number(), source: z.string(), sourceId: z.string().nullable(), ruleId: z.string().nullable(), residentId: z.string().nullable(), note: z.string().nullable(), at: z.string() })), pending: z.array(award) }) },
    },
  }, async (req) => service.householdPoints(ctx, requireActor(req), req.params.id));
}
