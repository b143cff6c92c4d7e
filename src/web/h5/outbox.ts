// 待同步: what a grid worker saved while the phone had no network — a visit (with its shrunk photo) or a patrol — kept
// in IndexedDB until the server has it. Each record keeps the idempotency key it was made with, so sending it again
// (after a send that failed half-way, from a second tab, after a reload) returns the same record, never a second one;
// a photo already attached (same name and size) is not sent twice. Records go out in the order they were saved.
// A record the server refuses (4xx: validation, no longer my grid…) stays on the phone as 上报失败 with the server's
// words until the worker discards it; nothing is dropped silently.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { useSyncExternalStore } from 'react';
import { api, ApiError } from '../shared/api-client';
import { errorMessage } from './errors';
import type { Patrol, PatrolKind, Visit, VisitMethod } from './work';
import type { CaseDetail } from '../console/api/cases';

type Spot = { latitude: number; longitude: number };
export interface VisitBody {
  householdId: string;
  residentId?: string;
  method: VisitMethod;
  situation: string;
  needs?: string;
  followUp?: string;
  problem: boolean;
  location?: Spot;
}
export interface PatrolBody {
  kind: PatrolKind;
  regionId: string;
  results: { code: string; ok: boolean; note?: string }[];
  location?: Spot;
}

interface Common {
  /** The idempotency key the record was made with (also its key in the store). */
  key: string;
  /** Whose it is: only sent, and only shown, when that person is signed in. */
  userId: string;
  /** When it was saved on the phone (the phone's clock). */
  savedAt: number;
  /** 走访 · 张三户 / 日巡查 · 一组 */
  title: string;
  /** The address or the place, for the list. */
  place: string;
  status: 'pending' | 'failed';
  /** Failed: the server's words. Pending: why the last try did not get through, if it was tried. */
  error?: string;
  tries: number;
}
export interface VisitEntry extends Common {
  kind: 'visit';
  body: VisitBody;
  photo?: Blob;
  photoName?: string;
  visitId?: string;
}
export interface PatrolEntry extends Common {
  kind: 'patrol';
  body: PatrolBody;
  periodKey?: string;
  /** For the list: how many items, and the problems in words. */ total: number;
  issues: { name: string; note: string }[];
}
/** 办结 of a case: the result in words and the photos of it. */
export interface ResolveEntry extends Common {
  kind: 'resolve';
  caseId: string;
  body: { note: string; outcome?: 'agreement' | 'terminated' };
  /** Named uniquely for this entry: a retry sees which are already on the case. */
  photos: { name: string; blob: Blob }[];
}
export type OutboxEntry = VisitEntry | PatrolEntry | ResolveEntry;

/** A record that reached the server in this session (visits that found a problem are offered 转为事件 from here). */
export interface SentEntry {
  key: string;
  kind: 'visit' | 'patrol' | 'resolve';
  id: string;
  title: string;
  problem: boolean;
  userId: string;
}

interface Schema extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { savedAt: number } };
}

let dbp: Promise<IDBPDatabase<Schema>> | null = null;
function db() {
  dbp ??= openDB<Schema>('xiangzhi-h5', 1, {
    upgrade(d) {
      d.createObjectStore('outbox', { keyPath: 'key' }).createIndex('savedAt', 'savedAt');
    },
  });
  return dbp;
}

// ── the store the pages read ──

interface OutboxState {
  loaded: boolean;
  entries: OutboxEntry[];
  syncing: boolean;
  sent: SentEntry[];
}
let state: OutboxState = { loaded: false, entries: [], syncing: false, sent: [] };
const listeners = new Set<() => void>();
function setState(next: Partial<OutboxState>) {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

const channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('xz-outbox');
channel?.addEventListener('message', () => {
  void reload();
});

async function reload() {
  try {
    const entries = await (await db()).getAllFromIndex('outbox', 'savedAt');
    setState({ loaded: true, entries });
  } catch {
    setState({ loaded: true }); // no IndexedDB here: nothing was saved offline either
  }
}
function changed() {
  channel?.postMessage('changed');
  return reload();
}

function subscribe(l: () => void) {
  listeners.add(l);
  if (!state.loaded) void reload();
  return () => {
    listeners.delete(l);
  };
}

/** My records on this phone (pending first in the order saved, then failed), whether a sync runs, and what was sent. */
export function useOutbox(userId: string | undefined) {
  const s = useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
  const mine = s.entries.filter((e) => e.userId === userId);
  return {
    loaded: s.loaded,
    pending: mine.filter((e) => e.status === 'pending'),
    failed: mine.filter((e) => e.status === 'failed'),
    all: mine,
    syncing: s.syncing,
    sent: s.sent.filter((e) => e.userId === userId),
  };
}

/** Pending entries of a user right now (outside React). */
export const pendingCount = (userId: string) => state.entries.filter((e) => e.userId === userId && e.status === 'pending').length;

export async function enqueue(entry: OutboxEntry) {
  await (await db()).put('outbox', entry);
  await changed();
}

export async function discard(key: string) {
  await (await db()).delete('outbox', key);
  await changed();
}

export function dismissSent(keys: string[]) {
  setState({ sent: state.sent.filter((s) => !keys.includes(s.key)) });
}

// ── sending ──

/** Sent within this long of being saved, the server's clock is the better witness of when; a record that waited
 * (offline for the afternoon, synced the next morning) keeps the phone's time so it counts for the day it happened. */
const WAITED_MS = 10 * 60_000;

/** Try again later (network, server trouble, signed out, too many requests) rather than give up on the record. */
function transient(err: unknown): boolean {
  if (!(err instanceof ApiError)) return true;
  // A 409 is worth retrying when the record was busy (CONFLICT), not when the case no longer allows the step.
  if (err.status === 409) return err.code === 'CONFLICT';
  return err.code === 'NETWORK' || err.status === 0 || err.status >= 500 || [401, 408, 425, 429].includes(err.status);
}

type Patch = Partial<Pick<Common, 'status' | 'error' | 'tries'>> & { visitId?: string };
async function patch(key: string, p: Patch) {
  const d = await db();
  const cur = await d.get('outbox', key);
  if (cur) await d.put('outbox', { ...cur, ...p } as OutboxEntry);
}

async function sendVisit(e: VisitEntry): Promise<SentEntry> {
  const visitedAt = Date.now() - e.savedAt > WAITED_MS ? new Date(e.savedAt).toISOString() : undefined;
  // Same key → the same visit, whether or not an earlier try got through.
  const v = await api.post<Visit>('/api/visits', { ...e.body, visitedAt, idempotencyKey: e.key });
  if (e.visitId !== v.id) await patch(e.key, { visitId: v.id });
  if (e.photo) {
    const name = (e.photoName ?? '现场照片.jpg').slice(0, 120);
    const already = (v.attachments ?? []).some((a) => a.name === name && a.size === e.photo!.size);
    if (!already) {
      const form = new FormData();
      form.append('file', new File([e.photo], name, { type: e.photo.type || 'image/jpeg' }), name);
      try {
        await api.upload(`/api/visits/${encodeURIComponent(v.id)}/attachments`, form);
      } catch (err) {
        if (!transient(err)) throw new PhotoRefused(v.id, err);
        throw err;
      }
    }
  }
  return { key: e.key, kind: 'visit', id: v.id, title: e.title, problem: e.body.problem, userId: e.userId };
}

/** The visit is on the server, the photo was refused (not a picture, too large): the worker has to see that. */
class PhotoRefused extends Error {
  constructor(
    readonly visitId: string,
    readonly refusal: unknown,
  ) {
    super('photo');
  }
}

async function sendPatrol(e: PatrolEntry): Promise<SentEntry> {
  const patrolledAt = Date.now() - e.savedAt > WAITED_MS ? new Date(e.savedAt).toISOString() : undefined;
  const p = await api.post<Patrol>('/api/patrols', { ...e.body, patrolledAt, idempotencyKey: e.key });
  return { key: e.key, kind: 'patrol', id: p.id, title: e.title, problem: p.problems > 0, userId: e.userId };
}

/**
 * 办结 with photos: the photos not yet on the case go up in one upload, then the resolve names them, with the entry's
 * key. Sent again after a try that broke off anywhere, nothing is doubled: photos already there (this user's, same
 * name and size) are not sent again, and the same key returns the case as the first resolve left it.
 */
export async function sendResolve(e: Pick<ResolveEntry, 'key' | 'userId' | 'caseId' | 'body' | 'photos'>): Promise<CaseDetail> {
  const path = `/api/cases/${encodeURIComponent(e.caseId)}`;
  const have = new Map<string, string>();
  if (e.photos.length) {
    const c = await api.get<CaseDetail>(path);
    for (const a of c.attachments) if (a.uploadedBy === e.userId) have.set(`${a.name}|${a.size}`, a.id);
    const missing = e.photos.filter((p) => !have.has(`${p.name}|${p.blob.size}`));
    if (missing.length) {
      const form = new FormData();
      for (const p of missing) form.append('file', new File([p.blob], p.name, { type: p.blob.type || 'image/jpeg' }), p.name);
      const { items } = await api.upload<{ items: { id: string }[] }>(`${path}/attachments`, form);
      for (const [i, p] of missing.entries()) have.set(`${p.name}|${p.blob.size}`, items[i].id);
    }
  }
  return api.post<CaseDetail>(`${path}/transitions`, {
    action: 'resolve',
    note: e.body.note,
    outcome: e.body.outcome,
    photoIds: e.photos.length ? e.photos.map((p) => have.get(`${p.name}|${p.blob.size}`)!) : undefined,
    idempotencyKey: e.key,
  });
}

export interface SyncResult {
  sent: SentEntry[];
  failed: number;
  /** Stopped by the network, the server or the session (in words); the rest waits. */ stopped: string | null;
  /** Stopped because the session is gone: nothing more until someone signs in. */ signedOut?: boolean;
}

async function sendAll(userId: string): Promise<SyncResult> {
  const d = await db();
  const queue = (await d.getAllFromIndex('outbox', 'savedAt')).filter((e) => e.userId === userId && e.status === 'pending');
  const out: SyncResult = { sent: [], failed: 0, stopped: null };
  for (const q of queue) {
    const e = await d.get('outbox', q.key); // another tab may have sent it meanwhile
    if (e?.status !== 'pending') continue;
    try {
      const sent =
        e.kind === 'visit'
          ? await sendVisit(e)
          : e.kind === 'patrol'
            ? await sendPatrol(e)
            : { key: e.key, kind: 'resolve' as const, id: (await sendResolve(e)).id, title: e.title, problem: false, userId: e.userId };
      await d.delete('outbox', e.key);
      out.sent.push(sent);
    } catch (err) {
      if (err instanceof PhotoRefused) {
        await patch(e.key, { status: 'failed', visitId: err.visitId, tries: e.tries + 1, error: `走访已上报，照片没有传上去：${errorMessage(err.refusal)}` });
        out.failed += 1;
      } else if (transient(err)) {
        // Keep the order: later records wait behind this one.
        out.stopped = errorMessage(err, '暂时没有发出去');
        out.signedOut = err instanceof ApiError && err.status === 401;
        await patch(e.key, { tries: e.tries + 1, error: out.stopped });
        break;
      } else {
        await patch(e.key, { status: 'failed', tries: e.tries + 1, error: errorMessage(err, '服务器没有接收这条记录') });
        out.failed += 1;
      }
    }
  }
  return out;
}

let running: Promise<SyncResult> | null = null;
/** Sends my pending records, one at a time in order; one run at a time in this tab, and across tabs (Web Locks). */
export function syncOutbox(userId: string): Promise<SyncResult> {
  running ??= (async () => {
    setState({ syncing: true });
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      const res = locks ? await locks.request('xz-outbox', () => sendAll(userId)) : await sendAll(userId);
      if (res.sent.length) setState({ sent: [...state.sent, ...res.sent] });
      return res;
    } catch {
      return { sent: [], failed: 0, stopped: '这台手机暂时不能读取离线记录' };
    } finally {
      running = null;
      setState({ syncing: false });
      await changed();
    }
  })();
  return running;
}
