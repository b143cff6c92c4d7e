// 追梦超市 for the console: items with stock and photos, the counter (核销), redemptions.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';

export type RedemptionStatus = 'reserved' | 'fulfilled' | 'cancelled';
export interface StoreItem {
  id: string; regionId: string; regionName: string; name: string; description: string | null; merchant: string | null;
  cost: number; stock: number; active: boolean; sortOrder: number; photoId: string | null; updatedAt: string;
}
export interface Redemption {
  id: string; householdId: string; householdName: string; itemId: string; itemName: string; quantity: number; unitCost: number; totalCost: number;
  code: string; status: RedemptionStatus; requestedBy: string; requestedByName: string | null; createdAt: string;
  fulfilledAt: string | null; fulfilledByName: string | null; cancelledAt: string | null; cancelledByName: string | null; cancelReason: string | null;
}
export interface StockMove { id: string; delta: number; reason: string; note: string | null; byName: string | null; at: string }

export const shopKeys = { all: ['store'] as const };

export function useStoreItems(regionId?: string, includeInactive = false) {
  return useQuery({ queryKey: ['store', 'items', regionId, includeInactive], queryFn: () => api.get<Page<StoreItem>>('/api/store/items', { regionId, includeInactive }).then((p) => p.items), enabled: !!regionId });
}
export const createItem = (body: { regionId: string; name: string; cost: number; stock: number; merchant?: string | null; description?: string | null }) => api.post<StoreItem>('/api/store/items', body);
export const updateItem = (id: string, body: Partial<Pick<StoreItem, 'name' | 'cost' | 'merchant' | 'description' | 'active'>>) => api.patch<StoreItem>(`/api/store/items/${encodeURIComponent(id)}`, body);
export const adjustStock = (id: string, body: { delta: number; note?: string; idempotencyKey: string }) => api.post<StoreItem>(`/api/store/items/${encodeURIComponent(id)}/stock`, body);
export function uploadItemPhoto(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ id: string }>(`/api/store/items/${encodeURIComponent(id)}/photo`, form);
}
export const itemPhotoUrl = (item: Pick<StoreItem, 'id' | 'photoId'>) => (item.photoId ? `/api/store/items/${encodeURIComponent(item.id)}/photo/${encodeURIComponent(item.photoId)}` : null);
export function useStockMoves(id?: string) {
  return useQuery({ queryKey: ['store', 'moves', id], queryFn: () => api.get<{ items: StockMove[] }>(`/api/store/items/${encodeURIComponent(id!)}/moves`).then((r) => r.items), enabled: !!id });
}
export function useRedemptions(f: { regionId?: string; status?: RedemptionStatus; page: number; pageSize: number }) {
  return useQuery({ queryKey: ['store', 'redemptions', f], queryFn: ({ signal }) => api.get<Page<Redemption>>('/api/store/redemptions', { ...f }, signal), enabled: !!f.regionId, placeholderData: keepPreviousData });
}
export const lookupCode = (code: string) => api.get<Redemption>(`/api/store/redemptions/by-code/${encodeURIComponent(code.replace(/\s/g, ''))}`);
export const fulfilCode = (code: string) => api.post<Redemption>('/api/store/redemptions/fulfil', { code });
export const cancelRedemption = (id: string, reason?: string) => api.post<Redemption>(`/api/store/redemptions/${encodeURIComponent(id)}/cancel`, reason ? { reason } : {});
export const redeemAtCounter = (body: { householdId: string; itemId: string; quantity: number; idempotencyKey: string }) => api.post<Redemption>('/api/store/redemptions', body);
export const formatCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
