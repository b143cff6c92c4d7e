// Lazily loaded region children, shared through the query cache by trees and pickers.
import { useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { fetchChildren, fetchRegion, regionKeys, type Region } from '../api/regions';

export function useRegionBranches() {
  const qc = useQueryClient();
  const [branches, setBranches] = useState<Record<string, Region[]>>({});

  const load = useCallback(
    async (parentId: string, force = false) => {
      if (force) await qc.invalidateQueries({ queryKey: regionKeys.children(parentId) });
      const items = await qc.fetchQuery({ queryKey: regionKeys.children(parentId), queryFn: () => fetchChildren(parentId), staleTime: 5 * 60_000 });
      setBranches((b) => ({ ...b, [parentId]: items }));
      return items;
    },
    [qc],
  );

  /** Loads every visible ancestor's children so a deep node can be shown selected. */
  const reveal = useCallback(
    async (id: string) => {
      const r = await qc.fetchQuery({ queryKey: regionKeys.one(id), queryFn: () => fetchRegion(id), staleTime: 5 * 60_000 });
      const chain = r.ancestors.filter((a) => a.visible).map((a) => a.id);
      for (const a of chain) await load(a);
      return [...chain, id];
    },
    [qc, load],
  );

  return { branches, load, reveal };
}
