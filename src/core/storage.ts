// One storage interface for uploaded files (photos, attachments). The default
// keeps them in a local directory; an object store can implement the same three calls.
import { createReadStream } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';

export interface Storage {
  put(key: string, data: Buffer): Promise<void>;
  get(key: string): Promise<Readable | null>;
  remove(key: string): Promise<void>;
}

export function localStorage(root: string): Storage {
  const base = resolve(root);
  const path = (key: string) => {
    const p = resolve(base, key);
    if (!p.startsWith(`${base}/`)) throw new Error('storage key escapes the root');
    return p;
  };
  return {
    async put(key, data) {
      const p = path(key);
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, data, { flag: 'wx' });
    },
    async get(key) {
      const p = path(key);
      try {
        await stat(p);
      } catch {
        return null;
      }
      return createReadStream(p);
    },
    async remove(key) {
      await rm(path(key), { force: true });
    },
  };
}

/** The file types we accept, recognised by their first bytes (never by the name a client sends). */
export const ACCEPTED = [
  { mime: 'image/jpeg', ext: 'jpg', test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', ext: 'png', test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { mime: 'image/webp', ext: 'webp', test: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
  { mime: 'application/pdf', ext: 'pdf', test: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
] as const;

export function sniff(data: Buffer): (typeof ACCEPTED)[number] | null {
  return ACCEPTED.find((t) => t.test(data)) ?? null;
}

export const dataDir = () => join(process.env.XZ_DATA_DIR ?? './data', 'files');
