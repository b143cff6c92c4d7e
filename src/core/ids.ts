import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

/**
 * Time-ordered, URL-safe string id: ids made later in this process sort after
 * earlier ones (a counter breaks ties within a millisecond); the random suffix
 * keeps them unguessable and unique across processes.
 */
export function newId(): string {
  const ms = Date.now();
  if (ms === lastMs) seq++;
  else {
    lastMs = ms;
    seq = 0;
  }
  return ms.toString(36).padStart(9, '0') + seq.toString(36).padStart(4, '0') + randomBytes(6).toString('hex');
}
