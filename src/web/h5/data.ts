// The villager's data: me, my household, the cases of my family, categories.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, ApiError, type Page } from '../shared/api-client';
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

export interface Household {
  id: string;
  address: string;
  regionName: string;
  villageName: string;
  gridName: string;
  headName: string | null;
}
export function useHousehold(id: string | null | undefined) {
  return useQuery({
    queryKey: ['h5', 'household', id],
    queryFn: () => api.get<Household>(`/api/households/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 10 * 60_000,
  });
}

export interface FamilyCase extends CaseItem {
  canRate: boolean;
}

/** Cases per page on 我家的事, and on 待评价 (where each one is also asked whether I may rate it). */
export const FAMILY_PAGE = 20;
export const RATE_PAGE = 10;

/**
 * Where my family's cases come from. A villager sees exactly the cases of the household and those they reported,
 * so the plain list is the family's list; without a household only what I reported concerns me (我上报的). Someone
 * who sees more (a grid worker who is also a villager) gets each page narrowed to the family here.
 */
function familySource(me: Me | undefined) {
  const hh = homeGrant(me)?.householdId ?? null;
  return {
    hh,
    query: hh ? {} : { box: 'mine' },
    /** True when the server's totals count exactly the family's cases. */
    exact: !hh || !!me?.roles.every((r) => r.role === 'villager'),
    mine: (c: CaseItem) => (!!hh && c.householdId === hh) || c.reporterId === me?.id,
  };
}

/** Whether the server's totals count exactly my family's cases (so a count can be shown before all pages are in). */
export const familyCountIsExact = (me: Me | undefined) => familySource(me).exact;

export interface CasePage<T> {
  page: number;
  total: number;
  fetched: number;
  items: T[];
}

const nextPage = (size: number) => (last: CasePage<unknown>) => (last.fetched > 0 && last.page * size < last.total ? last.page + 1 : undefined);

/** The pages loaded so far as one list, a case that moved between pages (a new report shifts them) shown once. */
export function flatten<T extends { id: string }>(pages: CasePage<T>[] | undefined): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const p of pages ?? [])
    for (const c of p.items)
      if (!seen.has(c.id)) {
        seen.add(c.id);
        out.push(c);
      }
  return out;
}

/** 我家的事: cases I reported and cases of my household, newest first, a page at a time. */
export function useFamilyCases(me: Me | undefined) {
  const src = familySource(me);
  return useInfiniteQuery({
    queryKey: ['h5', 'cases', 'family', me?.id, src.hh],
    enabled: !!me,
    initialPageParam: 1,
    queryFn: async ({ pageParam, signal }): Promise<CasePage<CaseItem>> => {
      const p = await api.get<Page<CaseItem>>('/api/cases', { ...src.query, page: pageParam, pageSize: FAMILY_PAGE }, signal);
      return { page: pageParam, total: p.total, fetched: p.items.length, items: p.items.filter(src.mine) };
    },
    getNextPageParam: nextPage(FAMILY_PAGE),
  });
}

/** 待评价: finished (已办结) family cases that the server lets me rate, a page at a time. */
export function useCasesToRate(me: Me | undefined) {
  const src = familySource(me);
  return useInfiniteQuery({
    queryKey: ['h5', 'cases', 'to-rate', me?.id, src.hh],
    enabled: !!me,
    initialPageParam: 1,
    queryFn: async ({ pageParam, signal }): Promise<CasePage<FamilyCase>> => {
      const p = await api.get<Page<CaseItem>>('/api/cases', { ...src.query, status: 'resolved', page: pageParam, pageSize: RATE_PAGE }, signal);
      // Whether I may rate a resolved case is the server's call (the detail's actions).
      const rateable = await Promise.all(
        p.items.filter(src.mine).map(async (c) => {
          try {
            const d = await api.get<CaseDetail>(`/api/cases/${encodeURIComponent(c.id)}`, undefined, signal);
            return d.actions.includes('rate') ? c : null;
          } catch {
            return null; /* shown under 我家的事 without the button */
          }
        }),
      );
      return {
        page: pageParam,
        total: p.total,
        fetched: p.items.length,
        items: rateable.filter((c): c is CaseItem => !!c).map((c) => ({ ...c, canRate: true })),
      };
    },
    getNextPageParam: nextPage(RATE_PAGE),
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
