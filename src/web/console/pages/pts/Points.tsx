// Small pieces the points pages share: a signed value, the region picker frame.
import type { ReactNode } from 'react';
import { Card } from 'antd';
import { signed } from '../../lib/pointLabels';
import { useRegion } from '../../api/regions';
import { useSession } from '../../layout/session';
import { RegionTreePanel } from '../../components/RegionTree';
import { useUrlFilters } from '../../components/useUrlFilters';

/** +5 in green, −10 in red. */
export function PointValue({ value, strong }: { value: number; strong?: boolean }) {
  return (
    <span className={value >= 0 ? 'xz-pts-plus' : 'xz-pts-minus'} style={strong ? { fontWeight: 600 } : undefined}>
      {signed(value)}
    </span>
  );
}

/** The region the page shows: the URL's regionId, else the user's current jurisdiction; with its record. */
type Filters = { [key: string]: string | number | undefined; page: number; pageSize: number };

export function usePageRegion(keys: string[], pageSize = 20) {
  const { current } = useSession();
  const rootId = current?.regionId;
  const { filter: raw, update } = useUrlFilters<Filters>(['regionId', ...keys], {}, pageSize);
  const filter = raw as unknown as Record<string, string | undefined> & { page: number; pageSize: number };
  const regionId = filter.regionId ?? rootId;
  const region = useRegion(regionId);
  const root = useRegion(rootId);
  return { filter, update, rootId, regionId, region: region.data, showTree: !root.data || root.data.hasChildren };
}

/** The 辖区 tree beside a page's main card. */
export function SplitWithTree({
  rootId,
  selectedId,
  showTree,
  onChange,
  children,
}: {
  rootId?: string;
  selectedId?: string;
  showTree: boolean;
  onChange: (id: string | undefined) => void;
  children: ReactNode;
}) {
  return (
    <div className="xz-split">
      {showTree && <RegionTreePanel rootId={rootId} selectedId={selectedId} onChange={onChange} />}
      <Card className="xz-split-main" variant="borderless">
        {children}
      </Card>
    </div>
  );
}
