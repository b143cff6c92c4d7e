// Transactions that lock rows can lose a deadlock or a serialization check on PostgreSQL
// when many writers touch the same households at once. The store rolled the loser back,
// so running the whole transaction again is safe; after a few tries the caller is told
// to retry (409 CONFLICT_RETRY), never a 500.
import type { Ctx } from './context.js';
import { AppError } from './errors.js';
import { retryableConflict } from './db-errors.js';

export const RETRY_ATTEMPTS = 4;

export const conflictRetry = () =>
  new AppError('CONFLICT_RETRY', '与他人的操作同时发生冲突，请稍后重试', 'A concurrent change conflicted with this one; please retry');

/**
 * Runs `fn` (which opens its own transaction) and runs it again, after a short random pause,
 * while it fails with a deadlock or serialization failure; `attempts` runs in all, then
 * CONFLICT_RETRY. Any other error passes through at once.
 */
export async function withRetry<T>(_ctx: Pick<Ctx, 'kind'> | null, fn: () => Promise<T>, attempts = RETRY_ATTEMPTS): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (!retryableConflict(err)) throw err;
      if (i >= attempts) throw conflictRetry();
      // Jittered, growing pause, so the two losers of a deadlock do not meet again at once.
      await new Promise((r) => setTimeout(r, Math.random() * 20 * i));
    }
  }
}
