// Data scope (数据权限按辖区), enforced here and nowhere else: every query over
// rows that belong to a region filters through a Scope, and a row outside it is 404.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { roleHas, type Capability, type Role } from '../shared/roles.js';

const NOTHING = sql<SqlBool>`1 = 0`;

export interface Grant {
  role: Role;
  regionId: string;
  regionPath: string;
  householdId: string | null;
  /** 站所 of a township staff grant (综治中心、司法所…). */
  unit?: string | null;
}

/** A region's materialized path: its ancestors' ids and its own, "/county/township/village/". */
export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Ids along a path, root first. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** Upper bound for a range scan over paths that start with `prefix` ("/a/b/" → "/a/b0"). */
export function pathUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** An expression builder over whichever table carries the path column (the helpers below serve every module). */
// biome-ignore lint/suspicious/noExplicitAny: the scope filters apply to any table with a region path column
export type AnyEb = ExpressionBuilder<any, any>;

/** SQL for "the path in `col` lies in the subtree at `path`": an index range scan on both stores. */
export function withinPath(eb: AnyEb, col: string, path: string): Expression<SqlBool> {
  return eb.and([eb(eb.ref(col), '>=', path), eb(eb.ref(col), '<', pathUpperBound(path))]);
}

/** Rows whose `col` lies in any of the subtrees (nothing when the list is empty). */
export function withinAny(eb: AnyEb, col: string, paths: string[]): Expression<SqlBool> {
  return paths.length ? eb.or(paths.map((p) => withinPath(eb, col, p))) : NOTHING;
}

export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Drops paths already covered by another path in the list. */
export function minimalRoots(paths: string[]): string[] {
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const out: string[] = [];
  for (const p of sorted) if (!out.some((r) => isWithin(p, r))) out.push(p);
  return out;
}

export class Scope {
  /** Subtrees the caller may browse as a registry (households and residents). */
  readonly registryPaths: string[];
  /** Subtrees the caller may see in the region tree. */
  readonly regionPaths: string[];
  /** Single households visible outside registryPaths (villager's own, 党员联户 links). */
  readonly householdIds: string[];

  constructor(
    readonly grants: Grant[],
    linkedHouseholdIds: string[] = [],
  ) {
    this.registryPaths = minimalRoots(grants.filter((g) => roleHas(g.role, 'registry.read')).map((g) => g.regionPath));
    this.regionPaths = minimalRoots(grants.map((g) => g.regionPath));
    const own = grants.map((g) => g.householdId).filter((h): h is string => !!h);
    this.householdIds = [...new Set([...own, ...linkedHouseholdIds])];
  }

  /** A WHERE expression for rows carrying a region path column and a household id column. */
  rowFilter(pathCol: string, householdCol: string | null) {
    return (eb: AnyEb): Expression<SqlBool> => {
      const ors: Expression<SqlBool>[] = this.registryPaths.map((p) => withinPath(eb, pathCol, p));
      if (householdCol && this.householdIds.length) ors.push(eb(eb.ref(householdCol), 'in', this.householdIds));
      return ors.length ? eb.or(ors) : NOTHING;
    };
  }

  regionFilter(pathCol: string) {
    return (eb: AnyEb): Expression<SqlBool> => withinAny(eb, pathCol, this.regionPaths);
  }

  canSeeRegion(path: string): boolean {
    return this.regionPaths.some((p) => isWithin(path, p));
  }

  /** A region above one of the caller's roots (shown as breadcrumb context, not browsable). */
  isAncestorOfScope(path: string): boolean {
    return this.regionPaths.some((p) => isWithin(p, path));
  }

  canSeeRow(regionPath: string, householdId: string | null): boolean {
    return this.registryPaths.some((p) => isWithin(regionPath, p)) || (!!householdId && this.householdIds.includes(householdId));
  }

  /** True when some grant with `cap` covers `path`. */
  can(cap: Capability, path: string): boolean {
    return this.grants.some((g) => roleHas(g.role, cap) && isWithin(path, g.regionPath));
  }

  canAnywhere(cap: Capability): boolean {
    return this.grants.some((g) => roleHas(g.role, cap));
  }
}
