// Who may do what with visits (走访): see core/abilities.ts for the shape.
import { definePolicy, defineRegionAbilities, holds } from '../../core/abilities.js';

export const visitRegion = defineRegionAbilities({
  /** Log visits to households of the subtree; follow its monthly plan (走访计划, 走访记录 in the menu). */
  'visit.log': { held: holds('visits.log'), zh: '您不能在该区域记录走访', en: 'You cannot log visits here' },
  /** Edit the visit rules (五必访 tags and frequencies) for everyone. */
  'visit.settings': { held: holds('regions.manage'), zh: '只有系统管理员可以修改走访规则', en: 'Only administrators edit visit rules' },
});

type VisitRow = { region_path: string; visitor_id: string };
export const visitPolicy = definePolicy({
  entity: ['走访记录', 'Visit'],
  see: 'visit.read',
  abilities: {
    /** Workers' notes: for those who browse the area's registry (not the household itself), and the visitor. */
    'visit.read': (actor, v: VisitRow) => actor.scope.canSeeRow(v.region_path, null) || v.visitor_id === actor.userId,
    /** Add photos, turn it into a case: the visitor or those who log visits there. */
    'visit.update': (actor, v) => v.visitor_id === actor.userId || visitRegion.canIn(actor, 'visit.log', v.region_path),
  },
});
