// What the signed-in user may do: the region abilities GET /api/me returns (each with the
// regions where held), decided by the server's module policies. No role names here.
import { ROLE_LABELS, type Role } from '../../../shared/roles';
import type { Me } from '../api/auth';
import { translate } from '../i18n';

export type { Role };

/** The region abilities the console asks about (declared in src/modules/<m>/policy.ts). */
export type Ability =
  | 'household.read'
  | 'household.create'
  | 'region.manage'
  | 'calendar.manage'
  | 'user.manage'
  | 'case.read'
  | 'case.report'
  | 'case.manage'
  | 'case.supervise'
  | 'case.settings'
  | 'case.choices'
  | 'consultation.hold'
  | 'visit.log'
  | 'visit.settings'
  | 'patrol.log'
  | 'patrol.settings'
  | 'award.propose'
  | 'award.approve'
  | 'award.review'
  | 'ledger.read'
  | 'rule.read'
  | 'points.manage'
  | 'ranking.read'
  | 'volunteer.manage'
  | 'points.check'
  | 'store.manage';

/** The ids of the regions where the user holds `ability` (empty when nowhere). */
export const abilityRegions = (me: Me | undefined, ability: Ability): string[] => me?.abilities?.[ability] ?? [];

export const hasAbility = (me: Me | undefined, ability: Ability): boolean => abilityRegions(me, ability).length > 0;

const isRole = (r: string): r is Role => r in ROLE_LABELS;

export function roleLabel(role: string, locale: 'zh-CN' | 'en-US'): string {
  if (!isRole(role)) return translate(locale, 'common.otherRole');
  return locale === 'zh-CN' ? ROLE_LABELS[role].zh : ROLE_LABELS[role].en;
}

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];
