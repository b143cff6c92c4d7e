// Who may do what with points (积分制): see core/abilities.ts for the shape.
import type { Actor } from '../../core/context.js';
import { anyOf, definePolicy, defineRegionAbilities, holds, roleIs } from '../../core/abilities.js';
import { livesIn } from '../people/index.js';

const manages = holds('points.manage');

export const pointsRegion = defineRegionAbilities({
  /** Propose awards for households of the subtree (申报/审核 in the menu). A villager proposes for their own household only (a row check). */
  'award.propose': {
    held: holds('points.propose'),
    zh: '只有村干部、网格员或本户村民可以申报积分',
    en: 'Only cadres, grid workers or the household itself propose points',
  },
  /** Approve or reject awards, correct a household's points. */
  'award.approve': { held: manages, zh: '只有村两委可以审核积分', en: 'Only the village committee decides on awards' },
  /** Follow the 公示 and its objections (积分公示): the village and its supervisory committee (村务监督委员会). */
  'award.review': anyOf(manages, roleIs('supervisor')),
  /** Read households' points and export the 台账 (户积分台账). */
  'ledger.read': anyOf(manages, holds('points.propose'), roleIs('supervisor')),
  /** The rule catalog: the village keeps it, the supervisory committee reads it (积分规则). */
  'rule.read': anyOf(manages, roleIs('supervisor')),
  /** Keep the rule catalog, the village's point settings, designations and the year-end settlement. */
  'points.manage': { held: manages, zh: '只有村两委或乡镇可以管理积分', en: 'Only the village committee or the township manages points' },
  /** Month/quarter/year rankings of households (积分排行). */
  'ranking.read': manages,
  /** Post volunteer activities and confirm hours (志愿服务). */
  'volunteer.manage': { held: manages, zh: '只有村两委或乡镇可以发布志愿活动', en: 'Only the village committee or the township posts activities' },
  /** The ledger and stock consistency check (administrators and township leaders). */
  'points.check': {
    held: holds('points.manage', 'cases.supervise'),
    zh: '只有管理员或乡镇领导可以做一致性检查',
    en: 'Only administrators or township leaders run the check',
  },
});

type AwardRow = { region_path: string; household_id: string; proposed_by: string };
const approves = (actor: Actor, a: { region_path: string }) => pointsRegion.canIn(actor, 'award.approve', a.region_path);

/** An award (积分申报); the list and the detail carry the caller's abilities. The state decides the rest (409). */
export const awardPolicy = definePolicy({
  entity: ['积分申报', 'Award'],
  see: 'award.read',
  abilities: {
    'award.read': (actor, a: AwardRow) => actor.scope.canSeeRow(a.region_path, a.household_id),
    'award.approve': { allow: approves, zh: '只有村两委可以审核积分', en: 'Only the village committee decides on awards' },
    'award.attach': {
      allow: (actor, a) => a.proposed_by === actor.userId || approves(actor, a),
      zh: '只有申报人或村两委可以补充证明材料',
      en: 'Only the proposer or the village adds evidence',
    },
  },
});

/**
 * The proposer an account acts as for a household: a cadre (award.approve) before
 * a grid worker (award.propose) before the household's own villager.
 */
export const proposerAbilities = (actor: Actor, h: { id: string; regionPath: string }) => ({
  manage: approves(actor, { region_path: h.regionPath }),
  log: pointsRegion.canIn(actor, 'award.propose', h.regionPath),
  ownHousehold: livesIn(actor, h.id),
});
