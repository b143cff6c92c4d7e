// The phone H5's service worker (scope /h5; the console at / is never controlled by it). Built by the `xz-h5-sw`
// plugin in vite.config.ts into dist/web/h5-sw.js, with PRECACHE (h5.html and exactly the assets it loads) and
// VERSION written in front. Never imported by the app.
//  - the app shell: every /h5 page is h5.html; tried on the network first (a few seconds), else this build's copy;
//  - the shell's hashed assets: from this build's cache, else the network;
//  - the GETs a grid worker's day needs (me, 今日, 走访 plan, 巡查 due and checklist…): network first, and the last good
//    answer when there is no network, marked with `x-xz-cached-at` so the page can say "离线数据，更新于 …".
// POSTs are never touched: saving offline is the page's outbox (outbox.ts), with idempotency keys.

declare const PRECACHE: string[];
declare const VERSION: string;

interface XzExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface XzFetchEvent extends XzExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface XzWorkerScope {
  addEventListener(type: 'install' | 'activate', fn: (e: XzExtendableEvent) => void): void;
  addEventListener(type: 'fetch', fn: (e: XzFetchEvent) => void): void;
  skipWaiting(): Promise<void>;
  readonly clients: { claim(): Promise<void> };
  readonly location: { readonly origin: string };
}
const worker = self as unknown as XzWorkerScope;

const PREFIX = 'xz-h5-';
const SHELL_CACHE = `${PREFIX}shell-${VERSION}`;
/** Kept across builds; cleared when the server answers 401 (signed out) and by the page on sign-in and sign-out. */
const API_CACHE = `${PREFIX}api`;
const SHELL = '/h5.html';
/** A slow network (weak 3G) still gets the app this quickly; the network answer is used when it comes in time. */
const SHELL_WAIT_MS = 4000;

/** The reads a grid worker needs in the field (exact paths; any query string). Photos and exports are not kept. */
const API_READS = [
  /^\/api\/me$/,
  /^\/api\/visits\/plan$/,
  /^\/api\/visits$/,
  /^\/api\/visits\/[^/]+$/,
  /^\/api\/patrols\/(due|checklist)$/,
  /^\/api\/patrols$/,
  /^\/api\/patrols\/[^/]+$/,
  /^\/api\/cases$/,
  /^\/api\/case-categories$/,
  /^\/api\/households\/[^/]+$/,
];
const ASSETS = new Set(PRECACHE);

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      await cache.addAll(PRECACHE.map((u) => new Request(u, { cache: 'reload' })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith(PREFIX) && name !== SHELL_CACHE && name !== API_CACHE) await caches.delete(name);
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== worker.location.origin) return;
  if (req.mode === 'navigate') {
    if (url.pathname === '/h5' || url.pathname.startsWith('/h5/') || url.pathname === SHELL) event.respondWith(shell(req));
    return;
  }
  if (url.pathname.startsWith('/api/')) {
    if (API_READS.some((re) => re.test(url.pathname))) event.respondWith(apiRead(event));
    return;
  }
  if (ASSETS.has(url.pathname)) event.respondWith(asset(req));
});

async function shell(req: Request): Promise<Response> {
  const cached = caches.open(SHELL_CACHE).then((c) => c.match(SHELL));
  const net = fetch(req).then((res) => (res.status >= 500 ? Promise.reject(new Error(String(res.status))) : res));
  net.catch(() => {
    /* handled below, or the copy was already used */
  });
  const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SHELL_WAIT_MS));
  try {
    // Whichever comes first: the network's page, or (after a while) this build's copy if there is one.
    const first = await Promise.race([net, late.then(() => cached)]);
    if (first) return first;
    return await net;
  } catch (err) {
    const copy = await cached;
    if (copy) return copy;
    throw err;
  }
}

async function asset(req: Request): Promise<Response> {
  const hit = await caches.match(req, { cacheName: SHELL_CACHE });
  return hit ?? fetch(req);
}

async function apiRead(event: XzFetchEvent): Promise<Response> {
  const req = event.request;
  let res: Response;
  try {
    res = await fetch(req);
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    const hit = await (await caches.open(API_CACHE)).match(req);
    if (hit) return hit;
    throw err;
  }
  if (res.ok) {
    const copy = res.clone();
    event.waitUntil(
      (async () => {
        const headers = new Headers(copy.headers);
        headers.set('x-xz-cached-at', String(Date.now()));
        const stamped = new Response(await copy.blob(), { status: copy.status, statusText: copy.statusText, headers });
        await (await caches.open(API_CACHE)).put(req, stamped);
      })().catch(() => {
        /* storage full: the page still got its answer */
      }),
    );
  } else if (res.status === 401) {
    // Signed out or expired: nothing of that person's stays on the phone.
    event.waitUntil(caches.delete(API_CACHE));
  }
  return res;
}

export {}; // (a module for the type checker; the build removes this line)
