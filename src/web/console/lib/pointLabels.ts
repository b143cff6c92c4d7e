// Words and colours for points codes (award status, entry source, proposer, award event).
import { useCallback, useMemo } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { zhCN } from '../i18n/zh-CN';

const known = (key: string): key is MessageKey => key in zhCN;

export function usePointLabels() {
  const { t } = useI18n();
  const word = useCallback(
    (prefix: string, code: string | null | undefined) => {
      const key = `${prefix}.${code ?? ''}`;
      return known(key) ? t(key) : '—';
    },
    [t],
  );
  return useMemo(
    () => ({
      status: (s: string) => word('pts.status', s),
      source: (s: string) => word('pts.source', s),
      proposer: (p: string) => word('pts.proposer', p),
      event: (e: string) => word('pts.event', e),
      cap: (cap: number | null, period: string | null) =>
        cap == null ? t('pts.rule.cap.none') : t(period === 'month' ? 'pts.rule.cap.month' : 'pts.rule.cap.year', { n: cap }),
    }),
    [word, t],
  );
}

export const AWARD_COLOR: Record<string, string> = { pending: 'orange', publicized: 'blue', effective: 'green', rejected: 'default' };

/** A signed point value in green (earned) or red (deducted, spent), with its sign and the unit. */
export function signed(n: number) {
  return `${n > 0 ? '+' : ''}${n.toLocaleString('zh-CN')}`;
}
