// 事件概况: a calm row of figures for the region chosen in the tree (or the whole jurisdiction) above the case list.
import type { ReactNode } from 'react';
import { Button, Skeleton, Tooltip } from 'antd';
import { QuestionCircleOutlined, StarFilled } from '@ant-design/icons';
import { useCaseStats, type CaseStatus } from '../../api/cases';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { OPEN_STATUSES } from '../../lib/caseLabels';

interface Figure {
  key: string;
  label: ReactNode;
  value: ReactNode;
  tone?: 'danger' | 'warning';
  hint?: string;
}

export function CaseStatsStrip({ regionId, regionName }: { regionId?: string; regionName?: string }) {
  const t = useT();
  const f = useFormat();
  const q = useCaseStats(regionId);
  const s = q.data;
  const title = t('cases.stats', { region: regionName ?? '' });

  if (q.isError && !s) {
    return (
      <div className="xz-case-stats xz-case-stats-error" role="alert">
        <span>{t('cases.stats.error')}</span>
        <Button
          size="small"
          type="link"
          onClick={() => {
            void q.refetch();
          }}
        >
          {t('cases.stats.retry')}
        </Button>
      </div>
    );
  }

  const open = s?.byStatus.filter((b) => OPEN_STATUSES.includes(b.status as CaseStatus)).reduce((n, b) => n + b.n, 0) ?? 0;
  const none = <span className="xz-case-stats-none">{t('cases.stats.none')}</span>;
  const figures: Figure[] = s
    ? [
        { key: 'total', label: t('cases.stats.total'), value: f.num(s.total) },
        { key: 'open', label: t('cases.stats.open'), value: f.num(open) },
        { key: 'overdue', label: t('cases.stats.overdue'), value: f.num(s.overdue), tone: s.overdue ? 'danger' : undefined },
        { key: 'resolved', label: t('cases.stats.resolved'), value: f.num(s.resolved) },
        {
          key: 'villageRate',
          label: (
            <>
              {t('cases.stats.villageRate')}
              <Tooltip title={t('cases.stats.villageRate.tip')}>
                <button type="button" className="xz-case-stats-help" aria-label={t('cases.stats.villageRate.help')}>
                  <QuestionCircleOutlined aria-hidden />
                </button>
              </Tooltip>
            </>
          ),
          value: s.villageRate == null ? none : f.percent(s.villageRate),
        },
        {
          key: 'avgRating',
          label: t('cases.stats.avgRating'),
          value:
            s.avgRating == null ? (
              none
            ) : (
              <span className="xz-case-stats-rating" title={t('cases.stats.avgRating.value', { n: s.avgRating.toFixed(1) })}>
                {s.avgRating.toFixed(1)}
                <StarFilled aria-hidden className="xz-case-stats-star" />
              </span>
            ),
        },
        {
          key: 'lowRatings',
          label: t('cases.stats.lowRatings'),
          value: f.num(s.lowRatings),
          tone: s.lowRatings ? 'warning' : undefined,
          hint: t('cases.stats.lowRatings.tip'),
        },
      ]
    : [];

  return (
    <section className={q.isPlaceholderData ? 'xz-case-stats xz-case-stats-stale' : 'xz-case-stats'} aria-label={title} aria-busy={q.isFetching}>
      <div className="xz-case-stats-head">
        <div className="xz-case-stats-title">{title}</div>
        <div className="xz-case-stats-caption">{t('cases.stats.caption')}</div>
      </div>
      {!s ? (
        <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} className="xz-case-stats-skel" />
      ) : (
        <dl className="xz-case-stats-figures">
          {figures.map((x) => (
            <div key={x.key} className="xz-case-stats-item" data-stat={x.key}>
              <dt title={x.hint}>{x.label}</dt>
              <dd className={x.tone ? `xz-case-stats-${x.tone}` : undefined}>{x.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
