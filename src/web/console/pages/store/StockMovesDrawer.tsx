// 库存流水: every change of an item's stock, newest first — 上架, 入库, 盘点调整, 兑换, 取消退回 — with who and why.
import { Drawer, Table, Tag, type TableColumnsType } from 'antd';
import { useStockMoves, type StockMove, type StoreItem } from '../../api/store';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { StockCell, useStoreLabels } from './parts';

const MOVE_COLOR: Record<string, string> = { initial: 'blue', restock: 'green', adjust: 'orange', redemption: 'purple', cancel: 'cyan' };

export function StockMovesDrawer({ item, onClose }: { item: StoreItem | null; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const label = useStoreLabels();
  const errorText = useErrorText();
  const moves = useStockMoves(item?.id);

  const columns: TableColumnsType<StockMove> = [
    { title: t('store.moves.at'), dataIndex: 'at', width: 130, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{f.dateTimeShort(v)}</span> },
    {
      title: t('store.moves.reason'),
      dataIndex: 'reason',
      width: 96,
      render: (v: string) => (
        <Tag color={MOVE_COLOR[v] ?? 'default'} style={{ marginInlineEnd: 0 }}>
          {label.move(v)}
        </Tag>
      ),
    },
    {
      title: t('store.moves.delta'),
      dataIndex: 'delta',
      width: 80,
      align: 'right',
      render: (v: number) => (
        <span className={v > 0 ? 'xz-ok-text' : 'xz-danger-text'}>
          {v > 0 ? '+' : '−'}
          {f.num(Math.abs(v))}
        </span>
      ),
    },
    {
      title: t('store.moves.note'),
      dataIndex: 'note',
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Ellipsis text={v} /> : <span className="xz-muted">—</span>),
    },
    { title: t('store.moves.by'), dataIndex: 'byName', width: 90, ellipsis: { showTitle: false }, render: (v: string | null) => <Ellipsis text={v ?? '—'} /> },
  ];

  return (
    <Drawer open={!!item} onClose={onClose} title={t('store.moves.title', { name: item?.name ?? '' })} width={680} destroyOnHidden>
      {item && (
        <p style={{ marginTop: 0 }}>
          {t('store.moves.now')} <StockCell stock={item.stock} />
        </p>
      )}
      <Table<StockMove>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={moves.data ?? []}
        loading={moves.isPending && !!item}
        tableLayout="fixed"
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{
          emptyText: moves.isError ? (
            <EmptyState title={errorText(moves.error)} />
          ) : moves.isPending ? (
            ' '
          ) : (
            <EmptyState title={t('store.moves.empty')} hint={t('store.moves.empty.hint')} />
          ),
        }}
      />
    </Drawer>
  );
}
