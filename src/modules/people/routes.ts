import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf } from '../../core/http.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';
import * as s from './schemas.js';
import { RESIDENT_TAGS } from '../../shared/tags.js';
import { RELATIONS } from './rules.js';

export default function routes(app: App, ctx: Ctx) {
  app.get(
    '/api/tags',
    {
      schema: {
        tags: ['registry'],
        summary: '人员标签与关系字典 / Tags and relations',
        response: { 200: z.object({ tags: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })), relations: z.array(z.string()) }) },
      },
    },
    async (req) => {
      requireActor(req);
      return { tags: RESIDENT_TAGS.map((t) => ({ ...t })), relations: [...RELATIONS] };
    },
  );

  app.get(
    '/api/households',
    {
      schema: {
        tags: ['registry'],
        summary: '户列表（按辖区）/ Households in scope',
        querystring: s.householdQuery,
        response: { 200: listOf(s.householdSummary) },
      },
    },
    async (req) => service.listHouseholds(ctx, requireActor(req), req.query),
  );

  app.post(
    '/api/households',
    {
      schema: { tags: ['registry'], summary: '新建户 / Register a household', body: s.householdCreate, response: { 201: s.householdDetail } },
    },
    async (req, reply) => reply.code(201).send(await service.createHousehold(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/households/:id',
    {
      schema: { tags: ['registry'], summary: '户详情及成员 / Household with residents', params: idParam, response: { 200: s.householdDetail } },
    },
    async (req) => service.householdDetail(ctx, requireActor(req), req.params.id),
  );

  app.patch(
    '/api/households/:id',
    {
      schema: { tags: ['registry'], summary: '修改户信息 / Edit a household', params: idParam, body: s.householdPatch, response: { 200: s.householdDetail } },
    },
    async (req) => service.updateHousehold(ctx, requireActor(req), req.params.id, req.body),
  );

  app.get(
    '/api/households/:id/party-member-candidates',
    {
      schema: {
        tags: ['registry'],
        summary: '可联系该户的本村党员 / Party members of the village who may serve this household',
        params: idParam,
        response: {
          200: z.object({ items: z.array(z.object({ userId: z.string(), name: z.string(), phone: z.string(), linked: z.boolean() })), total: z.number() }),
        },
      },
    },
    async (req) => {
      const items = await service.partyMemberCandidates(ctx, requireActor(req), req.params.id);
      return { items, total: items.length };
    },
  );

  app.put(
    '/api/households/:id/party-members/:userId',
    {
      schema: {
        tags: ['registry'],
        summary: '党员联户 / Link a party member',
        params: z.object({ id: z.string().max(64), userId: z.string().max(64) }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      await service.linkPartyMember(ctx, requireActor(req), req.params.userId, req.params.id, true);
      return { ok: true };
    },
  );

  app.delete(
    '/api/households/:id/party-members/:userId',
    {
      schema: {
        tags: ['registry'],
        summary: '取消党员联户 / Unlink a party member',
        params: z.object({ id: z.string().max(64), userId: z.string().max(64) }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      await service.linkPartyMember(ctx, requireActor(req), req.params.userId, req.params.id, false);
      return { ok: true };
    },
  );

  app.post(
    '/api/residents',
    {
      schema: { tags: ['registry'], summary: '新增居民 / Add a resident', body: s.residentCreate, response: { 201: s.residentView } },
    },
    async (req, reply) => reply.code(201).send(await service.createResident(ctx, requireActor(req), req.body)),
  );

  app.get(
    '/api/residents/:id',
    {
      schema: {
        tags: ['registry'],
        summary: '居民详情；reveal=idNumber 显示完整身份证号（审计）/ One resident',
        params: idParam,
        querystring: z.object({ reveal: z.enum(['idNumber']).optional() }),
        response: { 200: s.residentView },
      },
    },
    async (req) => service.residentDetail(ctx, requireActor(req), req.params.id, req.query.reveal === 'idNumber'),
  );

  app.patch(
    '/api/residents/:id',
    {
      schema: { tags: ['registry'], summary: '修改居民信息 / Edit a resident', params: idParam, body: s.residentPatch, response: { 200: s.residentView } },
    },
    async (req) => service.updateResident(ctx, requireActor(req), req.params.id, req.body),
  );
}
