import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import { readFiles } from '../../http/uploads.js';
import { sendStoredFile } from '../../http/downloads.js';
import { MAX_BYTES } from '../attachments/service.js';
import * as service from './service.js';
import { MAX_QUANTITY, REDEMPTION_STATUSES } from './rules.js';

const item = z.object({
  id: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  merchant: z.string().nullable(),
  cost: z.number(),
  stock: z.number(),
  active: z.boolean(),
  sortOrder: z.number(),
  photoId: z.string().nullable(),
  updatedAt: z.string(),
  abilities: z.array(z.string()).describe('What the caller may do to the item (item.update …)'),
});
const redemption = z.object({
  id: z.string(),
  householdId: z.string(),
  householdName: z.string(),
  placeName: z.string().describe("the household's place from its village down: 孟家湾村 / 一组网格"),
  itemId: z.string(),
  itemName: z.string(),
  quantity: z.number(),
  unitCost: z.number(),
  totalCost: z.number(),
  code: z.string(),
  status: z.enum(REDEMPTION_STATUSES),
  requestedBy: z.string(),
  requestedByName: z.string().nullable(),
  createdAt: z.string(),
  fulfilledAt: z.string().nullable(),
  fulfilledByName: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelledByName: z.string().nullable(),
  cancelReason: z.string().nullable(),
  abilities: z.array(z.string()).describe('What the caller may do to the redemption (redemption.fulfil, redemption.cancel …)'),
});
const itemFields = {
  name: z.string({ error: '请填写商品名称' }).trim().min(1, { error: '请填写商品名称' }).max(40, { error: '商品名称最多40字' }),
  cost: z.number({ error: '请填写所需积分' }).int({ error: '所需积分须为整数' }).min(1, { error: '所需积分至少为1' }).max(100_000),
  merchant: z.string().trim().max(40).nullish(),
  description: z.string().trim().max(300).nullish(),
  sortOrder: z.number().int().min(0).max(9999).optional(),
};

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/store/items',
    {
      schema: {
        tags: ['store'],
        summary: '追梦超市商品（本村及上级）/ Store items offered in a region',
        querystring: z.object({ regionId: z.string({ error: '请选择村' }).min(1).max(64), includeInactive: z.enum(['true', 'false']).optional() }),
        response: { 200: listOf(item) },
      },
    },
    async (req) => {
      const items = await service.listItems(ctx, requireActor(req), req.query.regionId, req.query.includeInactive === 'true');
      return { items, total: items.length };
    },
  );

  app.post(
    '/api/store/items',
    {
      schema: {
        tags: ['store'],
        summary: '上架商品（村两委、乡镇）/ Add a store item',
        body: z.object({
          regionId: z.string({ error: '请选择村' }).min(1).max(64),
          stock: z.number({ error: '请填写库存' }).int({ error: '库存须为整数' }).min(0, { error: '库存不能为负' }).max(1_000_000),
          ...itemFields,
        }),
        response: { 201: item },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createItem(ctx, requireActor(req), req.body)),
  );

  app.patch(
    '/api/store/items/:id',
    {
      schema: {
        tags: ['store'],
        summary: '修改、上下架商品 / Edit an item',
        params: idParam,
        body: z.object({ ...itemFields, active: z.boolean() }).partial(),
        response: { 200: item },
      },
    },
    async (req) => service.updateItem(ctx, requireActor(req), req.params.id, req.body),
  );

  app.post(
    '/api/store/items/:id/stock',
    {
      schema: {
        tags: ['store'],
        summary: '入库或盘点调整（可带 idempotencyKey）/ Restock or adjust',
        params: idParam,
        body: z.object({
          delta: z.number({ error: '请填写数量' }).int({ error: '数量须为整数' }).min(-100_000).max(100_000),
          note: z.string().trim().max(100).optional(),
          idempotencyKey: z.string().min(8).max(64).optional(),
        }),
        response: { 200: item },
      },
    },
    async (req) => service.adjustStock(ctx, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/store/items/:id/moves',
    {
      schema: {
        tags: ['store'],
        summary: '库存流水 / Stock moves',
        params: idParam,
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), delta: z.number(), reason: z.string(), note: z.string().nullable(), byName: z.string().nullable(), at: z.string() }),
            ),
          }),
        },
      },
    },
    async (req) => ({ items: await service.stockMoves(ctx, requireActor(req), req.params.id) }),
  );

  app.post(
    '/api/store/items/:id/photo',
    {
      schema: {
        tags: ['store'],
        consumes: ['multipart/form-data'],
        params: idParam,
        summary: '上传商品图片 / Item photo',
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req);
      const files = await readFiles(req, 1, MAX_BYTES);
      const [stored] = await service.attachPhoto(ctx, actor, req.params.id, files);
      return reply.code(201).send({ id: stored.id });
    },
  );

  app.get(
    '/api/store/items/:id/photo/:attachmentId',
    {
      schema: { tags: ['store'], summary: '商品图片 / Item photo', params: z.object({ id: z.string().max(64), attachmentId: z.string().max(64) }) },
    },
    async (req, reply) => {
      return sendStoredFile(reply, await service.openPhoto(ctx, requireActor(req), req.params.id, req.params.attachmentId), 'photo');
    },
  );

  app.post(
    '/api/store/redemptions',
    {
      schema: {
        tags: ['store'],
        summary: '兑换商品（本户村民，或村干部在柜台代兑；须带 idempotencyKey）/ Redeem an item',
        body: z.object({
          householdId: z.string({ error: '请选择户' }).min(1).max(64),
          itemId: z.string({ error: '请选择商品' }).min(1).max(64),
          quantity: z
            .number({ error: '请填写数量' })
            .int({ error: '数量须为整数' })
            .min(1, { error: '数量至少为1' })
            .max(MAX_QUANTITY, { error: `一次最多兑换${MAX_QUANTITY}件` }),
          idempotencyKey: z.string({ error: '缺少请求标识 idempotencyKey' }).min(8).max(64),
        }),
        response: { 201: redemption },
      },
    },
    async (req, reply) => reply.code(201).send(await service.redeem(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/store/redemptions',
    {
      schema: {
        tags: ['store'],
        summary: '兑换记录（超市管理：按区域；村民：本户）/ Redemptions',
        querystring: z.object({
          regionId: z.string().max(64).optional(),
          householdId: z.string().max(64).optional(),
          itemId: z.string().max(64).optional(),
          status: z.enum(REDEMPTION_STATUSES).optional(),
          ...paging,
        }),
        response: { 200: listOf(redemption) },
      },
    },
    async (req) => service.listRedemptions(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/store/redemptions/by-code/:code',
    {
      schema: {
        tags: ['store'],
        summary: '柜台按兑换码查询 / Look a pick-up code up',
        params: z.object({ code: z.string().max(20) }),
        response: { 200: redemption },
      },
    },
    async (req) => service.byCode(ctx, requireActor(req), req.params.code),
  );

  app.get(
    '/api/store/redemptions/:id',
    {
      schema: { tags: ['store'], summary: '兑换详情 / A redemption', params: idParam, response: { 200: redemption } },
    },
    async (req) => service.redemptionDetail(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/store/redemptions/fulfil',
    {
      schema: {
        tags: ['store'],
        summary: '核销兑换码（柜台）/ Hand the goods over against the code',
        body: z.object({ code: z.string({ error: '请输入兑换码' }).trim().min(1, { error: '请输入兑换码' }).max(20) }),
        response: { 200: redemption },
      },
    },
    async (req) => service.fulfil(ctx, requireActor(req), req.body.code),
  );

  app.post(
    '/api/store/redemptions/:id/cancel',
    {
      schema: {
        tags: ['store'],
        summary: '取消兑换（积分退回、库存恢复）/ Cancel a redemption',
        params: idParam,
        body: z.object({ reason: z.string().trim().max(200).optional() }).optional(),
        response: { 200: redemption },
      },
    },
    async (req) => service.cancel(ctx, requireActor(req), req.params.id, req.body?.reason),
  );
}
