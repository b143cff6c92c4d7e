// What the signed-in user may do, from their roles (the server enforces the same rules).
import { roleHas, ROLE_LABELS, type Capability as ServerCapability, type Role } from '../../../shared/roles';
import type { Me } from '../api/auth';
import { translate } from '../i18n';

export type { Role };
/**
 * The server's capabilities plus one the console needs for its menu: `cases.work` — reporting and following
 * cases at a desk, which every role but the villager does (villagers report from the H5 pages).
 */
export type Capability = ServerCapability | 'cases.work';

const isRole = (r: string): r is Role => r in ROLE_LABELS;

export const roleHasCapability = (role: string, cap: Capability) =>
  isRole(role) && (cap === 'cases.work' ? role !== 'villager' : roleHas(role, cap));

export function hasCapability(me: Me | undefined, cap: Capability): boolean {
  return !!me?.roles.some((g) => roleHasCapability(g.role, cap));
}

export function roleLabel(role: string, locale: 'zh-CN' | 'en-US'): string {
  if (!isRole(role)) return translate(locale, 'common.otherRole');
  return locale === 'zh-CN' ? ROLE_LABELS[role].zh : ROLE_LABELS[role].en;
}

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];
