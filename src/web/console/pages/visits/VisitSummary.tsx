// 走访计划概况: a calm row of figures (应访, 已访, 待访, 逾期, 完成率) for the region and month in view.
import { Button, Skeleton } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Progress } from '../../api/visits';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useVisitLabels } from '../../lib/visitLabels';

export function VisitSummary({ q, regionName }: { q: UseQueryResult<Progress>; regionName?: string }) {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const s = q.data?.totals;
  const title = t('visits.summary', { region: regionName ?? '', month: q.data ? label.month(q.data.month) : '' });

  if (q.isError && !s) {
    return (
      <div className="xz-case-stats xz-case-stats-error" role="alert">
        <span>{t('visits.summary.error')}</span>
        <Button
          size="small"
          type="link"
          onClick={() => {
            void q.refetch();
          }}
        >
          {t('common.retry')}
        </Button>
      </div>
    );
  }
  const figures = s
    ? [
        { key: 'total', label: t('visits.summary.total'), value: f.num(s.total) },
        { key: 'done', label: t('visits.summary.done'), value: f.num(s.done) },
        { key: 'due', label: t('visits.summary.due'), value: f.num(s.due) },
        { key: 'overdue', label: t('visits.summary.overdue'), value: f.num(s.overdue), tone: s.overdue ? 'danger' : undefined },
        {
          key: 'rate',
          label: t('visits.summary.rate'),
          value: s.rate == null ? <span className="xz-case-stats-none">{t('cases.stats.none')}</span> : f.percent(s.rate),
        },
      ]
    : [];
  return (
    <section className={q.isPlaceholderData ? 'xz-case-stats xz-case-stats-stale' : 'xz-case-stats'} aria-label={title} aria-busy={q.isFetching}>
      <div className="xz-case-stats-head xz-visit-summary-head">
        <div className="xz-case-stats-title" title={title}>
          {title}
        </div>
        <div className="xz-case-stats-caption">{t('visits.summary.caption')}</div>
      </div>
      {!s ? (
        <Skeleton active title={false} paragraph={{ rows: 1, width: '100%' }} className="xz-case-stats-skel" />
      ) : (
        <dl className="xz-case-stats-figures">
          {figures.map((x) => (
            <div key={x.key} className="xz-case-stats-item" data-stat={x.key}>
              <dt>{x.label}</dt>
              <dd className={x.tone ? `xz-case-stats-${x.tone}` : undefined}>{x.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
