// Cases (事件办理): list, detail with history and the caller's actions, reporting, transitions, category settings.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, type Page } from './client';

export type CaseType = 'incident' | 'service' | 'dispute';
export type CaseStatus = 'reported' | 'accepted' | 'dispatched' | 'in_progress' | 'resolved' | 'rated' | 'archived' | 'rejected' | 'merged';
export type CaseAction =
  | 'accept'
  | 'reject'
  | 'dispatch'
  | 'start'
  | 'resolve'
  | 'escalate'
  | 'return'
  | 'supervise'
  | 'rate'
  | 'archive'
  | 'reopen'
  | 'request_extension'
  | 'approve_extension'
  | 'deny_extension'
  | 'copy'
  | 'verify'
  | 'note'
  /** 党员代办: record the next of the six steps. */
  | 'step'
  /** 矛盾纠纷: a mediation session; a follow-up visit (回访) after it ends. */
  | 'mediate'
  | 'revisit'
  /** 合并: this case ends, merged into another open case of the same level. */
  | 'merge';
export type Priority = 'normal' | 'major' | 'difficult';
export type Card = 'yellow' | 'red';
export type CaseBox = 'todo' | 'done' | 'overdue' | 'copied' | 'mine';

export const CASE_TYPES: CaseType[] = ['incident', 'service', 'dispute'];
export const CASE_STATUSES: CaseStatus[] = ['reported', 'accepted', 'dispatched', 'in_progress', 'resolved', 'rated', 'archived', 'rejected', 'merged'];
export const PRIORITIES: Priority[] = ['normal', 'major', 'difficult'];
export const SOURCES = ['grid_worker', 'villager_photo', 'visit', 'patrol', 'walk_in', 'council', 'hotline', 'other_system'] as const;
export type Source = (typeof SOURCES)[number];
/** 党员代办's six steps, recorded in this order. */
export { SERVICE_STEPS } from '../../../shared/case-steps';
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type PartySide = 'applicant' | 'respondent' | 'other';
export interface DisputeParty {
  name: string;
  phone?: string;
  householdId?: string;
  side?: PartySide;
}
export interface CaseDetails {
  parties?: DisputeParty[];
  riskLevel?: RiskLevel;
  serviceItem?: string;
}

export interface CaseItem {
  id: string;
  seq: string;
  type: CaseType;
  category: string;
  categoryName: string;
  categoryGroup: string | null;
  title: string;
  description: string;
  priority: Priority;
  source: string;
  sourceName: string;
  regionId: string;
  regionName: string;
  /** From the village down: 孟家湾村 / 一组网格. */
  placeName: string;
  householdId: string | null;
  status: CaseStatus;
  card: Card | null;
  levelRegionId: string;
  levelRegionName: string;
  levelRegionLevel: string;
  reporterId: string;
  reporterName: string;
  assigneeId: string | null;
  assigneeName: string | null /** 站所 the case is dispatched to. */;
  assigneeUnit: string | null;
  dueAt: string | null;
  /** An open case's time left in words (剩2个工作日, 今天到期, 已超期1天). */
  timeLeft: string | null;
  yellowAt: string | null;
  overdue: boolean;
  /** The due date lies in a year whose work calendar nobody has entered (counted Monday–Friday for now). */ dueProvisional?: boolean;
  reportedAt: string;
  acceptedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rating: number | null;
  ratingComment: string | null;
  escalations: number;
  reopened: number;
  extensionPending: boolean;
  extensionDays: number;
  verified: boolean;
  details: (CaseDetails & Record<string, unknown>) | null;
}
export interface Attachment {
  id: string;
  name: string;
  mime: string;
  size: number;
  createdAt: string;
  uploadedBy: string;
}
export interface HistoryEntry {
  /** A case action, or the system's own: report, card_yellow, card_red. */
  action: string;
  from: CaseStatus | null;
  to: CaseStatus;
  by: string | null;
  byName: string;
  /** The role they acted in, in words (一组网格员, 孟家湾村干部); '' for the system or with none. */
  byRole: string;
  at: string;
  note: string | null;
  data: Record<string, unknown> | null;
}
export interface CaseDetail extends CaseItem {
  history: HistoryEntry[];
  /** The caller follows the case (我也遇到) and is told of every step. */
  following?: boolean;
  /** While waiting to be accepted: 已收到，村里将在N个工作日内受理（日期前）. */
  acknowledgement?: { days: number; by: string; words: string } | null;
  copies: { userId: string; name: string }[];
  attachments: Attachment[];
  /** Attachment ids of the pictures to set side by side: from the report and the work (before), and of the result in force (after). */
  photos: { before: string[]; after: string[] };
  /** 办结须附照片 for this case's category. */
  resultPhotoRequired: boolean;
  /** Exactly the actions the caller may take now. */
  actions: CaseAction[];
}
export interface Assignee {
  userId: string;
  name: string;
  phone: string;
  role: string;
  regionId: string;
  regionName: string;
  unit: string | null;
  /** Offered first: the case's own grid worker, or one this level often hands cases to. */
  suggested: 'grid' | 'usual' | null;
}
export interface CaseCategory {
  code: string;
  type: CaseType;
  name: string;
  group: string | null;
  active: boolean;
  acceptYellow: number;
  acceptRed: number;
  resolveYellow: number;
  resolveRed: number;
  skipLevel: boolean;
  verifyRequired: boolean;
  /** 办结须附照片 */
  requireResultPhoto: boolean;
  firstReportPoints: number;
}

export const LIMIT_LEVELS = ['village', 'township', 'county'] as const;
export type LimitLevel = (typeof LIMIT_LEVELS)[number];
export interface Limits {
  acceptYellow: number;
  acceptRed: number;
  resolveYellow: number;
  resolveRed: number;
}
/** A time-limit rule; null category / level means every category / level. */
export interface LimitRule extends Limits {
  id: string;
  category: string | null;
  categoryName: string | null;
  level: LimitLevel | null;
  priority: Priority;
  updatedAt: string;
}
export type LimitRuleInput = Omit<LimitRule, 'id' | 'categoryName' | 'updatedAt'>;

export interface CaseFilter {
  box?: CaseBox /** 'true': low ratings and reopened cases. */;
  attention?: 'true';
  status?: CaseStatus;
  type?: CaseType;
  category?: string;
  card?: Card;
  regionId?: string;
  q?: string /** Shanghai days 'YYYY-MM-DD', both inclusive. */;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}
export interface CaseReport {
  type: CaseType;
  category: string;
  title: string;
  description: string;
  regionId: string;
  householdId?: string;
  priority?: Priority;
  source?: Source;
  idempotencyKey?: string;
  details?: CaseDetails;
}
export interface TransitionInput {
  action: CaseAction;
  note?: string;
  assigneeId?: string;
  rating?: number;
  days?: number;
  skipLevel?: boolean;
  idempotencyKey?: string;
  /** Disputes' 办结: 达成协议 or 终止调解. */ outcome?: 'agreement' | 'terminated';
  /** 党员代办: the step being recorded. */ step?: string;
  /** A mediation session's place. */ place?: string;
  /** 派单 to a township unit (站所). */ unit?: string;
  /** 办结: pictures of the result already attached to the case. */ photoIds?: string[];
  /** 受理: the real category (required for a villager's 其他). */ category?: string;
  /** 合并: the open case of the same level this one is merged into. */ intoId?: string;
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilter) => ['cases', 'list', f] as const,
  count: (box: CaseBox) => ['cases', 'count', box] as const,
  stats: (regionId?: string) => ['cases', 'stats', regionId ?? null] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  assignees: (id: string) => ['cases', 'assignees', id] as const,
  categories: ['case-categories'] as const,
  limits: ['case-limits'] as const,
};

export function useCases(f: CaseFilter, enabled = true) {
  return useQuery({
    queryKey: caseKeys.list(f),
    queryFn: ({ signal }) => api.get<Page<CaseItem>>('/api/cases', { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Only the total of a box (the counts beside the 待办 / 超期 tabs). */
export function useCaseCount(box: CaseBox) {
  return useQuery({
    queryKey: caseKeys.count(box),
    queryFn: ({ signal }) => api.get<Page<CaseItem>>('/api/cases', { box, page: 1, pageSize: 1 }, signal).then((p) => p.total),
  });
}

/** KPIs of a subtree (the caller's whole jurisdiction without `regionId`): counts, 小事不出村率, ratings. */
export interface CaseStats {
  total: number;
  byStatus: { status: string; n: number }[];
  resolved: number;
  overdue: number;
  escalated: number;
  reopened: number;
  lowRatings: number;
  avgRating: number | null;
  resolvedInVillage: number;
  /** Share (0–1) of resolved cases resolved at village or grid level; null when none is resolved. */ villageRate: number | null;
}

export function useCaseStats(regionId?: string) {
  return useQuery({
    queryKey: caseKeys.stats(regionId),
    queryFn: ({ signal }) => api.get<CaseStats>('/api/cases/stats', { regionId }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: string) {
  return useQuery({ queryKey: caseKeys.one(id), queryFn: () => api.get<CaseDetail>(`/api/cases/${encodeURIComponent(id)}`), retry: false });
}

export function useAssignees(id: string, enabled: boolean) {
  return useQuery({
    queryKey: caseKeys.assignees(id),
    queryFn: () => api.get<Page<Assignee> & { units: string[] }>(`/api/cases/${encodeURIComponent(id)}/assignees`),
    enabled,
  });
}

export function useCaseCategories() {
  return useQuery({
    queryKey: caseKeys.categories,
    queryFn: () => api.get<Page<CaseCategory>>('/api/case-categories').then((p) => p.items),
    staleTime: 5 * 60_000,
  });
}

export function useCaseLimits() {
  return useQuery({
    queryKey: caseKeys.limits,
    queryFn: () => api.get<{ defaults: Record<Priority, Limits>; levels: LimitLevel[]; items: LimitRule[] }>('/api/case-limits'),
  });
}
export const putCaseLimit = (body: LimitRuleInput) => api.put<LimitRule>('/api/case-limits', body);
export const deleteCaseLimit = (id: string) => api.del(`/api/case-limits/${encodeURIComponent(id)}`);

export const reportCase = (body: CaseReport) => api.post<CaseDetail>('/api/cases', body);
export const transitionCase = (id: string, body: TransitionInput) => api.post<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/transitions`, body);
export const createCategory = (body: { type: CaseType; name: string; group?: string | null }) => api.post<CaseCategory>('/api/case-categories', body);
export const patchCategory = (code: string, body: Partial<Omit<CaseCategory, 'code' | 'type' | 'group'>>) =>
  api.patch<CaseCategory>(`/api/case-categories/${encodeURIComponent(code)}`, body);

export function uploadAttachments(id: string, files: File[]) {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api.upload<{ items: Attachment[] }>(`/api/cases/${encodeURIComponent(id)}/attachments`, form);
}
export const attachmentUrl = (caseId: string, attachmentId: string) =>
  `/api/cases/${encodeURIComponent(caseId)}/attachments/${encodeURIComponent(attachmentId)}`;
export const exportCaseFile = (id: string, fallbackName: string) => download(`/api/cases/${encodeURIComponent(id)}/file`, {}, fallbackName);
export const exportDisputeLedger = (f: { regionId?: string; from?: string; to?: string }, fallbackName: string) =>
  download('/api/cases/disputes/ledger', f, fallbackName);
