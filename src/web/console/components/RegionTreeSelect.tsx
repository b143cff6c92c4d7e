// A region picker limited to the caller's scope; loads children on demand.
import { useEffect, useMemo, useState } from 'react';
import { TreeSelect } from 'antd';
import { useRootRegions, type Region } from '../api/regions';
import { useI18n } from '../i18n';
import { LevelIcon } from './LevelIcon';
import { useRegionBranches } from './useRegionBranches';

export interface RegionTreeSelectProps {
  id?: string;
  value?: string | null;
  onChange?: (value: string | undefined, region?: Region) => void;
  /** Which nodes may be chosen (others only open). Defaults to every node. */
  selectable?: (r: Region) => boolean;
  /** Start from this region instead of the caller's roots. */
  rootId?: string;
  placeholder?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
  'aria-label'?: string;
  status?: 'error' | 'warning' | '';
}

export function RegionTreeSelect({ id, value, onChange, selectable, rootId, placeholder, allowClear, style, status, ...rest }: RegionTreeSelectProps) {
  const { t } = useI18n();
  const roots = useRootRegions();
  const { branches, load, reveal } = useRegionBranches();
  const [expanded, setExpanded] = useState<string[]>([]);

  useEffect(() => {
    if (value)
      void reveal(value)
        .then((chain) => setExpanded((e) => [...new Set([...e, ...chain.slice(0, -1)])]))
        .catch(() => {});
  }, [value, reveal]);
  useEffect(() => {
    if (rootId) void load(rootId).then(() => setExpanded((e) => [...new Set([...e, rootId])]));
  }, [rootId, load]);

  const all = useMemo(() => {
    const m = new Map<string, Region>();
    for (const r of roots.data ?? []) m.set(r.id, r);
    for (const list of Object.values(branches)) for (const r of list) m.set(r.id, r);
    return m;
  }, [roots.data, branches]);

  const treeData = useMemo(() => {
    const out: { id: string; pId?: string; value: string; title: React.ReactNode; isLeaf: boolean; selectable: boolean; label: string }[] = [];
    const add = (r: Region, pId?: string) => {
      // A grid's name ("二组网格") repeats across villages, so the chosen value reads "孟家湾村 / 二组网格".
      const parent = pId ? all.get(pId) : undefined;
      const label = r.level === 'grid' && parent ? `${parent.name} / ${r.name}` : r.name;
      out.push({
        id: r.id,
        pId,
        value: r.id,
        isLeaf: !r.hasChildren,
        selectable: selectable ? selectable(r) : true,
        label,
        title: (
          <span className="xz-tree-title">
            <LevelIcon level={r.level} />
            {r.name}
            <span className="xz-tree-level">{t(`level.${r.level}`)}</span>
          </span>
        ),
      });
      for (const c of branches[r.id] ?? []) add(c, r.id);
    };
    const top = rootId ? (all.get(rootId) ? [all.get(rootId)!] : (branches[rootId] ?? [])) : (roots.data ?? []);
    for (const r of top) add(r);
    return out;
  }, [roots.data, branches, rootId, all, selectable, t]);

  return (
    <TreeSelect
      id={id}
      aria-label={rest['aria-label']}
      status={status}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v as string | undefined, v ? all.get(v as string) : undefined)}
      treeDataSimpleMode
      treeData={treeData}
      treeNodeLabelProp="label"
      treeExpandedKeys={expanded}
      onTreeExpand={(keys) => setExpanded(keys as string[])}
      loadData={async (n) => {
        const key = String(n.value ?? n.key);
        if (!branches[key]) await load(key);
      }}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch={false}
      loading={roots.isPending}
      style={{ width: '100%', ...style }}
      styles={{ popup: { root: { maxHeight: 420, overflow: 'auto' } } }}
    />
  );
}
