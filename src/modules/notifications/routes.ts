import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { paging } from '../../core/http.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';

const item = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.string(),
  read: z.boolean(),
});

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: '我的消息 / My inbox',
        querystring: z.object({ unread: z.enum(['true', 'false']).optional(), ...paging }),
        response: { 200: z.object({ items: z.array(item), total: z.number(), unread: z.number() }) },
      },
    },
    async (req) => service.inbox(ctx, requireActor(req).userId, req.query.unread === 'true', req.query.page, req.query.pageSize),
  );

  app.post(
    '/api/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: '标记已读 / Mark read',
        body: z.object({ ids: z.array(z.string().max(64)).max(500).optional(), all: z.boolean().optional() }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      await service.markRead(ctx, requireActor(req).userId, req.body.all ? 'all' : (req.body.ids ?? []));
      return { ok: true };
    },
  );
}
