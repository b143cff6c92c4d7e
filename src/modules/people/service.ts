import { AppError } from '../../core/errors.js';
import type { Actor, Ctx } from '../../core/context.js';
import type { Executor } from '../../db/kysely.js';
import { audit } from '../../core/audit.js';
import { withRetry } from '../../core/retry.js';
import { newId } from '../../core/ids.js';
import { maskIdNumber } from '../../shared/idnumber.js';
import { shanghaiDate } from '../../core/clock.js';
import { pathIds } from '../../core/scope.js';
import * as regions from '../regions/service.js';
import { holdersNear, holdsRoleNear, userNames } from '../accounts/index.js';
import * as accounts from '../accounts/service.js';
import * as repo from './repo.js';
import { householdPolicy, registryRegion, residentPolicy } from './policy.js';
import { ageOn, householdProblems, normalizedResident, PHONE_PROBLEM, phoneOk, residentProblems, type Problem, type ResidentFacts } from './rules.js';

export interface ResidentInput extends ResidentFacts {
  tags?: string[];
  note?: string | null;
}

export interface HouseholdInput {
  regionId: string;
  address: string;
  phone?: string | null;
  residents?: ResidentInput[];
}

function problemError(p: Problem[]): AppError {
  const code = p.find((x) => x.code === 'INVALID_ID_NUMBER')?.code ?? p.find((x) => x.code === 'DUPLICATE_ID_NUMBER')?.code ?? 'VALIDATION_FAILED';
  return new AppError(
    code,
    p.map((x) => x.zh).join('；'),
    p.map((x) => x.en).join('; '),
    p.map((x) => ({ field: x.field, message: x.zh })),
  );
}

const today = (ctx: Ctx) => shanghaiDate(ctx.clock.now());

/**
 * The masked ID hides exactly the birth date, so callers who may not see whole
 * ID numbers get the birth year and age only — otherwise the mask undoes itself.
 */
function residentView(r: repo.ResidentRow, tags: string[], now: string, seesDates: boolean) {
  return {
    id: r.id,
    householdId: r.household_id,
    name: r.name,
    gender: r.gender,
    birthDate: seesDates ? r.birth_date : null,
    birthYear: Number(r.birth_date.slice(0, 4)),
    age: ageOn(r.birth_date, now),
    idNumber: maskIdNumber(r.id_number),
    phone: r.phone,
    relation: r.relation,
    tags,
    note: r.note,
    createdAt: r.created_at,
  };
}

/** Names of each household's grid and village, from one region lookup. */
async function placeNames(ctx: Ctx, paths: string[]) {
  const rows = await regions.getMany(ctx, paths.flatMap(pathIds));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return (path: string) => {
    const chain = pathIds(path)
      .map((id) => byId.get(id)!)
      .filter(Boolean);
    const own = chain.at(-1);
    return {
      regionName: own?.name ?? '',
      villageName: chain.find((r) => r.level === 'village')?.name ?? '',
      gridName: chain
        .filter((r) => r.level === 'grid')
        .map((r) => r.name)
        .join(' / '),
    };
  };
}

export async function listHouseholds(ctx: Ctx, actor: Actor, f: { regionId?: string; q?: string; tag?: string; page: number; pageSize: number }) {
  const regionPath = f.regionId ? (await regions.requireVisible(ctx, actor, f.regionId)).path : undefined;
  const { total, rows } = await repo.listHouseholds(ctx.db, actor.scope, { regionPath, q: f.q || undefined, tag: f.tag }, f.page, f.pageSize);
  const [names, tags] = await Promise.all([
    placeNames(
      ctx,
      rows.map((r) => r.region_path),
    ),
    repo.householdTags(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return {
    total,
    items: rows.map((h) => ({
      id: h.id,
      regionId: h.region_id,
      ...names(h.region_path),
      address: h.address,
      phone: h.phone,
      headName: h.head_name ?? null,
      residentCount: h.resident_count,
      tags: [...(tags.get(h.id) ?? [])].sort(),
      updatedAt: h.updated_at,
      abilities: householdPolicy.abilities(actor, h),
    })),
  };
}

async function requireHousehold(ctx: Ctx, actor: Actor, id: string, db: Executor = ctx.db) {
  return householdPolicy.assert(actor, 'household.read', await repo.householdById(db, id));
}

export async function householdDetail(ctx: Ctx, actor: Actor, id: string) {
  const h = await requireHousehold(ctx, actor, id);
  const residents = await repo.residentsOf(ctx.db, [h.id]);
  const [tags, names, links] = await Promise.all([
    repo.tagsOf(
      ctx.db,
      residents.map((r) => r.id),
    ),
    placeNames(ctx, [h.region_path]),
    repo.partyLinksOf(ctx.db, h.id),
  ]);
  const users = await userNames(
    ctx,
    links.map((l) => l.user_id),
  );
  const now = today(ctx);
  const head = residents.find((r) => r.id === h.head_resident_id);
  return {
    id: h.id,
    regionId: h.region_id,
    ...names(h.region_path),
    address: h.address,
    phone: h.phone,
    headResidentId: h.head_resident_id,
    headName: head?.name ?? null,
    residents: residents.map((r) => residentView(r, tags.get(r.id) ?? [], now, householdPolicy.can(actor, 'resident.revealId', h))),
    partyMembers: links.map((l) => ({ userId: l.user_id, name: users.get(l.user_id)?.name ?? '', phone: users.get(l.user_id)?.phone ?? '' })),
    createdAt: h.created_at,
    updatedAt: h.updated_at,
    abilities: householdPolicy.abilities(actor, h),
  };
}

/** Checks a household's place: a village or grid the caller may write in. */
async function writableRegion(ctx: Ctx, actor: Actor, regionId: string) {
  const r = await regions.requireBodyRegion(ctx, actor, regionId);
  if (r.level !== 'grid' && r.level !== 'village')
    throw new AppError('UNKNOWN_REGION', '户只能登记在村或网格之下', 'A household belongs to a village or a grid');
  registryRegion.assertIn(actor, 'household.create', r.path);
  return r;
}

function residentRow(ctx: Ctx, h: { id: string; region_path: string; county_id: string }, input: ResidentInput) {
  const r = normalizedResident(input);
  const now = ctx.clock.now().toISOString();
  return {
    id: newId(),
    household_id: h.id,
    region_path: h.region_path,
    county_id: h.county_id,
    name: r.name,
    gender: r.gender,
    birth_date: r.birthDate,
    id_number: r.idNumber,
    id_tail: r.idNumber.slice(-4),
    phone: r.phone || null,
    relation: r.relation,
    note: input.note ?? null,
    created_at: now,
    updated_at: now,
  };
}

/** Validates a batch of residents against rules, each other and the store; returns problems per index. */
export async function residentBatchProblems(ctx: Ctx, db: Executor, list: ResidentInput[]): Promise<Map<number, Problem[]>> {
  const out = new Map<number, Problem[]>();
  const add = (i: number, p: Problem) => out.set(i, [...(out.get(i) ?? []), p]);
  const now = today(ctx);
  for (const [i, r] of list.entries()) for (const p of residentProblems(r, now)) add(i, p);
  const seen = new Map<string, number>();
  list.forEach((r, i) => {
    if (out.has(i)) return;
    const id = normalizedResident(r).idNumber;
    if (seen.has(id))
      add(i, { field: 'idNumber', code: 'VALIDATION_FAILED', zh: `身份证号与第${seen.get(id)! + 1}人重复`, en: 'Duplicate ID number in this batch' });
    else seen.set(id, i);
  });
  const existing = new Set((await repo.existingIdNumbers(db, [...seen.keys()])).map((e) => e.id_number));
  list.forEach((r, i) => {
    if (!out.has(i) && existing.has(normalizedResident(r).idNumber))
      add(i, { field: 'idNumber', code: 'DUPLICATE_ID_NUMBER', zh: '该身份证号已在系统中登记，不能重复登记', en: 'This ID number is already registered' });
  });
  return out;
}

/** Inserts households with their residents inside the caller's transaction. Input must be validated. */
export async function insertHouseholdsTx(
  ctx: Ctx,
  tx: Executor,
  actor: Actor | null,
  items: { region: { id: string; path: string; county_id: string }; input: HouseholdInput }[],
) {
  const now = ctx.clock.now().toISOString();
  const households: repo.HouseholdRow[] = [];
  const residents: repo.ResidentRow[] = [];
  const tags: { resident_id: string; household_id: string; tag: string }[] = [];
  for (const { region, input } of items) {
    const h = {
      id: newId(),
      region_id: region.id,
      region_path: region.path,
      county_id: region.county_id,
      address: input.address.trim(),
      phone: input.phone || null,
      head_resident_id: null as string | null,
      created_at: now,
      updated_at: now,
    };
    for (const r of input.residents ?? []) {
      const row = residentRow(ctx, h, r);
      if (!h.head_resident_id && row.relation === '户主') h.head_resident_id = row.id;
      residents.push(row);
      for (const tag of new Set(r.tags ?? [])) tags.push({ resident_id: row.id, household_id: h.id, tag });
    }
    if (!h.head_resident_id && residents.length && residents.at(-1)!.household_id === h.id)
      h.head_resident_id = residents.find((x) => x.household_id === h.id)!.id;
    households.push(h);
  }
  // Chunked so a 1,000-household import stays under SQLite's bound-parameter limit.
  for (let i = 0; i < households.length; i += 200) await repo.insertHouseholds(tx, households.slice(i, i + 200));
  for (let i = 0; i < residents.length; i += 200) await repo.insertResidents(tx, residents.slice(i, i + 200));
  for (let i = 0; i < tags.length; i += 300) await repo.insertTags(tx, tags.slice(i, i + 300));
  for (const h of households)
    await audit(tx, ctx.clock.now(), actor, {
      action: 'household.create',
      entity: 'household',
      entityId: h.id,
      regionPath: h.region_path,
      detail: { address: h.address, residents: residents.filter((r) => r.household_id === h.id).length },
    });
  return households;
}

export async function createHousehold(ctx: Ctx, actor: Actor, input: HouseholdInput) {
  const region = await writableRegion(ctx, actor, input.regionId);
  const residents = input.residents ?? [];
  const family = [...householdProblems(residents, true), ...(input.phone && !phoneOk(input.phone) ? [PHONE_PROBLEM] : [])];
  if (family.length) throw problemError(family);
  const h = await ctx.db.transaction().execute(async (tx) => {
    const problems = await residentBatchProblems(ctx, tx, residents);
    if (problems.size) {
      const [i, p] = [...problems.entries()][0];
      throw problemError(p.map((x) => ({ ...x, field: `residents.${i}.${x.field}` })));
    }
    const [row] = await insertHouseholdsTx(ctx, tx, actor, [{ region, input }]);
    return row;
  });
  return householdDetail(ctx, actor, h.id);
}

/**
 * What a module that keeps rows of a household under the household's region path does when the
 * household moves: re-home them in the move's transaction (or throw an AppError to refuse the move).
 * The points and store modules register theirs at start (server/app.ts): they build on this
 * module, so it cannot call them without an import cycle.
 */
export type HouseholdMoveHook = (tx: Executor, move: { householdId: string; toPath: string; at: Date }) => Promise<unknown>;
const moveHooks = new Map<string, HouseholdMoveHook>();
export function onHouseholdMove(owner: string, hook: HouseholdMoveHook) {
  moveHooks.set(owner, hook);
}

export async function updateHousehold(
  ctx: Ctx,
  actor: Actor,
  id: string,
  patch: { address?: string; phone?: string | null; regionId?: string; headResidentId?: string },
) {
  const target = patch.regionId ? await writableRegion(ctx, actor, patch.regionId) : null;
  if (patch.phone && !phoneOk(patch.phone)) throw problemError([PHONE_PROBLEM]);
  // The move takes the household's points lock too: a deadlock lost to a settlement or redemption runs again.
  await withRetry(ctx, () =>
    ctx.db.transaction().execute(async (tx) => {
      // Checked on the locked row, so a concurrent move cannot slip between check and write.
      const h = householdPolicy.assert(actor, 'household.update', await repo.householdForUpdate(tx, id, ctx.kind));
      if (patch.headResidentId) {
        const r = await repo.residentById(tx, patch.headResidentId);
        if (!r || r.household_id !== h.id) throw new AppError('VALIDATION_FAILED', '户主必须是本户成员', 'The head must be a member of this household');
      }
      const moving = target && target.id !== h.region_id ? target : null;
      await repo.updateHousehold(tx, id, {
        ...(patch.address !== undefined ? { address: patch.address.trim() } : {}),
        ...(patch.phone !== undefined ? { phone: patch.phone || null } : {}),
        ...(patch.headResidentId ? { head_resident_id: patch.headResidentId } : {}),
        ...(moving ? { region_id: moving.id, region_path: moving.path, county_id: moving.county_id } : {}),
        updated_at: ctx.clock.now().toISOString(),
      });
      // What the household owns moves with it, in this transaction, through each owner module. Cases,
      // visit logs and designations stay where they happened; the visit plan follows on its next sync.
      const moved: Record<string, unknown> | null = moving
        ? {
            residents: Number((await repo.moveResidentsOfHousehold(tx, id, moving.path, moving.county_id))[0]?.numUpdatedRows ?? 0),
            grants: await accounts.followHouseholdMove(tx, id, moving),
          }
        : null;
      if (moving && moved) {
        if (!moveHooks.size) throw new Error('people: no household-move hooks registered (server/app.ts registers the points and store ones)');
        for (const [owner, hook] of moveHooks) moved[owner] = await hook(tx, { householdId: id, toPath: moving.path, at: ctx.clock.now() });
      }
      await audit(tx, ctx.clock.now(), actor, {
        action: 'household.update',
        entity: 'household',
        entityId: id,
        regionPath: moving?.path ?? h.region_path,
        detail: moved ? { ...patch, from: h.region_path, moved } : patch,
      });
    }),
  );
  return householdDetail(ctx, actor, id);
}

export async function createResident(ctx: Ctx, actor: Actor, input: ResidentInput & { householdId: string }) {
  const id = await ctx.db.transaction().execute(async (tx) => {
    // The household is read (and locked) inside the transaction: the new row takes its current place.
    const h = await repo.householdForUpdate(tx, input.householdId, ctx.kind);
    if (!h || !householdPolicy.can(actor, 'household.read', h))
      throw new AppError('UNKNOWN_HOUSEHOLD', '所选户不存在或不在您的管辖范围内', 'Unknown household');
    householdPolicy.assert(actor, 'household.update', h);
    const members = await repo.residentsOf(tx, [h.id]);
    const problems = await residentBatchProblems(ctx, tx, [input]);
    const family = householdProblems([...members.map((m) => ({ relation: m.relation })), input]);
    if (problems.size || family.length) throw problemError([...(problems.get(0) ?? []), ...family]);
    const row = residentRow(ctx, h, input);
    await repo.insertResidents(tx, [row]);
    await repo.insertTags(
      tx,
      [...new Set(input.tags ?? [])].map((tag) => ({ resident_id: row.id, household_id: h.id, tag })),
    );
    await repo.updateHousehold(tx, h.id, {
      updated_at: row.created_at,
      ...(!h.head_resident_id && row.relation === '户主' ? { head_resident_id: row.id } : {}),
    });
    await audit(tx, ctx.clock.now(), actor, {
      action: 'resident.create',
      entity: 'resident',
      entityId: row.id,
      regionPath: h.region_path,
      detail: { householdId: h.id, name: row.name },
    });
    return row.id;
  });
  return residentDetail(ctx, actor, id, false);
}

export async function updateResident(ctx: Ctx, actor: Actor, id: string, patch: Partial<ResidentInput>) {
  const r = residentPolicy.assert(actor, 'resident.update', await repo.residentById(ctx.db, id));
  const merged: ResidentInput = {
    name: patch.name ?? r.name,
    idNumber: patch.idNumber ?? r.id_number,
    gender: patch.gender ?? r.gender,
    birthDate: patch.birthDate ?? r.birth_date,
    phone: patch.phone === undefined ? r.phone : patch.phone,
    relation: patch.relation ?? r.relation,
  };
  if (patch.idNumber && !patch.gender && !patch.birthDate) {
    delete merged.gender;
    delete merged.birthDate;
  }
  const problems = residentProblems(merged, today(ctx));
  if (problems.length) throw problemError(problems);
  const n = normalizedResident(merged);
  await ctx.db.transaction().execute(async (tx) => {
    const h = (await repo.householdForUpdate(tx, r.household_id, ctx.kind))!;
    if (n.relation !== r.relation) {
      const others = (await repo.residentsOf(tx, [h.id])).filter((m) => m.id !== id);
      const family = householdProblems([...others, { relation: n.relation }]);
      if (family.length) throw problemError(family);
      // The head follows the 户主 relation.
      if (n.relation === '户主') await repo.updateHousehold(tx, h.id, { head_resident_id: id });
      else if (h.head_resident_id === id) await repo.updateHousehold(tx, h.id, { head_resident_id: null });
    }
    if (n.idNumber !== r.id_number && (await repo.residentByIdNumber(tx, n.idNumber)))
      throw new AppError('DUPLICATE_ID_NUMBER', '该身份证号已在系统中登记，不能重复登记', 'This ID number is already registered');
    await repo.updateResident(tx, id, {
      name: n.name,
      id_number: n.idNumber,
      id_tail: n.idNumber.slice(-4),
      gender: n.gender,
      birth_date: n.birthDate,
      phone: n.phone || null,
      relation: n.relation,
      ...(patch.note !== undefined ? { note: patch.note } : {}),
      updated_at: ctx.clock.now().toISOString(),
    });
    if (patch.tags) await repo.replaceTags(tx, id, r.household_id, [...new Set(patch.tags)]);
    const changed = Object.keys(patch).filter((k) => k !== 'idNumber');
    await audit(tx, ctx.clock.now(), actor, {
      action: 'resident.update',
      entity: 'resident',
      entityId: id,
      regionPath: r.region_path,
      detail: { fields: patch.idNumber ? [...changed, 'idNumber'] : changed },
    });
  });
  return residentDetail(ctx, actor, id, false);
}

export async function residentDetail(ctx: Ctx, actor: Actor, id: string, reveal: boolean) {
  const r = residentPolicy.assert(actor, 'resident.read', await repo.residentById(ctx.db, id));
  const tags = (await repo.tagsOf(ctx.db, [id])).get(id) ?? [];
  const view = residentView(r, tags, today(ctx), residentPolicy.can(actor, 'resident.revealId', r));
  if (!reveal) return view;
  residentPolicy.assert(actor, 'resident.revealId', r);
  await ctx.db
    .transaction()
    .execute((tx) => audit(tx, ctx.clock.now(), actor, { action: 'resident.reveal_id', entity: 'resident', entityId: id, regionPath: r.region_path }));
  return { ...view, idNumber: r.id_number };
}

/** Household ids and paths for a filtered export, with full residents (masked ids). */
export async function* exportRows(ctx: Ctx, actor: Actor, f: { regionId?: string; q?: string; tag?: string }) {
  const regionPath = f.regionId ? (await regions.requireVisible(ctx, actor, f.regionId)).path : undefined;
  for await (const batch of repo.iterateHouseholds(ctx.db, actor.scope, { regionPath, q: f.q || undefined, tag: f.tag })) {
    const residents = await repo.residentsOf(
      ctx.db,
      batch.map((h) => h.id),
    );
    const [tags, names] = await Promise.all([
      repo.tagsOf(
        ctx.db,
        residents.map((r) => r.id),
      ),
      placeNames(
        ctx,
        batch.map((h) => h.region_path),
      ),
    ]);
    const now = today(ctx);
    yield batch.map((h) => ({
      household: { ...h, ...names(h.region_path) },
      residents: residents
        .filter((r) => r.household_id === h.id)
        .map((r) => residentView(r, tags.get(r.id) ?? [], now, householdPolicy.can(actor, 'resident.revealId', h))),
    }));
  }
}

/** The village of a household: party members serve households of their own village (党员联户). */
async function villagePathOf(ctx: Ctx, h: { region_path: string }) {
  return (await regions.ancestorAt(ctx, h.region_path, 'village'))?.path ?? h.region_path;
}

/** Party members who may be linked to a household: those of its village, already linked or not. */
export async function partyMemberCandidates(ctx: Ctx, actor: Actor, householdId: string) {
  const h = householdPolicy.assert(actor, 'household.update', await repo.householdById(ctx.db, householdId));
  const linked = new Set((await repo.partyLinksOf(ctx.db, h.id)).map((l) => l.user_id));
  return (await holdersNear(ctx, 'party_member', await villagePathOf(ctx, h))).map((p) => ({ ...p, linked: linked.has(p.userId) }));
}

export async function linkPartyMember(ctx: Ctx, actor: Actor, userId: string, householdId: string, link: boolean) {
  const h = householdPolicy.assert(actor, 'household.update', await repo.householdById(ctx.db, householdId));
  if (link && !(await holdsRoleNear(ctx, userId, 'party_member', await villagePathOf(ctx, h))))
    throw new AppError('VALIDATION_FAILED', '所选用户不是本村党员，不能联系该户', 'The user is not a party member of this village');
  await ctx.db.transaction().execute(async (tx) => {
    if (link) await repo.insertPartyLinks(tx, [{ user_id: userId, household_id: householdId, created_at: ctx.clock.now().toISOString() }]);
    else await repo.deletePartyLink(tx, userId, householdId);
    await audit(tx, ctx.clock.now(), actor, {
      action: link ? 'party_link.create' : 'party_link.delete',
      entity: 'household',
      entityId: householdId,
      regionPath: h.region_path,
      detail: { userId },
    });
  });
}

/** Internal read for other modules (accounts checks a villager grant's household): its region path, or null. */
export async function householdRegionPath(ctx: Ctx, id: string): Promise<string | null> {
  return (await repo.householdById(ctx.db, id))?.region_path ?? null;
}

// ── internal reads for other modules (visit plans, visit logs) ──

export interface TaggedResident {
  residentId: string;
  householdId: string;
  name: string;
  regionId: string;
  regionPath: string;
  tags: string[];
}

/** Residents in a subtree with any of `tags`, each once with the tags they carry. */
export async function taggedResidentsWithin(ctx: Ctx, path: string, tags: string[]): Promise<TaggedResident[]> {
  if (!tags.length) return [];
  const out = new Map<string, TaggedResident>();
  for (const r of await repo.taggedResidentsWithin(ctx.db, path, tags)) {
    const cur = out.get(r.resident_id) ?? {
      residentId: r.resident_id,
      householdId: r.household_id,
      name: r.name,
      regionId: r.region_id,
      regionPath: r.region_path,
      tags: [],
    };
    cur.tags.push(r.tag);
    out.set(r.resident_id, cur);
  }
  return [...out.values()];
}

export async function householdsWithin(ctx: Ctx, path: string) {
  return (await repo.householdsWithin(ctx.db, path)).map((h) => ({
    id: h.id,
    regionId: h.region_id,
    regionPath: h.region_path,
    address: h.address,
    phone: h.phone,
    headName: h.head_name,
    createdAt: h.created_at,
  }));
}

export async function householdBriefs(ctx: Ctx, ids: string[]) {
  return new Map(
    (await repo.householdBriefs(ctx.db, [...new Set(ids)])).map((h) => [
      h.id,
      { id: h.id, regionId: h.region_id, regionPath: h.region_path, address: h.address, phone: h.phone, headName: h.head_name },
    ]),
  );
}

export async function residentBriefs(ctx: Ctx, ids: string[]) {
  return new Map((await repo.residentBriefs(ctx.db, [...new Set(ids)])).map((r) => [r.id, { id: r.id, householdId: r.household_id, name: r.name }]));
}

/** The one household inside `path` where a resident has this phone number, or null (none, or ambiguous). */
export async function householdOfPhone(ctx: Ctx, phone: string, path: string): Promise<string | null> {
  const rows = await repo.householdsWithPhone(ctx.db, phone, path);
  return rows.length === 1 ? rows[0].household_id : null;
}

/** Ids of the households inside a subtree (in the caller's transaction when given one). */
export async function householdIdsWithin(db: Executor, path: string) {
  return (await repo.householdsWithin(db, path)).map((h) => h.id);
}

/** Region path of each household inside a subtree, by id (in the caller's transaction when given one). */
export async function householdPathsWithin(db: Executor, path: string) {
  return new Map((await repo.householdsWithin(db, path)).map((h) => [h.id, h.region_path]));
}
