import type { DbKind, Executor } from '../../db/kysely.js';
import type { HouseholdsTable, ResidentsTable } from '../../db/schema.js';
import { pathUpperBound, withinPath, type AnyEb, type Scope } from '../../core/scope.js';
import { containsPattern } from '../../core/text.js';

export type HouseholdRow = HouseholdsTable;
export type ResidentRow = ResidentsTable;

export interface HouseholdFilter {
  regionPath?: string;
  q?: string;
  tag?: string;
}

/** Households visible to `scope`, narrowed by the filter. */
function filtered(db: Executor, scope: Scope, f: HouseholdFilter) {
  let q = db.selectFrom('households as h').where(scope.rowFilter('h.region_path', 'h.id'));
  if (f.regionPath) {
    const path = f.regionPath;
    q = q.where((eb) => withinPath(eb, 'h.region_path', path));
  }
  if (f.tag) {
    const tag = f.tag;
    q = q.where('h.id', 'in', (eb) => eb.selectFrom('resident_tags as t').select('t.household_id').where('t.tag', '=', tag));
  }
  if (f.q) {
    const text = f.q.trim();
    const like = containsPattern(text);
    const tail = text.toUpperCase();
    // Resident matches are non-correlated subqueries answered from indexes:
    // names and phones by prefix (姓名可只输姓氏), ID numbers by their last 4
    // characters or whole. Only the address is a substring scan, of households in scope.
    const residents = (eb: AnyEb) => eb.selectFrom('residents as r').select('r.household_id').where(scope.rowFilter('r.region_path', 'r.household_id'));
    const prefix = (col: string) => (eb: AnyEb) => eb.and([eb(eb.ref(col), '>=', text), eb(eb.ref(col), '<', `${text}\u{10FFFF}`)]);
    q = q.where((eb) =>
      eb.or([
        eb('h.address', 'like', like),
        prefix('h.phone')(eb),
        eb('h.id', 'in', residents(eb).where(prefix('r.name'))),
        ...(/^\d{3,11}$/.test(text) ? [eb('h.id', 'in', residents(eb).where(prefix('r.phone')))] : []),
        ...(/^[\dX]{4}$/.test(tail) ? [eb('h.id', 'in', residents(eb).where('r.id_tail', '=', tail))] : []),
        ...(/^[\dX]{15,18}$/.test(tail) ? [eb('h.id', 'in', residents(eb).where('r.id_number', '=', tail))] : []),
      ]),
    );
  }
  return q;
}

export async function listHouseholds(db: Executor, scope: Scope, f: HouseholdFilter, page: number, pageSize: number) {
  const base = filtered(db, scope, f);
  const [{ n }] = await base.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await base
    .leftJoin('residents as head', 'head.id', 'h.head_resident_id')
    .selectAll('h')
    .select(['head.name as head_name'])
    .select((eb) =>
      eb
        .selectFrom('residents as rc')
        .select((e) => e.fn.countAll<number>().as('c'))
        .whereRef('rc.household_id', '=', 'h.id')
        .as('resident_count'),
    )
    .orderBy('h.region_path')
    .orderBy('h.created_at')
    .orderBy('h.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(n), rows: rows.map((r) => ({ ...r, resident_count: Number(r.resident_count ?? 0) })) };
}

/** All matching households in pages, for export (bounded memory per batch). */
export async function* iterateHouseholds(db: Executor, scope: Scope, f: HouseholdFilter, batch = 500) {
  let lastKey: { path: string; id: string } | null = null;
  for (;;) {
    let q = filtered(db, scope, f).selectAll('h');
    if (lastKey) {
      const k = lastKey;
      q = q.where((eb) => eb.or([eb('h.region_path', '>', k.path), eb.and([eb('h.region_path', '=', k.path), eb('h.id', '>', k.id)])]));
    }
    const rows = await q.orderBy('h.region_path').orderBy('h.id').limit(batch).execute();
    if (!rows.length) return;
    yield rows;
    lastKey = { path: rows.at(-1)!.region_path, id: rows.at(-1)!.id };
  }
}

export function householdById(db: Executor, id: string) {
  return db.selectFrom('households').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The household row, locked until the transaction ends (PostgreSQL; SQLite transactions are serialized). */
export function householdForUpdate(db: Executor, id: string, kind: DbKind) {
  return db
    .selectFrom('households')
    .selectAll()
    .where('id', '=', id)
    .$if(kind === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
}

export function residentsOf(db: Executor, householdIds: string[]) {
  if (!householdIds.length) return Promise.resolve([] as ResidentRow[]);
  return db.selectFrom('residents').selectAll().where('household_id', 'in', householdIds).orderBy('created_at').orderBy('id').execute();
}

export function residentById(db: Executor, id: string) {
  return db.selectFrom('residents').selectAll().where('id', '=', id).executeTakeFirst();
}

export function residentByIdNumber(db: Executor, idNumber: string) {
  return db.selectFrom('residents').select(['id', 'household_id']).where('id_number', '=', idNumber).executeTakeFirst();
}

export function existingIdNumbers(db: Executor, idNumbers: string[]) {
  if (!idNumbers.length) return Promise.resolve([] as { id_number: string }[]);
  return db.selectFrom('residents').select('id_number').where('id_number', 'in', idNumbers).execute();
}

export async function tagsOf(db: Executor, residentIds: string[]) {
  const m = new Map<string, string[]>();
  if (!residentIds.length) return m;
  const rows = await db.selectFrom('resident_tags').select(['resident_id', 'tag']).where('resident_id', 'in', residentIds).execute();
  for (const r of rows) m.set(r.resident_id, [...(m.get(r.resident_id) ?? []), r.tag]);
  return m;
}

export async function householdTags(db: Executor, householdIds: string[]) {
  const m = new Map<string, Set<string>>();
  if (!householdIds.length) return m;
  const rows = await db.selectFrom('resident_tags').select(['household_id', 'tag']).where('household_id', 'in', householdIds).execute();
  for (const r of rows) m.set(r.household_id, (m.get(r.household_id) ?? new Set()).add(r.tag));
  return m;
}

export function insertHouseholds(db: Executor, rows: HouseholdRow[]) {
  return rows.length ? db.insertInto('households').values(rows).execute() : Promise.resolve([]);
}

export function insertResidents(db: Executor, rows: ResidentRow[]) {
  return rows.length ? db.insertInto('residents').values(rows).execute() : Promise.resolve([]);
}

export function insertTags(db: Executor, rows: { resident_id: string; household_id: string; tag: string }[]) {
  return rows.length ? db.insertInto('resident_tags').values(rows).execute() : Promise.resolve([]);
}

export async function replaceTags(db: Executor, residentId: string, householdId: string, tags: string[]) {
  await db.deleteFrom('resident_tags').where('resident_id', '=', residentId).execute();
  await insertTags(
    db,
    tags.map((tag) => ({ resident_id: residentId, household_id: householdId, tag })),
  );
}

export function updateHousehold(db: Executor, id: string, patch: Partial<HouseholdRow>) {
  return db.updateTable('households').set(patch).where('id', '=', id).execute();
}

export function updateResident(db: Executor, id: string, patch: Partial<ResidentRow>) {
  return db.updateTable('residents').set(patch).where('id', '=', id).execute();
}

export function moveResidentsOfHousehold(db: Executor, householdId: string, regionPath: string, countyId: string) {
  return db.updateTable('residents').set({ region_path: regionPath, county_id: countyId }).where('household_id', '=', householdId).execute();
}

export function partyLinksOf(db: Executor, householdId: string) {
  return db.selectFrom('party_links').selectAll().where('household_id', '=', householdId).execute();
}

export function insertPartyLinks(db: Executor, rows: { user_id: string; household_id: string; created_at: string }[]) {
  return rows.length
    ? db
        .insertInto('party_links')
        .values(rows)
        .onConflict((oc) => oc.doNothing())
        .execute()
    : Promise.resolve([]);
}

export function deletePartyLink(db: Executor, userId: string, householdId: string) {
  return db.deleteFrom('party_links').where('user_id', '=', userId).where('household_id', '=', householdId).execute();
}

export async function householdsLinkedTo(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('party_links').select('household_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.household_id);
}

/** Residents in a subtree carrying any of `tags`, with their tags and household (for visit plans). */
export function taggedResidentsWithin(db: Executor, path: string, tags: string[]) {
  return db
    .selectFrom('resident_tags as t')
    .innerJoin('residents as r', 'r.id', 't.resident_id')
    .innerJoin('households as h', 'h.id', 'r.household_id')
    .select(['r.id as resident_id', 'r.household_id', 'r.name', 'h.region_id', 'h.region_path', 't.tag'])
    .where((eb) => withinPath(eb, 'h.region_path', path))
    .where('t.tag', 'in', tags)
    .orderBy('h.region_path')
    .orderBy('r.household_id')
    .orderBy('r.id')
    .execute();
}

/** Every household in a subtree, brief (for plans that cover all households). */
export function householdsWithin(db: Executor, path: string) {
  return db
    .selectFrom('households as h')
    .leftJoin('residents as head', 'head.id', 'h.head_resident_id')
    .select(['h.id', 'h.region_id', 'h.region_path', 'h.address', 'h.phone', 'h.created_at', 'head.name as head_name'])
    .where((eb) => withinPath(eb, 'h.region_path', path))
    .orderBy('h.region_path')
    .orderBy('h.id')
    .execute();
}

/** Brief households by id: address, head's name, region. */
/** Runs a lookup by ids in chunks (bound-parameter limits: 32,766 on SQLite, 65,535 on PostgreSQL). */
async function inChunks<T>(ids: string[], run: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5000) out.push(...(await run(ids.slice(i, i + 5000))));
  return out;
}

export function householdBriefs(db: Executor, ids: string[]) {
  return inChunks(ids, (chunk) =>
    db
      .selectFrom('households as h')
      .leftJoin('residents as head', 'head.id', 'h.head_resident_id')
      .select(['h.id', 'h.region_id', 'h.region_path', 'h.address', 'h.phone', 'head.name as head_name'])
      .where('h.id', 'in', chunk)
      .execute(),
  );
}

export function residentBriefs(db: Executor, ids: string[]) {
  return inChunks(ids, (chunk) => db.selectFrom('residents').select(['id', 'household_id', 'name', 'gender', 'birth_date']).where('id', 'in', chunk).execute());
}

/** Households with a resident of this phone number inside a subtree (a worker who is also a villager there). */
export function householdsWithPhone(db: Executor, phone: string, path: string) {
  return db
    .selectFrom('residents')
    .select('household_id')
    .distinct()
    .where('phone', '=', phone)
    .where('region_path', '>=', path)
    .where('region_path', '<', pathUpperBound(path))
    .limit(2)
    .execute();
}
