// 巡查记录: 日巡查, 月排查 and 季度联查 in the region, newest first, with today's patrols above; a drawer with the checklist.
import { useEffect, useState } from 'react';
import { Button, Card, Form, Select, Table, Tag, type TableColumnsType } from 'antd';
import { PATROL_KINDS, usePatrols, usePatrolsDue, type Patrol } from '../../api/patrols';
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
import { PATROL_KIND_COLOR, useVisitLabels } from '../../lib/visitLabels';
import { MonthPicker } from '../visits/parts';
import { usePlaceLabels } from '../../components/useRegionLabels';
import { PatrolDueSummary } from './PatrolDueSummary';
import { PatrolDrawer } from './PatrolDrawer';
import { listPagination } from '../../components/pagination';

const KEYS = ['regionId', 'kind', 'month', 'problems', 'open'] as const;
type UrlFilter = { [K in (typeof KEYS)[number]]?: string } & { page: number; pageSize: number };
type FormValues = { kind?: string; month?: string; problems?: string };

export default function PatrolListPage() {
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
  const kind = PATROL_KINDS.find((k) => k === filter.kind);
  const list = usePatrols({
    regionId,
    kind,
    month: filter.month,
    problems: filter.problems === 'true' ? 'true' : undefined,
    page: filter.page,
    pageSize: filter.pageSize,
  });
  const due = usePatrolsDue(regionId);
  const place = usePlaceLabels(view, [
    ...(list.data?.items.map((p) => p.regionId) ?? []),
    ...(due.data?.filter((d) => d.status !== 'done').map((d) => d.regionId) ?? []),
  ]);

  useEffect(() => {
    form.setFieldsValue({ kind: filter.kind, month: filter.month, problems: filter.problems });
  }, [filter.kind, filter.month, filter.problems, form]);
  const [lastRoot, setLastRoot] = useState(rootId);
  useEffect(() => {
    if (rootId !== lastRoot) {
      setLastRoot(rootId);
      update({ regionId: undefined });
    }
  }, [rootId, lastRoot, update]);

  const open = (id: string | undefined) => update({ open: id, page: filter.page });
  const filtered = !!(filter.kind || filter.month || filter.problems);
  const columns: TableColumnsType<Patrol> = [
    {
      title: t('patrols.col.at'),
      dataIndex: 'patrolledAt',
      width: 120,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(v)}</span>,
    },
    {
      title: t('patrols.col.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (v: string) => (
        <Tag color={PATROL_KIND_COLOR[v] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {label.kind(v)}
        </Tag>
      ),
    },
    {
      title: t('patrols.col.place'),
      dataIndex: 'regionName',
      width: 170,
      ellipsis: { showTitle: false },
      render: (v: string, r) => <Ellipsis text={place(r.regionId, v)} />,
    },
    {
      title: t('patrols.col.patroller'),
      dataIndex: 'patrollerName',
      width: 96,
      ellipsis: { showTitle: false },
      render: (v: string) => <Ellipsis text={v || '—'} />,
    },
    {
      title: t('patrols.col.result'),
      key: 'result',
      width: 150,
      render: (_: unknown, r) =>
        r.problems ? (
          <span className="xz-danger-text">{t('patrols.result.problems', { n: r.problems })}</span>
        ) : (
          <span className="xz-ok-text">{t('patrols.result.ok', { n: r.results.length })}</span>
        ),
    },
    {
      title: t('patrols.col.cases'),
      key: 'cases',
      width: 96,
      render: (_: unknown, r) => {
        const n = r.results.filter((x) => x.caseId).length;
        return n ? t('patrols.cases.n', { n }) : <span className="xz-muted">—</span>;
      },
    },
    {
      title: t('patrols.note'),
      dataIndex: 'note',
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Ellipsis text={v} /> : <span className="xz-muted">—</span>),
    },
    {
      title: t('cases.col.actions'),
      key: 'actions',
      width: 72,
      fixed: 'right',
      render: (_: unknown, r) => (
        <Button
          type="link"
          size="small"
          onClick={() => open(r.id)}
          aria-label={t('patrols.view', { kind: label.kind(r.kind), place: place(r.regionId, r.regionName), date: f.date(r.patrolledAt) })}
        >
          {t('common.view')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('patrols.title')} subTitle={t('patrols.sub')}>
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(id) => update({ regionId: id })} />}
        <Card className="xz-split-main" variant="borderless">
          <PatrolDueSummary regionId={regionId} regionName={view?.name} place={place} />
          <FilterBar<FormValues> form={form} onSearch={(v) => update({ kind: v.kind, month: v.month, problems: v.problems })}>
            <Form.Item label={t('patrols.col.kind')} name="kind">
              <Select
                allowClear
                placeholder={t('patrols.kind.all')}
                style={{ width: 140 }}
                options={PATROL_KINDS.map((k) => ({ value: k, label: label.kind(k) }))}
              />
            </Form.Item>
            <Form.Item label={t('visits.month')} name="month">
              <MonthPicker allowClear placeholder={t('visitLog.month.all')} />
            </Form.Item>
            <Form.Item label={t('patrols.filter.problems')} name="problems">
              <Select allowClear placeholder={t('common.all')} style={{ width: 150 }} options={[{ value: 'true', label: t('patrols.filter.problemsOnly') }]} />
            </Form.Item>
          </FilterBar>
          <div className="xz-table-toolbar">
            <div className="xz-table-toolbar-title">
              {[view?.name, filter.month && label.month(filter.month), kind ? label.kind(kind) : t('patrols.title')].filter(Boolean).join(' · ')}
              <span className="xz-total">{t('patrols.total', { n: f.num(list.data?.total ?? 0) })}</span>
            </div>
          </div>
          <Table<Patrol>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={(list.isFetching && !list.data) || list.isPlaceholderData}
            tableLayout="fixed"
            size="middle"
            scroll={{ x: 900 }}
            locale={{
              emptyText: list.isPending ? (
                ' '
              ) : filtered ? (
                <EmptyState title={t('patrols.empty.filtered')} hint={t('cases.empty.filteredHint')} />
              ) : (
                <EmptyState title={t('patrols.empty')} hint={t('patrols.empty.hint')} />
              ),
            }}
            pagination={listPagination({
              page: filter.page,
              pageSize: filter.pageSize,
              total: list.data?.total ?? 0,
              jumper: false,
              totalText: (n) => t('patrols.total', { n: f.num(n) }),
              onChange: (page, pageSize) => update({ page, pageSize }),
            })}
          />
        </Card>
      </div>
      <PatrolDrawer id={filter.open} place={place} onClose={() => open(undefined)} />
    </PageContainer>
  );
}
