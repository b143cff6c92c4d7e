// Account administration rules (who may be granted which role where): pure, no I/O.
import { ROLE_LABELS, roleHas, type Role } from '../../shared/roles.js';
import { isWithin, type Grant } from '../../core/scope.js';

export { MOBILE, isMobile } from '../../shared/phone.js';

type Level = 'county' | 'township' | 'village' | 'grid';

/** The levels of region a role may be held on (乡镇站所 at the township, 网格员 on a grid, …). */
export const ROLE_LEVELS: Record<Role, Level[]> = {
  admin: ['county', 'township'],
  township_leader: ['township'],
  township_staff: ['township'],
  village_cadre: ['village'],
  supervisor: ['village'],
  grid_worker: ['grid'],
  party_member: ['township', 'village', 'grid'],
  mediator: ['township', 'village'],
  villager: ['village', 'grid'],
};

const LEVEL_ZH: Record<Level, string> = { county: '区县', township: '乡镇', village: '村', grid: '网格' };

/** A villager account acts for one household (户), so it names one. */
export const needsHousehold = (role: Role) => role === 'villager';

export interface GrantInput {
  role: Role;
  regionId: string;
  householdId?: string | null;
  unit?: string | null;
}

/** The subtrees in which the caller may manage accounts. */
export function manageRoots(grants: Grant[]): string[] {
  return [...new Set(grants.filter((g) => roleHas(g.role, 'users.manage')).map((g) => g.regionPath))];
}

export const insideRoots = (path: string, roots: string[]) => roots.some((r) => isWithin(path, r));

/** Strictly below one of the roots: an admin manages admins of lower levels only, never peers or superiors. */
export const belowRoots = (path: string, roots: string[]) => roots.some((r) => path !== r && isWithin(path, r));

/** Whether a target's admin grants all sit strictly below the caller's roots. */
export function outranks(roots: string[], target: { role: Role; regionPath: string }[]): boolean {
  return target.filter((g) => roleHas(g.role, 'users.manage')).every((g) => belowRoots(g.regionPath, roots));
}

export interface RuleProblem {
  code: 'VALIDATION_FAILED' | 'UNKNOWN_HOUSEHOLD';
  zh: string;
  en: string;
}

/** What is wrong with one grant, given its region's level and its household's path (if any). */
export function grantProblem(g: GrantInput, regionLevel: string, regionPath: string, householdPath: string | null): RuleProblem | null {
  const levels = ROLE_LEVELS[g.role];
  if (!levels.includes(regionLevel as Level))
    return {
      code: 'VALIDATION_FAILED',
      zh: `${ROLE_LABELS[g.role].zh}角色只能授予在${levels.map((l) => LEVEL_ZH[l]).join('或')}一级`,
      en: `Role ${g.role} is held on a ${levels.join(' or ')}`,
    };
  if (needsHousehold(g.role) && !g.householdId) return { code: 'VALIDATION_FAILED', zh: '村民角色须选择所属户', en: 'A villager role needs a household' };
  if (!needsHousehold(g.role) && g.householdId)
    return { code: 'VALIDATION_FAILED', zh: '只有村民角色需要选择户', en: 'Only a villager role names a household' };
  if (g.unit && g.role !== 'township_staff')
    return { code: 'VALIDATION_FAILED', zh: '只有乡镇站所工作人员需要选择站所', en: 'Only township staff name a unit' };
  if (g.householdId && (householdPath === null || !isWithin(householdPath, regionPath)))
    return { code: 'UNKNOWN_HOUSEHOLD', zh: '所选户不存在或不在该区域内', en: 'The household is not in that region' };
  return null;
}

/** Identical grants collapse to one. */
export function dedupeGrants<T extends GrantInput>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((g) => {
    const key = `${g.role}|${g.regionId}|${g.householdId ?? ''}|${g.unit ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An admin editing their own roles must keep every admin grant they hold (no self-lockout). */
export function dropsOwnAdmin(current: { role: string; regionId: string }[], next: GrantInput[]): boolean {
  return current.filter((g) => g.role === 'admin').some((g) => !next.some((n) => n.role === 'admin' && n.regionId === g.regionId));
}
