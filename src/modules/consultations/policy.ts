// Who may do what with the township's weekly 会商: see core/abilities.ts for the shape.
import { definePolicy, defineRegionAbilities, holds } from '../../core/abilities.js';

export const consultationRegion = defineRegionAbilities({
  /** Open a township's weekly meeting, record its decisions, close it (会商 in the menu). */
  'consultation.hold': { held: holds('cases.supervise'), zh: '只有乡镇领导可以召开会商', en: 'Only township leaders hold consultations' },
});

export const consultationPolicy = definePolicy({
  entity: ['会商', 'Consultation'],
  see: 'consultation.read',
  abilities: {
    'consultation.read': (actor, c: { region_path: string }) => actor.scope.canSeeRow(c.region_path, null),
    'consultation.decide': {
      allow: (actor, c) => consultationRegion.canIn(actor, 'consultation.hold', c.region_path),
      zh: '只有乡镇领导可以记录会商决定',
      en: 'Only township leaders record decisions',
    },
  },
});
