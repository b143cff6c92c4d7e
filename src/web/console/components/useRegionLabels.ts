// Grid names repeat across villages (every village has its 一组网格), and the visit and patrol APIs give a grid's own
// name only. Above village level the lists say "孟家湾村 / 一组网格": each grid's village, from its ancestors (one
// cached region lookup per grid on screen, shared with the trees and pickers).
import { useQueries } from '@tanstack/react-query';
import { fetchRegion, regionKeys } from '../api/regions';

/** More grids than this on one screen and the labels stay as the API gave them. */
const MAX_LOOKUPS = 80;

export function useRegionLabels(ids: string[], enabled: boolean) {
  const distinct = [...new Set(ids)];
  const on = enabled && distinct.length > 0 && distinct.length <= MAX_LOOKUPS;
  const results = useQueries({
    queries: (on ? distinct : []).map((id) => ({ queryKey: regionKeys.one(id), queryFn: () => fetchRegion(id), staleTime: 5 * 60_000 })),
  });
  const byId = new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data] as const] : [])));
  return (id: string, name: string) => {
    const r = byId.get(id);
    if (r?.level !== 'grid') return name;
    const village = [...r.ancestors].reverse().find((a) => a.level === 'village');
    return village ? `${village.name} / ${name}` : name;
  };
}

/** A grid inside the village in view needs no village name ("一组网格"); above village level it does. */
export function usePlaceLabels(view: { level: string } | undefined, regionIds: string[]) {
  return useRegionLabels(regionIds, !!view && (view.level === 'county' || view.level === 'township'));
}
