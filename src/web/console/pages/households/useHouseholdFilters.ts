// List filters live in the URL so "back" from a household returns to the same page.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { HouseholdFilter } from '../../api/households';

export function useHouseholdFilters(defaultRegionId: string | undefined) {
  const [params, setParams] = useSearchParams();
  const filter: HouseholdFilter = useMemo(() => ({
    regionId: params.get('regionId') ?? defaultRegionId,
    q: params.get('q') ?? undefined,
    tag: params.get('tag') ?? undefined,
    page: Number(params.get('page')) || 1,
    pageSize: Number(params.get('pageSize')) || 20,
  }), [params, defaultRegionId]);

  const update = useCallback((patch: Partial<HouseholdFilter>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === null || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in patch)) next.delete('page');
      return next;
    }, { replace: true });
  }, [setParams]);

  return { filter, update };
}
