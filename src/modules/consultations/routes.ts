import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';

const agendaItem = z.object({
  caseId: z.string(),
  seq: z.string(),
  title: z.string(),
  categoryName: z.string(),
  regionName: z.string(),
  levelRegionName: z.string(),
  status: z.string(),
  card: z.enum(['yellow', 'red']).nullable(),
  escalations: z.number(),
  reportedAt: z.string(),
  dueAt: z.string().nullable(),
  decision: z.object({ text: z.string(), by: z.string(), at: z.string() }).nullable(),
});
const consultation = z.object({
  id: z.string(),
  regionId: z.string(),
  weekKey: z.string(),
  heldOn: z.string(),
  title: z.string(),
  attendees: z.string().nullable(),
  status: z.enum(['open', 'closed']),
  createdBy: z.string(),
  closedAt: z.string().nullable(),
  agenda: z.array(agendaItem),
});

export default function routes(app: App, ctx: Ctx) {
  app.post(
    '/api/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: "召开本周会商（议程由红牌和上报事件生成）/ Open this week's consultation",
        body: z.object({
          regionId: z.string().max(64).optional(),
          title: z.string().trim().max(60).optional(),
          attendees: z.string().trim().max(500).optional(),
        }),
        response: { 200: consultation },
      },
    },
    async (req) => service.open(ctx, requireActor(req), req.body),
  );

  app.get(
    '/api/consultations',
    {
      schema: {
        tags: ['consultations'],
        summary: '会商记录 / Consultations',
        querystring: z.object({ regionId: z.string().max(64).optional(), ...paging }),
        response: {
          200: listOf(
            z.object({
              id: z.string(),
              regionId: z.string(),
              weekKey: z.string(),
              heldOn: z.string(),
              title: z.string(),
              status: z.enum(['open', 'closed']),
              cases: z.number(),
              decided: z.number(),
            }),
          ),
        },
      },
    },
    async (req) => service.list(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/consultations/:id',
    {
      schema: { tags: ['consultations'], summary: '会商详情与议程 / A consultation with its agenda', params: idParam, response: { 200: consultation } },
    },
    async (req) => service.detail(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/consultations/:id/decisions',
    {
      schema: {
        tags: ['consultations'],
        summary: '记录会商决定（写入事件办理过程）/ Record the decision on an agenda case',
        params: idParam,
        body: z.object({
          caseId: z.string({ error: '请选择事件' }).min(1).max(64),
          decision: z.string({ error: '请填写会商决定' }).trim().min(1, { error: '请填写会商决定' }).max(1000, { error: '会商决定不能超过1000字' }),
        }),
        response: { 200: consultation },
      },
    },
    async (req) => service.decide(ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/consultations/:id/close',
    {
      schema: { tags: ['consultations'], summary: '结束会商 / Close the consultation', params: idParam, response: { 200: consultation } },
    },
    async (req) => service.close(ctx, requireActor(req), req.params.id),
  );
}
