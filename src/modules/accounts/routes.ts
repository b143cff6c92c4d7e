import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { requireActor, SESSION_COOKIE } from '../../http/actor.js';
import type { App } from '../../http/types.js';
import * as service from './service.js';
import { SESSION_MS } from './rules.js';

const roleView = z.object({
  role: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  placeName: z.string().describe("the region named from its village down, as people say it: '孟家湾村 / 一组网格'; a township or county by its own name"),
  regionLevel: z.string(),
  householdId: z.string().nullable(),
  unit: z.string().nullable(),
});
const meView = z.object({
  id: z.string(),
  name: z.string(),
  phone: z.string(),
  roles: z.array(roleView),
  abilities: z
    .record(z.string(), z.array(z.string()))
    .describe(
      'Region abilities the caller holds (household.create, award.propose, store.manage …), each with the ids of the regions where held: the console builds its menu and "new" buttons from them',
    ),
});

export default function routes(app: App, ctx: Ctx) {
  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: '登录 / Sign in with phone and password',
        body: z.object({
          phone: z.string().trim().min(1, { error: '请输入手机号' }).max(20),
          password: z.string().min(1, { error: '请输入密码' }).max(128),
        }),
        response: { 200: z.object({ token: z.string(), user: meView }) },
      },
    },
    async (req, reply) => {
      const out = await service.login(ctx, req.body.phone, req.body.password, req.ip);
      reply.setCookie(SESSION_COOKIE, out.token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        maxAge: SESSION_MS / 1000,
        secure: req.protocol === 'https',
      });
      return out;
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录 / Sign out', response: { 200: z.object({ ok: z.boolean() }) } } },
    async (req, reply) => {
      const actor = requireActor(req);
      await service.logout(ctx, actor, req.sessionId!);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: '修改密码 / Change password',
        body: z.object({
          oldPassword: z.string().min(1, { error: '请输入原密码' }).max(128),
          newPassword: z.string().min(1, { error: '请输入新密码' }).max(128),
        }),
        response: { 200: z.object({ ok: z.boolean() }) },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      await service.changePassword(ctx, actor, req.sessionId, req.body.oldPassword, req.body.newPassword);
      return { ok: true };
    },
  );

  app.get('/api/me', { schema: { tags: ['auth'], summary: '当前用户 / The signed-in user', response: { 200: meView } } }, async (req) => {
    return service.me(ctx, requireActor(req));
  });
}
