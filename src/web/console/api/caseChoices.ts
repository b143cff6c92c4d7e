// 随手拍选项: the plain words a village's villagers choose from, and the category each stands for.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface ChoiceSetting {
  code: string;
  label: string;
  badge: string;
  category: string;
  active: boolean;
}
export interface VillageChoices {
  villageId: string;
  villageName: string;
  items: { code: string; label: string; category: string; categoryName: string; acceptDays: number }[];
  settings: ChoiceSetting[];
}

export const choicesKey = (villageId: string | null) => ['case-choices', villageId] as const;

export function useVillageChoices(villageId: string | null) {
  return useQuery({
    queryKey: choicesKey(villageId),
    queryFn: () => api.get<VillageChoices>('/api/case-choices', { regionId: villageId! }),
    enabled: !!villageId,
  });
}

export const saveVillageChoices = (villageId: string, items: { code: string; category: string; active: boolean }[]) =>
  api.put<VillageChoices>(`/api/case-choices/${encodeURIComponent(villageId)}`, { items });
