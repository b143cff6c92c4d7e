import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam } from '../../core/http.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';
import { LEVELS } from './rules.js';

const regionView = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  hasChildren: z.boolean(),
});
const regionDetail = regionView.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), level: z.string(), visible: z.boolean() })),
});

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: "下级区域；不带 parentId 时为本人管辖的根 / Children of a region, or the caller's roots",
        querystring: z.object({ parentId: z.string().min(1).max(64).optional(), q: z.string().trim().max(50).optional() }),
        response: { 200: z.object({ items: z.array(regionView), total: z.number() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const items = req.query.q ? await service.search(ctx, actor, req.query.q) : await service.children(ctx, actor, req.query.parentId);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/regions/:id',
    {
      schema: { tags: ['regions'], summary: '区域详情 / One region', params: idParam, response: { 200: regionDetail } },
    },
    async (req) => service.detail(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/regions',
    {
      schema: {
        tags: ['regions'],
        summary: '新建区域（管理员）/ Add a region',
        body: z.object({
          parentId: z.string().min(1, { error: '请选择上级区域' }).max(64),
          level: z.enum(LEVELS, { error: '层级须为区县、乡镇、村或网格' }),
          name: z.string().trim().min(1, { error: '请填写名称' }).max(50, { error: '名称不能超过50个字' }),
          code: z.string().trim().max(20).nullish(),
        }),
        response: { 201: regionView },
      },
    },
    async (req, reply) => reply.code(201).send(await service.create(ctx, requireActor(req), req.body)),
  );

  app.patch(
    '/api/regions/:id',
    {
      schema: {
        tags: ['regions'],
        summary: '修改区域名称或代码（管理员）/ Rename a region',
        params: idParam,
        body: z.object({ name: z.string().trim().min(1).max(50).optional(), code: z.string().trim().max(20).nullish() }),
        response: { 200: regionDetail },
      },
    },
    async (req) => service.rename(ctx, requireActor(req), req.params.id, req.body),
  );
}
