// Patrols (巡查): records with their checklist results, what is due today, and the checklist itself.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';

export const PATROL_KINDS = ['daily', 'fortnightly', 'quarterly'] as const;
export type PatrolKind = (typeof PATROL_KINDS)[number];
export type PatrolDueStatus = 'done' | 'due' | 'late';

export interface ChecklistItem {
  code: string;
  category: string;
  name: string;
}
export interface Checklist {
  name: string;
  items: ChecklistItem[];
  updatedAt: string;
}
export interface PatrolResult extends ChecklistItem {
  ok: boolean;
  note: string | null;
  caseId: string | null;
}
export interface Patrol {
  id: string;
  kind: PatrolKind;
  regionId: string;
  regionName: string;
  periodKey: string;
  patrollerId: string;
  patrollerName: string;
  patrolledAt: string;
  patrolDate: string;
  problems: number;
  note: string | null;
  results: PatrolResult[];
  location: { latitude: number; longitude: number } | null;
}
export interface PatrolDue {
  kind: PatrolKind;
  regionId: string;
  regionName: string;
  periodKey: string;
  dueOn: string;
  periodEnd: string;
  status: PatrolDueStatus;
  patrolId: string | null;
}
export interface PatrolFilter {
  regionId?: string;
  kind?: PatrolKind;
  month?: string;
  problems?: 'true';
  page: number;
  pageSize: number;
}

export const patrolKeys = {
  all: ['patrols'] as const,
  list: (f: PatrolFilter) => ['patrols', 'list', f] as const,
  one: (id: string) => ['patrols', 'one', id] as const,
  due: (regionId?: string) => ['patrols', 'due', regionId ?? null] as const,
  checklist: ['patrol-checklist'] as const,
};

export function usePatrols(f: PatrolFilter) {
  return useQuery({
    queryKey: patrolKeys.list(f),
    queryFn: ({ signal }) => api.get<Page<Patrol>>('/api/patrols', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePatrol(id: string | undefined) {
  return useQuery({
    queryKey: patrolKeys.one(id ?? ''),
    queryFn: () => api.get<Patrol>(`/api/patrols/${encodeURIComponent(id!)}`),
    enabled: !!id,
    retry: false,
  });
}

/** Today's patrols (the server's today) for a region and everything under it. */
export function usePatrolsDue(regionId?: string) {
  return useQuery<PatrolDue[]>({
    queryKey: patrolKeys.due(regionId),
    queryFn: ({ signal }) => api.get<Page<PatrolDue>>('/api/patrols/due', { regionId }, signal).then((p) => p.items),
    placeholderData: keepPreviousData,
  });
}

export function usePatrolChecklist() {
  return useQuery({ queryKey: patrolKeys.checklist, queryFn: () => api.get<Checklist>('/api/patrols/checklist') });
}
export const putPatrolChecklist = (body: { name: string; items: { code?: string; category: string; name: string }[] }) =>
  api.put<Checklist>('/api/patrols/checklist', body);
