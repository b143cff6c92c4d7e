// File answers: the right type and a Content-Disposition that keeps Chinese file names.
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** RFC 6266 / 5987: an ASCII fallback for old clients and the UTF-8 name for the rest. */
export function contentDisposition(kind: 'attachment' | 'inline', fileName: string, asciiFallback = 'download'): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}

export function sendXlsx(reply: FastifyReply, fileName: string, asciiFallback: string, body: Buffer | Readable) {
  return reply
    .type(XLSX_MIME)
    .header('content-disposition', contentDisposition('attachment', fileName, asciiFallback))
    .send(body);
}

/** A stored file shown in the page (a photo, a PDF): its own type, never sniffed, cached by this browser only. */
export function sendStoredFile(reply: FastifyReply, file: { row: { mime: string; name: string }; stream: Readable }, asciiFallback: string) {
  return reply
    .header('content-type', file.row.mime)
    .header('cache-control', 'private, max-age=86400')
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition('inline', file.row.name, asciiFallback))
    .send(file.stream);
}
