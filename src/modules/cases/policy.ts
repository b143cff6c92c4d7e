// Who the caller is to a case: the responsible level, the level above, the
// handler or the reporter. Decides which of the state's actions they may take.
import type { Actor } from '../../core/context.js';
import { roleHas } from '../../shared/roles.js';
import { isWithin } from '../../core/scope.js';
import type { CaseRow } from './repo.js';
import { allowedActions, TYPE_ONLY, WHO, type Action, type Actor as Party, type Status } from './rules.js';

/** Roles that act for each level when it is responsible (notified, may accept and dispatch). */
export const LEVEL_ROLES = ['village_cadre', 'township_leader', 'township_staff', 'admin'];

export function partiesOf(actor: Actor, c: Pick<CaseRow, 'level_region_path' | 'assignee_id' | 'reporter_id' | 'assignee_unit' | 'household_id'>): Set<Party> {
  const out = new Set<Party>();
  for (const g of actor.scope.grants) {
    if (roleHas(g.role, 'cases.manage') && g.regionPath === c.level_region_path) out.add('level');
    if (roleHas(g.role, 'cases.supervise') && g.regionPath !== c.level_region_path && isWithin(c.level_region_path, g.regionPath)) out.add('above');
    // A case dispatched to a 站所 is handled by any of that unit's staff of the township above it.
    if (c.assignee_unit && g.role === 'township_staff' && g.unit === c.assignee_unit && isWithin(c.level_region_path, g.regionPath)) out.add('handler');
    // 群众评单: a case reported for a household (e.g. by its grid worker) is rated by that household too.
    if (g.role === 'villager' && c.household_id && g.householdId === c.household_id) out.add('reporter');
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
export function actionsFor(actor: Actor, c: Pick<CaseRow, 'level_region_path' | 'assignee_id' | 'assignee_unit' | 'reporter_id' | 'household_id' | 'status' | 'extension_pending' | 'type'>): Action[] {
  const parties = partiesOf(actor, c);
  return allowedActions(c.status as Status).filter((a) => {
    if (TYPE_ONLY[a] && TYPE_ONLY[a] !== c.type) return false;
    if ((a === 'approve_extension' || a === 'deny_extension') && !c.extension_pending) return false;
    if (a === 'request_extension' && c.extension_pending) return false;
    return WHO[a].some((p) => parties.has(p));
  });
}
