// 完成情况: the month's plan by grid (with its grid workers) and the visits each person recorded — a record of the
// work done, in the order the grids sit in the tree and people's names. Deliberately not a ranking (PRODUCT.md,
// "Against formalism": no ranking of cadres by activity): no rank numbers, no sorting by counts.
import { Progress as Bar, Table, type TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Progress } from '../../api/visits';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Ellipsis } from '../../components/Ellipsis';
import { EmptyState } from '../../components/EmptyState';

type GridRow = Progress['byGrid'][number];
type PersonRow = Progress['byVisitor'][number];

export function VisitProgressPanel({ q, place }: { q: UseQueryResult<Progress>; place: (regionId: string, name: string) => string }) {
  const t = useT();
  const f = useFormat();
  const loading = q.isPending || q.isPlaceholderData;
  const num = (v: number) => f.num(v);
  const gridColumns: TableColumnsType<GridRow> = [
    {
      title: t('visits.col.grid'),
      dataIndex: 'regionName',
      ellipsis: { showTitle: false },
      render: (v: string, r) => <Ellipsis text={place(r.regionId, v)} />,
    },
    {
      title: t('visits.progress.workers'),
      dataIndex: 'workers',
      width: 160,
      ellipsis: { showTitle: false },
      render: (v: string[]) => (v.length ? <Ellipsis text={v.join('、')} /> : <span className="xz-muted">{t('visits.progress.noWorker')}</span>),
    },
    { title: t('visits.summary.total'), dataIndex: 'total', width: 80, align: 'right', render: num },
    { title: t('visits.summary.done'), dataIndex: 'done', width: 80, align: 'right', render: num },
    { title: t('visits.summary.due'), dataIndex: 'due', width: 80, align: 'right', render: num },
    {
      title: t('visits.summary.overdue'),
      dataIndex: 'overdue',
      width: 80,
      align: 'right',
      render: (v: number) => (v ? <span className="xz-danger-text">{f.num(v)}</span> : num(v)),
    },
    {
      title: t('visits.summary.rate'),
      dataIndex: 'rate',
      width: 200,
      render: (v: number | null, r) =>
        v == null ? (
          <span className="xz-muted">{t('cases.stats.none')}</span>
        ) : (
          <div className="xz-rate-bar">
            <Bar
              percent={Math.round(v * 1000) / 10}
              showInfo={false}
              size="small"
              strokeColor="#1659c7"
              aria-label={t('visits.progress.rateOf', { name: r.regionName, rate: f.percent(v) })}
            />
            <span className="xz-rate-text">{f.percent(v)}</span>
          </div>
        ),
    },
  ];
  const personColumns: TableColumnsType<PersonRow> = [
    { title: t('visits.progress.name'), dataIndex: 'name', render: (v: string) => v || '—' },
    { title: t('visits.progress.visits'), dataIndex: 'visits', width: 140, align: 'right', render: num },
    { title: t('visits.progress.planDone'), dataIndex: 'planDone', width: 140, align: 'right', render: num },
  ];
  return (
    <div className="xz-progress">
      <section aria-labelledby="xz-progress-grid">
        <div className="xz-table-toolbar">
          <div className="xz-table-toolbar-title">
            <span id="xz-progress-grid">{t('visits.progress.byGrid')}</span>
            <span className="xz-total">{t('visits.progress.byGrid.caption')}</span>
          </div>
        </div>
        <Table<GridRow>
          rowKey="regionId"
          columns={gridColumns}
          dataSource={q.data?.byGrid ?? []}
          loading={loading}
          tableLayout="fixed"
          size="middle"
          scroll={{ x: 860 }}
          pagination={
            (q.data?.byGrid.length ?? 0) > 50
              ? { pageSize: 50, showSizeChanger: false, showTotal: (n) => t('visits.progress.gridTotal', { n: f.num(n) }) }
              : false
          }
          locale={{ emptyText: loading ? ' ' : <EmptyState title={t('visits.progress.byGrid.empty')} hint={t('visits.empty.all.hint')} /> }}
        />
      </section>
      <section aria-labelledby="xz-progress-person">
        <div className="xz-table-toolbar">
          <div className="xz-table-toolbar-title">
            <span id="xz-progress-person">{t('visits.progress.byPerson')}</span>
            <span className="xz-total">{t('visits.progress.byPerson.caption')}</span>
          </div>
        </div>
        <Table<PersonRow>
          rowKey="userId"
          columns={personColumns}
          dataSource={q.data?.byVisitor ?? []}
          loading={loading}
          tableLayout="fixed"
          size="middle"
          pagination={(q.data?.byVisitor.length ?? 0) > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          style={{ maxWidth: 640 }}
          locale={{ emptyText: loading ? ' ' : <EmptyState title={t('visits.progress.byPerson.empty')} hint={t('visits.progress.byPerson.emptyHint')} /> }}
        />
      </section>
    </div>
  );
}
