// 追梦超市 for the console: items with stock and a photo, stock moves, the counter (查码、核销、代兑) and redemptions.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Page } from './client';

export const REDEMPTION_STATUSES = ['reserved', 'fulfilled', 'cancelled'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];
/** Why a stock move happened (store_stock_moves.reason). */
export const MOVE_REASONS = ['initial', 'restock', 'adjust', 'redemption', 'cancel'] as const;
/** Most of one item a household takes in one redemption (the server's MAX_QUANTITY). */
export const MAX_QUANTITY = 20;

export interface StoreItem {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  description: string | null;
  merchant: string | null;
  cost: number;
  stock: number;
  active: boolean;
  sortOrder: number;
  photoId: string | null;
  updatedAt: string;
  /** What the caller may do to the item (item.update …), from the server's policy. */
  abilities?: string[];
}
export interface StockMove {
  id: string;
  delta: number;
  reason: string;
  note: string | null;
  byName: string | null;
  at: string;
}
export interface Redemption {
  id: string;
  householdId: string;
  householdName: string;
  /** The household's place from its village down: 孟家湾村 / 一组网格. */
  placeName: string;
  itemId: string;
  itemName: string;
  quantity: number;
  unitCost: number;
  totalCost: number;
  code: string;
  status: RedemptionStatus;
  requestedBy: string;
  requestedByName: string | null;
  createdAt: string;
  fulfilledAt: string | null;
  fulfilledByName: string | null;
  cancelledAt: string | null;
  cancelledByName: string | null;
  cancelReason: string | null;
  /** What the caller may do to the redemption (redemption.cancel …), from the server's policy. */
  abilities?: string[];
}
export interface HouseholdPoints {
  householdId: string;
  householdName: string;
  balance: number;
}
export interface ItemInput {
  name: string;
  cost: number;
  merchant?: string | null;
  description?: string | null;
}
export interface RedemptionFilter {
  regionId?: string;
  status?: RedemptionStatus;
  itemId?: string;
  householdId?: string;
  page: number;
  pageSize: number;
}

export const storeKeys = {
  all: ['store'] as const,
  items: (regionId: string | undefined, includeInactive: boolean) => ['store', 'items', regionId ?? '', includeInactive] as const,
  moves: (id: string) => ['store', 'moves', id] as const,
  redemptions: (f: RedemptionFilter) => ['store', 'redemptions', f] as const,
  balance: (householdId: string) => ['store', 'balance', householdId] as const,
};

const seg = encodeURIComponent;

export function useStoreItems(regionId: string | undefined, includeInactive = true) {
  return useQuery<StoreItem[]>({
    queryKey: storeKeys.items(regionId, includeInactive),
    queryFn: ({ signal }) =>
      api.get<Page<StoreItem>>('/api/store/items', { regionId, includeInactive: includeInactive ? 'true' : undefined }, signal).then((p) => p.items),
    enabled: !!regionId,
    placeholderData: keepPreviousData,
  });
}
export const createItem = (body: ItemInput & { regionId: string; stock: number }) => api.post<StoreItem>('/api/store/items', body);
export const updateItem = (id: string, body: Partial<ItemInput & { active: boolean }>) => api.patch<StoreItem>(`/api/store/items/${seg(id)}`, body);
export const adjustStock = (id: string, body: { delta: number; note?: string; idempotencyKey: string }) =>
  api.post<StoreItem>(`/api/store/items/${seg(id)}/stock`, body);
export function uploadItemPhoto(id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api.upload<{ id: string }>(`/api/store/items/${seg(id)}/photo`, form);
}
/** The photo's address: the session cookie authorizes it, so an <img> can load it directly. */
export const itemPhotoUrl = (item: Pick<StoreItem, 'id' | 'photoId'>) => (item.photoId ? `/api/store/items/${seg(item.id)}/photo/${seg(item.photoId)}` : null);
export function useStockMoves(id: string | undefined) {
  return useQuery({
    queryKey: storeKeys.moves(id ?? ''),
    queryFn: ({ signal }) => api.get<{ items: StockMove[] }>(`/api/store/items/${seg(id!)}/moves`, undefined, signal).then((r) => r.items),
    enabled: !!id,
  });
}

export function useRedemptions(f: RedemptionFilter, enabled = true) {
  return useQuery({
    queryKey: storeKeys.redemptions(f),
    queryFn: ({ signal }) => api.get<Page<Redemption>>('/api/store/redemptions', { ...f }, signal),
    enabled: enabled && !!(f.regionId || f.householdId),
    placeholderData: keepPreviousData,
  });
}
/** Digits only: the counter may type "1234 5678" or "1234-5678". */
export const codeDigits = (input: string) => input.replace(/\D/g, '');
export const lookupCode = (code: string) => api.get<Redemption>(`/api/store/redemptions/by-code/${seg(codeDigits(code))}`);
export const fulfilCode = (code: string) => api.post<Redemption>('/api/store/redemptions/fulfil', { code: codeDigits(code) });
export const cancelRedemption = (id: string, reason?: string) => api.post<Redemption>(`/api/store/redemptions/${seg(id)}/cancel`, reason ? { reason } : {});
export const redeemAtCounter = (body: { householdId: string; itemId: string; quantity: number; idempotencyKey: string }) =>
  api.post<Redemption>('/api/store/redemptions', body);

export function useHouseholdBalance(householdId: string | undefined) {
  return useQuery({
    queryKey: storeKeys.balance(householdId ?? ''),
    queryFn: ({ signal }) => api.get<HouseholdPoints>(`/api/households/${seg(householdId!)}/points`, undefined, signal),
    enabled: !!householdId,
    retry: false,
  });
}

/** The code as the villager's phone shows it: two groups of four digits. */
export const formatCode = (code: string) => (code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code);
/** A used code is not shown whole again: only its last four digits. */
export const maskCode = (code: string) => `**** ${code.slice(-4)}`;
