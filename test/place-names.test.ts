// Names that say where: a grid is named with its village (孟家湾村 / 一组网格) wherever a list can span villages —
// the caller's own places (/api/me), this month's visit plan, visits, patrols due and recorded. Above village level a
// region is named by itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await startTestApp();
});
afterAll(async () => {
  await env?.close();
});

describe(`place names on ${STORE}`, () => {
  it("the caller's places: a grid with its village, a village and a township by their own names", async () => {
    const grid = (await env.call('GET', '/api/me', await env.login(PHONES.grid))).body.roles[0];
    expect(grid).toMatchObject({ regionName: '一组网格', placeName: '孟家湾村 / 一组网格' });
    const cadre = (await env.call('GET', '/api/me', await env.login(PHONES.cadre))).body.roles[0];
    expect(cadre.placeName).toBe('孟家湾村');
    const leader = (await env.call('GET', '/api/me', await env.login(PHONES.leader))).body.roles[0];
    expect(leader.placeName).toBe(leader.regionName);
    expect(leader.regionLevel).toBe('township');
  });

  it("a township leader's visit plan and patrols name each grid with its village", async () => {
    const leader = await env.login(PHONES.leader);
    const plan = await env.call('GET', '/api/visits/plan?pageSize=100', leader);
    expect(plan.status).toBe(200);
    expect(plan.body.items.length).toBeGreaterThan(0);
    for (const item of plan.body.items) expect(item.placeName).toMatch(new RegExp(`^[^/]+村 / ${item.regionName}$`));
    const due = await env.call('GET', '/api/patrols/due', leader);
    const daily = due.body.items.filter((p: { kind: string }) => p.kind === 'daily');
    expect(daily.length).toBeGreaterThan(1);
    for (const p of daily) expect(p.placeName).toMatch(new RegExp(`^[^/]+村 / ${p.regionName}$`));
    const township = due.body.items.find((p: { kind: string }) => p.kind === 'quarterly');
    if (township) expect(township.placeName).toBe(township.regionName);
  });
});
