// Who may do what in the 追梦超市: see core/abilities.ts for the shape.
import type { Actor } from '../../core/context.js';
import { definePolicy, defineRegionAbilities, holds } from '../../core/abilities.js';
import { livesIn } from '../people/index.js';

export const storeRegion = defineRegionAbilities({
  /** Keep items and stock, check pick-up codes at the counter (核销), list and cancel the store's redemptions. */
  'store.manage': { held: holds('points.manage'), zh: '只有村两委或乡镇可以管理超市商品', en: 'Only the village committee or the township keeps the store' },
});

const keeps = (actor: Actor, path: string) => storeRegion.canIn(actor, 'store.manage', path);

export const itemPolicy = definePolicy({
  entity: ['商品', 'Item'],
  see: 'item.read',
  abilities: {
    'item.read': (actor, i: { region_path: string }) => actor.scope.canSeeRegion(i.region_path) || actor.scope.isAncestorOfScope(i.region_path),
    /** Edit, restock, photograph, take off the shelf. */
    'item.update': {
      allow: (actor, i) => keeps(actor, i.region_path),
      zh: '只有村两委或乡镇可以管理超市商品',
      en: 'Only the village committee or the township keeps the store',
    },
  },
});

type RedemptionRow = { household_id: string; region_path: string; item_region_path: string };
export const redemptionPolicy = definePolicy({
  entity: ['兑换记录', 'Redemption'],
  see: 'redemption.read',
  abilities: {
    /** The household's people and the keepers of the store it came from. */
    'redemption.read': (actor, r: RedemptionRow) => actor.scope.canSeeRow(r.region_path, r.household_id) || keeps(actor, r.item_region_path),
    /** 核销 at the counter. */
    'redemption.fulfil': (actor, r) => keeps(actor, r.item_region_path),
    /** The household (while not picked up) or the store's keepers; the state decides the rest. */
    'redemption.cancel': {
      allow: (actor, r) => livesIn(actor, r.household_id) || keeps(actor, r.item_region_path),
      zh: '只有本户或超市管理人员可以取消兑换',
      en: 'Only the household or the store cancels',
    },
  },
});

/** Whether the caller redeems for this household: its own villager, or a village cadre at the counter. */
export const mayRedeemFor = (actor: Actor, h: { id: string; regionPath: string }) => livesIn(actor, h.id) || keeps(actor, h.regionPath);
