import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import type { Actor, Ctx } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import type { App } from './types.js';

export const SESSION_COOKIE = 'xz_session';

function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

/** Resolves the caller once per request; routes call requireActor(). */
export function registerAuth(app: App, ctx: Ctx) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionId', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = tokenOf(req);
    if (!token) return;
    const found = await accounts.authenticate(ctx, token, req.ip);
    if (found) {
      req.actor = found.actor;
      req.sessionId = found.sessionId;
    }
  });
}

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED', '请先登录', 'Please sign in');
  return req.actor;
}
