// Opens a lone child right away (榆阳区 → 孟家湾乡 → …) so a tree never starts as a single closed line.
import { useEffect } from 'react';
import type { Region } from '../api/regions';

export function useAutoExpand(
  rootId: string | undefined,
  branches: Record<string, Region[]>,
  load: (id: string) => Promise<Region[]>,
  expand: (id: string) => void,
  maxDepth = 2,
) {
  useEffect(() => {
    if (!rootId) return;
    let id = rootId;
    for (let depth = 0; depth < maxDepth; depth++) {
      const kids = branches[id];
      if (kids?.length !== 1 || !kids[0].hasChildren) return;
      const only = kids[0];
      if (!branches[only.id]) {
        void load(only.id).then(() => expand(only.id));
        return;
      }
      id = only.id;
    }
  }, [rootId, branches, load, expand, maxDepth]);
}
