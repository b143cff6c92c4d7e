// The in-app inbox (站内消息): new assignments, deadlines, yellow/red cards, ratings.
import { useQuery } from '@tanstack/react-query';
import { api } from './client';

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  entity: string | null;
  entityId: string | null;
  createdAt: string;
  read: boolean;
}
export interface Inbox {
  items: Notification[];
  total: number;
  unread: number;
}

export const notificationKeys = { all: ['notifications'] as const, list: (unread: boolean) => ['notifications', unread ? 'unread' : 'all'] as const };

/** Polled every minute so the header badge follows new work without a reload. */
export function useInbox(unreadOnly = false, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: ({ signal }) => api.get<Inbox>('/api/notifications', { unread: unreadOnly ? 'true' : undefined, pageSize: 30 }, signal),
    refetchInterval: 60_000,
    staleTime: 10_000,
    enabled,
  });
}

export const markNotificationsRead = (body: { ids: string[] } | { all: true }) => api.post<{ ok: boolean }>('/api/notifications/read', body);
