import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../core/context.js';
import * as accounts from '../modules/accounts/service.js';
import type { App } from '../http/types.js';
import { SESSION_COOKIE } from '../http/actor.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The cookie authenticates only requests the console itself makes: never one
 * another site triggers (Sec-Fetch-Site), and a write only with a same-host Origin.
 * Bearer tokens are not sent by browsers on their own, so they need no such check.
 */
function cookieUsable(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return false;
  if (SAFE_METHODS.has(req.method)) return true;
  const origin = req.headers.origin;
  if (!origin) return site === 'same-origin';
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

function tokenOf(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h?.startsWith('Bearer ')) return h.slice(7).trim() || null;
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie && cookieUsable(req) ? cookie : null;
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
