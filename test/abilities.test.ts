// Row abilities the API returns, and what the module policies answer (404 outside, 403 inside).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string, grid: string, staff: string, supervisor: string, otherCadre: string;
let village: string;
const hh = () => env.seed.villagerHouseholdId;

beforeAll(async () => {
  env = await startTestApp();
  [cadre, grid, staff, supervisor, otherCadre] = await Promise.all(
    [PHONES.cadre, PHONES.grid, PHONES.staff, PHONES.supervisor, PHONES.otherCadre].map((p) => env.login(p)),
  );
  village = env.seed.villageIds.孟家湾村;
});
afterAll(async () => {
  await env?.close();
});

describe(`abilities on rows on ${STORE}`, () => {
  it('an award carries what the caller may do: the village approves, the grid worker only proposes', async () => {
    const rule = (
      await env.call('POST', '/api/points/rules', cadre, {
        regionId: village,
        category: '志愿服务',
        value: 5,
        code: 'AB01',
        name: '清扫村道',
        proposers: ['cadre', 'grid'],
      })
    ).body;
    const award = await env.call('POST', '/api/points/awards', grid, { householdId: hh(), ruleId: rule.id });
    expect(award.status).toBe(201);
    const gridId = (await env.call('GET', '/api/me', grid)).body.roles[0].regionId;
    const queue = (who: string, at = village) => env.call('GET', `/api/points/awards?regionId=${at}&status=pending&pageSize=100`, who);
    const mine = (await queue(grid, gridId)).body.items.find((a: any) => a.id === award.body.id);
    expect(mine.abilities).toEqual(['award.read', 'award.attach']);
    const theirs = (await queue(cadre)).body.items.find((a: any) => a.id === award.body.id);
    expect(theirs.abilities).toEqual(['award.read', 'award.approve', 'award.attach']);
    expect((await env.call('GET', `/api/points/awards/${award.body.id}`, supervisor)).body.abilities).toEqual(['award.read']);
    // Outside the caller's village the award does not exist for them; inside, a grid worker may not approve.
    expect((await env.call('POST', `/api/points/awards/${award.body.id}/approve`, otherCadre, {})).status).toBe(404);
    expect((await env.call('POST', `/api/points/awards/${award.body.id}/approve`, grid, {})).status).toBe(403);
  });

  it('站所 staff read the households of the township but do not propose points for them', async () => {
    const rule = (
      await env.call('POST', '/api/points/rules', cadre, {
        regionId: village,
        category: '志愿服务',
        value: 5,
        code: 'AB02',
        name: '调解邻里纠纷',
        proposers: ['cadre', 'grid', 'villager'],
      })
    ).body;
    expect((await env.call('GET', `/api/households/${hh()}`, staff)).body.abilities).toEqual(['household.read', 'resident.revealId']);
    const r = await env.call('POST', '/api/points/awards', staff, { householdId: hh(), ruleId: rule.id });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('FORBIDDEN');
  });

  it('a grid worker edits the households of their grid', async () => {
    const list = await env.call('GET', '/api/households?pageSize=3', grid);
    expect(list.body.items.every((h: any) => h.abilities.includes('household.update'))).toBe(true);
  });
});
