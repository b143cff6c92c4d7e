import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface RoleGrant {
  role: string;
  regionId: string;
  regionName: string;
  /** From the village down, e.g. 孟家湾村 / 一组网格. */
  placeName: string;
  regionLevel: string;
  householdId: string | null;
}
export interface Me {
  id: string;
  name: string;
  phone: string;
  roles: RoleGrant[];
  /** Region abilities the user holds, each with the ids of the regions where held (the menu and "new" buttons). */
  abilities: Record<string, string[]>;
}

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => api.get<Me>('/api/me'), retry: false, staleTime: 5 * 60_000 });
}

export const login = (phone: string, password: string) => api.post<{ token: string; user: Me }>('/api/auth/login', { phone, password });
export const logout = () => api.post<{ ok: boolean }>('/api/auth/logout');
export const changePassword = (oldPassword: string, newPassword: string) => api.post<{ ok: boolean }>('/api/auth/password', { oldPassword, newPassword });
