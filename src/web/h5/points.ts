// The villager's points and store: my household, its village, the balance and entries, the store's items.
import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api-client';
import type { Me } from '../console/api/auth';
import type { RegionDetail } from '../console/api/regions';
import { homeGrant } from './data';

export { useHouseholdPoints, useBoard, useRanking, decideAward, proposeAward, uploadEvidence, useRules } from '../console/api/pointsCore';
export { useStoreItems, itemPhotoUrl, formatCode, cancelRedemption } from '../console/api/store';
export type { StoreItem, Redemption } from '../console/api/store';

/** The village my household lies in (a villager's grant sits on the grid; its parent is the village). */
export function useMyVillage(me: Me | undefined) {
  const grant = homeGrant(me);
  return useQuery({
    queryKey: ['h5', 'village', grant?.regionId],
    queryFn: async () => {
      const r = await api.get<RegionDetail>(`/api/regions/${encodeURIComponent(grant!.regionId)}`);
      // A villager may read the village's public pages but not browse it as a region: its name and id come with the grid.
      const v = r.level === 'village' ? r : r.ancestors.find((a) => a.level === 'village');
      return v ? { id: v.id, name: v.name } : { id: r.id, name: r.name };
    },
    enabled: !!grant?.regionId,
    staleTime: 30 * 60_000,
  });
}

/** Words for where an entry came from (规则积分, 超市兑换 …), the same as the console and the printed 台账. */
export { SOURCE_LABELS } from '../../shared/points';
