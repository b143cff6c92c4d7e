import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, download, type Page } from './client';

export interface HouseholdSummary {
  id: string;
  regionId: string;
  regionName: string;
  villageName: string;
  gridName: string;
  address: string;
  phone: string | null;
  headName: string | null;
  residentCount: number;
  tags: string[];
  updatedAt: string;
  /** What the caller may do to the household (household.update, resident.revealId …), from the server's policy. */
  abilities: string[];
}
export interface Resident {
  id: string;
  householdId: string;
  name: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  birthYear: number;
  age: number;
  idNumber: string;
  phone: string | null;
  relation: string;
  tags: string[];
  note: string | null;
  createdAt: string;
}
export interface HouseholdDetail {
  id: string;
  regionId: string;
  regionName: string;
  villageName: string;
  gridName: string;
  address: string;
  phone: string | null;
  headResidentId: string | null;
  headName: string | null;
  residents: Resident[];
  partyMembers: { userId: string; name: string; phone: string }[];
  createdAt: string;
  updatedAt: string;
  abilities: string[];
}
export interface HouseholdFilter {
  regionId?: string;
  q?: string;
  tag?: string;
  page: number;
  pageSize: number;
}

export interface ResidentInput {
  name: string;
  idNumber: string;
  gender?: 'male' | 'female';
  birthDate?: string;
  phone?: string | null;
  relation: string;
  tags?: string[];
  note?: string | null;
}
export interface HouseholdCreate {
  regionId: string;
  address: string;
  phone?: string | null;
  residents?: ResidentInput[];
}
export interface HouseholdPatch {
  regionId?: string;
  address?: string;
  phone?: string | null;
  headResidentId?: string;
}

export interface ImportError {
  row: number;
  column?: string;
  reason: string;
}
export interface ImportResult {
  mode: 'partial' | 'all';
  dryRun: boolean;
  totalRows: number;
  households: number;
  importedHouseholds: number;
  importedResidents: number;
  errors: ImportError[];
}

export const householdKeys = {
  all: ['households'] as const,
  list: (f: HouseholdFilter) => ['households', 'list', f] as const,
  one: (id: string) => ['households', 'one', id] as const,
};

export function useHouseholds(f: HouseholdFilter, enabled = true) {
  return useQuery({
    queryKey: householdKeys.list(f),
    queryFn: ({ signal }) => api.get<Page<HouseholdSummary>>('/api/households', { ...f }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHousehold(id: string) {
  return useQuery({ queryKey: householdKeys.one(id), queryFn: () => api.get<HouseholdDetail>(`/api/households/${encodeURIComponent(id)}`), retry: false });
}

export const searchHouseholds = (regionId: string | undefined, q: string) =>
  api.get<Page<HouseholdSummary>>('/api/households', { regionId, q, pageSize: 20 }).then((p) => p.items);

export const createHousehold = (body: HouseholdCreate) => api.post<HouseholdDetail>('/api/households', body);
export const updateHousehold = (id: string, body: HouseholdPatch) => api.patch<HouseholdDetail>(`/api/households/${encodeURIComponent(id)}`, body);
export const createResident = (body: ResidentInput & { householdId: string }) => api.post<Resident>('/api/residents', body);
export const updateResident = (id: string, body: Partial<ResidentInput>) => api.patch<Resident>(`/api/residents/${encodeURIComponent(id)}`, body);
export const revealResident = (id: string) => api.get<Resident>(`/api/residents/${encodeURIComponent(id)}`, { reveal: 'idNumber' });

export const exportHouseholds = (f: { regionId?: string; q?: string; tag?: string }, fallbackName: string) =>
  download('/api/households/export', f, fallbackName);
export const downloadImportTemplate = (regionId: string | undefined, fallbackName: string) =>
  download('/api/households/import-template', { regionId }, fallbackName);

export function importHouseholds(file: File, q: { regionId: string; mode: 'partial' | 'all'; dryRun: boolean }) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<ImportResult>('/api/households/import', form, { regionId: q.regionId, mode: q.mode, dryRun: q.dryRun });
}
