// The month's plan item by item: who to visit, where, why, by when, and — once done — when and by whom.
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Table, type TableColumnsType } from 'antd';
import type { PlanItem } from '../../api/visits';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Ellipsis } from '../../components/Ellipsis';
import { EmptyState } from '../../components/EmptyState';
import { useVisitLabels } from '../../lib/visitLabels';
import { PlanStatus, ReasonTags } from './parts';
import { listPagination } from '../../components/pagination';

export function PlanTable({
  rows,
  total,
  page,
  pageSize,
  loading,
  place,
  wideGrid,
  empty,
  onPage,
}: {
  rows: PlanItem[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  /** Grid labels carry their village (above village level): give them room. */
  wideGrid: boolean;
  /** The grid's label in this view ("孟家湾村 / 一组网格" above village level, "一组网格" inside one). */
  place: (regionId: string, name: string) => string;
  empty: { title: string; hint?: string; action?: ReactNode };
  onPage: (page: number, pageSize: number) => void;
}) {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const dash = <span className="xz-muted">—</span>;
  const columns: TableColumnsType<PlanItem> = [
    {
      // Who is visited (the tagged resident, or the whole household) over the household's address, which opens its file.
      title: t('visits.col.person'),
      key: 'person',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => {
        const subject =
          r.residentId == null ? (
            <>
              {r.headName ?? '—'}
              <span className="xz-muted">{t('visits.wholeHouseholdSuffix')}</span>
            </>
          ) : (
            <>
              {r.residentName ?? r.headName ?? '—'}
              {r.residentName && r.headName && r.residentName !== r.headName && (
                <span className="xz-muted">{t('visits.headSuffix', { name: r.headName })}</span>
              )}
            </>
          );
        return (
          <div className="xz-two-lines">
            <span className="xz-cell-ellipsis">{subject}</span>
            <Link to={`/registry/households/${r.householdId}`} className="xz-small">
              <Ellipsis text={r.address} />
            </Link>
          </div>
        );
      },
    },
    {
      title: t('visits.col.grid'),
      dataIndex: 'regionName',
      width: wideGrid ? 160 : 100,
      ellipsis: { showTitle: false },
      render: (v: string, r) => <Ellipsis text={place(r.regionId, v)} />,
    },
    { title: t('visits.col.reasons'), dataIndex: 'reasons', width: 170, render: (v: string[]) => <ReasonTags reasons={v} /> },
    {
      title: t('visits.col.period'),
      key: 'period',
      width: 96,
      render: (_: unknown, r) => {
        const detail = label.period(r);
        return (
          <div className="xz-two-lines">
            <span>{label.frequency(r.frequency)}</span>
            {detail && <span className="xz-muted xz-small">{detail}</span>}
          </div>
        );
      },
    },
    { title: t('visits.col.status'), key: 'status', width: 140, render: (_: unknown, r) => <PlanStatus item={r} /> },
    {
      title: t('visits.col.visited'),
      key: 'visited',
      width: 132,
      render: (_: unknown, r) =>
        r.visitId ? (
          <div className="xz-two-lines">
            <Link to={`/visits/log?open=${r.visitId}`} aria-label={t('visits.openVisit', { date: f.date(r.visitDate), name: r.headName ?? r.address })}>
              {f.dateShort(r.visitDate)}
            </Link>
            <span className="xz-muted xz-small">{r.visitorName || '—'}</span>
          </div>
        ) : (
          dash
        ),
    },
  ];
  return (
    <Table<PlanItem>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      tableLayout="fixed"
      size="middle"
      scroll={{ x: 880 }}
      locale={{ emptyText: loading ? ' ' : <EmptyState title={empty.title} hint={empty.hint} action={empty.action} /> }}
      pagination={listPagination({ page, pageSize, total, totalText: (n) => t('visits.totalItems', { n: f.num(n) }), onChange: onPage })}
    />
  );
}
