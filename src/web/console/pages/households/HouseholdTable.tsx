import { Link, useLocation } from 'react-router-dom';
import { Button, Space, Table, type TableColumnsType } from 'antd';
import type { HouseholdSummary } from '../../api/households';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n';
import { Ellipsis } from '../../components/Ellipsis';
import { TagList } from '../../components/TagList';
import { EmptyState } from '../../components/EmptyState';
import { listPagination } from '../../components/pagination';

export interface HouseholdTableProps {
  rows: HouseholdSummary[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  filtered: boolean;
  canEdit: boolean;
  onPage: (page: number, pageSize: number) => void;
  onEdit: (id: string) => void;
  emptyAction?: React.ReactNode;
}

export function HouseholdTable({ rows, total, page, pageSize, loading, filtered, canEdit, onPage, onEdit, emptyAction }: HouseholdTableProps) {
  const t = useT();
  const f = useFormat();
  const { search } = useLocation();
  const back = { listSearch: search };
  const columns: TableColumnsType<HouseholdSummary> = [
    {
      title: t('households.col.address'),
      dataIndex: 'address',
      ellipsis: { showTitle: false },
      render: (v: string, r) => (
        <Link to={`/registry/households/${r.id}`} state={back}>
          <Ellipsis text={v} />
        </Link>
      ),
    },
    {
      title: t('households.col.head'),
      dataIndex: 'headName',
      width: 84,
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Ellipsis text={v} /> : <span className="xz-muted">—</span>),
    },
    { title: t('households.col.count'), dataIndex: 'residentCount', width: 64, align: 'right', render: (v: number) => t('households.people', { n: f.num(v) }) },
    {
      title: t('households.col.place'),
      key: 'place',
      width: 156,
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => {
        const s = [r.villageName, r.gridName].filter(Boolean).join(' / ') || r.regionName;
        return <Ellipsis text={s} />;
      },
    },
    { title: t('households.col.phone'), dataIndex: 'phone', width: 120, render: (v: string | null) => v ?? <span className="xz-muted">—</span> },
    { title: t('households.col.tags'), dataIndex: 'tags', width: 164, render: (v: string[]) => <TagList tags={v} maxChars={8} nowrap /> },
    {
      title: t('households.col.actions'),
      key: 'actions',
      width: canEdit ? 112 : 72,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Space size={12} style={{ whiteSpace: 'nowrap' }}>
          <Link to={`/registry/households/${r.id}`} state={back} aria-label={`${t('common.view')} ${r.address}`}>
            {t('common.view')}
          </Link>
          {canEdit && r.abilities.includes('household.update') && (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, height: 'auto' }}
              onClick={() => onEdit(r.id)}
              aria-label={`${t('common.edit')} ${r.address}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Table<HouseholdSummary>
      rowKey="id"
      columns={columns}
      dataSource={rows}
      loading={loading}
      tableLayout="fixed"
      size="middle"
      scroll={{ x: 860 }}
      locale={{
        emptyText: loading ? (
          ' '
        ) : filtered ? (
          <EmptyState title={t('households.empty.filtered')} hint={t('households.empty.filteredHint')} />
        ) : (
          <EmptyState title={t('households.empty')} hint={t('households.empty.hint')} action={emptyAction} />
        ),
      }}
      pagination={listPagination({ page, pageSize, total, totalText: (n) => t('households.total', { n: f.num(n) }), onChange: onPage })}
    />
  );
}
