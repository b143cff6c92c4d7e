// An API failure in plain Chinese (the server's messages are "中文 / English").
import { ApiError } from '../shared/api-client';

export function errorMessage(err: unknown, fallback = '操作没有成功，请稍后再试'): string {
  if (err instanceof ApiError) {
    if (err.code === 'NETWORK') return '网络不通，请检查信号后再试';
    const m = err.message ?? '';
    const zh = m.includes(' / ') ? m.slice(0, m.indexOf(' / ')) : m;
    if (zh && /[\u4e00-\u9fa5]/.test(zh)) return zh;
    if (err.status >= 500) return '服务器开小差了，请稍后再试';
  }
  return fallback;
}

/** Same-browser-session idempotency key: a retry of the same submission is not a second case. */
export const newKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/** The request never got an answer (no signal, the server unreachable): the record can wait on the phone instead. */
export const isNetworkError = (err: unknown) => err instanceof ApiError && err.code === 'NETWORK';
