import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import { caseRegion } from './policy.js';
import { TOWNSHIP_UNITS } from '../../shared/roles.js';
import * as service from './service.js';
import * as categories from './categories.js';
import * as limits from './limits.js';
import { ACTIONS, CASE_TYPES, PRIORITIES, STATUSES } from './rules.js';
import { SOURCES } from './catalog.js';
import { sweepCases } from './sweep.js';
import { readFiles } from '../../http/uploads.js';
import * as exporter from './export.js';
import { shanghaiDate } from '../../core/clock.js';
import { day } from '../../core/dates.js';
import { sendStoredFile, sendXlsx } from '../../http/downloads.js';
import { MAX_BYTES } from '../attachments/service.js';
import * as reportForm from './report-form.js';

const attachmentItem = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.string(), uploadedBy: z.string() });

const caseItem = z.object({
  id: z.string(),
  seq: z.string(),
  type: z.string(),
  category: z.string(),
  categoryName: z.string(),
  categoryGroup: z.string().nullable(),
  title: z.string(),
  description: z.string(),
  priority: z.string(),
  source: z.string(),
  sourceName: z.string(),
  regionId: z.string(),
  regionName: z.string().describe('the same as placeName (kept for older clients)'),
  placeName: z.string().describe('the place from its village down: 孟家湾村 / 一组网格; above village level the region itself'),
  householdId: z.string().nullable(),
  status: z.string(),
  card: z.enum(['yellow', 'red']).nullable(),
  levelRegionId: z.string(),
  levelRegionName: z.string(),
  levelRegionLevel: z.string(),
  reporterId: z.string(),
  reporterName: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  assigneeUnit: z.string().nullable(),
  dueAt: z.string().nullable(),
  timeLeft: z.string().nullable().describe('an open case: the time left to its due time in words on the work calendar (剩2个工作日, 今天到期, 已超期1天)'),
  yellowAt: z.string().nullable(),
  overdue: z.boolean(),
  dueProvisional: z.boolean().describe('the due date falls in a year whose work calendar nobody has entered (counted Monday–Friday)'),
  reportedAt: z.string(),
  acceptedAt: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  escalations: z.number(),
  reopened: z.number(),
  extensionPending: z.boolean(),
  extensionDays: z.number(),
  verified: z.boolean(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
const caseDetail = caseItem.extend({
  history: z.array(
    z.object({
      action: z.string(),
      from: z.string().nullable(),
      to: z.string(),
      by: z.string().nullable(),
      byName: z.string(),
      byRole: z.string().describe('the role they acted in, in words (一组网格员, 孟家湾村干部, 青石镇司法所); empty for the system or with none'),
      at: z.string(),
      note: z.string().nullable(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  copies: z.array(z.object({ userId: z.string(), name: z.string() })),
  attachments: z.array(attachmentItem),
  photos: z
    .object({ before: z.array(z.string()), after: z.array(z.string()) })
    .describe('attachment ids of the pictures to set side by side: before (reported, found) and after (named by the resolve in force)'),
  resultPhotoRequired: z.boolean().describe('the category requires a photo of the result to resolve (办结须附照片)'),
  actions: z.array(z.string()),
  following: z.boolean().describe('the caller follows the case (我也遇到) and is told of every step'),
  acknowledgement: z
    .object({ days: z.number(), by: z.string(), words: z.string() })
    .nullable()
    .describe('while waiting to be accepted: 已收到，村里将在N个工作日内受理 (the category’s accept limit on the work calendar)'),
});

const text = (max: number, zh: string) =>
  z
    .string({ error: zh })
    .trim()
    .min(1, { error: zh })
    .max(max, { error: `不能超过${max}个字` });

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/case-categories',
    {
      schema: {
        tags: ['cases'],
        summary: '事件类别与时限设置 / Case categories and time limits',
        response: { 200: z.object({ items: z.array(categories.categoryItem), total: z.number() }) },
      },
    },
    async (req) => {
      requireActor(req);
      const items = await categories.list(ctx);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/case-categories',
    {
      schema: {
        tags: ['cases'],
        summary: '新增事件类别（管理员）/ Add a category',
        body: categories.categoryCreate,
        response: { 201: categories.categoryItem },
      },
    },
    async (req, reply) => reply.code(201).send(await categories.create(ctx, requireActor(req), req.body)),
  );

  app.patch(
    '/api/case-categories/:code',
    {
      schema: {
        tags: ['cases'],
        summary: '修改类别设置（管理员）/ Edit a category',
        params: z.object({ code: z.string().max(40) }),
        body: categories.categoryPatch,
        response: { 200: categories.categoryItem },
      },
    },
    async (req) => categories.update(ctx, requireActor(req), req.params.code, req.body),
  );

  app.get(
    '/api/case-limits',
    {
      schema: {
        tags: ['cases'],
        summary: '时限规则（按类别、层级、优先级）/ Time-limit rules by category, level and priority',
        response: {
          200: z.object({
            defaults: z.record(z.string(), z.object({ acceptYellow: z.number(), acceptRed: z.number(), resolveYellow: z.number(), resolveRed: z.number() })),
            levels: z.array(z.string()),
            items: z.array(limits.limitItem),
          }),
        },
      },
    },
    async (req) => {
      requireActor(req);
      return limits.list(ctx);
    },
  );

  app.put(
    '/api/case-limits',
    {
      schema: { tags: ['cases'], summary: '设置一条时限规则（管理员）/ Set a time-limit rule', body: limits.limitBody, response: { 200: limits.limitItem } },
    },
    async (req) => limits.put(ctx, requireActor(req), req.body),
  );

  app.delete(
    '/api/case-limits/:id',
    {
      schema: { tags: ['cases'], summary: '删除时限规则（管理员）/ Remove a time-limit rule', params: z.object({ id: z.string().max(64) }) },
    },
    async (req, reply) => {
      await limits.remove(ctx, requireActor(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '上报事件 / Report a case (idempotent on idempotencyKey)',
        body: z.object({
          type: z.enum(CASE_TYPES, { error: '事件类型须为事件、代办或纠纷' }),
          category: z.string({ error: '请选择事件类别' }).min(1, { error: '请选择事件类别' }).max(40),
          title: text(60, '请填写事件标题'),
          description: text(2000, '请描述事件情况'),
          regionId: z.string({ error: '请选择发生地点' }).min(1, { error: '请选择发生地点' }).max(64),
          householdId: z.string().max(64).optional(),
          priority: z.enum(PRIORITIES, { error: '优先级须为一般、重大或疑难' }).optional(),
          source: z.enum(SOURCES).optional(),
          idempotencyKey: z.string().min(8, { error: '幂等键至少8个字符' }).max(100).optional(),
          details: z
            .object({
              parties: z
                .array(
                  z.object({
                    name: z.string().trim().min(1, { error: '请填写当事人姓名' }).max(30),
                    phone: z.string().max(20).optional(),
                    householdId: z.string().max(64).optional(),
                    side: z.enum(['applicant', 'respondent', 'other']).optional(),
                  }),
                )
                .max(20)
                .optional(),
              riskLevel: z.enum(['low', 'medium', 'high'], { error: '风险等级须为低、中或高' }).optional(),
              serviceItem: z.string().max(40).optional(),
            })
            .optional(),
        }),
        response: { 201: caseDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.report(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: '事件列表（辖区内上报、本人上报、经办或抄告）/ Cases',
        querystring: z.object({
          status: z.enum(STATUSES).optional(),
          type: z.enum(CASE_TYPES).optional(),
          category: z.string().max(40).optional(),
          card: z.enum(['yellow', 'red']).optional(),
          regionId: z.string().max(64).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          q: z.string().trim().max(50).optional(),
          from: day.optional().describe('reported on or after this Shanghai day'),
          to: day.optional().describe('reported on or before this Shanghai day (inclusive)'),
          box: z.enum(['todo', 'done', 'overdue', 'copied', 'mine']).optional(),
          attention: z.enum(['true', 'false']).optional().describe('true: low ratings (≤2 stars) and reopened cases'),
          ...paging,
        }),
        response: { 200: listOf(caseItem) },
      },
    },
    async (req) => service.list(ctx, requireActor(req), { ...req.query, overdue: req.query.overdue === 'true', attention: req.query.attention === 'true' }),
  );

  app.get(
    '/api/case-choices',
    {
      schema: {
        tags: ['cases'],
        summary: '随手拍选项（本村的说法与对应类别）/ The villager’s report choices where they live',
        querystring: z.object({ regionId: z.string({ error: '请选择地点' }).min(1, { error: '请选择地点' }).max(64) }),
        response: { 200: reportForm.choicesView },
      },
    },
    async (req) => reportForm.choices(ctx, requireActor(req), req.query.regionId),
  );

  app.put(
    '/api/case-choices/:villageId',
    {
      schema: {
        tags: ['cases'],
        summary: '设置本村随手拍选项（村两委或上级）/ Set a village’s report choices',
        params: z.object({ villageId: z.string().max(64) }),
        body: reportForm.choicesBody,
        response: { 200: reportForm.choicesView },
      },
    },
    async (req) => reportForm.setChoices(ctx, requireActor(req), req.params.villageId, req.body),
  );

  app.post(
    '/api/cases/quick-report',
    {
      schema: {
        tags: ['cases'],
        summary: '随手拍：按选项上报（幂等）/ A villager’s report from a plain-word choice (idempotent on idempotencyKey)',
        body: reportForm.quickReportBody,
        response: { 201: caseDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await reportForm.quickReport(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/cases/similar',
    {
      schema: {
        tags: ['cases'],
        summary: '同网格近14天相似的未办结事件（这件事已有人反映）/ Similar open cases of the grid',
        querystring: z.object({
          regionId: z.string({ error: '请选择地点' }).min(1, { error: '请选择地点' }).max(64),
          text: z.string({ error: '请填写内容' }).trim().min(1, { error: '请填写内容' }).max(2000),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                seq: z.string(),
                title: z.string(),
                status: z.string(),
                statusName: z.string(),
                placeName: z.string(),
                reportedAt: z.string(),
                score: z.number(),
                mine: z.boolean(),
                following: z.boolean(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => reportForm.similar(ctx, requireActor(req), req.query.regionId, req.query.text),
  );

  app.get(
    '/api/cases/following',
    {
      schema: {
        tags: ['cases'],
        summary: '我关注的事（我也遇到的事件，未办结的在前）/ Cases I follow',
        response: { 200: z.object({ items: z.array(caseItem), total: z.number() }) },
      },
    },
    async (req) => {
      const items = await reportForm.following(ctx, requireActor(req));
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/cases/:id/followers',
    {
      schema: {
        tags: ['cases'],
        summary: '我也遇到：关注同网格的事件，每一步都会告知（重复关注无变化）/ Follow a case',
        params: idParam,
        response: { 200: caseDetail },
      },
    },
    async (req) => reportForm.follow(ctx, requireActor(req), req.params.id),
  );

  app.get(
    '/api/cases/stats',
    {
      schema: {
        tags: ['cases'],
        summary: '事件统计与小事不出村率 / Case KPIs of a subtree',
        querystring: z.object({ regionId: z.string().max(64).optional() }),
        response: {
          200: z.object({
            total: z.number(),
            byStatus: z.array(z.object({ status: z.string(), n: z.number() })),
            resolved: z.number(),
            overdue: z.number(),
            escalated: z.number(),
            reopened: z.number(),
            lowRatings: z.number(),
            avgRating: z.number().nullable(),
            resolvedInVillage: z.number(),
            villageRate: z.number().nullable(),
          }),
        },
      },
    },
    async (req) => service.stats(ctx, requireActor(req), req.query.regionId),
  );

  app.get(
    '/api/cases/disputes/ledger',
    {
      schema: {
        tags: ['cases'],
        summary: '导出矛盾纠纷台账（.xlsx）/ Export the dispute ledger',
        querystring: z.object({ regionId: z.string().max(64).optional(), from: day.optional(), to: day.optional() }),
      },
    },
    async (req, reply) => {
      const data = await exporter.disputeLedger(ctx, requireActor(req), req.query);
      return sendXlsx(reply, `矛盾纠纷台账_${shanghaiDate(ctx.clock.now())}.xlsx`, 'dispute-ledger.xlsx', data);
    },
  );

  app.get(
    '/api/cases/:id/file',
    {
      schema: { tags: ['cases'], summary: '导出一案一卷（.xlsx）/ Export the case file', params: idParam },
    },
    async (req, reply) => {
      const { seq, data } = await exporter.caseFile(ctx, requireActor(req), req.params.id);
      return sendXlsx(reply, `案卷_${seq}.xlsx`, `case-${seq}.xlsx`, data);
    },
  );

  app.get(
    '/api/cases/:id',
    {
      schema: { tags: ['cases'], summary: '事件详情及办理过程 / A case with its history', params: idParam, response: { 200: caseDetail } },
    },
    async (req) => service.detail(ctx, requireActor(req), req.params.id),
  );

  app.get(
    '/api/cases/:id/assignees',
    {
      schema: {
        tags: ['cases'],
        summary: '可派单或抄告的人员 / People the responsible level may dispatch to or copy',
        params: idParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                userId: z.string(),
                name: z.string(),
                phone: z.string(),
                role: z.string(),
                regionId: z.string(),
                regionName: z.string(),
                unit: z.string().nullable(),
                suggested: z
                  .enum(['grid', 'usual'])
                  .nullable()
                  .describe('offered first: grid = the case’s own grid worker; usual = one this level often hands cases to'),
              }),
            ),
            total: z.number(),
            units: z.array(z.string()).describe('站所 of the township with staff accounts: dispatch with {unit}'),
          }),
        },
      },
    },
    async (req) => {
      const { people, units } = await service.assigneeCandidates(ctx, requireActor(req), req.params.id);
      return { items: people, total: people.length, units };
    },
  );

  app.post(
    '/api/cases/:id/transitions',
    {
      schema: {
        tags: ['cases'],
        summary: '办理操作（受理、派单、办结、上报、督办、评价、归档、回头看…）/ Take an action',
        params: idParam,
        body: z.object({
          action: z.enum(ACTIONS, { error: '未知的办理操作' }),
          note: z.string().max(2000).optional(),
          assigneeId: z.string().max(64).optional(),
          rating: z.number().int().min(1, { error: '评价须为1至5星' }).max(5, { error: '评价须为1至5星' }).optional(),
          days: z.number().int().min(1).max(30).optional(),
          skipLevel: z.boolean().optional(),
          idempotencyKey: z.string().min(8, { error: '幂等键至少8个字符' }).max(100).optional(),
          outcome: z.enum(['agreement', 'terminated'], { error: '调解结果须为达成协议或终止调解' }).optional(),
          step: z.string().max(10).optional(),
          place: z.string().max(100).optional(),
          unit: z.enum(TOWNSHIP_UNITS, { error: '未知的站所' }).optional(),
          photoIds: z
            .array(z.string().max(64), { error: '办结照片须为附件编号列表' })
            .max(9, { error: '办结照片最多9张' })
            .optional()
            .describe('resolve: ids of pictures already attached to the case that show the result (办理后照片)'),
          category: z.string().max(40).optional().describe('受理: the real category (required for a villager’s 其他)'),
          intoId: z.string().max(64).optional().describe('合并: the open case of the same level this one is merged into'),
        }),
        response: { 200: caseDetail },
      },
    },
    async (req) => service.transition(ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/cases/:id/attachments',
    {
      schema: {
        tags: ['cases'],
        consumes: ['multipart/form-data'],
        params: idParam,
        summary: '上传照片或附件（JPG/PNG/WebP/PDF，单个≤10MB，一次≤9个）/ Attach photos or files',
        response: { 201: z.object({ items: z.array(attachmentItem) }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const files = await readFiles(req, 9, MAX_BYTES);
      return reply.code(201).send({ items: await service.attachFiles(ctx, actor, req.params.id, files) });
    },
  );

  app.get(
    '/api/cases/:id/attachments/:attachmentId',
    {
      schema: { tags: ['cases'], summary: '查看附件 / Download an attachment', params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }) },
    },
    async (req, reply) => {
      return sendStoredFile(reply, await service.openAttachment(ctx, requireActor(req), req.params.id, req.params.attachmentId), 'attachment');
    },
  );

  app.post(
    '/api/cases/sweep',
    {
      schema: {
        tags: ['cases'],
        summary: '立即执行时限检查（管理员）/ Run the time-limit sweep now',
        response: { 200: z.object({ yellow: z.number(), red: z.number(), escalated: z.number() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      caseRegion.assertSomewhere(actor, 'case.settings');
      return sweepCases(ctx);
    },
  );
}
