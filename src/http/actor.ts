import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import type { Actor } from '../core/context.js';

export const SESSION_COOKIE = 'xz_session';

/** The caller resolved by the server's auth hook; 401 when nobody signed in. */
export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('AUTH_REQUIRED', '请先登录', 'Please sign in');
  return req.actor;
}
