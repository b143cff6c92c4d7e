// The console menu each demo role sees, built from the abilities GET /api/me returns
// (module policies on the server), never from role names in the browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';
import { visibleMenu, type MenuEntry } from '../src/web/console/layout/menu.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => {
  await env?.close();
});

const leaves = (entries: MenuEntry[]): string[] => entries.flatMap((e) => (e.children ? leaves(e.children) : [e.key]));

const REGISTRY = ['households', 'regions'];
const CASES = ['caseList', 'caseReport'];
const VISITS = ['visitPlan', 'visitLog', 'patrols'];
const POINTS_ALL = ['pointAwards', 'pointBoard', 'pointLedger', 'pointRanking', 'volunteer', 'storeItems', 'storeCounter', 'storeRedemptions', 'pointRules'];

/** The intended menu per demo account: the pages each role's work needs. */
const MENUS: Record<keyof typeof PHONES, string[]> = {
  admin: [
    ...REGISTRY,
    ...CASES,
    'consultations',
    'caseCategories',
    'caseChoices',
    ...VISITS,
    'visitSettings',
    ...POINTS_ALL,
    'users',
    'workCalendar',
    'password',
  ],
  leader: [...REGISTRY, ...CASES, 'consultations', ...VISITS, ...POINTS_ALL, 'password'],
  cadre: [...REGISTRY, ...CASES, 'caseChoices', ...VISITS, ...POINTS_ALL, 'password'],
  otherCadre: [...REGISTRY, ...CASES, 'caseChoices', ...VISITS, ...POINTS_ALL, 'password'],
  // 网格员: the registry, cases, visits and patrols of their grid; of the points only proposing and the households' ledger.
  grid: [...REGISTRY, ...CASES, ...VISITS, 'pointAwards', 'pointLedger', 'password'],
  // 站所 staff: the cases dispatched to them and what they read and log (registry, visits, patrols); no points.
  staff: [...REGISTRY, ...CASES, ...VISITS, 'password'],
  // 监督委员: the 公示 with its objections, the ledger and the rules they check; not the store's counter or items.
  supervisor: [...REGISTRY, ...CASES, 'pointBoard', 'pointLedger', 'pointRules', 'password'],
  mediator: [...REGISTRY, ...CASES, 'password'],
  // 党员: 代办 services are cases; their linked households are not a registry to browse.
  party: [...CASES, 'password'],
  // Villagers use the phone page.
  villager: ['password'],
};

describe(`console menu by abilities on ${STORE}`, () => {
  for (const [who, expected] of Object.entries(MENUS) as [keyof typeof PHONES, string[]][]) {
    it(`${who} (${PHONES[who]}) sees ${expected.length} pages`, async () => {
      const me = await env.call('GET', '/api/me', await env.login(PHONES[who]));
      expect(me.status).toBe(200);
      const abilities: Record<string, string[]> = me.body.abilities;
      const menu = leaves(visibleMenu((a) => (abilities[a]?.length ?? 0) > 0));
      expect(menu).toEqual(expected);
    });
  }

  it('lists each ability with the regions where it is held', async () => {
    const me = await env.call('GET', '/api/me', await env.login(PHONES.grid));
    const grid = me.body.roles[0].regionId;
    expect(me.body.abilities['award.propose']).toEqual([grid]);
    expect(me.body.abilities['household.create']).toEqual([grid]);
    expect(me.body.abilities['award.approve']).toBeUndefined();
    const cadre = await env.call('GET', '/api/me', await env.login(PHONES.cadre));
    expect(cadre.body.abilities['award.approve']).toEqual([env.seed.villageIds.孟家湾村]);
  });
});
