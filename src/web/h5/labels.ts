// Words for case codes on the phone: the same words as the console's (src/web/shared), never a raw code.
import { caseWordsZhCN } from '../shared/case-words.zh-CN';
import type { CaseStatus } from '../console/api/cases';

const dict: Record<string, string> = caseWordsZhCN;
const word = (key: string, fallback: string) => dict[key] ?? fallback;

export const statusWord = (s: string) => word(`case.status.${s}`, '办理中');
export const actionWord = (a: string) => word(`case.action.${a}`, '办理');

/** Status tone: open work warm/blue, finished green, closed grey (always with the words beside it). */
export const STATUS_TONE: Record<CaseStatus, 'wait' | 'work' | 'done' | 'closed'> = {
  reported: 'wait',
  accepted: 'work',
  dispatched: 'work',
  in_progress: 'work',
  resolved: 'done',
  rated: 'done',
  archived: 'closed',
  rejected: 'closed',
  merged: 'closed',
};

export const RATING_WORDS = ['非常不满意', '不满意', '一般', '满意', '非常满意'] as const;

const pad = (n: number) => String(n);
/** 11月27日 (with the year when it is not this year). */
export function dayWord(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const md = `${pad(d.getMonth() + 1)}月${pad(d.getDate())}日`;
  return d.getFullYear() === now.getFullYear() ? md : `${d.getFullYear()}年${md}`;
}
/** 11月27日 09:30 */
export function timeWord(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return `${dayWord(iso, now)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
