// Who may do what in the registry (村情户情档案): see core/abilities.ts for the shape.
import type { Actor } from '../../core/context.js';
import { definePolicy, defineRegionAbilities, holds } from '../../core/abilities.js';

export const registryRegion = defineRegionAbilities({
  /** Browse and export households and residents of the subtree (户籍 in the console menu). */
  'household.read': { held: holds('registry.read'), zh: '您的角色不能查看户籍档案', en: 'Your role may not read the registry' },
  /** Register households (by hand or by import) in the subtree. */
  'household.create': { held: holds('registry.write'), zh: '您没有在该区域登记户籍的权限', en: 'You may not edit the registry here' },
});

const sees = (actor: Actor, h: { id: string; region_path: string }) => actor.scope.canSeeRow(h.region_path, h.id);
const writes = (actor: Actor, h: { region_path: string }) => actor.scope.can('registry.write', h.region_path);
const reveals = (actor: Actor, h: { region_path: string }) => actor.scope.can('registry.revealId', h.region_path);

/** A household (rows carry `abilities` in the list and the detail). */
export const householdPolicy = definePolicy({
  entity: ['户', 'Household'],
  see: 'household.read',
  abilities: {
    'household.read': sees,
    /** Edit the household, add and edit its residents, link party members. */
    'household.update': writes,
    /** See whole ID numbers and birth dates of its residents (audited). */
    'resident.revealId': { allow: reveals, zh: '您的角色不能查看完整身份证号', en: 'Your role may not see whole ID numbers' },
  },
});

export const residentPolicy = definePolicy({
  entity: ['居民', 'Resident'],
  see: 'resident.read',
  abilities: {
    'resident.read': (actor, r: { household_id: string; region_path: string }) => actor.scope.canSeeRow(r.region_path, r.household_id),
    'resident.update': writes,
    'resident.revealId': { allow: reveals, zh: '您的角色不能查看完整身份证号', en: 'Your role may not see whole ID numbers' },
  },
});

/** The caller is a villager of this household (only a villager grant names a household). */
export const livesIn = (actor: Actor, householdId: string) => actor.scope.grants.some((g) => g.householdId === householdId);
