import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { Table, Tooltip, type TableColumnsType } from 'antd';
import type { CaseItem } from '../../api/cases';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { Ellipsis } from '../../components/Ellipsis';
import { EmptyState } from '../../components/EmptyState';
import { StatusTag, Urgency } from './CaseTags';
import { useCaseLabels } from '../../lib/caseLabels';

export interface CaseTableProps {
  rows: CaseItem[]; total: number; page: number; pageSize: number; loading: boolean;
  /** The village the list is looking at, whose name need not repeat in every 地点. */
  placeWithin?: string;
  empty: { title: string; hint?: string; action?: ReactNode };
  onPage: (page: number, pageSize: number) => void;
}

export function CaseTable({ rows, total, page, pageSize, loading, placeWithin, empty, onPage }: CaseTableProps) {
  const t = useT();
  const f = useFormat();
  const label = useCaseLabels();
  const { search } = useLocation();
  const back = { listSearch: search };
  const dash = <span className="xz-muted">—</span>;
  const columns: TableColumnsType<CaseItem> = [
    {
      // The title with its 编号 underneath: the column people read first gets the room.
      title: `${t('cases.col.title')} / ${t('cases.col.seq')}`, dataIndex: 'title', ellipsis: { showTitle: false },
      render: (v: string, r) => (
        <div className="xz-case-cell">
          <Link to={`/cases/${r.id}`} state={back}><Ellipsis text={v} /></Link>
          <span className="xz-seq xz-muted">{r.seq}</span>
        </div>
      ),
    },
    {
      title: t('cases.col.category'), dataIndex: 'categoryName', width: 118, ellipsis: { showTitle: false },
      render: (v: string, r) => <Ellipsis text={`${label.type(r.type)} · ${v}`}>{v}</Ellipsis>,
    },
    {
      // Inside a village the village's own name says nothing: "一组网格" rather than "孟家湾村 / 一组网格" (the tooltip keeps it).
      title: t('cases.col.place'), dataIndex: 'regionName', width: 100, ellipsis: { showTitle: false },
      render: (v: string) => (v ? <Ellipsis text={v}>{placeWithin && v.startsWith(`${placeWithin} / `) ? v.slice(placeWithin.length + 3) : v}</Ellipsis> : dash),
    },
    { title: t('cases.col.status'), dataIndex: 'status', width: 84, render: (v: CaseItem['status']) => <StatusTag status={v} /> },
    { title: t('cases.col.card'), key: 'card', width: 146, render: (_: unknown, r) => <Urgency c={r} /> },
    {
      title: t('cases.col.level'), dataIndex: 'levelRegionName', width: 84, ellipsis: { showTitle: false },
      render: (v: string, r) => (v ? <Ellipsis text={`${v}（${label.level(r.levelRegionLevel)}）`}>{v}</Ellipsis> : dash),
    },
    { title: t('cases.col.assignee'), dataIndex: 'assigneeName', width: 76, ellipsis: { showTitle: false }, render: (v: string | null, c) => (v || c.assigneeUnit ? <Ellipsis text={v || c.assigneeUnit!} /> : dash) },
    {
      title: t('cases.col.reportedAt'), dataIndex: 'reportedAt', width: 100,
      render: (v: string) => <Tooltip title={f.dateTime(v)}><span style={{ whiteSpace: 'nowrap' }}>{f.dateShort(v)}</span></Tooltip>,
    },
  ];
  return (
    <Table<CaseItem>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      tableLayout="fixed"
      size="middle"
      scroll={{ x: 880 }}
      locale={{ emptyText: loading ? ' ' : <EmptyState title={empty.title} hint={empty.hint} action={empty.action} /> }}
      pagination={{
        current: page, pageSize, total, showSizeChanger: true, pageSizeOptions: [10, 20, 50, 100], showQuickJumper: total > pageSize * 5,
        showTotal: (n) => t('cases.total', { n: f.num(n) }), onChange: onPage, hideOnSinglePage: false,
      }}
    />
  );
}
