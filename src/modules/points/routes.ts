import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { day } from '../../core/dates.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import { readFiles } from '../../http/uploads.js';
import { sendStoredFile } from '../../http/downloads.js';
import { MAX_BYTES } from '../attachments/service.js';
import * as service from './service.js';
import * as settings from './settings.js';
import * as ledgerViews from './households.js';
import { AWARD_STATUSES, CAP_PERIODS, ENTRY_SOURCES, PROPOSERS, RULE_CATEGORIES } from './rules.js';

const rule = z.object({
  id: z.string(),
  regionId: z.string(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
  value: z.number(),
  cap: z.number().nullable(),
  capPeriod: z.enum(CAP_PERIODS).nullable(),
  active: z.boolean(),
  proposers: z.array(z.enum(PROPOSERS)),
  needsApproval: z.boolean(),
  description: z.string().nullable(),
});
const award = z.object({
  id: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  gridName: z.string(),
  placeName: z.string().describe("the household's place from its village down: 孟家湾村 / 一组网格"),
  ruleId: z.string(),
  ruleCode: z.string(),
  ruleName: z.string(),
  category: z.string(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  value: z.number(),
  note: z.string().nullable(),
  status: z.enum(AWARD_STATUSES),
  proposedAt: z.string(),
  proposedBy: z.string(),
  proposerName: z.string(),
  proposerRole: z.enum(PROPOSERS),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
  publicUntil: z.string().nullable(),
  objection: z.string().nullable(),
  evidenceCount: z.number(),
  abilities: z
    .array(z.string())
    .optional()
    .describe('In the queue and the detail: what the caller may do to the award (award.approve, award.attach …); the status decides the rest'),
});
const attachmentItem = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.string(), uploadedBy: z.string() });
const entry = z.object({
  id: z.string(),
  householdId: z.string(),
  delta: z.number(),
  source: z.enum(ENTRY_SOURCES),
  sourceId: z.string().nullable(),
  ruleId: z.string().nullable(),
  ruleName: z.string().nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
  createdBy: z.string().nullable(),
});
const ruleFields = {
  name: z.string({ error: '请填写规则名称' }).trim().min(1, { error: '请填写规则名称' }).max(40),
  category: z.enum(RULE_CATEGORIES, { error: '请选择规则类别' }),
  value: z
    .number({ error: '请填写分值' })
    .int({ error: '分值须为整数' })
    .min(-100, { error: '分值在-100至100之间' })
    .max(100, { error: '分值在-100至100之间' })
    .refine((v) => v !== 0, { error: '分值不能为0' }),
  cap: z.number().int().min(1, { error: '封顶分值须为正整数' }).max(1000).nullish(),
  capPeriod: z.enum(CAP_PERIODS).nullish(),
  proposers: z.array(z.enum(PROPOSERS)).min(1, { error: '请至少选择一类申报人' }).optional(),
  needsApproval: z.boolean().optional(),
  description: z.string().trim().max(300).nullish(),
};
const settingsBody = z.object({
  publicDays: z.number().int().min(1, { error: '公示期1至15天' }).max(15, { error: '公示期1至15天' }),
  monthlyBase: z.number().int().min(0).max(1000),
  settlementMode: z.enum(settings.SETTLEMENT_MODES, { error: '请选择年终结算方式' }),
  mediatorPoints: z.number().int().min(0).max(1000),
  volunteerRate: z.number().int().min(0).max(100),
});

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/points/rules',
    {
      schema: {
        tags: ['points'],
        summary: '积分规则（本村及上级沿用）/ Point rules that apply in a region',
        querystring: z.object({ regionId: z.string({ error: '请选择区域' }).min(1).max(64), includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(rule) },
      },
    },
    async (req) => {
      const items = await service.listRules(ctx, requireActor(req), req.query.regionId, req.query.includeInactive === 'true');
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/points/rules',
    {
      schema: {
        tags: ['points'],
        summary: '新增积分规则（村两委、乡镇）/ Add a point rule',
        body: z.object({
          regionId: z.string({ error: '请选择区域' }).min(1).max(64),
          code: z.string({ error: '请填写规则编号' }).trim().min(1, { error: '请填写规则编号' }).max(20),
          ...ruleFields,
        }),
        response: { 201: rule },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createRule(ctx, requireActor(req), req.body)),
  );

  app.patch(
    '/api/points/rules/:id',
    {
      schema: {
        tags: ['points'],
        summary: '修改或停用积分规则 / Edit or deactivate a rule',
        params: idParam,
        body: z.object({ ...ruleFields, active: z.boolean() }).partial(),
        response: { 200: rule },
      },
    },
    async (req) => service.updateRule(ctx, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/points/settings',
    {
      schema: {
        tags: ['points'],
        summary: '积分设置（公示天数、月度基础分、年终结算、调解奖励、志愿服务分值）/ Points settings',
        querystring: z.object({ regionId: z.string().min(1).max(64) }),
        response: { 200: settingsBody.extend({ regionId: z.string(), fromRegionId: z.string().nullable() }) },
      },
    },
    async (req) => settings.get(ctx, requireActor(req), req.query.regionId),
  );

  app.put(
    '/api/points/settings',
    {
      schema: {
        tags: ['points'],
        summary: '修改积分设置（村两委、乡镇）/ Change points settings',
        body: settingsBody.extend({ regionId: z.string().min(1).max(64) }),
        response: { 200: settingsBody.extend({ regionId: z.string(), fromRegionId: z.string().nullable() }) },
      },
    },
    async (req) => {
      const { regionId, ...s } = req.body;
      return settings.put(ctx, requireActor(req), regionId, s);
    },
  );

  app.post(
    '/api/points/awards',
    {
      schema: {
        tags: ['points'],
        summary: '申报积分（干部、网格员；村民为本户申报须附照片）（可带 idempotencyKey）/ Propose points for a household',
        body: z.object({
          householdId: z.string({ error: '请选择户' }).min(1).max(64),
          ruleId: z.string({ error: '请选择积分规则' }).min(1).max(64),
          residentId: z.string().max(64).optional(),
          note: z.string().trim().max(300).optional(),
          idempotencyKey: z.string().min(8).max(64).optional(),
        }),
        response: { 201: award },
      },
    },
    async (req, reply) => reply.code(201).send(await service.propose(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/points/awards',
    {
      schema: {
        tags: ['points'],
        summary: '积分申报列表（审核台）/ Award queue',
        querystring: z.object({ regionId: z.string({ error: '请选择区域' }).min(1).max(64), status: z.enum(AWARD_STATUSES).optional(), ...paging }),
        response: { 200: listOf(award) },
      },
    },
    async (req) => service.listAwards(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/points/awards/:id',
    {
      schema: {
        tags: ['points'],
        summary: '积分申报详情（含过程记录、证明照片）/ An award with its timeline',
        params: idParam,
        response: {
          200: award.extend({
            events: z.array(z.object({ action: z.string(), byName: z.string().nullable(), at: z.string(), note: z.string().nullable() })),
            evidence: z.array(attachmentItem),
          }),
        },
      },
    },
    async (req) => service.awardDetail(ctx, requireActor(req), req.params.id),
  );

  for (const action of ['approve', 'reject', 'object'] as const)
    app.post(
      `/api/points/awards/:id/${action}`,
      {
        schema: {
          tags: ['points'],
          params: idParam,
          response: { 200: award },
          summary: {
            approve: '审核通过（进入公示）/ Approve (公示 starts)',
            reject: '驳回（须填理由）/ Reject with a reason',
            object: '公示期异议（退回复核）/ Object during 公示',
          }[action],
          body: z.object({ reason: z.string().trim().max(300).optional() }).optional(),
        },
      },
      async (req) => service.decide(ctx, requireActor(req), req.params.id, action, req.body?.reason),
    );

  app.post(
    '/api/points/awards/:id/evidence',
    {
      schema: {
        tags: ['points'],
        consumes: ['multipart/form-data'],
        params: idParam,
        summary: '上传证明照片（JPG/PNG/WebP，单个≤10MB，一次≤6张）/ Attach evidence photos',
        response: { 201: z.object({ items: z.array(attachmentItem) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const files = await readFiles(req, 6, MAX_BYTES);
      return reply.code(201).send({ items: await service.attachEvidence(ctx, actor, req.params.id, files) });
    },
  );

  app.get(
    '/api/points/awards/:id/evidence/:attachmentId',
    {
      schema: { tags: ['points'], summary: '查看证明照片 / An evidence photo', params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }) },
    },
    async (req, reply) => {
      return sendStoredFile(reply, await service.openEvidence(ctx, requireActor(req), req.params.id, req.params.attachmentId), 'evidence');
    },
  );

  app.get(
    '/api/points/board',
    {
      schema: {
        tags: ['points'],
        summary: "积分公示栏（本村公示中及近30天生效）/ The village's points notice board",
        querystring: z.object({ regionId: z.string({ error: '请选择村' }).min(1).max(64) }),
        response: {
          200: z.object({
            regionId: z.string(),
            regionName: z.string(),
            publicDays: z.number(),
            items: z.array(
              z.object({
                id: z.string(),
                householdId: z.string(),
                householdName: z.string(),
                gridName: z.string(),
                placeName: z.string().describe("the household's place from its village down: 孟家湾村 / 一组网格"),
                ruleName: z.string(),
                category: z.string(),
                residentName: z.string().nullable(),
                value: z.number(),
                status: z.enum(AWARD_STATUSES),
                decidedAt: z.string().nullable(),
                publicUntil: z.string().nullable(),
                note: z.string().nullable(),
                daysLeft: z.number().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => service.board(ctx, requireActor(req), req.query.regionId),
  );

  app.get(
    '/api/points/households',
    {
      schema: {
        tags: ['points'],
        summary: '户积分一览（余额、本年获得与使用）/ Households with their points',
        querystring: z.object({ regionId: z.string().max(64).optional(), q: z.string().trim().max(40).optional(), ...paging }),
        response: {
          200: listOf(
            z.object({
              householdId: z.string(),
              householdName: z.string(),
              villageName: z.string(),
              gridName: z.string(),
              address: z.string(),
              balance: z.number(),
              earnedThisYear: z.number(),
              spentThisYear: z.number(),
            }),
          ),
        },
      },
    },
    async (req) => ledgerViews.households(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/points/entries',
    {
      schema: {
        tags: ['points'],
        summary: '积分流水（按区域、日期、来源、户）/ Ledger entries of an area',
        querystring: z.object({
          regionId: z.string({ error: '请选择区域' }).min(1).max(64),
          from: day.optional(),
          to: day.optional(),
          source: z.enum(ENTRY_SOURCES).optional(),
          householdId: z.string().max(64).optional(),
          ...paging,
        }),
        response: { 200: listOf(entry.extend({ householdName: z.string(), createdByName: z.string().nullable() })) },
      },
    },
    async (req) => ledgerViews.entries(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/households/:id/points',
    {
      schema: {
        tags: ['points'],
        summary: "户积分：余额、明细、待生效 / A household's points",
        params: idParam,
        response: {
          200: z.object({ householdId: z.string(), householdName: z.string(), balance: z.number(), entries: z.array(entry), pending: z.array(award) }),
        },
      },
    },
    async (req) => service.householdPoints(ctx, requireActor(req), req.params.id),
  );
}
