// Points (积分制) for the console: awards and their queue, the 公示栏, rules, settings, households' ledgers, rankings.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, type Page } from './client';
import type { Attachment } from './cases';

export type AwardStatus = 'pending' | 'publicized' | 'effective' | 'rejected';
export const AWARD_STATUSES: AwardStatus[] = ['pending', 'publicized', 'effective', 'rejected'];
export type Proposer = 'cadre' | 'grid' | 'villager';
export const RULE_CATEGORIES = ['人居环境', '孝老爱亲', '遵纪守法', '志愿服务', '移风易俗', '参与治理'] as const;
export const ENTRY_SOURCES = [
  'rule_award',
  'first_report',
  'mediator',
  'volunteer',
  'evaluation',
  'monthly_base',
  'redemption',
  'refund',
  'correction',
  'settlement',
] as const;
export type EntrySource = (typeof ENTRY_SOURCES)[number];

export interface Rule {
  id: string;
  regionId: string;
  code: string;
  name: string;
  category: string;
  value: number;
  cap: number | null;
  capPeriod: 'month' | 'year' | null;
  active: boolean;
  proposers: Proposer[];
  needsApproval: boolean;
  description: string | null;
}
export interface Award {
  id: string;
  householdId: string;
  householdName: string;
  gridName: string;
  /** From the village down: 孟家湾村 / 一组网格. */
  placeName: string;
  ruleId: string;
  ruleCode: string;
  ruleName: string;
  category: string;
  residentId: string | null;
  residentName: string | null;
  value: number;
  note: string | null;
  status: AwardStatus;
  proposedAt: string;
  proposedBy: string;
  proposerName: string;
  proposerRole: Proposer;
  decidedAt: string | null;
  reason: string | null;
  publicUntil: string | null;
  objection: string | null;
  evidenceCount: number;
}
export interface AwardDetail extends Award {
  events: { action: string; byName: string | null; at: string; note: string | null }[];
  evidence: Attachment[];
}
export interface BoardItem {
  id: string;
  householdId: string;
  householdName: string;
  gridName: string;
  /** From the village down: 孟家湾村 / 一组网格. */
  placeName: string;
  ruleName: string;
  category: string;
  residentName: string | null;
  value: number;
  status: AwardStatus;
  decidedAt: string | null;
  publicUntil: string | null;
  note: string | null;
  daysLeft: number | null;
}
export interface Board {
  regionId: string;
  regionName: string;
  publicDays: number;
  items: BoardItem[];
}
export interface Entry {
  id: string;
  householdId: string;
  delta: number;
  source: EntrySource;
  sourceId: string | null;
  ruleId: string | null;
  ruleName: string | null;
  residentId: string | null;
  residentName: string | null;
  note: string | null;
  at: string;
  createdBy: string | null;
}
export interface HouseholdPoints {
  householdId: string;
  householdName: string;
  balance: number;
  entries: Entry[];
  pending: Award[];
}
export interface Settings {
  regionId: string;
  fromRegionId: string | null;
  publicDays: number;
  monthlyBase: number;
  settlementMode: 'carry' | 'reset';
  mediatorPoints: number;
  volunteerRate: number;
}
export interface RankingRow {
  rank: number;
  householdId: string;
  householdName: string;
  gridName: string;
  /** From the village down: 孟家湾村 / 一组网格. */
  placeName: string;
  points: number;
  balance: number | null;
}
export interface Ranking {
  regionId: string;
  regionName: string;
  period: 'month' | 'quarter' | 'year';
  from: string;
  to: string;
  total: number;
  items: RankingRow[];
}
export interface HouseholdRow {
  householdId: string;
  householdName: string;
  villageName: string;
  gridName: string;
  address: string;
  balance: number;
  earnedThisYear: number;
  spentThisYear: number;
}
export interface LedgerEntry extends Entry {
  householdName: string;
  createdByName: string | null;
}

export const pointKeys = {
  all: ['points'] as const,
  awards: (f: object) => ['points', 'awards', f] as const,
  award: (id: string) => ['points', 'award', id] as const,
  board: (regionId: string) => ['points', 'board', regionId] as const,
  rules: (regionId: string) => ['points', 'rules', regionId] as const,
  household: (id: string) => ['points', 'household', id] as const,
};

export function useAwards(f: { regionId?: string; status: AwardStatus; page: number; pageSize: number }) {
  return useQuery({
    queryKey: pointKeys.awards(f),
    queryFn: ({ signal }) => api.get<Page<Award>>('/api/points/awards', { ...f }, signal),
    enabled: !!f.regionId,
    placeholderData: keepPreviousData,
  });
}
export function useAwardCounts(regionId?: string) {
  return useQuery({
    queryKey: ['points', 'award-counts', regionId],
    queryFn: async () =>
      Object.fromEntries(
        await Promise.all(
          AWARD_STATUSES.map(async (s) => [s, (await api.get<Page<Award>>('/api/points/awards', { regionId, status: s, pageSize: 1 })).total] as const),
        ),
      ) as Record<AwardStatus, number>,
    enabled: !!regionId,
  });
}
export function useAward(id?: string) {
  return useQuery({ queryKey: pointKeys.award(id ?? ''), queryFn: () => api.get<AwardDetail>(`/api/points/awards/${encodeURIComponent(id!)}`), enabled: !!id });
}
export const decideAward = (id: string, action: 'approve' | 'reject' | 'object', reason?: string) =>
  api.post<Award>(`/api/points/awards/${encodeURIComponent(id)}/${action}`, reason ? { reason } : {});
export const proposeAward = (body: { householdId: string; ruleId: string; residentId?: string; note?: string; idempotencyKey: string }) =>
  api.post<Award>('/api/points/awards', body);
export function uploadEvidence(id: string, files: File[]) {
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  return api.upload<{ items: Attachment[] }>(`/api/points/awards/${encodeURIComponent(id)}/evidence`, form);
}
export const evidenceUrl = (awardId: string, attachmentId: string) =>
  `/api/points/awards/${encodeURIComponent(awardId)}/evidence/${encodeURIComponent(attachmentId)}`;

export function useBoard(regionId?: string) {
  return useQuery({ queryKey: pointKeys.board(regionId ?? ''), queryFn: () => api.get<Board>('/api/points/board', { regionId }), enabled: !!regionId });
}
export function useRules(regionId?: string, includeInactive = false) {
  return useQuery({
    queryKey: [...pointKeys.rules(regionId ?? ''), includeInactive],
    queryFn: () => api.get<Page<Rule>>('/api/points/rules', { regionId, includeInactive }).then((p) => p.items),
    enabled: !!regionId,
  });
}
export type RuleInput = Pick<Rule, 'name' | 'category' | 'value' | 'cap' | 'capPeriod' | 'proposers' | 'needsApproval' | 'description'>;
export const createRule = (body: RuleInput & { regionId: string; code: string }) => api.post<Rule>('/api/points/rules', body);
export const updateRule = (id: string, body: Partial<RuleInput> & { active?: boolean }) => api.patch<Rule>(`/api/points/rules/${encodeURIComponent(id)}`, body);
export function useSettings(regionId?: string) {
  return useQuery({ queryKey: ['points', 'settings', regionId], queryFn: () => api.get<Settings>('/api/points/settings', { regionId }), enabled: !!regionId });
}
export const saveSettings = (body: Omit<Settings, 'fromRegionId'>) => api.put<Settings>('/api/points/settings', body);

export function useHouseholdPoints(id?: string) {
  return useQuery({
    queryKey: pointKeys.household(id ?? ''),
    queryFn: () => api.get<HouseholdPoints>(`/api/households/${encodeURIComponent(id!)}/points`),
    enabled: !!id,
  });
}
export function usePointHouseholds(f: { regionId?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['points', 'households', f],
    queryFn: ({ signal }) => api.get<Page<HouseholdRow>>('/api/points/households', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}
export function useLedgerEntries(f: { regionId?: string; from?: string; to?: string; source?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['points', 'entries', f],
    queryFn: ({ signal }) => api.get<Page<LedgerEntry>>('/api/points/entries', { ...f }, signal),
    enabled: !!f.regionId,
    placeholderData: keepPreviousData,
  });
}
export const correctPoints = (body: { householdId: string; delta: number; reason: string; idempotencyKey: string }) =>
  api.post<Entry>('/api/points/corrections', body);
export const downloadLedger = (regionId: string, from?: string, to?: string) => download('/api/points/ledger/export', { regionId, from, to }, '积分台账.xlsx');
export const downloadRules = (regionId: string) => download('/api/points/rules/export', { regionId }, '积分规则.xlsx');

export function useRanking(f: { regionId?: string; period: 'month' | 'quarter' | 'year'; date?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['points', 'ranking', f],
    queryFn: () => api.get<Ranking>('/api/points/ranking', { ...f }),
    enabled: !!f.regionId,
    placeholderData: keepPreviousData,
  });
}

export interface Designation {
  id: string;
  householdId: string;
  householdName: string;
  gridName: string;
  /** From the village down: 孟家湾村 / 一组网格. */
  placeName: string;
  title: string;
  year: number;
  points: number;
  note: string | null;
  awardedAt: string;
}
export interface Settlement {
  id: string;
  regionId: string;
  regionName: string;
  year: number;
  mode: 'carry' | 'reset';
  households: number;
  total: number;
  doneAt: string;
}
export const DESIGNATION_TITLES: Record<string, number> = { 十星级文明户: 20, 五好文明家庭: 20, 净美庭院: 10 };
export function useDesignations(regionId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['points', 'designations', regionId, year],
    queryFn: () => api.get<Page<Designation>>('/api/points/designations', { regionId, year }).then((p) => p.items),
    enabled: !!regionId,
  });
}
export const designate = (body: { householdId: string; title: string; year: number; points?: number; note?: string }) =>
  api.post<Designation>('/api/points/designations', body);
export function useSettlements(regionId?: string) {
  return useQuery({
    queryKey: ['points', 'settlements', regionId],
    queryFn: () => api.get<Page<Settlement>>('/api/points/settlements', { regionId }).then((p) => p.items),
    enabled: !!regionId,
  });
}
export const settleYear = (regionId: string, year: number) => api.post<Settlement>('/api/points/settlements', { regionId, year });

export interface Activity {
  id: string;
  regionId: string;
  title: string;
  description: string | null;
  place: string | null;
  startsAt: string;
  hours: number;
  rate: number;
  points: number;
  capacity: number | null;
  status: 'open' | 'closed';
  organizerName: string;
  signedUp: number;
  attended: number;
}
export interface ActivityDetail extends Activity {
  canManage: boolean;
  signups: {
    id: string;
    householdId: string;
    householdName: string;
    residentId: string;
    residentName: string;
    status: 'signed' | 'attended' | 'absent';
    hours: number | null;
    points: number | null;
    confirmedAt: string | null;
  }[];
}
export function useActivities(f: { regionId?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: ['points', 'activities', f],
    queryFn: () => api.get<Page<Activity>>('/api/volunteer/activities', { ...f }),
    enabled: !!f.regionId,
    placeholderData: keepPreviousData,
  });
}
export function useActivity(id?: string) {
  return useQuery({
    queryKey: ['points', 'activity', id],
    queryFn: () => api.get<ActivityDetail>(`/api/volunteer/activities/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}
export const createActivity = (body: {
  regionId: string;
  title: string;
  description?: string;
  place?: string;
  startsAt: string;
  hours: number;
  capacity?: number | null;
}) => api.post<Activity>('/api/volunteer/activities', body);
export const signUpResident = (id: string, residentId: string) =>
  api.post<ActivityDetail>(`/api/volunteer/activities/${encodeURIComponent(id)}/signups`, { residentId });
export const confirmAttendance = (id: string, body: { signupId: string; attended: boolean; hours?: number }) =>
  api.post<ActivityDetail>(`/api/volunteer/activities/${encodeURIComponent(id)}/attendance`, body);
export const closeActivity = (id: string) => api.post<ActivityDetail>(`/api/volunteer/activities/${encodeURIComponent(id)}/close`, {});

export interface RuleImportResult {
  dryRun: boolean;
  totalRows: number;
  created: number;
  updated: number;
  unchanged: number;
  inherited: number;
  problems: { row: number; message: string }[];
}
export function importRules(regionId: string, file: File, dryRun: boolean) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<RuleImportResult>('/api/points/rules/import', form, { regionId, dryRun });
}
export const downloadRuleTemplate = () => download('/api/points/rules/template', {}, '积分规则导入模板.xlsx');
