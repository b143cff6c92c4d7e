// Every answer carries the security headers; the built web is cached by name (hashed assets a year, pages never
// without asking) and sent precompressed; JSON over 1 KB is compressed when the client accepts it.
// The web directory is a tiny one made here (never dist/web, which may be stale or missing).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../src/core/clock.js';
import { localStorage } from '../src/core/storage.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { App } from '../src/http/types.js';
import { buildApp } from '../src/server/app.js';
import { pickEncoding } from '../src/server/compress.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/headers.js';
import { freshDatabase, TEST_NOW } from './harness.js';

const ASSET = `console.log(${JSON.stringify('乡治'.repeat(400))});\n`;
let app: App;
let drop: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'xz-headers-'));
  const web = join(dir, 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>乡治</title><script type="module" src="/assets/index-AbC123.js"></script>');
  writeFileSync(join(web, 'h5.html'), '<!doctype html><title>乡治 · 村民端</title>');
  writeFileSync(join(web, 'h5-sw.js'), 'self.addEventListener("fetch", () => {});');
  const asset = join(web, 'assets', 'index-AbC123.js');
  writeFileSync(asset, ASSET);
  writeFileSync(`${asset}.br`, brotliCompressSync(ASSET));
  writeFileSync(`${asset}.gz`, gzipSync(ASSET));
  const db = await freshDatabase();
  drop = db.drop;
  await migrateToLatest(db.database);
  app = await buildApp({ database: db.database, clock: fixedClock(TEST_NOW), webDir: web, storage: localStorage(join(dir, 'files')) });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await drop?.();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

function expectSecurityHeaders(res: { headers: Record<string, unknown> }) {
  expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
}

describe('security headers', () => {
  it('are on an API answer, an API 404, an error and the pages', async () => {
    const health = await get('/api/health');
    expect(health.statusCode).toBe(200);
    expectSecurityHeaders(health);

    const missing = await get('/api/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expectSecurityHeaders(missing);

    const unauthorized = await get('/api/me');
    expect(unauthorized.statusCode).toBe(401);
    expectSecurityHeaders(unauthorized);

    const bad = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(bad.statusCode).toBe(400);
    expectSecurityHeaders(bad);

    for (const url of ['/', '/index.html', '/h5', '/h5/cases/123', '/households/1', '/assets/index-AbC123.js', '/h5-sw.js']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expectSecurityHeaders(res);
    }
  });

  it('forbid framing, inline scripts and foreign sources, and allow what antd and the phone pages need', () => {
    const csp = Object.fromEntries(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toContain("'unsafe-inline'"); // antd's CSS-in-JS
    expect(csp['img-src']).toEqual(expect.arrayContaining(['blob:', 'data:'])); // photo previews, icons
    expect(csp['worker-src']).toEqual(["'self'"]); // the phone's service worker
  });
});

describe('caching of the built web', () => {
  it('keeps hashed assets a year and asks again for the pages and the service worker', async () => {
    const asset = await get('/assets/index-AbC123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/h5', '/h5/me', '/h5.html', '/login', '/h5-sw.js']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
    expect((await get('/h5/me')).body).toContain('村民端');
    expect((await get('/login')).body).toContain('<script type="module"');
  });
});

describe('compression', () => {
  it('sends an asset brotli- or gzip-compressed as asked, and plain otherwise', async () => {
    const brRes = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(brRes.headers['content-encoding']).toBe('br');
    expect(brRes.headers.vary).toMatch(/accept-encoding/i);
    expect(brRes.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(brRes.rawPayload).toString()).toBe(ASSET);

    const gzRes = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gzRes.headers['content-encoding']).toBe('gzip');
    expect(gzRes.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gzRes.rawPayload).toString()).toBe(ASSET);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(ASSET);
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
  });

  it('compresses JSON over 1 KB when asked, and not when not asked or when small', async () => {
    const asked = await get('/api/openapi.json', { 'accept-encoding': 'br;q=1, gzip;q=0.5' });
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['content-encoding']).toBe('br');
    expect(asked.headers.vary).toMatch(/accept-encoding/i);
    const spec = JSON.parse(brotliDecompressSync(asked.rawPayload).toString());
    expect(spec.openapi).toMatch(/^3\./);
    expect(asked.rawPayload.length).toBeLessThan(JSON.stringify(spec).length / 3);

    const gz = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(spec);

    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.rawPayload.length);
    expect(plain.json()).toEqual(spec);

    const refused = await get('/api/openapi.json', { 'accept-encoding': 'br;q=0, gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();

    const small = await get('/api/health', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json().ok).toBe(true);
  });

  it('picks br, then gzip, honouring q=0 and *', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('deflate')).toBeNull();
    expect(pickEncoding(undefined)).toBeNull();
  });
});
