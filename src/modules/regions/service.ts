import { AppError, notFound } from '../../core/errors.js';
import type { Actor, Ctx } from '../../core/context.js';
import { audit } from '../../core/audit.js';
import { newId } from '../../core/ids.js';
import * as repo from './repo.js';
import { forgetRegion, regionRow, regionRows } from './cache.js';
import { regionAbilities } from './policy.js';
import { childLevelAllowed, childPath, codeFits, pathIds, type Level } from './rules.js';

export interface RegionView {
  id: string;
  parentId: string | null;
  level: Level;
  code: string | null;
  name: string;
  hasChildren: boolean;
}

export function view(r: repo.RegionRow & { child_count?: number }): RegionView {
  return { id: r.id, parentId: r.parent_id, level: r.level as Level, code: r.code, name: r.name, hasChildren: (r.child_count ?? 1) > 0 };
}

/** Internal read for other modules: no scope check (callers check rows they return). */
export async function get(ctx: Ctx, id: string) {
  return regionRow(ctx, id);
}

export async function getMany(ctx: Ctx, ids: string[]) {
  return regionRows(ctx, ids);
}

/**
 * Each path's place as people say it, from its village down (孟家湾村 / 一组网格); above village level the region's own
 * name. One read at most (regions are held in memory), however many paths.
 */
export async function placeNames(ctx: Ctx, paths: string[]): Promise<(path: string) => string> {
  const rows = await regionRows(
    ctx,
    paths.flatMap((p) => pathIds(p)),
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (path) => {
    const chain = pathIds(path)
      .map((id) => byId.get(id))
      .filter((r): r is repo.RegionRow => !!r);
    const from = chain.findIndex((r) => r.level === 'village');
    return (from >= 0 ? chain.slice(from) : chain.slice(-1)).map((r) => r.name).join(' / ');
  };
}

/** The region of `level` on the path at `path` (itself included), e.g. a grid's village; unscoped. */
export async function ancestorAt(ctx: Ctx, path: string, level: Level) {
  return (await regionRows(ctx, pathIds(path))).find((r) => r.level === level);
}

/** A region the caller may see, or 404. */
export async function requireVisible(ctx: Ctx, actor: Actor, id: string) {
  const r = await regionRow(ctx, id);
  if (!r || !actor.scope.canSeeRegion(r.path)) throw notFound('区域', 'Region');
  return r;
}

/**
 * For a village's public pages (公示栏, ranking, store): the region itself when
 * visible, or the village a villager's own grid lies in (an ancestor of their
 * scope, but never above village level).
 */
export async function requirePublicRegion(ctx: Ctx, actor: Actor, id: string) {
  const r = await repo.findById(ctx.db, id);
  if (!r || !(actor.scope.canSeeRegion(r.path) || (r.level === 'village' && actor.scope.isAncestorOfScope(r.path)))) throw notFound('区域', 'Region');
  return r;
}

/** For writes naming a region in the body: unknown or out of scope is a 400 UNKNOWN_REGION. */
export async function requireBodyRegion(ctx: Ctx, actor: Actor, id: string) {
  const r = await regionRow(ctx, id);
  if (!r || !actor.scope.canSeeRegion(r.path)) throw new AppError('UNKNOWN_REGION', '所选区域不存在或不在您的管辖范围内', 'Unknown region');
  return r;
}

export async function detail(ctx: Ctx, actor: Actor, id: string) {
  const r = await requireVisible(ctx, actor, id);
  const [withCount] = await repo.withChildCounts(ctx.db, [r]);
  const chain = await repo.findByIds(ctx.db, pathIds(r.path).slice(0, -1));
  const byId = new Map(chain.map((a) => [a.id, a]));
  const ancestors = pathIds(r.path)
    .slice(0, -1)
    .map((aid) => byId.get(aid)!)
    .filter(Boolean)
    .map((a) => ({ id: a.id, name: a.name, level: a.level as Level, visible: actor.scope.canSeeRegion(a.path) }));
  return { ...view(withCount), ancestors };
}

/** Children of a region; with no parent, the caller's own roots. */
export async function children(ctx: Ctx, actor: Actor, parentId?: string) {
  if (parentId) {
    await requireVisible(ctx, actor, parentId);
    return (await repo.children(ctx.db, parentId)).map(view);
  }
  const rootIds = actor.scope.regionPaths.map((p) => pathIds(p).at(-1)!);
  const roots = await repo.findByIds(ctx.db, rootIds);
  return (await repo.withChildCounts(ctx.db, roots)).map(view);
}

export async function search(ctx: Ctx, actor: Actor, q: string) {
  const rows = await repo.searchVisible(ctx.db, actor.scope, q, 50);
  return (await repo.withChildCounts(ctx.db, rows)).map(view);
}

export async function create(ctx: Ctx, actor: Actor, input: { parentId: string; level: Level; name: string; code?: string | null }) {
  const parent = await requireBodyRegion(ctx, actor, input.parentId);
  regionAbilities.assertIn(actor, 'region.manage', parent.path);
  if (!childLevelAllowed(parent.level as Level, input.level))
    throw new AppError('VALIDATION_FAILED', '该层级不能建在所选上级区域之下', 'This level cannot sit under the chosen parent');
  if (input.code && !codeFits(input.level, input.code))
    throw new AppError('VALIDATION_FAILED', '区划代码位数不正确（区县6位、乡镇9位、村12位）', 'Division code has the wrong length');
  const id = newId();
  const row = {
    id,
    parent_id: parent.id,
    level: input.level,
    code: input.code ?? null,
    name: input.name,
    path: childPath(parent.path, id),
    depth: parent.depth + 1,
    sort_order: 0,
    county_id: parent.county_id,
    created_at: ctx.clock.now().toISOString(),
  };
  await ctx.db.transaction().execute(async (tx) => {
    await repo.insert(tx, row);
    await audit(tx, ctx.clock.now(), actor, { action: 'region.create', entity: 'region', entityId: id, regionPath: row.path, detail: input });
  });
  return view({ ...row, child_count: 0 });
}

export async function rename(ctx: Ctx, actor: Actor, id: string, patch: { name?: string; code?: string | null }) {
  const r = await requireVisible(ctx, actor, id);
  regionAbilities.assertIn(actor, 'region.manage', r.path);
  if (patch.code && !codeFits(r.level as Level, patch.code))
    throw new AppError('VALIDATION_FAILED', '区划代码位数不正确', 'Division code has the wrong length');
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  if (!Object.keys(changes).length) return detail(ctx, actor, id);
  await ctx.db.transaction().execute(async (tx) => {
    await repo.update(tx, id, changes);
    await audit(tx, ctx.clock.now(), actor, { action: 'region.update', entity: 'region', entityId: id, regionPath: r.path, detail: patch });
  });
  forgetRegion(ctx, id);
  return detail(ctx, actor, id);
}

/** Every region under (and including) `path`, for other modules' lookups; unscoped. */
export function subtree(ctx: Ctx, path: string, maxDepth?: number) {
  return repo.subtree(ctx.db, path, maxDepth);
}

/** Every region of a level (e.g. each township, for store-wide sweeps). */
export async function atLevel(ctx: Ctx, level: Level) {
  return repo.atLevel(ctx.db, level);
}
