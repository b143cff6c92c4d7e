// The jurisdiction tree beside lists: root = the current jurisdiction, children load on expand.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Card, Skeleton, Tree, type TreeDataNode } from 'antd';
import { useRegion, type Region } from '../api/regions';
import { useT } from '../i18n';
import { LevelIcon } from './LevelIcon';
import { useRegionBranches } from './useRegionBranches';
import { useAutoExpand } from './useAutoExpand';

export interface RegionTreeProps {
  rootId: string;
  selectedId?: string;
  onSelect: (r: Pick<Region, 'id' | 'name' | 'level'>) => void;
}

export function RegionTree({ rootId, selectedId, onSelect }: RegionTreeProps) {
  const t = useT();
  const root = useRegion(rootId);
  const { branches, load } = useRegionBranches();
  const [expanded, setExpanded] = useState<string[]>([rootId]);
  const byId = useMemo(
    () =>
      new Map(
        Object.values(branches)
          .flat()
          .map((r) => [r.id, r]),
      ),
    [branches],
  );

  useEffect(() => {
    setExpanded([rootId]);
    void load(rootId);
  }, [rootId, load]);
  const expand = useCallback((id: string) => setExpanded((e) => (e.includes(id) ? e : [...e, id])), []);
  useAutoExpand(rootId, branches, load, expand);

  const node = (r: Pick<Region, 'id' | 'name' | 'level' | 'hasChildren'>): TreeDataNode => ({
    key: r.id,
    title: (
      <span className="xz-tree-title" title={r.name}>
        <LevelIcon level={r.level} />
        <span>{r.name}</span>
      </span>
    ),
    isLeaf: !r.hasChildren,
    children: branches[r.id]?.map(node),
  });

  if (root.isPending) return <Skeleton active paragraph={{ rows: 6 }} title={false} />;
  if (!root.data) return null;
  const treeData = [node(root.data)];

  return (
    <Tree
      blockNode
      showLine={false}
      treeData={treeData}
      selectedKeys={[selectedId ?? rootId]}
      expandedKeys={expanded}
      onExpand={(keys) => setExpanded(keys as string[])}
      loadData={async (n) => {
        if (!branches[String(n.key)]) await load(String(n.key));
      }}
      onSelect={(keys) => {
        const id = String(keys[0] ?? selectedId ?? rootId);
        const r = id === rootId ? root.data : byId.get(id);
        if (r) onSelect({ id: r.id, name: r.name, level: r.level });
      }}
      aria-label={t('households.regionTree')}
    />
  );
}

/** The 辖区 panel beside a list: the tree under the current jurisdiction; choosing its root clears the filter. */
export function RegionTreePanel({ rootId, selectedId, onChange }: { rootId?: string; selectedId?: string; onChange: (regionId: string | undefined) => void }) {
  const t = useT();
  return (
    <Card className="xz-split-side" size="small" title={t('households.regionTree')} variant="borderless">
      <div className="xz-tree-scroll">
        {rootId && <RegionTree rootId={rootId} selectedId={selectedId} onSelect={(r) => onChange(r.id === rootId ? undefined : r.id)} />}
      </div>
    </Card>
  );
}
