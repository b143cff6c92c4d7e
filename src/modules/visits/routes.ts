import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { instant, month } from '../../core/dates.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import { readFiles } from '../../http/uploads.js';
import { sendStoredFile, sendXlsx } from '../../http/downloads.js';
import { MAX_BYTES } from '../attachments/service.js';
import { shanghaiDate } from '../../core/clock.js';
import * as service from './service.js';
import * as regions from '../regions/service.js';
import { audit } from '../../core/audit.js';
import * as plans from './plan.js';
import * as settings from './rule-settings.js';
import * as exporter from './export.js';
import { FREQUENCIES, VISIT_METHODS } from './rules.js';

const attachmentItem = z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number(), createdAt: z.string(), uploadedBy: z.string() });
const visitItem = z.object({
  id: z.string(),
  householdId: z.string(),
  address: z.string(),
  headName: z.string().nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  placeName: z.string().describe('the place from its village down: 孟家湾村 / 一组网格'),
  visitorId: z.string(),
  visitorName: z.string(),
  visitedAt: z.string(),
  visitDate: z.string(),
  method: z.string(),
  situation: z.string(),
  needs: z.string().nullable(),
  followUp: z.string().nullable(),
  problem: z.boolean(),
  caseId: z.string().nullable(),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
});
const planItem = z.object({
  id: z.string(),
  householdId: z.string(),
  address: z.string(),
  headName: z.string().nullable(),
  residentId: z.string().nullable(),
  residentName: z.string().nullable(),
  regionId: z.string(),
  regionName: z.string(),
  placeName: z.string().describe('the place from its village down: 孟家湾村 / 一组网格'),
  frequency: z.enum(FREQUENCIES),
  periodKey: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  reasons: z.array(z.string()),
  status: z.enum(['done', 'due', 'overdue']),
  visitId: z.string().nullable(),
  visitDate: z.string().nullable(),
  visitorName: z.string().nullable(),
});
const text = (max: number, required: string) =>
  z
    .string({ error: required })
    .trim()
    .min(1, { error: required })
    .max(max, { error: `不能超过${max}个字` });

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/visit-rules',
    {
      schema: { tags: ['visits'], summary: '走访规则（五必访等）/ Visit plan rules', response: { 200: listOf(settings.ruleItem) } },
    },
    async (req) => {
      requireActor(req);
      const items = await settings.list(ctx);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/visit-rules',
    {
      schema: { tags: ['visits'], summary: '新增走访规则（管理员）/ Add a visit rule', body: settings.ruleCreate, response: { 201: settings.ruleItem } },
    },
    async (req, reply) => reply.code(201).send(await settings.create(ctx, requireActor(req), req.body)),
  );

  app.patch(
    '/api/visit-rules/:id',
    {
      schema: {
        tags: ['visits'],
        summary: '修改或暂停走访规则（管理员）/ Edit or pause a visit rule',
        params: idParam,
        body: settings.rulePatch,
        response: { 200: settings.ruleItem },
      },
    },
    async (req) => settings.update(ctx, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/visits/plan',
    {
      schema: {
        tags: ['visits'],
        summary: "月度走访计划（应访、已访、逾期）/ The month's visit plan",
        querystring: z.object({
          regionId: z.string().max(64).optional(),
          month: month.optional(),
          status: z.enum(['done', 'due', 'overdue', 'open']).optional().describe('open: due or overdue'),
          ...paging,
        }),
        response: { 200: listOf(planItem) },
      },
    },
    async (req) => plans.plan(ctx, requireActor(req), { ...req.query, month: req.query.month ?? shanghaiDate(ctx.clock.now()).slice(0, 7) }),
  );

  app.get(
    '/api/visits/progress',
    {
      schema: {
        tags: ['visits'],
        summary: '走访完成情况（按网格、按人员）/ Visit completion by grid and by person',
        querystring: z.object({ regionId: z.string().max(64).optional(), month: month.optional() }),
        response: {
          200: z.object({
            month: z.string(),
            totals: z.object({ total: z.number(), done: z.number(), overdue: z.number(), due: z.number(), rate: z.number().nullable() }),
            byGrid: z.array(
              z.object({
                regionId: z.string(),
                regionName: z.string(),
                workers: z.array(z.string()),
                total: z.number(),
                done: z.number(),
                overdue: z.number(),
                due: z.number(),
                rate: z.number().nullable(),
              }),
            ),
            byVisitor: z.array(z.object({ userId: z.string(), name: z.string(), visits: z.number(), planDone: z.number() })),
          }),
        },
      },
    },
    async (req) => plans.progress(ctx, requireActor(req), { ...req.query, month: req.query.month ?? shanghaiDate(ctx.clock.now()).slice(0, 7) }),
  );

  app.get(
    '/api/visits/ledger',
    {
      schema: {
        tags: ['visits'],
        summary: "走访台账（Excel，按月）/ The month's visit ledger as Excel",
        querystring: z.object({ regionId: z.string().max(64).optional(), month: month.optional() }),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const m = req.query.month ?? shanghaiDate(ctx.clock.now()).slice(0, 7);
      const rows = await service.monthRows(ctx, actor, { regionId: req.query.regionId, month: m });
      const region = req.query.regionId ? await regions.get(ctx, req.query.regionId) : undefined;
      const place = region?.name ?? '';
      // A bulk read of names, addresses and visit notes: audited like the registry export.
      await audit(ctx.db, ctx.clock.now(), actor, {
        action: 'visit.export',
        entity: 'visit',
        regionPath: region?.path ?? null,
        detail: { month: m, rows: rows.length },
      });
      return sendXlsx(reply, `${place ? `${place}-` : ''}走访台账-${m}.xlsx`, `visits-${m}.xlsx`, await exporter.visitLedger(rows, m, ctx.clock.now(), place));
    },
  );

  app.post(
    '/api/visits',
    {
      schema: {
        tags: ['visits'],
        summary: '记录一次走访（可带 idempotencyKey）/ Log a visit',
        body: z.object({
          householdId: z.string({ error: '请选择走访的户' }).min(1, { error: '请选择走访的户' }).max(64),
          residentId: z.string().max(64).optional(),
          visitedAt: instant.optional(),
          method: z.enum(VISIT_METHODS, { error: '走访方式须为入户、电话或其他' }).default('home'),
          situation: text(1000, '请填写走访情况'),
          needs: z.string().trim().max(500).optional(),
          followUp: z.string().trim().max(500).optional(),
          problem: z.boolean().optional(),
          location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
          idempotencyKey: z.string().min(8).max(64).optional(),
        }),
        response: { 201: visitItem.extend({ attachments: z.array(attachmentItem) }) },
      },
    },
    async (req, reply) => reply.code(201).send(await service.logVisit(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/visits',
    {
      schema: {
        tags: ['visits'],
        summary: '走访记录 / Visit log',
        querystring: z.object({
          regionId: z.string().max(64).optional(),
          month: month.optional(),
          mine: z.enum(['true', 'false']).optional(),
          householdId: z.string().max(64).optional(),
          problem: z.enum(['true', 'false']).optional(),
          ...paging,
        }),
        response: { 200: listOf(visitItem) },
      },
    },
    async (req) =>
      service.list(ctx, requireActor(req), {
        ...req.query,
        mine: req.query.mine === 'true',
        problem: req.query.problem === undefined ? undefined : req.query.problem === 'true',
      }),
  );

  app.get(
    '/api/visits/:id',
    {
      schema: {
        tags: ['visits'],
        summary: '走访记录详情 / A visit',
        params: idParam,
        response: { 200: visitItem.extend({ attachments: z.array(attachmentItem) }) },
      },
    },
    async (req) => service.detail(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/visits/:id/case',
    {
      schema: {
        tags: ['visits'],
        summary: '转为事件（走访内容、户、网格带入事件）/ Turn a visit into a case',
        params: idParam,
        body: z.object({
          type: z.enum(['incident', 'service']).optional(),
          category: z.string({ error: '请选择事件类别' }).min(1, { error: '请选择事件类别' }).max(40),
          title: z.string().trim().max(60).optional(),
          priority: z.enum(['normal', 'major', 'difficult']).optional(),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await service.toCase(ctx, requireActor(req), req.params.id, req.body)),
  );

  app.post(
    '/api/visits/:id/attachments',
    {
      schema: {
        tags: ['visits'],
        consumes: ['multipart/form-data'],
        params: idParam,
        summary: '上传走访照片（可选）/ Attach photos',
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
    '/api/visits/:id/attachments/:attachmentId',
    {
      schema: { tags: ['visits'], summary: '查看走访照片 / A visit photo', params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }) },
    },
    async (req, reply) => {
      return sendStoredFile(reply, await service.openAttachment(ctx, requireActor(req), req.params.id, req.params.attachmentId), 'attachment');
    },
  );
}
