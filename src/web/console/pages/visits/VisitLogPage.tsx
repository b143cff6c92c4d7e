// 走访记录: every visit grid members logged in the region, newest first; a drawer with what was found and the case it became.
import { useEffect, useState } from 'react';
import { Button, Card, Form, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useVisits, type Visit } from '../../api/visits';
import { useRegion } from '../../api/regions';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreePanel } from '../../components/RegionTree';
import { FilterBar } from '../../components/FilterBar';
import { Ellipsis } from '../../components/Ellipsis';
import { EmptyState } from '../../components/EmptyState';
import { useUrlFilters } from '../../components/useUrlFilters';
import { useSession } from '../../layout/session';
import { useVisitLabels } from '../../lib/visitLabels';
import { MonthPicker } from './parts';
import { VisitDrawer } from './VisitDrawer';
import { usePlaceLabels } from '../../components/useRegionLabels';
import { listPagination } from '../../components/pagination';

const KEYS = ['regionId', 'month', 'problem', 'open'] as const;
type UrlFilter = { [K in (typeof KEYS)[number]]?: string } & { page: number; pageSize: number };
type FormValues = { month?: string; problem?: string };

export default function VisitLogPage() {
  const t = useT();
  const f = useFormat();
  const label = useVisitLabels();
  const { current } = useSession();
  const rootId = current?.regionId;
  const { filter, update } = useUrlFilters<UrlFilter>(KEYS);
  const [form] = Form.useForm<FormValues>();
  const regionId = filter.regionId ?? rootId;
  const root = useRegion(rootId);
  const region = useRegion(filter.regionId);
  const view = filter.regionId ? region.data : root.data;
  const showTree = !root.data || root.data.hasChildren;
  const list = useVisits({
    regionId,
    month: filter.month,
    problem: filter.problem === 'true' ? 'true' : undefined,
    page: filter.page,
    pageSize: filter.pageSize,
  });
  const place = usePlaceLabels(view, list.data?.items.map((v) => v.regionId) ?? []);

  useEffect(() => {
    form.setFieldsValue({ month: filter.month, problem: filter.problem });
  }, [filter.month, filter.problem, form]);
  const [lastRoot, setLastRoot] = useState(rootId);
  useEffect(() => {
    if (rootId !== lastRoot) {
      setLastRoot(rootId);
      update({ regionId: undefined });
    }
  }, [rootId, lastRoot, update]);

  const wideGrid = view?.level === 'county' || view?.level === 'township';
  const open = (id: string | undefined) => update({ open: id, page: filter.page });
  const filtered = !!(filter.month || filter.problem);
  const columns: TableColumnsType<Visit> = [
    {
      title: t('visitLog.col.at'),
      dataIndex: 'visitedAt',
      width: 116,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(v)}</span>,
    },
    {
      title: t('visitLog.col.household'),
      key: 'household',
      ellipsis: { showTitle: false },
      render: (_: unknown, r) => (
        <div className="xz-two-lines">
          <Ellipsis text={r.address} />
          <span className="xz-muted xz-small">
            {r.headName ?? '—'}
            {r.residentName && r.residentName !== r.headName ? ` · ${t('visits.subject', { name: r.residentName })}` : ''}
          </span>
        </div>
      ),
    },
    {
      title: t('visits.col.grid'),
      dataIndex: 'regionName',
      width: wideGrid ? 160 : 100,
      ellipsis: { showTitle: false },
      render: (v: string, r) => <Ellipsis text={place(r.regionId, v)} />,
    },
    { title: t('visitLog.col.method'), dataIndex: 'method', width: 84, render: (v: string) => label.method(v) },
    {
      title: t('visitLog.col.visitor'),
      dataIndex: 'visitorName',
      width: 80,
      ellipsis: { showTitle: false },
      render: (v: string) => <Ellipsis text={v || '—'} />,
    },
    { title: t('visitLog.situation'), dataIndex: 'situation', ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    {
      title: t('visitLog.col.outcome'),
      key: 'outcome',
      width: 100,
      render: (_: unknown, r) =>
        r.caseId ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('visitLog.toCase')}
          </Tag>
        ) : r.problem ? (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('visitLog.problem')}
          </Tag>
        ) : (
          <span className="xz-muted">{t('visitLog.ok')}</span>
        ),
    },
    {
      title: t('cases.col.actions'),
      key: 'actions',
      width: 64,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => open(r.id)}
          aria-label={t('visitLog.view', { name: r.headName ?? r.address, date: f.date(r.visitedAt) })}
        >
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('visitLog.title')} subTitle={t('visitLog.sub')}>
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(id) => update({ regionId: id })} />}
        <Card className="xz-split-main" variant="borderless">
          <FilterBar<FormValues> form={form} onSearch={(v) => update({ month: v.month, problem: v.problem })}>
            <Form.Item label={t('visits.month')} name="month">
              <MonthPicker allowClear placeholder={t('visitLog.month.all')} />
            </Form.Item>
            <Form.Item label={t('visitLog.filter.problem')} name="problem">
              <Select allowClear placeholder={t('common.all')} style={{ width: 150 }} options={[{ value: 'true', label: t('visitLog.filter.problemOnly') }]} />
            </Form.Item>
          </FilterBar>
          <div className="xz-table-toolbar">
            <div className="xz-table-toolbar-title">
              {[view?.name, filter.month && label.month(filter.month), t('visitLog.title')].filter(Boolean).join(' · ')}
              <span className="xz-total">{t('visitLog.total', { n: f.num(list.data?.total ?? 0) })}</span>
            </div>
          </div>
          <Table<Visit>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={(list.isFetching && !list.data) || list.isPlaceholderData}
            tableLayout="fixed"
            size="middle"
            scroll={{ x: 900 }}
            onRow={(r) => ({ onDoubleClick: () => open(r.id) })}
            locale={{
              emptyText: list.isPending ? (
                ' '
              ) : filtered ? (
                <EmptyState title={t('visitLog.empty.filtered')} hint={t('cases.empty.filteredHint')} />
              ) : (
                <EmptyState title={t('visitLog.empty')} hint={t('visitLog.empty.hint')} />
              ),
            }}
            pagination={listPagination({
              page: filter.page,
              pageSize: filter.pageSize,
              total: list.data?.total ?? 0,
              jumper: false,
              totalText: (n) => t('visitLog.total', { n: f.num(n) }),
              onChange: (page, pageSize) => update({ page, pageSize }),
            })}
          />
        </Card>
      </div>
      <VisitDrawer id={filter.open} place={place} onClose={() => open(undefined)} />
    </PageContainer>
  );
}
