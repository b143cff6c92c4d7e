// The township's weekly 会商: meetings, their agenda (open red-card and escalated cases) and decisions.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from './client';
import type { Card, CaseStatus } from './cases';

export interface AgendaItem {
  caseId: string;
  seq: string;
  title: string;
  categoryName: string;
  regionName: string;
  levelRegionName: string;
  status: CaseStatus;
  card: Card;
  escalations: number;
  reportedAt: string;
  dueAt: string | null;
  decision: { text: string; by: string; at: string } | null;
}
export interface Consultation {
  id: string;
  regionId: string;
  weekKey: string;
  heldOn: string;
  title: string;
  attendees: string | null;
  status: 'open' | 'closed';
  createdBy: string;
  closedAt: string | null;
  agenda: AgendaItem[];
}
export interface ConsultationBrief {
  id: string;
  regionId: string;
  weekKey: string;
  heldOn: string;
  title: string;
  status: 'open' | 'closed';
  cases: number;
  decided: number;
}

export const consultationKeys = {
  list: ['consultations', 'list'] as const,
  one: (id: string) => ['consultations', 'one', id] as const,
};

export function useConsultations() {
  return useQuery({
    queryKey: consultationKeys.list,
    queryFn: () => api.get<{ items: ConsultationBrief[]; total: number }>('/api/consultations', { pageSize: 50 }),
    placeholderData: keepPreviousData,
  });
}

export function useConsultation(id: string | undefined) {
  return useQuery({
    queryKey: consultationKeys.one(id ?? ''),
    queryFn: () => api.get<Consultation>(`/api/consultations/${encodeURIComponent(id!)}`),
    enabled: !!id,
  });
}

export const openConsultation = (body: { attendees?: string; title?: string }) => api.post<Consultation>('/api/consultations', body);
export const decideOnCase = (id: string, body: { caseId: string; decision: string }) =>
  api.post<Consultation>(`/api/consultations/${encodeURIComponent(id)}/decisions`, body);
export const closeConsultation = (id: string) => api.post<Consultation>(`/api/consultations/${encodeURIComponent(id)}/close`);
