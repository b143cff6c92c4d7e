import { useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';

export type Level = 'county' | 'township' | 'village' | 'grid';
export interface Region {
  id: string;
  parentId: string | null;
  level: Level;
  code: string | null;
  name: string;
  hasChildren: boolean;
}
export interface RegionDetail extends Region {
  ancestors: { id: string; name: string; level: Level; visible: boolean }[];
}

export const regionKeys = {
  children: (parentId?: string) => ['regions', 'children', parentId ?? 'root'] as const,
  one: (id: string) => ['regions', 'one', id] as const,
  all: ['regions'] as const,
};

export const fetchChildren = (parentId?: string) => api.get<Page<Region>>('/api/regions', { parentId }).then((p) => p.items);
export const fetchRegion = (id: string) => api.get<RegionDetail>(`/api/regions/${encodeURIComponent(id)}`);
export const searchRegions = (q: string) => api.get<Page<Region>>('/api/regions', { q }).then((p) => p.items);

export function useRegion(id: string | undefined) {
  return useQuery({ queryKey: regionKeys.one(id ?? ''), queryFn: () => fetchRegion(id!), enabled: !!id, staleTime: 5 * 60_000 });
}

export function useRootRegions() {
  return useQuery({ queryKey: regionKeys.children(), queryFn: () => fetchChildren(), staleTime: 5 * 60_000 });
}

export const createRegion = (body: { parentId: string; level: Level; name: string; code?: string | null }) => api.post<Region>('/api/regions', body);
export const updateRegion = (id: string, body: { name?: string; code?: string | null }) =>
  api.patch<RegionDetail>(`/api/regions/${encodeURIComponent(id)}`, body);

/** The level a new child of `parent` gets: grids nest under grids. */
export function childLevel(parent: Level): Level {
  return parent === 'county' ? 'township' : parent === 'township' ? 'village' : 'grid';
}
