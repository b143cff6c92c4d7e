// Shared HTTP helpers: zod pieces reused by every module's routes.
import { z } from 'zod';

export const idParam = z.object({ id: z.string().min(1).max(64) });

export const paging = {
  page: z.coerce.number().int().min(1, { error: '页码须为正整数' }).default(1),
  pageSize: z.coerce.number().int().min(1).max(200, { error: '每页最多200条' }).default(20),
};

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export function listOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}
