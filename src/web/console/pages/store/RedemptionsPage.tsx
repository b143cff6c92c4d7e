// 兑换记录: the store's redemptions in the chosen region, newest first, by status (待领取 / 已核销 / 已取消) and item;
// a reserved one can be cancelled here (points back to the household, goods back to stock).
import { useEffect, useState } from 'react';
import { Button, Card, Form, Select, Table, Tabs, type TableColumnsType } from 'antd';
import { REDEMPTION_STATUSES, formatCode, maskCode, useRedemptions, useStoreItems, type Redemption, type RedemptionStatus } from '../../api/store';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreePanel } from '../../components/RegionTree';
import { FilterBar } from '../../components/FilterBar';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { listPagination } from '../../components/pagination';
import { RedemptionStatusTag, usePoints, useStoreLabels, useStoreRegion } from './parts';
import { CancelModal } from './CancelModal';

const KEYS = ['regionId', 'status', 'itemId'] as const;
type UrlFilter = { regionId?: string; status?: string; itemId?: string; page: number; pageSize: number };

/** How many of one status, for the tab's badge (one row fetched, the total read). */
function useCount(regionId: string | undefined, itemId: string | undefined, status: RedemptionStatus | undefined) {
  return useRedemptions({ regionId, itemId, status, page: 1, pageSize: 1 }).data?.total;
}

export default function RedemptionsPage() {
  const t = useT();
  const f = useFormat();
  const points = usePoints();
  const label = useStoreLabels();
  const errorText = useErrorText();
  const { rootId, regionId, region, showTree, filter, update } = useStoreRegion<UrlFilter>(KEYS);
  const [form] = Form.useForm<{ itemId?: string }>();
  const [cancelling, setCancelling] = useState<Redemption | null>(null);
  const status = REDEMPTION_STATUSES.find((s) => s === filter.status);
  const list = useRedemptions({ regionId, status, itemId: filter.itemId, page: filter.page, pageSize: filter.pageSize });
  const items = useStoreItems(regionId, true);
  const counts = {
    all: useCount(regionId, filter.itemId, undefined),
    reserved: useCount(regionId, filter.itemId, 'reserved'),
    fulfilled: useCount(regionId, filter.itemId, 'fulfilled'),
    cancelled: useCount(regionId, filter.itemId, 'cancelled'),
  };

  useEffect(() => {
    form.setFieldsValue({ itemId: filter.itemId });
  }, [filter.itemId, form]);

  const columns: TableColumnsType<Redemption> = [
    {
      title: t('store.col.createdAt'),
      dataIndex: 'createdAt',
      width: 112,
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(v)}</span>,
    },
    {
      title: t('store.col.household'),
      dataIndex: 'householdName',
      width: 136,
      ellipsis: { showTitle: false },
      render: (v: string, r) => (
        <div className="xz-two-lines">
          <Ellipsis text={v || '—'} />
          <span className="xz-muted xz-small">
            <Ellipsis text={r.placeName} />
          </span>
        </div>
      ),
    },
    { title: t('store.col.item'), dataIndex: 'itemName', ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    { title: t('store.col.quantity'), dataIndex: 'quantity', width: 56, align: 'right', render: (v: number) => f.num(v) },
    { title: t('store.col.points'), dataIndex: 'totalCost', width: 72, align: 'right', render: (v: number) => points(v) },
    {
      title: t('store.col.code'),
      dataIndex: 'code',
      width: 100,
      render: (v: string, r) =>
        r.status === 'reserved' ? (
          <span className="xz-code">{formatCode(v)}</span>
        ) : (
          <span className={r.status === 'cancelled' ? 'xz-code xz-code-dead' : 'xz-code'} role="img" aria-label={t('store.code.masked', { last: v.slice(-4) })}>
            {maskCode(v)}
          </span>
        ),
    },
    { title: t('store.col.status'), dataIndex: 'status', width: 80, render: (v: RedemptionStatus) => <RedemptionStatusTag status={v} /> },
    {
      title: t('store.col.handlers'),
      key: 'by',
      width: 124,
      render: (_: unknown, r) => (
        <div className="xz-two-lines xz-small">
          <Ellipsis text={t('store.handler.requested', { name: r.requestedByName ?? '—' })} />
          {r.status === 'fulfilled' && (
            <Ellipsis text={`${t('store.handler.fulfilled', { name: r.fulfilledByName ?? '—' })} ${f.dateTime(r.fulfilledAt)}`}>
              {t('store.handler.fulfilled', { name: r.fulfilledByName ?? '—' })}
            </Ellipsis>
          )}
          {r.status === 'cancelled' && (
            <Ellipsis text={t('store.handler.cancelled', { name: r.cancelledByName ?? '—', reason: r.cancelReason || t('store.cancel.noReason') })} />
          )}
        </div>
      ),
    },
    {
      title: t('store.col.actions'),
      key: 'actions',
      width: 76,
      fixed: 'right',
      render: (_: unknown, r) =>
        r.status === 'reserved' && r.abilities?.includes('redemption.cancel') ? (
          <Button
            type="link"
            size="small"
            danger
            onClick={() => setCancelling(r)}
            aria-label={t('store.cancel.label', { name: r.householdName || '—', item: r.itemName })}
          >
            {t('store.cancel.action')}
          </Button>
        ) : (
          <span className="xz-muted">—</span>
        ),
    },
  ];

  const tabLabel = (text: string, n: number | undefined) => (n === undefined ? text : `${text} ${f.num(n)}`);
  const itemName = items.data?.find((it) => it.id === filter.itemId)?.name;

  return (
    <PageContainer title={t('menu.storeRedemptions')} subTitle={t('store.redemptions.sub')}>
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(id) => update({ regionId: id })} />}
        <Card className="xz-split-main" variant="borderless">
          <FilterBar<{ itemId?: string }> form={form} onSearch={(v) => update({ itemId: v.itemId })}>
            <Form.Item label={t('store.col.item')} name="itemId">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('store.redemptions.allItems')}
                style={{ width: 240 }}
                options={(items.data ?? []).map((it) => ({ value: it.id, label: it.active ? it.name : t('store.redemptions.offItem', { name: it.name }) }))}
              />
            </Form.Item>
          </FilterBar>
          <Tabs
            activeKey={status ?? 'all'}
            onChange={(k) => update({ status: k === 'all' ? undefined : k })}
            items={[
              { key: 'all', label: tabLabel(t('common.all'), counts.all) },
              ...REDEMPTION_STATUSES.map((s) => ({ key: s, label: tabLabel(label.status(s), counts[s]) })),
            ]}
          />
          <div className="xz-table-toolbar">
            <div className="xz-table-toolbar-title">
              {[region?.name, itemName, status ? label.status(status) : t('menu.storeRedemptions')].filter(Boolean).join(' · ')}
              <span className="xz-total">{t('store.redemptions.total', { n: f.num(list.data?.total ?? 0) })}</span>
            </div>
          </div>
          <Table<Redemption>
            rowKey="id"
            columns={columns}
            dataSource={list.data?.items ?? []}
            loading={(list.isFetching && !list.data) || list.isPlaceholderData}
            tableLayout="fixed"
            size="middle"
            scroll={{ x: 880 }}
            locale={{
              emptyText: list.isError ? (
                <EmptyState title={errorText(list.error)} />
              ) : list.isPending ? (
                ' '
              ) : status || filter.itemId ? (
                <EmptyState title={t('store.redemptions.empty.filtered')} hint={t('store.redemptions.empty.filteredHint')} />
              ) : (
                <EmptyState title={t('store.redemptions.empty')} hint={t('store.redemptions.empty.hint')} />
              ),
            }}
            pagination={listPagination({
              page: filter.page,
              pageSize: filter.pageSize,
              total: list.data?.total ?? 0,
              totalText: (n) => t('store.redemptions.total', { n: f.num(n) }),
              onChange: (page, pageSize) => update({ page, pageSize }),
            })}
          />
        </Card>
      </div>
      <CancelModal r={cancelling} onClose={() => setCancelling(null)} />
    </PageContainer>
  );
}
