import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';

export interface UserRole {
  id?: string;
  role: string;
  regionId: string;
  regionName?: string;
  householdId?: string | null;
  unit?: string | null;
}
export interface UserRow {
  id: string;
  name: string;
  phone: string;
  active: boolean;
  roles: UserRole[];
  createdAt: string;
  editable?: boolean;
  lockedReason?: 'outside' | 'peer' | null;
}
export interface UserFilter {
  regionId?: string;
  q?: string;
  role?: string;
  page: number;
  pageSize: number;
}
export interface RoleDef {
  code: string;
  zh: string;
  en: string;
  levels?: string[];
  needsHousehold?: boolean;
}

export const userKeys = { all: ['users'] as const, list: (f: UserFilter) => ['users', 'list', f] as const };

export function useUsers(f: UserFilter) {
  return useQuery({
    queryKey: userKeys.list(f),
    queryFn: ({ signal }) => api.get<Page<UserRow>>('/api/users', { ...f }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRoleDefs() {
  return useQuery({ queryKey: ['roles'], queryFn: () => api.get<{ items: RoleDef[] }>('/api/roles').then((r) => r.items), staleTime: 60 * 60_000 });
}

type RoleInput = { role: string; regionId: string; householdId?: string | null; unit?: string | null };
export const createUser = (body: { name: string; phone: string; password: string; roles: RoleInput[] }) => api.post<UserRow>('/api/users', body);
export const patchUser = (id: string, body: { name?: string; active?: boolean }) => api.patch<UserRow>(`/api/users/${encodeURIComponent(id)}`, body);
export const putUserRoles = (id: string, roles: RoleInput[]) => api.put<UserRow>(`/api/users/${encodeURIComponent(id)}/roles`, { roles });
export const resetUserPassword = (id: string, password: string) =>
  api.post<{ ok: boolean }>(`/api/users/${encodeURIComponent(id)}/reset-password`, { password });
