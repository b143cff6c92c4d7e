import type { FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';

/** True when a string anywhere inside `v` holds a NUL, which no store accepts as text. */
function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\u0000');
  if (depth > 20 || v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some((x) => hasNul(x, depth + 1));
  return Object.entries(v as Record<string, unknown>).some(([k, x]) => k.includes('\u0000') || hasNul(x, depth + 1));
}

/** Runs before validation on every route: control characters never reach SQL. */
export async function rejectNul(req: FastifyRequest) {
  if (req.url.includes('%00') || req.url.includes('\u0000') || hasNul(req.body))
    throw new AppError('VALIDATION_FAILED', '输入中含有不允许的控制字符', 'Input contains a NUL character');
}
