// JSON answers over 1 KB go out compressed when the client accepts it: brotli first, then gzip. Only whole JSON bodies
// (strings and buffers) are touched, never a stream, so file downloads (xlsx, docx, stored photos) and the built web
// (stored precompressed, see vite.config.ts) pass as they are.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const br = promisify(brotliCompress);
const gz = promisify(gzip);

/** Below this many bytes the saving does not pay for the work (and often not for the header). */
export const COMPRESS_THRESHOLD = 1024;

/** The encoding to use for an Accept-Encoding header: br or gzip when accepted (q > 0), else none. */
export function pickEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const q = new Map<string, number>();
  for (const part of accept.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qp ? Number(qp.slice(2)) : 1;
    if (name) q.set(name.trim(), Number.isNaN(value) ? 0 : value);
  }
  const star = q.get('*');
  const accepted = (enc: string) => (q.get(enc) ?? star ?? 0) > 0;
  if (accepted('br')) return 'br';
  if (accepted('gzip')) return 'gzip';
  return null;
}

export function registerCompression(app: FastifyInstance) {
  app.addHook('onSend', async (req, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (req.method === 'HEAD' || reply.hasHeader('content-encoding')) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!type.startsWith('application/json')) return payload;
    if (Buffer.byteLength(payload) <= COMPRESS_THRESHOLD) return payload;
    reply.header('vary', 'Accept-Encoding');
    const encoding = pickEncoding(req.headers['accept-encoding']);
    if (!encoding) return payload;
    // Brotli at quality 4 compresses JSON better than gzip's default in about the same time; both run off the event loop.
    const body =
      encoding === 'br'
        ? await br(payload, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } })
        : await gz(payload, { level: 6 });
    reply.header('content-encoding', encoding);
    reply.removeHeader('content-length');
    return body;
  });
}
