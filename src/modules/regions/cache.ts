// Region rows held in memory by id: nearly every request names a place or checks one (a report's place and its
// village, every list's 村/网格 names), and regions change rarely — never their path (regions do not move),
// only a name, a code or an order. This process forgets a region when it renames one; other server processes
// see a rename within REGION_TTL_MS. A region another process creates is simply not held yet, and is read.
import type { Ctx } from '../../core/context.js';
import type { Database } from '../../db/kysely.js';
import * as repo from './repo.js';

export const REGION_TTL_MS = 5_000;
/** Beyond this many held regions (a province's worth), the oldest are forgotten first. */
const MAX_HELD = 100_000;

interface Held {
  row: repo.RegionRow;
  at: number;
}

const stores = new WeakMap<Database, Map<string, Held>>();

function heldOf(ctx: Ctx) {
  let m = stores.get(ctx.database);
  if (!m) {
    m = new Map();
    stores.set(ctx.database, m);
  }
  return m;
}

/** The rows of these regions (those that exist), reading only those not held or held too long. */
export async function regionRows(ctx: Ctx, ids: string[]): Promise<repo.RegionRow[]> {
  const held = heldOf(ctx);
  const now = Date.now();
  const out: repo.RegionRow[] = [];
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    if (!id) continue;
    const h = held.get(id);
    if (h && now - h.at < REGION_TTL_MS) out.push(h.row);
    else missing.push(id);
  }
  if (missing.length) {
    const read = await repo.findByIds(ctx.db, missing);
    if (held.size + read.length > MAX_HELD) held.clear();
    for (const row of read) {
      held.set(row.id, { row, at: now });
      out.push(row);
    }
  }
  return out;
}

export async function regionRow(ctx: Ctx, id: string): Promise<repo.RegionRow | undefined> {
  return (await regionRows(ctx, [id]))[0];
}

/** After this process changed a region (its transaction committed). */
export function forgetRegion(ctx: Ctx, id: string) {
  heldOf(ctx).delete(id);
}
