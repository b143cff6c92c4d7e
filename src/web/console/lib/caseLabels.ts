// Words for case codes (status, action, type, priority, source, notification kind): never show a raw code.
import { useCallback, useMemo } from 'react';
import { useI18n, type MessageKey } from '../i18n';
import { zhCN } from '../i18n/zh-CN';
import type { CaseStatus } from '../api/cases';

const known = (key: string): key is MessageKey => key in zhCN;

export function useCaseLabels() {
  const { t } = useI18n();
  /** The dictionary's word for `prefix.code`, else the fallback (a server-provided Chinese name, or a generic word). */
  const word = useCallback(
    (prefix: string, code: string | null | undefined, fallback: string) => {
      const key = `${prefix}.${code ?? ''}`;
      return known(key) ? t(key) : fallback;
    },
    [t],
  );
  return useMemo(
    () => ({
      status: (s: string) => word('case.status', s, t('case.action.other')),
      action: (a: string) => word('case.action', a, t('case.action.other')),
      type: (x: string) => word('case.type', x, t('case.type.incident')),
      priority: (p: string) => word('case.priority', p, t('case.priority.normal')),
      source: (code: string, name?: string) => word('case.source', code, name || t('case.source.other_system')),
      level: (l: string) => word('level', l, ''),
      kind: (k: string) => word('inbox.kind', k, t('inbox.kind.other')),
    }),
    [word, t],
  );
}

/** Tag colours by status: open work in warm and blue tones, finished work green, closed grey. */
export const STATUS_COLOR: Record<CaseStatus, string> = {
  reported: 'orange',
  accepted: 'blue',
  dispatched: 'geekblue',
  in_progress: 'cyan',
  resolved: 'green',
  rated: 'green',
  archived: 'default',
  rejected: 'default',
  merged: 'default',
};

export const OPEN_STATUSES: CaseStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress'];
