import { randomBytes } from 'node:crypto';

let lastMs = 0;
let seq = 0;

// Random bytes drawn from the system in blocks: one call per id was a visible share of a burst of reports.
const POOL = 6 * 1024;
let pool = randomBytes(POOL);
let at = 0;
function randomHex6(): string {
  if (at + 6 > POOL) {
    pool = randomBytes(POOL);
    at = 0;
  }
  at += 6;
  return pool.toString('hex', at - 6, at);
}

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
  return ms.toString(36).padStart(9, '0') + seq.toString(36).padStart(4, '0') + randomHex6();
}
