// 今日已核销: what the counter handed over today, newest first, for the day's tally.
// The list API has no date filter, so the latest fulfilled redemptions are read and today's kept.
import dayjs from 'dayjs';
import { Card, Table, type TableColumnsType } from 'antd';
import { maskCode, useRedemptions, type Redemption } from '../../api/store';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { usePoints } from './parts';

export function TodayFulfilled({ regionId }: { regionId: string | undefined }) {
  const t = useT();
  const f = useFormat();
  const points = usePoints();
  const errorText = useErrorText();
  const list = useRedemptions({ regionId, status: 'fulfilled', page: 1, pageSize: 200 });
  const today = dayjs().format('YYYY-MM-DD');
  const rows = (list.data?.items ?? [])
    .filter((r) => r.fulfilledAt && dayjs(r.fulfilledAt).format('YYYY-MM-DD') === today)
    .sort((a, b) => (b.fulfilledAt ?? '').localeCompare(a.fulfilledAt ?? ''));
  const pieces = rows.reduce((n, r) => n + r.quantity, 0);
  const spent = rows.reduce((n, r) => n + r.totalCost, 0);

  const columns: TableColumnsType<Redemption> = [
    { title: t('store.col.fulfilledAt'), dataIndex: 'fulfilledAt', width: 90, render: (v: string) => dayjs(v).format('HH:mm') },
    {
      title: t('store.col.household'),
      dataIndex: 'householdName',
      width: 120,
      ellipsis: { showTitle: false },
      render: (v: string) => <Ellipsis text={v || '—'} />,
    },
    { title: t('store.col.item'), dataIndex: 'itemName', ellipsis: { showTitle: false }, render: (v: string) => <Ellipsis text={v} /> },
    { title: t('store.col.quantity'), dataIndex: 'quantity', width: 70, align: 'right', render: (v: number) => f.num(v) },
    { title: t('store.col.points'), dataIndex: 'totalCost', width: 110, align: 'right', render: (v: number) => points(v) },
    { title: t('store.col.code'), dataIndex: 'code', width: 110, render: (v: string) => <span className="xz-code">{maskCode(v)}</span> },
    {
      title: t('store.col.fulfilledBy'),
      dataIndex: 'fulfilledByName',
      width: 100,
      ellipsis: { showTitle: false },
      render: (v: string | null) => <Ellipsis text={v ?? '—'} />,
    },
  ];

  return (
    <Card
      className="xz-counter-today"
      variant="borderless"
      title={
        <span>
          {t('store.counter.today', { date: f.date(new Date()) })}
          <span className="xz-total" style={{ marginInlineStart: 8 }}>
            {t('store.counter.todayTotal', { n: f.num(rows.length), pieces: f.num(pieces), points: points(spent) })}
          </span>
        </span>
      }
    >
      <Table<Redemption>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={rows}
        loading={list.isPending && !!regionId}
        tableLayout="fixed"
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: list.isError ? (
            <EmptyState title={errorText(list.error)} />
          ) : list.isPending ? (
            ' '
          ) : (
            <EmptyState title={t('store.counter.todayEmpty')} hint={t('store.counter.todayEmptyHint')} />
          ),
        }}
      />
    </Card>
  );
}
