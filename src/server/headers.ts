// Security headers on every answer (API, files, the pages, errors, 404s), and how the built web is cached.
import { resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';

/**
 * What the console and the phone pages load, and nothing else: scripts only from this server (the built HTML has no
 * inline script); styles inline too, since antd writes its CSS-in-JS into <style> tags and both pages inline their boot
 * style; photos previewed from blob: URLs and icons in data: URLs; the phone's service worker from this origin. Speech
 * synthesis and geolocation are browser APIs and need no source. No page may be framed.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
};

/** Adds the security headers to every answer, whatever produced it (a route, @fastify/static, the error or 404 handler). */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(name)) reply.header(name, value);
    return payload;
  });
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * For @fastify/static's setHeaders: files under assets/ carry a content hash in their names, so they never change and are
 * kept a year; everything else (index.html, h5.html, h5-sw.js) is asked again each time, so a new build is seen at once.
 * The built files are stored brotli- and gzip-compressed beside the originals, so each answer depends on Accept-Encoding.
 */
export function webCacheHeaders(webDir: string) {
  const assets = `${resolve(webDir)}${sep}assets${sep}`;
  return (res: { setHeader: (name: string, value: string) => unknown }, path: string) => {
    res.setHeader('cache-control', path.startsWith(assets) ? IMMUTABLE : 'no-cache');
    res.setHeader('vary', 'Accept-Encoding');
  };
}
