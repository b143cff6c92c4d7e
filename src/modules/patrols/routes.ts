import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { day, instant, month } from '../../core/dates.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';
import { PATROL_KINDS } from './rules.js';

const checklistItem = z.object({ code: z.string(), category: z.string(), name: z.string() });
const checklistView = z.object({ name: z.string(), items: z.array(checklistItem), updatedAt: z.string() });
const patrolItem = z.object({
  id: z.string(),
  kind: z.enum(PATROL_KINDS),
  regionId: z.string(),
  regionName: z.string(),
  placeName: z.string().describe('the place from its village down: 孟家湾村 / 一组网格'),
  periodKey: z.string(),
  patrollerId: z.string(),
  patrollerName: z.string(),
  patrolledAt: z.string(),
  patrolDate: z.string(),
  problems: z.number(),
  note: z.string().nullable(),
  results: z.array(checklistItem.extend({ ok: z.boolean(), note: z.string().nullable(), caseId: z.string().nullable() })),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
});

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/patrols/checklist',
    {
      schema: { tags: ['patrols'], summary: '巡查清单（如“6类18项”）/ The patrol checklist', response: { 200: checklistView } },
    },
    async (req) => {
      requireActor(req);
      return service.checklist(ctx);
    },
  );

  app.put(
    '/api/patrols/checklist',
    {
      schema: { tags: ['patrols'], summary: '修改巡查清单（管理员）/ Replace the checklist', body: service.checklistBody, response: { 200: checklistView } },
    },
    async (req) => service.updateChecklist(ctx, requireActor(req), req.body),
  );

  app.get(
    '/api/patrols/due',
    {
      schema: {
        tags: ['patrols'],
        summary: '应巡查（日巡查、月排查、季度联查）/ Patrols due on a day',
        querystring: z.object({ regionId: z.string().max(64).optional(), day: day.optional() }),
        response: {
          200: listOf(
            z.object({
              kind: z.enum(PATROL_KINDS),
              regionId: z.string(),
              regionName: z.string(),
              placeName: z.string().describe('the place from its village down: 孟家湾村 / 一组网格'),
              periodKey: z.string(),
              dueOn: z.string(),
              periodEnd: z.string(),
              status: z.enum(['done', 'due', 'late']),
              patrolId: z.string().nullable(),
            }),
          ),
        },
      },
    },
    async (req) => {
      const items = await service.due(ctx, requireActor(req), req.query);
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/patrols',
    {
      schema: {
        tags: ['patrols'],
        summary: '记录一次巡查（逐项正常/有问题；可带 idempotencyKey）/ Record a patrol',
        body: z.object({
          kind: z.enum(PATROL_KINDS, { error: '巡查类型须为日巡查、月排查或季度联查' }),
          regionId: z.string({ error: '请选择巡查区域' }).min(1, { error: '请选择巡查区域' }).max(64),
          results: z
            .array(z.object({ code: z.string().max(20), ok: z.boolean(), note: z.string().trim().max(300).nullish() }), { error: '请逐项填写检查结果' })
            .max(60),
          note: z.string().trim().max(500).optional(),
          patrolledAt: instant.optional(),
          location: z.object({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) }).optional(),
          idempotencyKey: z.string().min(8).max(64).optional(),
        }),
        response: { 201: patrolItem },
      },
    },
    async (req, reply) => reply.code(201).send(await service.record(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/patrols',
    {
      schema: {
        tags: ['patrols'],
        summary: '巡查记录 / Patrol records',
        querystring: z.object({
          regionId: z.string().max(64).optional(),
          kind: z.enum(PATROL_KINDS).optional(),
          month: month.optional(),
          mine: z.enum(['true', 'false']).optional(),
          problems: z.enum(['true', 'false']).optional(),
          ...paging,
        }),
        response: { 200: listOf(patrolItem) },
      },
    },
    async (req) => service.list(ctx, requireActor(req), { ...req.query, mine: req.query.mine === 'true', problems: req.query.problems === 'true' }),
  );

  app.get(
    '/api/patrols/:id',
    {
      schema: { tags: ['patrols'], summary: '巡查记录详情 / A patrol', params: idParam, response: { 200: patrolItem } },
    },
    async (req) => service.detail(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/patrols/:id/items/:code/case',
    {
      schema: {
        tags: ['patrols'],
        summary: '问题项转为事件 / Turn a problem item into a case',
        params: z.object({ id: z.string().max(64), code: z.string().max(20) }),
        body: z.object({
          category: z.string({ error: '请选择事件类别' }).min(1, { error: '请选择事件类别' }).max(40),
          title: z.string().trim().max(60).optional(),
          priority: z.enum(['normal', 'major', 'difficult']).optional(),
        }),
      },
    },
    async (req, reply) => reply.code(201).send(await service.itemToCase(ctx, requireActor(req), req.params.id, req.params.code, req.body)),
  );
}
