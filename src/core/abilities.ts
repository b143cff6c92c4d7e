// Abilities (who may do what), declared once per module in src/modules/<m>/policy.ts
// and asked by that module's routes and services instead of role names.
//
// Two kinds, both built on the caller's Scope (core/scope.ts) and the capability
// table in shared/roles.ts:
// - Region abilities say what the caller may do somewhere in a region subtree
//   (`household.create`, `award.propose`, `store.manage`, `visit.log` …). Each is a
//   test on one grant (role, region, household, unit); the ability is held in the
//   subtree of every grant that passes. `GET /api/me` lists them with the region
//   ids where they are held, so the console builds its menu and "new" buttons from
//   them, never from role names.
// - Row abilities say what the caller may do to one row (`household.update`,
//   `award.approve`, `redemption.cancel` …). A row policy names the ability that
//   decides whether the caller sees the row at all: `assert` answers 404 when they
//   do not (outside jurisdiction), 403 when they see it but may not do this.
//   Rows the console and the phone act on carry `abilities: policy.abilities(actor, row)`.
//
// A new module copies this shape:
//   export const fooRegion = defineRegionAbilities('foo', {
//     'foo.create': { held: holds('registry.write'), zh: '…', en: '…' },
//   });
//   export const fooPolicy = definePolicy({
//     entity: ['某事', 'Foo'], see: 'foo.read',
//     abilities: { 'foo.read': (actor, row: FooRow) => actor.scope.canSeeRow(row.region_path, null),
//                  'foo.close': { allow: (actor, row) => fooRegion.canIn(actor, 'foo.create', row.region_path), zh: '…', en: '…' } },
//   });
//   const row = fooPolicy.assert(actor, 'foo.close', await repo.fooById(db, id));   // 404 / 403 / the row
import type { Actor } from './context.js';
import { forbidden, notFound } from './errors.js';
import { isWithin, minimalRoots, type Grant } from './scope.js';
import { roleHas, type Capability, type Role } from '../shared/roles.js';

/** A test on one grant: the region ability is held in that grant's subtree when it passes. */
export type GrantTest = (g: Grant) => boolean;

/** Grants whose role has every one of these capabilities (shared/roles.ts). */
export const holds =
  (...caps: Capability[]): GrantTest =>
  (g) =>
    caps.every((c) => roleHas(g.role, c));
/** Grants of these roles — for the few abilities the capability table does not express. */
export const roleIs =
  (...roles: Role[]): GrantTest =>
  (g) =>
    roles.includes(g.role);
export const anyOf =
  (...tests: GrantTest[]): GrantTest =>
  (g) =>
    tests.some((t) => t(g));
export const anyGrant: GrantTest = () => true;

type Denied = { zh: string; en: string };
type RegionSpec = GrantTest | ({ held: GrantTest } & Denied);

export interface RegionAbilities<A extends string> {
  readonly names: A[];
  /** Held on `path`: some passing grant's region contains it. */
  canIn(actor: Actor, ability: A, path: string): boolean;
  /** Held anywhere (decides whether a page or menu entry exists). */
  canSomewhere(actor: Actor, ability: A): boolean;
  /** 403 unless held on `path` (the region itself was already found visible by the caller). */
  assertIn(actor: Actor, ability: A, path: string): void;
  assertSomewhere(actor: Actor, ability: A): void;
  /** The grants that pass (for lists filtered to where the ability is held). */
  grants(actor: Actor, ability: A): Grant[];
  /** The minimal subtrees where the ability is held. */
  roots(actor: Actor, ability: A): string[];
}

/** Every region ability declared by any module, for GET /api/me. */
const CATALOG = new Map<string, GrantTest>();

export function defineRegionAbilities<A extends string>(spec: Record<A, RegionSpec>): RegionAbilities<A> {
  const test = (a: A): GrantTest => {
    const s = spec[a];
    return typeof s === 'function' ? s : s.held;
  };
  const denied = (a: A): Denied | undefined => {
    const s = spec[a];
    return typeof s === 'function' ? undefined : s;
  };
  for (const a of Object.keys(spec) as A[]) {
    if (CATALOG.has(a) && CATALOG.get(a) !== test(a)) throw new Error(`Region ability ${a} is declared twice`);
    CATALOG.set(a, test(a));
  }
  const grants = (actor: Actor, a: A) => actor.scope.grants.filter(test(a));
  const self: RegionAbilities<A> = {
    names: Object.keys(spec) as A[],
    canIn: (actor, a, path) => grants(actor, a).some((g) => isWithin(path, g.regionPath)),
    canSomewhere: (actor, a) => grants(actor, a).length > 0,
    assertIn(actor, a, path) {
      if (!self.canIn(actor, a, path)) throw forbidden(denied(a)?.zh, denied(a)?.en);
    },
    assertSomewhere(actor, a) {
      if (!self.canSomewhere(actor, a)) throw forbidden(denied(a)?.zh, denied(a)?.en);
    },
    grants,
    roots: (actor, a) => minimalRoots(grants(actor, a).map((g) => g.regionPath)),
  };
  return self;
}

/** The region abilities the caller holds, each with the ids of the regions where held (GET /api/me). */
export function heldAbilities(actor: Actor): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, test] of [...CATALOG.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const ids = [...new Set(actor.scope.grants.filter(test).map((g) => g.regionId))];
    if (ids.length) out[name] = ids;
  }
  return out;
}

export type RowTest<R> = (actor: Actor, row: R) => boolean;
type RowSpec<R> = RowTest<R> | ({ allow: RowTest<R> } & Denied);

export interface Policy<R, A extends string> {
  can(actor: Actor, ability: A, row: R): boolean;
  /** The row back; 404 when missing or the caller may not see it, 403 when they see it but may not do this. */
  assert<T extends R>(actor: Actor, ability: A, row: T | null | undefined): T;
  /** The row's abilities the caller holds, as the API returns them on the row. */
  abilities(actor: Actor, row: R): A[];
}

export function definePolicy<R, A extends string>(spec: {
  /** What the row is called in a not-found answer: [中文, English]. */
  entity: [string, string];
  /** The ability that decides whether the caller sees the row at all. */
  see: NoInfer<A>;
  abilities: Record<A, RowSpec<R>>;
}): Policy<R, A> {
  const test = (a: A): RowTest<R> => {
    const s = spec.abilities[a];
    return typeof s === 'function' ? s : s.allow;
  };
  const names = Object.keys(spec.abilities) as A[];
  const self: Policy<R, A> = {
    can: (actor, a, row) => test(a)(actor, row),
    assert(actor, a, row) {
      if (!row || !test(spec.see)(actor, row)) throw notFound(...spec.entity);
      if (a === spec.see || test(a)(actor, row)) return row;
      const s = spec.abilities[a];
      throw typeof s === 'function' ? forbidden() : forbidden(s.zh, s.en);
    },
    abilities: (actor, row) => names.filter((a) => test(a)(actor, row)),
  };
  return self;
}
