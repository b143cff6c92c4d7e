// The household ledger (积分台账): every point that counts is one entry, and the
// balance row moves with it in the same transaction. Other modules credit or
// debit only through here; an entry is never edited (a correction is a new one).
import type { Executor } from '../../db/kysely.js';
import type { Actor, Ctx } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import { withRetry } from '../../core/retry.js';
import * as people from '../people/service.js';
import * as repo from './repo.js';
import { ENTRY_SOURCES, type EntrySource } from './rules.js';
import { pointsRegion } from './policy.js';

export interface Posting {
  householdId: string;
  /** The household's region path (the ledger is scoped by it). */
  regionPath: string;
  delta: number;
  source: EntrySource;
  /** The record the entry comes from; one entry per (source, sourceId). */
  sourceId: string;
  ruleId?: string | null;
  residentId?: string | null;
  note?: string | null;
  by?: string | null;
  at: Date;
}

/**
 * Posts one entry in the caller's transaction, exactly once per (source, sourceId):
 * a second call for the same source returns the first entry's id and changes nothing.
 * A debit the balance cannot cover throws INSUFFICIENT_POINTS and writes nothing.
 */
export async function postOnce(tx: Executor, p: Posting): Promise<string> {
  if (!Number.isInteger(p.delta) || p.delta === 0) throw new Error(`ledger: bad delta ${p.delta}`);
  if (!ENTRY_SOURCES.includes(p.source)) throw new Error(`ledger: unknown source ${p.source}`);
  const prior = await repo.entryBySource(tx, p.source, p.sourceId);
  if (prior) return prior.id;
  const id = newId();
  const ok = await repo.post(tx, {
    id,
    household_id: p.householdId,
    region_path: p.regionPath,
    delta: p.delta,
    source: p.source,
    source_id: p.sourceId,
    rule_id: p.ruleId ?? null,
    resident_id: p.residentId ?? null,
    note: p.note ?? null,
    at: p.at.toISOString(),
    created_by: p.by ?? null,
  });
  if (!ok) throw insufficient();
  return id;
}

export const insufficient = () => new AppError('INSUFFICIENT_POINTS', '该户积分余额不足', 'The household has too few points');

/** Locks the household's balance for the rest of the transaction (see repo.lockHousehold). */
export const lockHousehold = (tx: Executor, householdId: string, at: Date) => repo.lockHousehold(tx, householdId, at.toISOString());

export const balanceOf = (db: Executor, householdId: string) => repo.balanceOf(db, householdId);

/**
 * The household whose points a worker earns as a villager: the household of a
 * villager grant, else the one household inside `path` where a resident has the
 * worker's phone number. Null when there is none (or it is ambiguous).
 */
export async function householdOfUser(ctx: Ctx, user: { id: string; phone: string }, path: string, grants: { householdId: string | null }[]) {
  const own = grants.find((g) => g.householdId)?.householdId;
  if (own) return own;
  return people.householdOfPhone(ctx, user.phone, path);
}

/**
 * 更正: a cadre corrects a household's points with a new entry (never an edit),
 * a reason required; idempotent on the caller's key.
 */
export async function correct(ctx: Ctx, actor: Actor, input: { householdId: string; delta: number; reason: string; idempotencyKey?: string }) {
  const h = (await people.householdBriefs(ctx, [input.householdId])).get(input.householdId);
  if (!h || !actor.scope.canSeeRow(h.regionPath, h.id)) throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的辖区内', 'Unknown household');
  if (!pointsRegion.canIn(actor, 'points.manage', h.regionPath))
    throw forbidden('只有村两委或乡镇可以更正积分', 'Only the village committee or the township corrects points');
  if (!Number.isInteger(input.delta) || input.delta === 0 || Math.abs(input.delta) > 10_000)
    throw new AppError('VALIDATION_FAILED', '更正分值须为非零整数', 'The correction must be a non-zero integer');
  const reason = input.reason?.trim();
  if (!reason) throw new AppError('VALIDATION_FAILED', '更正须写明原因', 'A reason is required');
  const now = ctx.clock.now();
  const sourceId = input.idempotencyKey ? `${actor.userId}:${input.idempotencyKey}` : newId();
  const entryId = await withRetry(ctx, () =>
    ctx.db.transaction().execute(async (tx) => {
      const prior = await repo.entryBySource(tx, 'correction', sourceId);
      if (prior) return prior.id;
      const id = await postOnce(tx, {
        householdId: h.id,
        regionPath: h.regionPath,
        delta: input.delta,
        source: 'correction',
        sourceId,
        note: reason,
        by: actor.userId,
        at: now,
      });
      await audit(tx, now, actor, {
        action: 'point_entry.correct',
        entity: 'point_entry',
        entityId: id,
        regionPath: h.regionPath,
        detail: { householdId: h.id, delta: input.delta, reason },
      });
      return id;
    }),
  );
  return entryView((await repo.entryById(ctx.db, entryId))!);
}

export function entryView(e: repo.EntryRow) {
  return {
    id: e.id,
    householdId: e.household_id,
    delta: e.delta,
    source: e.source as EntrySource,
    sourceId: e.source_id,
    ruleId: e.rule_id,
    residentId: e.resident_id,
    note: e.note,
    at: e.at,
    createdBy: e.created_by,
  };
}

/**
 * Households inside `path` whose balance row differs from the sum of their entries (should be none),
 * including a balance row of a household that has no entries at all.
 */
export async function inconsistencies(db: Executor, path: string) {
  const found = await repo.balanceMismatches(db, path);
  const seen = new Set(found.map((m) => m.householdId));
  const withEntries = new Set(await repo.householdsWithEntries(db, path));
  const households = (await people.householdIdsWithin(db, path)).filter((id) => !withEntries.has(id) && !seen.has(id));
  for (const [householdId, balance] of await repo.balancesOf(db, households)) if (balance !== 0) found.push({ householdId, balance, sum: 0 });
  return found;
}
