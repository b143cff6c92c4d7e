// 超市商品: the items of the chosen village's store (and the township's, offered to every village), with photo,
// points, stock and status; 上架新商品, 编辑, 上架/下架, 入库/盘点 and 库存流水.
import { useMemo, useState } from 'react';
import { App, Button, Card, Input, Popconfirm, Segmented, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { storeKeys, updateItem, useStoreItems, type StoreItem } from '../../api/store';
import type { RegionDetail } from '../../api/regions';
import { useErrorText } from '../../api/errors';
import { useT } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { PageContainer } from '../../components/PageContainer';
import { RegionTreePanel } from '../../components/RegionTree';
import { EmptyState } from '../../components/EmptyState';
import { Ellipsis } from '../../components/Ellipsis';
import { useSession } from '../../layout/session';
import { ItemThumb, StockCell, usePoints, useStoreRegion } from './parts';
import { ItemFormModal } from './ItemFormModal';
import { StockModal } from './StockModal';
import { StockMovesDrawer } from './StockMovesDrawer';

const KEYS = ['regionId', 'show', 'q'] as const;
type UrlFilter = { regionId?: string; show?: string; q?: string; page: number; pageSize: number };
type Show = 'all' | 'active' | 'inactive';

/** Where a new item goes: the chosen village or township, a grid's village; none above the township. */
function storeOf(r: RegionDetail | undefined): { id: string; name: string } | null {
  if (!r) return null;
  if (r.level === 'village' || r.level === 'township') return { id: r.id, name: r.name };
  if (r.level === 'grid') {
    const v = r.ancestors.find((a) => a.level === 'village');
    return v ? { id: v.id, name: v.name } : null;
  }
  return null;
}

export default function StoreItemsPage() {
  const t = useT();
  const f = useFormat();
  const points = usePoints();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const qc = useQueryClient();
  const { canHere } = useSession();
  const { rootId, regionId, root, region, showTree, filter, update } = useStoreRegion<UrlFilter>(KEYS);
  const items = useStoreItems(regionId, true);
  const [editing, setEditing] = useState<StoreItem | 'new' | null>(null);
  const [stocking, setStocking] = useState<StoreItem | null>(null);
  const [movesOf, setMovesOf] = useState<StoreItem | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const [q, setQ] = useState(filter.q ?? '');

  const show: Show = filter.show === 'active' || filter.show === 'inactive' ? filter.show : 'all';
  const store = storeOf(region);
  const above = useMemo(() => new Set(region?.ancestors.map((a) => a.id) ?? []), [region]);
  const mayKeep = canHere('store.manage');
  // Items of a store above the user's jurisdiction (the township's) are kept by the township, not here.
  const aboveMe = useMemo(() => new Set(root?.ancestors.map((a) => a.id) ?? []), [root]);
  const keeps = (it: StoreItem) => !!it.abilities?.includes('item.update') && !aboveMe.has(it.regionId);

  const all = items.data ?? [];
  const rows = all.filter(
    (it) => (show === 'all' || (show === 'active') === it.active) && (!filter.q || it.name.includes(filter.q) || (it.merchant ?? '').includes(filter.q)),
  );
  const counts = { active: all.filter((it) => it.active).length, inactive: all.filter((it) => !it.active).length };
  const shortCount = all.filter((it) => it.active && it.stock === 0).length;

  const toggle = async (it: StoreItem) => {
    setToggling(it.id);
    try {
      await updateItem(it.id, { active: !it.active });
      await qc.invalidateQueries({ queryKey: storeKeys.all });
      message.success(t(it.active ? 'store.item.offDone' : 'store.item.onDone', { name: it.name }));
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setToggling(null);
    }
  };

  const columns: TableColumnsType<StoreItem> = [
    {
      title: t('store.col.item'),
      key: 'item',
      render: (_: unknown, it) => (
        <div className="xz-store-item-cell">
          <ItemThumb item={it} />
          <div className="xz-two-lines">
            <Ellipsis text={it.name}>
              <strong>{it.name}</strong>
            </Ellipsis>
            {/* Items of another store than the one chosen say whose they are: the township's (统一) or a village's. */}
            {it.regionId !== regionId ? (
              <span className="xz-small">
                <Tag color={above.has(it.regionId) ? 'blue' : 'default'}>
                  {above.has(it.regionId) ? t('store.item.fromStore', { store: it.regionName }) : it.regionName}
                </Tag>
              </span>
            ) : it.description ? (
              <span className="xz-muted xz-small">
                <Ellipsis text={it.description} />
              </span>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      title: t('store.col.merchant'),
      dataIndex: 'merchant',
      width: 130,
      ellipsis: { showTitle: false },
      render: (v: string | null) => (v ? <Ellipsis text={v} /> : <span className="xz-muted">{t('store.merchant.collective')}</span>),
    },
    { title: t('store.col.cost'), dataIndex: 'cost', width: 96, align: 'right', render: (v: number) => <span className="xz-store-cost">{points(v)}</span> },
    { title: t('store.col.stock'), dataIndex: 'stock', width: 116, render: (v: number) => <StockCell stock={v} /> },
    {
      title: t('store.col.status'),
      dataIndex: 'active',
      width: 76,
      render: (v: boolean) => (
        <Tag color={v ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>
          {t(v ? 'store.item.on' : 'store.item.off')}
        </Tag>
      ),
    },
    {
      title: t('store.col.actions'),
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_: unknown, it) => {
        if (!keeps(it)) return <span className="xz-muted xz-small">{t('store.item.keptBy', { store: it.regionName })}</span>;
        return (
          <div className="xz-store-actions">
            <Button type="link" size="small" onClick={() => setEditing(it)} aria-label={t('store.item.editLabel', { name: it.name })}>
              {t('common.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => setStocking(it)} aria-label={t('store.item.stockLabel', { name: it.name })}>
              {t('store.item.stock.action')}
            </Button>
            <Button type="link" size="small" onClick={() => setMovesOf(it)} aria-label={t('store.item.movesLabel', { name: it.name })}>
              {t('store.item.moves')}
            </Button>
            {it.active ? (
              <Popconfirm
                title={t('store.item.offConfirm', { name: it.name })}
                description={t('store.item.offHint')}
                okText={t('store.item.offOk')}
                cancelText={t('common.cancel')}
                onConfirm={() => toggle(it)}
              >
                <Button type="link" size="small" danger loading={toggling === it.id} aria-label={t('store.item.offLabel', { name: it.name })}>
                  {t('store.item.offOk')}
                </Button>
              </Popconfirm>
            ) : (
              <Button type="link" size="small" loading={toggling === it.id} onClick={() => toggle(it)} aria-label={t('store.item.onLabel', { name: it.name })}>
                {t('store.item.onOk')}
              </Button>
            )}
          </div>
        );
      },
    },
  ];

  const addButton = mayKeep && (
    <Tooltip title={store ? undefined : t('store.item.pickStore')}>
      <Button type="primary" icon={<PlusOutlined />} disabled={!store} onClick={() => setEditing('new')}>
        {t('store.item.create')}
      </Button>
    </Tooltip>
  );
  const filtered = show !== 'all' || !!filter.q;

  return (
    <PageContainer title={t('menu.storeItems')} subTitle={t('store.items.sub')} extra={addButton}>
      <div className="xz-split">
        {showTree && <RegionTreePanel rootId={rootId} selectedId={filter.regionId} onChange={(id) => update({ regionId: id })} />}
        <Card className="xz-split-main" variant="borderless">
          <div className="xz-table-toolbar">
            <div className="xz-table-toolbar-title">
              {t('store.items.of', { place: region?.name ?? '' })}
              <span className="xz-total">
                {t('store.items.total', { n: f.num(counts.active), off: f.num(counts.inactive) })}
                {shortCount > 0 && <span className="xz-danger-text">{t('store.items.short', { n: f.num(shortCount) })}</span>}
              </span>
            </div>
            <div style={{ display: 'flex', gap: 12, alignItems: 'center' }}>
              <Segmented<Show>
                value={show}
                onChange={(v) => update({ show: v === 'all' ? undefined : v })}
                options={[
                  { value: 'all', label: t('common.all') },
                  { value: 'active', label: t('store.item.on') },
                  { value: 'inactive', label: t('store.item.off') },
                ]}
              />
              <Input.Search
                allowClear
                value={q}
                onChange={(e) => setQ(e.target.value)}
                onSearch={(v) => update({ q: v.trim() || undefined })}
                placeholder={t('store.items.search')}
                aria-label={t('store.items.search')}
                style={{ width: 220 }}
              />
            </div>
          </div>
          <Table<StoreItem>
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={items.isPending && !!regionId}
            tableLayout="fixed"
            size="middle"
            scroll={{ x: 910 }}
            rowClassName={(it) => (it.active ? '' : 'xz-muted')}
            locale={{
              emptyText: items.isError ? (
                <EmptyState title={errorText(items.error)} />
              ) : items.isPending ? (
                ' '
              ) : filtered ? (
                <EmptyState title={t('store.items.empty.filtered')} hint={t('store.items.empty.filteredHint')} />
              ) : (
                <EmptyState
                  title={t('store.items.empty')}
                  hint={t(store && mayKeep ? 'store.items.empty.hint' : 'store.items.empty.pick')}
                  action={
                    store && mayKeep ? (
                      <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                        {t('store.item.create')}
                      </Button>
                    ) : undefined
                  }
                />
              ),
            }}
            pagination={{
              current: filter.page,
              pageSize: filter.pageSize,
              total: rows.length,
              showSizeChanger: true,
              pageSizeOptions: [10, 20, 50, 100],
              hideOnSinglePage: rows.length <= 10,
              showTotal: (n) => t('store.items.count', { n: f.num(n) }),
              onChange: (page, pageSize) => update({ page, pageSize }),
            }}
          />
        </Card>
      </div>
      <ItemFormModal open={editing !== null} item={editing === 'new' ? null : editing} store={store} onClose={() => setEditing(null)} />
      <StockModal item={stocking} onClose={() => setStocking(null)} />
      <StockMovesDrawer item={movesOf ? (all.find((it) => it.id === movesOf.id) ?? movesOf) : null} onClose={() => setMovesOf(null)} />
    </PageContainer>
  );
}
