// 兑换记录: the store's redemptions by status, with cancellation (points back, stock returned) for those not picked up.
import { App, Button, Segmented, Table, Tag, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { cancelRedemption, formatCode, useRedemptions, type Redemption, type RedemptionStatus } from '../../api/shop';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useErrorText } from '../../api/errors';
import { PageContainer } from '../../components/PageContainer';
import { EmptyState } from '../../components/EmptyState';
import { listPagination } from '../../components/pagination';
import { REDEMPTION_COLOR, usePointLabels } from '../../lib/pointLabels';
import { SplitWithTree, usePageRegion } from './Points';

const STATUSES: RedemptionStatus[] = ['reserved', 'fulfilled', 'cancelled'];

export default function RedemptionListPage() {
  const t = useT();
  const f = useFormat();
  const label = usePointLabels();
  const errorText = useErrorText();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const { filter, update, rootId, regionId, showTree } = usePageRegion(['status']);
  const status = filter.status as RedemptionStatus | undefined;
  const list = useRedemptions({ regionId, status, page: filter.page, pageSize: filter.pageSize });
  const cancel = (r: Redemption) => modal.confirm({
    title: `${t('pts.redemptions.cancel')}：${r.householdName} · ${r.itemName}`, content: t('pts.redemptions.cancel.confirm'), okText: t('pts.redemptions.cancel'), cancelText: t('common.cancel'),
    onOk: async () => {
      try { await cancelRedemption(r.id, '柜台取消'); message.success(t('pts.redemptions.cancelled')); await qc.invalidateQueries({ queryKey: ['store'] }); await qc.invalidateQueries({ queryKey: ['points'] }); } catch (err) { message.error(errorText(err)); }
    },
  });
  const columns: TableColumnsType<Redemption> = [
    { title: t('pts.redemptions.col.at'), dataIndex: 'createdAt', width: 116, render: (v: string) => f.dateTimeShort(v) },
    { title: t('pts.redemptions.col.household'), dataIndex: 'householdName', width: 110 },
    { title: t('pts.redemptions.col.item'), key: 'item', render: (_: unknown, r) => `${r.itemName} ${t('pts.counter.qty', { n: r.quantity })}` },
    { title: t('pts.redemptions.col.points'), dataIndex: 'totalCost', width: 80, align: 'right', render: (v: number) => f.num(v) },
    { title: t('pts.redemptions.col.code'), dataIndex: 'code', width: 110, render: (v: string, r) => (r.status === 'reserved' ? formatCode(v) : `**** ${v.slice(4)}`) },
    { title: t('pts.counter.status'), dataIndex: 'status', width: 96, render: (s: string) => <Tag color={REDEMPTION_COLOR[s]}>{label.redemption(s)}</Tag> },
    { title: t('pts.redemptions.col.handled'), key: 'by', width: 130, render: (_: unknown, r) => <div className="xz-two-lines"><span>{r.requestedByName ?? '—'}</span>{(r.fulfilledByName || r.cancelledByName) && <span className="xz-muted xz-small">{r.fulfilledByName ?? r.cancelledByName}</span>}</div> },
    { title: t('pts.awards.col.actions'), key: 'actions', width: 96, render: (_: unknown, r) => r.status === 'reserved' && <Button type="link" size="small" danger onClick={() => cancel(r)}>{t('pts.redemptions.cancel')}</Button> },
  ];
  return (
    <PageContainer title={t('pts.redemptions.title')} subTitle={t('pts.redemptions.sub')}>
      <SplitWithTree rootId={rootId} selectedId={filter.regionId} showTree={showTree} onChange={(id) => update({ regionId: id })}>
        <div className="xz-table-toolbar">
          <Segmented<string> value={status ?? 'all'} onChange={(v) => update({ status: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('common.all') }, ...STATUSES.map((s) => ({ value: s, label: label.redemption(s) }))]} />
        </div>
        <Table<Redemption> rowKey="id" columns={columns} dataSource={list.data?.items ?? []} size="middle" tableLayout="fixed" scroll={{ x: 900 }}
          loading={(list.isFetching && !list.data) || list.isPlaceholderData}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyState title={t('pts.redemptions.empty')} /> }}
          pagination={listPagination({ page: filter.page, pageSize: filter.pageSize, total: list.data?.total ?? 0, jumper: false, totalText: (n) => t('pts.awards.total', { n: f.num(n) }), onChange: (page, pageSize) => update({ page, pageSize }) })} />
      </SplitWithTree>
    </PageContainer>
  );
}
