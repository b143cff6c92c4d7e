// 离线: whether the phone has a network, and whether what is on screen is the service worker's copy (sw.ts marks such
// answers with x-xz-cached-at). One bar at the top of every signed-in page says so: "离线数据，更新于 …".
import { useSyncExternalStore } from 'react';
import { setResponseObserver } from '../shared/api-client';
import { timeWord } from './labels';

/** The service worker's copy of the worker's reads (see sw.ts). */
const API_CACHE = 'xz-h5-api';

interface NetState {
  online: boolean;
  cachedAt: number | null;
}
let state: NetState = { online: typeof navigator === 'undefined' || navigator.onLine, cachedAt: null };
const listeners = new Set<() => void>();
function set(next: Partial<NetState>) {
  const s = { ...state, ...next };
  if (s.online === state.online && s.cachedAt === state.cachedAt) return;
  state = s;
  for (const l of listeners) l();
}

let watching = false;
/** Follows the browser's online/offline events and the API answers (once, at start-up). */
export function watchNetwork() {
  if (watching) return;
  watching = true;
  window.addEventListener('online', () => set({ online: true }));
  window.addEventListener('offline', () => set({ online: false }));
  setResponseObserver((res) => {
    const at = Number(res.headers.get('x-xz-cached-at'));
    // The oldest copy on screen is the one to mention; any live answer means the network is back.
    if (at > 0) set({ cachedAt: state.cachedAt ? Math.min(state.cachedAt, at) : at });
    else if (state.cachedAt !== null) set({ cachedAt: null });
  });
}

export function useNetwork(): NetState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
    () => state,
  );
}

/** Drops what the service worker kept of the last person's reads (sign-in, sign-out). */
export async function clearOfflineReads() {
  set({ cachedAt: null });
  try {
    if ('caches' in window) await caches.delete(API_CACHE);
  } catch {
    /* no cache storage here */
  }
}

/** The bar at the top of the page when there is no network or what is shown is the phone's copy. */
export function NetworkBar() {
  const { online, cachedAt } = useNetwork();
  if (online && !cachedAt) return null;
  const head = online ? '连不上服务器' : '没有网络';
  return (
    <div className="xz-netbar" role="status">
      <span className="xz-netbar-dot" aria-hidden />
      <span>
        <strong>{head}</strong>
        {cachedAt ? ` · 离线数据，更新于 ${timeWord(new Date(cachedAt).toISOString())}` : ' · 新的记录会先存在手机上'}
      </span>
    </div>
  );
}
