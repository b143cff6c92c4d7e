// Words for visit and patrol codes (frequency, period, method, plan status, patrol kind): never a raw code on screen.
import { useMemo } from 'react';
import dayjs from 'dayjs';
import { useI18n, type MessageKey } from '../i18n';
import { zhCN } from '../i18n/zh-CN';

const known = (key: string): key is MessageKey => key in zhCN;

export function useVisitLabels() {
  const { t, locale } = useI18n();
  return useMemo(() => {
    const word = (prefix: string, code: string, fallback: string) => (known(`${prefix}.${code}`) ? t(`${prefix}.${code}` as MessageKey) : fallback);
    const day = (d: string) => dayjs(d).format(locale === 'zh-CN' ? 'M月D日' : 'MMM D');
    return {
      frequency: (f: string) => word('visits.frequency', f, f),
      method: (m: string) => word('visits.method', m, t('visits.method.other')),
      status: (s: string) => word('visits.status', s, s),
      kind: (k: string) => word('patrols.kind', k, k),
      dueStatus: (s: string) => word('patrols.due', s, s),
      day,
      /** The month as people write it: 2026年11月. */
      month: (m: string) => dayjs(`${m}-01`).format(locale === 'zh-CN' ? 'YYYY年M月' : 'MMMM YYYY'),
      /** What a period is beside its frequency: a week's days, a quarter's number; a month needs nothing more. */
      period: (p: { frequency: string; periodKey: string; periodStart: string; periodEnd: string }) => {
        if (p.frequency === 'weekly') return `${day(p.periodStart)}–${day(p.periodEnd)}`;
        if (p.frequency === 'quarterly') {
          const q = Number(p.periodKey.slice(-1));
          return t('visits.period.quarter', { y: p.periodKey.slice(0, 4), q: locale === 'zh-CN' ? ('一二三四'[q - 1] ?? String(q)) : q });
        }
        return '';
      },
      /** A patrol period in words: today, the 1st–14th / 15th–end half of a month, a quarter. */
      patrolPeriod: (kind: string, periodKey: string, periodEnd: string) => {
        if (kind === 'daily') return day(periodKey);
        if (kind === 'fortnightly') return `${day(periodKey)}–${day(periodEnd)}`;
        const q = Number(periodKey.slice(-1));
        return t('visits.period.quarter', { y: periodKey.slice(0, 4), q: locale === 'zh-CN' ? ('一二三四'[q - 1] ?? String(q)) : q });
      },
    };
  }, [t, locale]);
}

/** Plan status colours: due blue, overdue red, done green — always with the word. */
export const PLAN_STATUS_COLOR: Record<string, string> = { due: 'blue', overdue: 'red', done: 'green' };
export const PATROL_KIND_COLOR: Record<string, string> = { daily: 'blue', fortnightly: 'purple', quarterly: 'cyan' };
