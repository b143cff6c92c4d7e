// The 随手拍 form's data: the village's choices, similar open cases, sending, following.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api-client';
import type { CaseDetail } from '../../console/api/cases';

export interface Choice {
  code: string;
  label: string;
  badge: string;
  type: string;
  category: string;
  categoryName: string;
  acceptDays: number;
}

export interface SimilarCase {
  id: string;
  seq: string;
  title: string;
  status: string;
  statusName: string;
  placeName: string;
  reportedAt: string;
  score: number;
  mine: boolean;
  following: boolean;
}

export interface Acknowledgement {
  days: number;
  by: string;
  words: string;
}
export type ReportedCase = CaseDetail & { acknowledgement: Acknowledgement | null; following: boolean };

export type Place = { kind: 'home' } | { kind: 'spot'; latitude: number; longitude: number; accuracy?: number };

export const OTHER = 'other';
/** 长辈版 shows this many of the village's choices (its most common), then 其他. */
export const ELDER_CHOICES = 6;

export function useChoices(regionId: string | undefined) {
  return useQuery({
    queryKey: ['h5', 'case-choices', regionId],
    queryFn: () => api.get<{ villageId: string; villageName: string; items: Choice[] }>('/api/case-choices', { regionId: regionId! }),
    enabled: !!regionId,
    staleTime: 10 * 60_000,
  });
}

/** The choices a 长辈版 screen holds: the first six and 其他. */
export const elderChoices = (items: Choice[]) => [...items.filter((c) => c.code !== OTHER).slice(0, ELDER_CHOICES), ...items.filter((c) => c.code === OTHER)];

export const findSimilar = (regionId: string, text: string) => api.get<{ items: SimilarCase[] }>('/api/cases/similar', { regionId, text }).then((r) => r.items);

export const followCase = (id: string) => api.post<ReportedCase>(`/api/cases/${encodeURIComponent(id)}/followers`);

export const sendReport = (body: { choice: string; description: string; regionId: string; householdId?: string; place?: Place; idempotencyKey: string }) =>
  api.post<ReportedCase>('/api/cases/quick-report', body);
