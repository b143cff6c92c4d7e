// Small pieces the three store pages share: words for codes, status and stock tags, the item thumbnail,
// and the page's region (the tree beside the list, the jurisdiction from the header).
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Image, Tag } from 'antd';
import { ShopOutlined } from '@ant-design/icons';
import { itemPhotoUrl, type RedemptionStatus, type StoreItem } from '../../api/store';
import { useRegion } from '../../api/regions';
import { useI18n, type MessageKey } from '../../i18n';
import { useFormat } from '../../i18n/format';
import { useSession } from '../../layout/session';
import { useUrlFilters } from '../../components/useUrlFilters';
import './store.css';

/** At or below this many left, the item is flagged 库存紧张. */
export const LOW_STOCK = 5;

export const STATUS_COLOR: Record<RedemptionStatus, string> = { reserved: 'gold', fulfilled: 'green', cancelled: 'default' };

export function useStoreLabels() {
  const { t } = useI18n();
  const word = useCallback(
    (prefix: string, code: string) => {
      const key = `${prefix}.${code}` as MessageKey;
      const text = t(key);
      // An unknown code shows as a dash, never as the raw code.
      return text === key ? '—' : text;
    },
    [t],
  );
  return useMemo(
    () => ({
      status: (s: string) => word('store.status', s),
      move: (r: string) => word('store.move', r),
    }),
    [word],
  );
}

export function RedemptionStatusTag({ status }: { status: RedemptionStatus }) {
  const label = useStoreLabels();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {label.status(status)}
    </Tag>
  );
}

/** Points as "1,234 分". */
export function usePoints() {
  const { t } = useI18n();
  const f = useFormat();
  return useCallback((n: number) => t('store.points', { n: f.num(n) }), [t, f]);
}

/** The count with a red 缺货 tag at zero and a gold 库存紧张 tag when few are left. */
export function StockCell({ stock }: { stock: number }) {
  const { t } = useI18n();
  const f = useFormat();
  return (
    <span className="xz-store-stock">
      <span className={stock === 0 ? 'xz-danger-text' : undefined}>{f.num(stock)}</span>
      {stock === 0 ? <Tag color="red">{t('store.stock.out')}</Tag> : stock <= LOW_STOCK ? <Tag color="gold">{t('store.stock.low')}</Tag> : null}
    </span>
  );
}

/** The item's photo (click to enlarge), or a shop icon when it has none. */
export function ItemThumb({ item, size = 48 }: { item: Pick<StoreItem, 'id' | 'photoId' | 'name'>; size?: number }) {
  const { t } = useI18n();
  const url = itemPhotoUrl(item);
  if (!url) {
    return (
      <span
        className="xz-store-thumb xz-store-thumb-none"
        style={{ width: size, height: size }}
        role="img"
        aria-label={t('store.photo.none', { name: item.name })}
      >
        <ShopOutlined aria-hidden />
      </span>
    );
  }
  return <Image src={url} alt={item.name} width={size} height={size} className="xz-store-thumb" style={{ objectFit: 'cover' }} />;
}

/**
 * The region a store page looks at: the one chosen in the tree (kept in the URL), else the header's jurisdiction.
 * Switching the jurisdiction in the header drops the tree choice, which may lie outside the new one.
 */
export function useStoreRegion<F extends { regionId?: string; page: number; pageSize: number }>(
  keys: readonly Exclude<keyof F & string, 'page' | 'pageSize'>[],
) {
  const { current } = useSession();
  const rootId = current?.regionId;
  const { filter, update } = useUrlFilters<F>(keys);
  const regionId = filter.regionId ?? rootId;
  const root = useRegion(rootId);
  const region = useRegion(regionId);
  const showTree = !root.data || root.data.hasChildren;
  const [lastRoot, setLastRoot] = useState(rootId);
  useEffect(() => {
    if (rootId !== lastRoot) {
      setLastRoot(rootId);
      update({ regionId: undefined } as Partial<F>);
    }
  }, [rootId, lastRoot, update]);
  return { rootId, regionId, root: root.data, region: region.data, showTree, filter, update };
}
