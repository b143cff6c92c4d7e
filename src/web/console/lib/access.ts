// What the signed-in user may do, from their roles (the server enforces the same rules).
import { roleHas, ROLE_LABELS, type Capability, type Role } from '../../../core/roles';
import type { Me } from '../api/auth';
import { translate } from '../i18n';

export type { Capability, Role };

const isRole = (r: string): r is Role => r in ROLE_LABELS;

export const roleHasCapability = (role: string, cap: Capability) => isRole(role) && roleHas(role, cap);

export function hasCapability(me: Me | undefined, cap: Capability): boolean {
  return !!me?.roles.some((g) => roleHasCapability(g.role, cap));
}

export function roleLabel(role: string, locale: 'zh-CN' | 'en-US'): string {
  if (!isRole(role)) return translate(locale, 'common.otherRole');
  return locale === 'zh-CN' ? ROLE_LABELS[role].zh : ROLE_LABELS[role].en;
}

export const ALL_ROLES = Object.keys(ROLE_LABELS) as Role[];
