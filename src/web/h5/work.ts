// The grid worker's data (网格员端): the month's visit plan, visits, patrols due today and their checklist, my open cases.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Page } from '../shared/api-client';
import type { CaseItem } from '../console/api/cases';
import type { Me } from './data';

/** Roles whose phone opens on 今日 (visits, patrols, cases) instead of the villager's home. */
const WORKER_ROLES = ['grid_worker', 'village_cadre'];
export const isWorker = (me: Me | undefined) => !!me?.roles.some((r) => WORKER_ROLES.includes(r.role));
/** Where this person starts after signing in. */
export const homePath = (me: Me | undefined) => (isWorker(me) ? '/h5/today' : '/h5');

// ── 走访 ──

export type PlanStatus = 'due' | 'done' | 'overdue';
export interface PlanItem {
  id: string;
  householdId: string;
  address: string;
  headName: string | null;
  residentId: string | null;
  residentName: string | null;
  regionId: string;
  regionName: string;
  /** From the village down: 孟家湾村 / 一组网格. */
  placeName: string;
  frequency: 'weekly' | 'monthly' | 'quarterly';
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  reasons: string[];
  status: PlanStatus;
  visitId: string | null;
  visitDate: string | null;
  visitorName: string | null;
}
export type VisitMethod = 'home' | 'phone' | 'other';
export const METHOD_WORDS: Record<VisitMethod, string> = { home: '入户', phone: '电话', other: '其他' };
export const METHODS: VisitMethod[] = ['home', 'phone', 'other'];

export interface Photo {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
  uploadedBy: string;
}
export interface Visit {
  id: string;
  householdId: string;
  address: string;
  headName: string | null;
  residentId: string | null;
  residentName: string | null;
  regionId: string;
  regionName: string;
  visitorId: string;
  visitorName: string;
  visitedAt: string;
  visitDate: string;
  method: VisitMethod;
  situation: string;
  needs: string | null;
  followUp: string | null;
  problem: boolean;
  caseId: string | null;
  location: { latitude: number; longitude: number } | null;
  attachments?: Photo[];
}

export const visitKeys = {
  all: ['h5', 'visits'] as const,
  plan: (status: PlanStatus, size: number) => ['h5', 'visits', 'plan', status, size] as const,
  planPages: (status: 'open' | 'done') => ['h5', 'visits', 'plan-pages', status] as const,
  one: (id: string) => ['h5', 'visits', 'one', id] as const,
};

/** A page of the current month's plan in one status (the server's month; my whole jurisdiction). */
export function usePlan(status: PlanStatus, pageSize: number) {
  return useQuery({
    queryKey: visitKeys.plan(status, pageSize),
    queryFn: ({ signal }) => api.get<Page<PlanItem>>('/api/visits/plan', { status, pageSize }, signal),
  });
}

export const PLAN_PAGE = 20;
interface PlanCursor {
  status: PlanStatus;
  page: number;
}

/**
 * 待走访 (overdue first, then due) or 已走访, a page at a time. The server orders each status by deadline;
 * the open list walks the overdue pages, then the due ones.
 */
export function usePlanPages(which: 'open' | 'done') {
  const first: PlanCursor = { status: which === 'open' ? 'overdue' : 'done', page: 1 };
  return useInfiniteQuery({
    queryKey: visitKeys.planPages(which),
    initialPageParam: first,
    queryFn: async ({ pageParam, signal }) => {
      const p = await api.get<Page<PlanItem>>('/api/visits/plan', { status: pageParam.status, page: pageParam.page, pageSize: PLAN_PAGE }, signal);
      return { ...p, cursor: pageParam };
    },
    getNextPageParam: (last): PlanCursor | undefined => {
      if (last.items.length > 0 && last.cursor.page * PLAN_PAGE < last.total) return { status: last.cursor.status, page: last.cursor.page + 1 };
      if (last.cursor.status === 'overdue') return { status: 'due', page: 1 };
      return undefined;
    },
  });
}

export function useVisit(id: string) {
  return useQuery({ queryKey: visitKeys.one(id), queryFn: () => api.get<Visit>(`/api/visits/${encodeURIComponent(id)}`), retry: false });
}

export const visitPhotoUrl = (visitId: string, photoId: string) => `/api/visits/${encodeURIComponent(visitId)}/attachments/${encodeURIComponent(photoId)}`;

export interface HouseholdHit {
  id: string;
  address: string;
  headName: string | null;
  regionName: string;
  villageName: string;
  gridName: string;
  residentCount: number;
  tags: string[];
}
export function useHouseholdSearch(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['h5', 'household-search', text],
    queryFn: ({ signal }) => api.get<Page<HouseholdHit>>('/api/households', { q: text, pageSize: 10 }, signal),
    enabled: text.length > 0,
    staleTime: 60_000,
  });
}

export interface HouseholdFull {
  id: string;
  address: string;
  headName: string | null;
  regionName: string;
  villageName: string;
  gridName: string;
  residents: { id: string; name: string; relation: string; tags: string[] }[];
}
export function useHouseholdFull(id: string | null) {
  return useQuery({
    queryKey: ['h5', 'household-full', id],
    queryFn: () => api.get<HouseholdFull>(`/api/households/${encodeURIComponent(id!)}`),
    enabled: !!id,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

// ── 巡查 ──

export type PatrolKind = 'daily' | 'fortnightly' | 'quarterly';
export const KIND_WORDS: Record<PatrolKind, string> = { daily: '日巡查', fortnightly: '月排查', quarterly: '季度联查' };
export interface PatrolDue {
  kind: PatrolKind;
  regionId: string;
  regionName: string;
  periodKey: string;
  dueOn: string;
  periodEnd: string;
  status: 'done' | 'due' | 'late';
  patrolId: string | null;
}
export interface ChecklistItem {
  code: string;
  category: string;
  name: string;
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

export const patrolKeys = {
  all: ['h5', 'patrols'] as const,
  due: ['h5', 'patrols', 'due'] as const,
  mine: ['h5', 'patrols', 'mine'] as const,
  one: (id: string) => ['h5', 'patrols', 'one', id] as const,
  checklist: ['h5', 'patrol-checklist'] as const,
};

const DUE_ORDER = { late: 0, due: 1, done: 2 } as const;
/** Patrols due today in my regions: missed ones first, then due, then done. */
export function usePatrolsDue() {
  return useQuery({
    queryKey: patrolKeys.due,
    queryFn: ({ signal }) =>
      api.get<Page<PatrolDue>>('/api/patrols/due', undefined, signal).then((p) => [...p.items].sort((a, b) => DUE_ORDER[a.status] - DUE_ORDER[b.status])),
  });
}

export function useMyPatrols() {
  return useQuery({
    queryKey: patrolKeys.mine,
    queryFn: ({ signal }) => api.get<Page<Patrol>>('/api/patrols', { mine: 'true', pageSize: 10 }, signal),
  });
}

export function usePatrol(id: string) {
  return useQuery({ queryKey: patrolKeys.one(id), queryFn: () => api.get<Patrol>(`/api/patrols/${encodeURIComponent(id)}`), retry: false });
}

export function useChecklist() {
  return useQuery({
    queryKey: patrolKeys.checklist,
    queryFn: () => api.get<{ name: string; items: ChecklistItem[] }>('/api/patrols/checklist'),
    staleTime: 10 * 60_000,
  });
}

/** The checklist's items by category, in the checklist's order. */
export function byCategory<T extends ChecklistItem>(items: T[]): [string, T[]][] {
  const m = new Map<string, T[]>();
  for (const i of items) {
    if (!m.has(i.category)) m.set(i.category, []);
    m.get(i.category)!.push(i);
  }
  return [...m.entries()];
}

// ── 待办事件 ──

export const TODO_PAGE = 20;
export function useTodoCases(pageSize = 3) {
  return useQuery({
    queryKey: ['h5', 'cases', 'todo', pageSize],
    queryFn: ({ signal }) => api.get<Page<CaseItem>>('/api/cases', { box: 'todo', pageSize }, signal),
  });
}

export function useTodoPages() {
  return useInfiniteQuery({
    queryKey: ['h5', 'cases', 'todo-pages'],
    initialPageParam: 1,
    queryFn: async ({ pageParam, signal }) => ({
      page: pageParam,
      ...(await api.get<Page<CaseItem>>('/api/cases', { box: 'todo', page: pageParam, pageSize: TODO_PAGE }, signal)),
    }),
    getNextPageParam: (last) => (last.items.length > 0 && last.page * TODO_PAGE < last.total ? last.page + 1 : undefined),
  });
}

// ── words ──

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** '2026-11-27' → 11月27日 星期五 (a calendar day, no time zone involved). */
export function dayWithWeekday(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${m}月${d}日 星期${WEEKDAYS[wd]}`;
}
/** '2026-11-30' → 11月30日 */
export const shortDay = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** Who a plan item is for: the resident, else the head of household. */
export const planWho = (i: { residentName: string | null; headName: string | null }) => i.residentName ?? (i.headName ? `${i.headName}户` : '全户');

/** The first sentence of a text, for a case title (≤ 30 characters shown, the server keeps ≤ 60). */
export function firstSentence(text: string, max = 30): string {
  const s = text
    .trim()
    .split(/[。！？!?\n]/)[0]
    .trim();
  return s.length > max ? s.slice(0, max) : s;
}

export const VISIT_PAGE = 20;
/** Visits I logged, newest first, a page at a time. */
export function useMyVisits() {
  return useInfiniteQuery({
    queryKey: ['h5', 'visits', 'mine'],
    initialPageParam: 1,
    queryFn: async ({ pageParam, signal }) => ({
      page: pageParam,
      ...(await api.get<Page<Visit>>('/api/visits', { mine: 'true', page: pageParam, pageSize: VISIT_PAGE }, signal)),
    }),
    getNextPageParam: (last) => (last.items.length > 0 && last.page * VISIT_PAGE < last.total ? last.page + 1 : undefined),
  });
}
