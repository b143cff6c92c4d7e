// Who the caller is to a case: the responsible level, the level above, the
// handler or the reporter. Decides which of the state's actions they may take.
// Region abilities (core/abilities.ts) say what the caller may do with cases somewhere.
import type { Actor } from '../../core/context.js';
import { ROLES, roleHas } from '../../shared/roles.js';
import { isWithin } from '../../core/scope.js';
import { anyOf, defineRegionAbilities, holds, roleIs } from '../../core/abilities.js';
import type { CaseRow } from './repo.js';
import { allowedActions, mayResolve, TYPE_ONLY, WHO, type Action, type Actor as Party, type Status } from './rules.js';

export const caseRegion = defineRegionAbilities({
  /** Report a case in the subtree (villagers from the phone page). */
  'case.report': () => true,
  /** Follow and report cases at a desk (事件 in the console menu): every role but the villager, who uses the phone page. */
  'case.read': (g) => g.role !== 'villager',
  /** Act as the responsible level (受理, 派单, 上报, 归档) and export the 台账. */
  'case.manage': holds('cases.manage'),
  /** The level above: 督办, 延期审批, 核实; the 重点关注 box. */
  'case.supervise': holds('cases.supervise'),
  /** Edit categories and time limits for everyone; run the time-limit sweep by hand. */
  'case.settings': { held: holds('regions.manage'), zh: '只有系统管理员可以修改事件设置', en: 'Only administrators edit case settings' },
  /** Set a village's 随手拍 choices (which plain words stand for which category): its cadres, and administrators. */
  'case.choices': {
    held: anyOf(roleIs('village_cadre'), holds('regions.manage')),
    zh: '只有本村两委或系统管理员可以设置随手拍选项',
    en: 'Only the village’s cadres or administrators set its report choices',
  },
});

/** Roles that act for each level when it is responsible (notified, may accept and dispatch): those that hold case.manage. */
export const LEVEL_ROLES: string[] = ROLES.filter((r) => roleHas(r, 'cases.manage'));

export function partiesOf(actor: Actor, c: Pick<CaseRow, 'level_region_path' | 'assignee_id' | 'reporter_id' | 'assignee_unit' | 'household_id'>): Set<Party> {
  const out = new Set<Party>();
  for (const g of caseRegion.grants(actor, 'case.manage')) if (g.regionPath === c.level_region_path) out.add('level');
  for (const g of caseRegion.grants(actor, 'case.supervise'))
    if (g.regionPath !== c.level_region_path && isWithin(c.level_region_path, g.regionPath)) out.add('above');
  for (const g of actor.scope.grants) {
    // A case dispatched to a 站所 is handled by any of that unit's staff of the township above it (only their grants name a unit).
    if (c.assignee_unit && g.unit === c.assignee_unit && isWithin(c.level_region_path, g.regionPath)) out.add('handler');
    // 群众评单: a case reported for a household (e.g. by its grid worker) is rated by that household too (only villager grants name one).
    if (c.household_id && g.householdId === c.household_id) out.add('reporter');
  }
  if (c.assignee_id === actor.userId) out.add('handler');
  if (c.reporter_id === actor.userId) out.add('reporter');
  return out;
}

/**
 * Whether the caller may hand the case on (派单) or copy it (抄告): only they get the
 * list of staff with phones to choose from, whatever the case's state.
 */
export function mayAssign(actor: Actor, c: Pick<CaseRow, 'level_region_path' | 'assignee_id' | 'reporter_id' | 'assignee_unit' | 'household_id'>): boolean {
  const parties = partiesOf(actor, c);
  return [...WHO.dispatch, ...WHO.copy].some((p) => parties.has(p));
}

/** The actions this caller may take on the case now (what the console offers as buttons). */
export function actionsFor(
  actor: Actor,
  c: Pick<CaseRow, 'level_region_path' | 'assignee_id' | 'assignee_unit' | 'reporter_id' | 'household_id' | 'status' | 'extension_pending' | 'type'>,
): Action[] {
  const parties = partiesOf(actor, c);
  return allowedActions(c.status as Status).filter((a) => {
    if (TYPE_ONLY[a] && TYPE_ONLY[a] !== c.type) return false;
    if ((a === 'approve_extension' || a === 'deny_extension') && !c.extension_pending) return false;
    if (a === 'request_extension' && c.extension_pending) return false;
    if (a === 'resolve') return mayResolve(c.status as Status, parties);
    return WHO[a].some((p) => parties.has(p));
  });
}

/** Where the caller's own work waits (待办): the levels they act for and the 站所 they belong to. */
export const todoOf = (actor: Actor) => ({
  levelPaths: caseRegion.grants(actor, 'case.manage').map((g) => g.regionPath),
  units: actor.scope.grants.filter((g) => g.unit).map((g) => ({ unit: g.unit!, path: g.regionPath })),
});

/** Where a report comes from unless named: a grid worker's report, a villager's 随手拍, or what a cadre registers at the office (来访登记). */
export const reportSource = (actor: Actor): 'grid_worker' | 'villager_photo' | 'walk_in' =>
  actor.scope.grants.some((g) => g.role === 'grid_worker') ? 'grid_worker' : caseRegion.canSomewhere(actor, 'case.read') ? 'walk_in' : 'villager_photo';

/**
 * 我也遇到: someone may follow an open case of their own grid, or of a place they may report in (a villager's grant
 * on the whole village), or one they may see anyway.
 * `gridPath` is the case's grid (or its village when it lies in none).
 */
export const mayFollow = (actor: Actor, gridPath: string) =>
  caseRegion.grants(actor, 'case.report').some((g) => isWithin(g.regionPath, gridPath) || isWithin(gridPath, g.regionPath));

/** Who sets a village's 随手拍 choices: its cadres, and administrators. */
export const mayEditChoices = (actor: Actor, villagePath: string) => caseRegion.canIn(actor, 'case.choices', villagePath);
