// Benchmark B5 (phone load): the villager H5 page /h5 and the console's sign-in page / loaded with a cold cache in
// Debian's Chromium over CDP-emulated slow 3G (400 ms RTT, 400 kbit/s each way) with the CPU slowed four times.
// It builds nothing: run `npx vite build` first. `npx tsx bench/phone-load.ts [--runs 3] [--root DIR] [--json]`;
// --root points at another checkout (with its own dist/web) to measure it with the same script.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './lib/proc.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface B5Options {
  /** Checkout whose server (src/server/main.ts) and build (dist/web) are measured; default this one. */
  root?: string;
  /** Cold loads per page (default 3). */
  runs?: number;
  /** Chromium binary (default XZ_CHROMIUM or /usr/bin/chromium). */
  chromium?: string;
  /** Progress lines (default silent). */
  log?: (line: string) => void;
}

export interface LoadFigures {
  requests: number;
  /** Every response's bytes over the wire (CDP encodedDataLength: headers + body as sent). */
  wireBytes: number;
  /** The same for scripts and stylesheets only. */
  jsCssWireBytes: number;
  /** The scripts and stylesheets the page fetched, each gzipped (level 9) from dist/web: what they cost compressed. */
  jsCssGzipBytes: number;
  /** Responses for scripts/stylesheets that came without Content-Encoding. */
  uncompressedJsCss: number;
  fcpMs: number;
  /** Until the sign-in form can be typed in (its 手机号 field is visible), from the start of navigation. */
  readyMs: number;
  loadMs: number;
  /** Script and stylesheet paths fetched (for checking what a page pulls in). */
  jsCss: string[];
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface PageResult {
  path: string;
  viewport: { width: number; height: number };
  runs: LoadFigures[];
  summary: Record<'requests' | 'wireBytes' | 'jsCssWireBytes' | 'jsCssGzipBytes' | 'fcpMs' | 'readyMs' | 'loadMs', Spread>;
}

export interface B5Result {
  conditions: { latencyMs: number; downloadBytesPerSecond: number; uploadBytesPerSecond: number; cpuSlowdown: number };
  h5: PageResult;
  console: PageResult;
  /** Every .js and .css under dist/web, each gzipped: the whole web build's compressed weight, for reference. */
  dist: { files: number; bytes: number; gzipBytes: number };
  targets: { h5JsCssGzipKB: number; h5FcpMs: number; consoleJsCssGzipKB: number; met: { h5JsCss: boolean; h5Fcp: boolean; consoleJsCss: boolean } };
}

const CONDITIONS = { latencyMs: 400, downloadBytesPerSecond: 50_000, uploadBytesPerSecond: 50_000, cpuSlowdown: 4 };

/** The real server on a fresh SQLite file with the demo township (bench/lib/proc.ts), serving `root`'s built web. */
async function startB5Server(root: string): Promise<{ baseURL: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'xz-b5-'));
  const env = { DATABASE_URL: `file:${join(dir, 'b5.db')}`, XZ_WEB_DIR: join(root, 'dist', 'web') };
  const server = await startServer('xiangzhi', ['--import', 'tsx', 'src/server/main.ts', 'start'], env, '/api/health', root).catch((err) => {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  });
  return {
    baseURL: server.base,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const gzipCache = new Map<string, number>();
function gzipSize(file: string): number {
  let n = gzipCache.get(file);
  if (n === undefined) {
    n = gzipSync(readFileSync(file), { level: 9 }).length;
    gzipCache.set(file, n);
  }
  return n;
}

async function loadOnce(
  browser: Browser,
  baseURL: string,
  webDir: string,
  path: string,
  viewport: { width: number; height: number },
  mobile: boolean,
): Promise<LoadFigures> {
  // A fresh context each time: empty HTTP cache, no service worker, no storage.
  const ctx = await browser.newContext({ viewport, isMobile: mobile, hasTouch: mobile, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: CONDITIONS.latencyMs,
      downloadThroughput: CONDITIONS.downloadBytesPerSecond,
      uploadThroughput: CONDITIONS.uploadBytesPerSecond,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CONDITIONS.cpuSlowdown });
    const seen = new Map<string, { url: string; type: string; encoding: string; bytes: number }>();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith('data:')) seen.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', encoding: '', bytes: 0 });
    });
    cdp.on('Network.responseReceived', (e) => {
      const r = seen.get(e.requestId);
      if (!r) return;
      r.type = e.type;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      r.encoding = h['content-encoding'] ?? '';
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = seen.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    await page.goto(baseURL + path, { waitUntil: 'load', timeout: 180_000 });
    // Both pages end on their sign-in form (cold: no session); what they fetch until then (/api/me, lazy pieces) counts.
    await page.getByLabel('手机号').waitFor({ state: 'visible', timeout: 120_000 });
    const readyMs = await page.evaluate(() => performance.now());
    await page.waitForLoadState('networkidle', { timeout: 120_000 });
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { load: nav.loadEventEnd - nav.startTime, fcp: fcp ? fcp.startTime : Number.NaN };
    });
    const all = [...seen.values()];
    const jsCss = all.filter((r) => r.type === 'Script' || r.type === 'Stylesheet');
    const fileOf = (url: string) => join(webDir, decodeURIComponent(new URL(url).pathname));
    return {
      requests: all.length,
      wireBytes: all.reduce((s, r) => s + r.bytes, 0),
      jsCssWireBytes: jsCss.reduce((s, r) => s + r.bytes, 0),
      jsCssGzipBytes: jsCss.reduce((s, r) => s + (existsSync(fileOf(r.url)) ? gzipSize(fileOf(r.url)) : r.bytes), 0),
      uncompressedJsCss: jsCss.filter((r) => !r.encoding).length,
      fcpMs: Math.round(timing.fcp),
      readyMs: Math.round(readyMs),
      loadMs: Math.round(timing.load),
      jsCss: jsCss.map((r) => new URL(r.url).pathname),
    };
  } finally {
    await ctx.close();
  }
}

function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: mid, min: s[0], max: s[s.length - 1] };
}

function summarize(path: string, viewport: { width: number; height: number }, runs: LoadFigures[]): PageResult {
  const keys = ['requests', 'wireBytes', 'jsCssWireBytes', 'jsCssGzipBytes', 'fcpMs', 'readyMs', 'loadMs'] as const;
  const summary = Object.fromEntries(keys.map((k) => [k, spread(runs.map((r) => r[k]))])) as PageResult['summary'];
  return { path, viewport, runs, summary };
}

function distWeight(webDir: string): B5Result['dist'] {
  const assets = join(webDir, 'assets');
  const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
  let bytes = 0;
  let gzipBytes = 0;
  for (const f of files) {
    bytes += readFileSync(join(assets, f)).length;
    gzipBytes += gzipSize(join(assets, f));
  }
  return { files: files.length, bytes, gzipBytes };
}

export async function runB5(opts: B5Options = {}): Promise<B5Result> {
  const root = resolve(opts.root ?? REPO);
  const webDir = join(root, 'dist', 'web');
  if (!existsSync(join(webDir, 'index.html')) || !existsSync(join(webDir, 'h5.html')))
    throw new Error(`B5 needs the built web in ${webDir}: run \`npx vite build\` first`);
  const runs = opts.runs ?? 3;
  const log = opts.log ?? (() => {});
  log(`starting the server (${root}) on a fresh SQLite file with the demo township…`);
  const server = await startB5Server(root);
  const browser = await chromium.launch({
    executablePath: opts.chromium ?? process.env.XZ_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update'],
  });
  try {
    const pages = [
      { key: 'h5' as const, path: '/h5', viewport: { width: 360, height: 740 }, mobile: true },
      { key: 'console' as const, path: '/', viewport: { width: 1366, height: 768 }, mobile: false },
    ];
    const results = {} as Record<'h5' | 'console', PageResult>;
    for (const p of pages) {
      // One warm-up load (not counted): the server's first answers (file handles, JIT) should not weigh on run 1.
      await loadOnce(browser, server.baseURL, webDir, p.path, p.viewport, p.mobile);
      const figures: LoadFigures[] = [];
      for (let i = 0; i < runs; i++) {
        const f = await loadOnce(browser, server.baseURL, webDir, p.path, p.viewport, p.mobile);
        log(
          `${p.path} run ${i + 1}: ${f.requests} requests, ${kb(f.wireBytes)} KB over the wire, FCP ${f.fcpMs} ms, load ${f.loadMs} ms, form ${f.readyMs} ms`,
        );
        figures.push(f);
      }
      results[p.key] = summarize(p.path, p.viewport, figures);
    }
    const dist = distWeight(webDir);
    const targets = { h5JsCssGzipKB: 250, h5FcpMs: 3000, consoleJsCssGzipKB: 700 };
    return {
      conditions: CONDITIONS,
      h5: results.h5,
      console: results.console,
      dist,
      targets: {
        ...targets,
        met: {
          h5JsCss: results.h5.summary.jsCssGzipBytes.median / 1024 <= targets.h5JsCssGzipKB,
          h5Fcp: results.h5.summary.fcpMs.median <= targets.h5FcpMs,
          consoleJsCss: results.console.summary.jsCssGzipBytes.median / 1024 <= targets.consoleJsCssGzipKB,
        },
      },
    };
  } finally {
    await browser.close();
    await server.stop();
  }
}

const kb = (n: number) => (n / 1024).toFixed(1);

/** The figures as a markdown table: median (min–max) per page. */
export function b5Table(r: B5Result): string {
  const cell = (s: Spread, f: (n: number) => string) => `${f(s.median)} (${f(s.min)}–${f(s.max)})`;
  const ms = (n: number) => (n / 1000).toFixed(2);
  const row = (name: string, p: PageResult) =>
    `| ${name} | ${cell(p.summary.requests, String)} | ${cell(p.summary.wireBytes, kb)} | ${cell(p.summary.jsCssWireBytes, kb)} | ${cell(p.summary.jsCssGzipBytes, kb)} | ${cell(p.summary.fcpMs, ms)} | ${cell(p.summary.loadMs, ms)} | ${cell(p.summary.readyMs, ms)} |`;
  const yes = (b: boolean) => (b ? 'met' : '**not met**');
  return [
    `B5 phone load — slow 3G (${r.conditions.latencyMs} ms RTT, ${(r.conditions.downloadBytesPerSecond * 8) / 1000} kbit/s), CPU ×${r.conditions.cpuSlowdown}, cold cache; ${r.h5.runs.length} runs, median (min–max)`,
    '',
    '| page | requests | KB over the wire | JS+CSS KB over the wire | JS+CSS KB gzip | FCP s | load s | sign-in form s |',
    '|---|---|---|---|---|---|---|---|',
    row(`/h5 (${r.h5.viewport.width}×${r.h5.viewport.height})`, r.h5),
    row(`/ console sign-in (${r.console.viewport.width}×${r.console.viewport.height})`, r.console),
    '',
    `All JS+CSS in dist/web: ${r.dist.files} files, ${kb(r.dist.bytes)} KB, ${kb(r.dist.gzipBytes)} KB gzip.`,
    `Targets: /h5 JS+CSS ≤ ${r.targets.h5JsCssGzipKB} KB gzip: ${yes(r.targets.met.h5JsCss)}; /h5 FCP ≤ ${r.targets.h5FcpMs / 1000} s: ${yes(r.targets.met.h5Fcp)}; console JS+CSS ≤ ${r.targets.consoleJsCssGzipKB} KB gzip: ${yes(r.targets.met.consoleJsCss)}.`,
  ].join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const result = await runB5({ runs: Number(arg('--runs') ?? 3), root: arg('--root'), log: (l) => console.error(l) });
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(b5Table(result));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
