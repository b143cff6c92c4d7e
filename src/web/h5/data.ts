// The villager's data: me, my household, the cases of my family, categories.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, type Page } from '../console/api/client';
import type { Me } from '../console/api/auth';
import type { CaseCategory, CaseDetail, CaseItem } from '../console/api/cases';
import { errorMessage } from './errors';

export type { Me };

export const meKey = ['h5', 'me'] as const;
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api.get<Me>('/api/me'), retry: false, staleTime: 5 * 60_000 });
}

/** The grant a villager acts under: the one with a household, else the first. */
export function homeGrant(me: Me | undefined) {
  return me?.roles.find((r) => r.householdId) ?? me?.roles[0];
}

export interface Household { id: string; address: string; regionName: string; villageName: string; gridName: string; headName: string | null }
export function useHousehold(id: string | null | undefined) {
  return useQuery({
    queryKey: ['h5', 'household', id],
    queryFn: () => api.get<Household>(`/api/households/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 10 * 60_000,
  });
}

export interface FamilyCase extends CaseItem { canRate: boolean }

/** Cases I reported and cases of my household, newest first, those waiting for my rating marked. */
export function useFamilyCases(me: Me | undefined) {
  const hh = homeGrant(me)?.householdId ?? null;
  return useQuery({
    queryKey: ['h5', 'cases', me?.id, hh],
    enabled: !!me,
    queryFn: async ({ signal }) => {
      const [mine, all] = await Promise.all([
        api.get<Page<CaseItem>>('/api/cases', { box: 'mine', pageSize: 50 }, signal),
        api.get<Page<CaseItem>>('/api/cases', { pageSize: 50 }, signal),
      ]);
      const byId = new Map<string, CaseItem>();
      for (const c of mine.items) byId.set(c.id, c);
      for (const c of all.items) if ((hh && c.householdId === hh) || c.reporterId === me!.id) byId.set(c.id, c);
      const list = [...byId.values()];
      // Whether I may rate a resolved case is the server's call (the detail's actions).
      const resolved = list.filter((c) => c.status === 'resolved');
      const rateable = new Set<string>();
      await Promise.all(resolved.map(async (c) => {
        try {
          const d = await api.get<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}`, undefined, signal);
          if (d.actions.includes('rate')) rateable.add(c.id);
        } catch { /* shown without the button */ }
      }));
      return list
        .map((c): FamilyCase => ({ ...c, canRate: rateable.has(c.id) }))
        .sort((a, b) => Number(b.canRate) - Number(a.canRate) || b.reportedAt.localeCompare(a.reportedAt));
    },
  });
}

export function useCaseDetail(id: string) {
  return useQuery({ queryKey: ['h5', 'case', id], queryFn: () => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`), retry: false });
}

export function useIncidentCategories() {
  return useQuery({
    queryKey: ['h5', 'categories'],
    queryFn: () => api.get<Page<CaseCategory>>('/api/case-categories').then((p) => p.items.filter((c) => c.type === 'incident' && c.active)),
    staleTime: 10 * 60_000,
  });
}

export { api, ApiError, errorMessage };
