// Visits (走访): the month's plan (五必访 and admin rules), completion by grid and person, the visit log, the 走访台账 and the rules.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, type Page } from './client';
import type { Attachment } from './cases';

export const FREQUENCIES = ['weekly', 'monthly', 'quarterly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];
export type PlanStatus = 'due' | 'overdue' | 'done';
export const PLAN_STATUSES: PlanStatus[] = ['due', 'overdue', 'done'];
export type VisitMethod = 'home' | 'phone' | 'other';

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
  frequency: Frequency;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  /** Names of the rules asking for this visit (e.g. 独居老人每月必访). */ reasons: string[];
  status: PlanStatus;
  visitId: string | null;
  visitDate: string | null;
  visitorName: string | null;
}
export interface Progress {
  month: string;
  totals: { total: number; done: number; overdue: number; due: number; rate: number | null };
  byGrid: { regionId: string; regionName: string; workers: string[]; total: number; done: number; overdue: number; due: number; rate: number | null }[];
  /** In name order: a record of work, not a ranking. */
  byVisitor: { userId: string; name: string; visits: number; planDone: number }[];
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
  method: VisitMethod | string;
  situation: string;
  needs: string | null;
  followUp: string | null;
  problem: boolean;
  caseId: string | null;
  location: { latitude: number; longitude: number } | null;
}
export interface VisitDetail extends Visit {
  attachments: Attachment[];
}
export interface VisitRule {
  id: string;
  name: string;
  tag: string | null;
  frequency: Frequency;
  builtin: boolean;
  active: boolean;
}

export interface PlanFilter {
  regionId?: string;
  month?: string;
  status?: PlanStatus;
  page: number;
  pageSize: number;
}
export interface VisitFilter {
  regionId?: string;
  month?: string;
  problem?: 'true';
  page: number;
  pageSize: number;
}

export const visitKeys = {
  all: ['visits'] as const,
  plan: (f: PlanFilter) => ['visits', 'plan', f] as const,
  progress: (regionId?: string, month?: string) => ['visits', 'progress', regionId ?? null, month ?? null] as const,
  list: (f: VisitFilter) => ['visits', 'list', f] as const,
  one: (id: string) => ['visits', 'one', id] as const,
  rules: ['visit-rules'] as const,
};

export function useVisitPlan(f: PlanFilter, enabled = true) {
  return useQuery({
    queryKey: visitKeys.plan(f),
    queryFn: ({ signal }) => api.get<Page<PlanItem>>('/api/visits/plan', { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Without `month` the server answers for its own current month (and says which in `month`). */
export function useVisitProgress(regionId?: string, month?: string) {
  return useQuery({
    queryKey: visitKeys.progress(regionId, month),
    queryFn: ({ signal }) => api.get<Progress>('/api/visits/progress', { regionId, month }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVisits(f: VisitFilter) {
  return useQuery({
    queryKey: visitKeys.list(f),
    queryFn: ({ signal }) => api.get<Page<Visit>>('/api/visits', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVisit(id: string | undefined) {
  return useQuery({
    queryKey: visitKeys.one(id ?? ''),
    queryFn: () => api.get<VisitDetail>(`/api/visits/${encodeURIComponent(id!)}`),
    enabled: !!id,
    retry: false,
  });
}

export const visitPhotoUrl = (visitId: string, attachmentId: string) =>
  `/api/visits/${encodeURIComponent(visitId)}/attachments/${encodeURIComponent(attachmentId)}`;
export const exportVisitLedger = (f: { regionId?: string; month?: string }, fallbackName: string) => download('/api/visits/ledger', f, fallbackName);

export function useVisitRules() {
  return useQuery({
    queryKey: visitKeys.rules,
    queryFn: () => api.get<Page<VisitRule>>('/api/visit-rules').then((p) => p.items),
    staleTime: 5 * 60_000,
  });
}
export const createVisitRule = (body: { name: string; tag: string | null; frequency: Frequency }) => api.post<VisitRule>('/api/visit-rules', body);
export const patchVisitRule = (id: string, body: { name?: string; frequency?: Frequency; active?: boolean }) =>
  api.patch<VisitRule>(`/api/visit-rules/${encodeURIComponent(id)}`, body);
