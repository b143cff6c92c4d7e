import { inflateRawSync } from 'node:zlib';

/**
 * Total bytes the zip really inflates to, capped: every entry is inflated with
 * a hard output limit (a "zip bomb" that lies about its sizes is stopped at the
 * cap, in bounded memory) before exceljs is given the file. Null when the
 * buffer is not a readable zip; Infinity when it is over `cap`.
 */
export function unzippedSize(buf: Buffer, cap: number): number | null {
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  let p = buf.readUInt32LE(eocd + 16),
    total = 0;
  try {
    for (let n = buf.readUInt16LE(eocd + 10); n > 0; n--) {
      if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
      const method = buf.readUInt16LE(p + 10);
      const compressed = buf.readUInt32LE(p + 20);
      const local = buf.readUInt32LE(p + 42);
      if (buf.readUInt32LE(local) !== 0x04034b50) return null;
      const data = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      if (data + compressed > buf.length) return null;
      const room = cap - total;
      if (method === 0) total += compressed;
      else if (method === 8) total += inflateRawSync(buf.subarray(data, data + compressed), { maxOutputLength: room + 1 }).length;
      else return null;
      if (total > cap) return Infinity;
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
  } catch (err) {
    if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return Infinity;
    return null;
  }
  return total;
}
