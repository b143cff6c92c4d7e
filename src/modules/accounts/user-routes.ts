// 用户与角色管理 (admins): HTTP shapes only; rules live in user-rules.ts, use cases in user-service.ts.
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { idParam, listOf, paging } from '../../core/http.js';
import { ROLES, TOWNSHIP_UNITS } from '../../shared/roles.js';
import { requireActor } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './user-service.js';
import { MOBILE } from './user-rules.js';

const name = z.string({ error: '请填写姓名' }).trim().min(1, { error: '请填写姓名' }).max(30, { error: '姓名不能超过30个字' });
const password = z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(128, { error: '密码不能超过128位' });

const grantInput = z.object({
  role: z.enum(ROLES, { error: '未知的角色' }),
  regionId: z.string({ error: '请选择任职区域' }).min(1, { error: '请选择任职区域' }).max(64),
  householdId: z.string().min(1, { error: '请选择所属户' }).max(64).nullish(),
  unit: z.enum(TOWNSHIP_UNITS, { error: '未知的站所' }).nullish().describe('站所 of a township_staff role'),
});
const roles = z.array(grantInput, { error: '请选择角色' }).min(1, { error: '至少授予一个角色' }).max(20, { error: '角色不能超过20个' });

const userCreate = z.object({
  name,
  phone: z.string({ error: '请填写手机号' }).trim().regex(MOBILE, { error: '手机号应为11位手机号码' }),
  password,
  roles,
});
const userPatch = z.object({ name: name.optional(), active: z.boolean({ error: '启用状态须为是或否' }).optional() });
const userQuery = z.object({
  regionId: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(50, { error: '搜索内容过长' }).optional(),
  role: z.enum(ROLES, { error: '未知的角色' }).optional(),
  ...paging,
});

const userView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  active: z.boolean(),
  roles: z.array(
    z.object({
      id: z.string(),
      role: z.string(),
      regionId: z.string(),
      regionName: z.string(),
      regionLevel: z.string(),
      householdId: z.string().nullable(),
      unit: z.string().nullable(),
    }),
  ),
  createdAt: z.string(),
  editable: z.boolean(),
  lockedReason: z.enum(['outside', 'peer']).nullable().describe('outside: holds roles beyond your jurisdiction; peer: an administrator of your level or above'),
});
const roleView = z.object({ code: z.string(), zh: z.string(), en: z.string(), levels: z.array(z.string()), needsHousehold: z.boolean() });

export default function userRoutes(app: App, ctx: Ctx) {
  app.get(
    '/api/roles',
    {
      schema: { tags: ['users'], summary: '角色字典 / Role catalog', response: { 200: z.object({ items: z.array(roleView) }) } },
    },
    async (req) => {
      requireActor(req);
      return { items: service.roleCatalog() };
    },
  );

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: "用户列表（管理员，按辖区）/ Users in the caller's subtree",
        querystring: userQuery,
        response: { 200: listOf(userView) },
      },
    },
    async (req) => service.listUsers(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/users/:id',
    {
      schema: { tags: ['users'], summary: '用户详情 / One user', params: idParam, response: { 200: userView } },
    },
    async (req) => service.getUser(ctx, requireActor(req), req.params.id),
  );

  app.post(
    '/api/users',
    {
      schema: { tags: ['users'], summary: '新建用户并授予角色 / Create a user with roles', body: userCreate, response: { 201: userView } },
    },
    async (req, reply) => reply.code(201).send(await service.createUser(ctx, requireActor(req), req.body)),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: '修改姓名或启用/停用（停用即下线）/ Rename, activate or deactivate',
        params: idParam,
        body: userPatch,
        response: { 200: userView },
      },
    },
    async (req) => service.updateUser(ctx, requireActor(req), req.params.id, req.body),
  );

  app.put(
    '/api/users/:id/roles',
    {
      schema: { tags: ['users'], summary: "替换用户角色 / Replace a user's roles", params: idParam, body: z.object({ roles }), response: { 200: userView } },
    },
    async (req) => service.replaceRoles(ctx, requireActor(req), req.params.id, req.body.roles),
  );

  app.post(
    '/api/users/:id/reset-password',
    {
      schema: {
        tags: ['users'],
        summary: '重置密码（该用户所有会话下线）/ Reset a password and sign the user out',
        params: idParam,
        body: z.object({ password }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      await service.resetPassword(ctx, requireActor(req), req.sessionId, req.params.id, req.body.password);
      return { ok: true };
    },
  );
}
