// Who may do what with patrols (巡查): see core/abilities.ts for the shape.
import { definePolicy, defineRegionAbilities, holds } from '../../core/abilities.js';

export const patrolRegion = defineRegionAbilities({
  /** Record patrols in the subtree (巡查 in the menu). */
  'patrol.log': { held: holds('visits.log'), zh: '您不能在该区域记录巡查', en: 'You cannot record patrols here' },
  /** Edit the patrol checklist for everyone. */
  'patrol.settings': { held: holds('regions.manage'), zh: '只有系统管理员可以修改巡查清单', en: 'Only administrators edit the checklist' },
});

type PatrolRow = { region_path: string; patroller_id: string };
export const patrolPolicy = definePolicy({
  entity: ['巡查记录', 'Patrol'],
  see: 'patrol.read',
  abilities: {
    'patrol.read': (actor, p: PatrolRow) => actor.scope.canSeeRow(p.region_path, null) || p.patroller_id === actor.userId,
    /** Turn a problem item into a case. */
    'patrol.update': (actor, p) => patrolRegion.canIn(actor, 'patrol.log', p.region_path),
  },
});
