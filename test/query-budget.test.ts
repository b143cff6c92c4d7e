// Every hot route within its statement budget (test/query-budgets.ts), counted by the store itself for each
// request (db/query-count.ts), and every list page costing the same at 20 and at 100 rows: no query per row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS, type Budget } from './query-budgets.js';
import { PHONES, STORE, startTestApp, type TestEnv } from './harness.js';

let env: TestEnv;
const fill: Record<string, string> = {};

function filled<T>(v: T): T {
  return JSON.parse(JSON.stringify(v).replace(/\{(case|household|village|grid|category)\}/g, (_, k: string) => fill[k])) as T;
}

beforeAll(async () => {
  env = await startTestApp({ householdsPerGrid: 30 });
  const grid = await env.login(PHONES.grid);
  const me = (await env.call('GET', '/api/me', grid)).body;
  fill.grid = me.roles.find((r: { role: string }) => r.role === 'grid_worker').regionId;
  const cadre = await env.login(PHONES.cadre);
  fill.village = (await env.call('GET', '/api/me', cadre)).body.roles.find((r: { role: string }) => r.role === 'village_cadre').regionId;
  fill.category = (await env.call('GET', '/api/case-categories', grid)).body.items.find((c: { type: string }) => c.type === 'incident').code;
  // More rows than a page holds everywhere a list is measured: cases (with notifications to the cadre and the
  // grid worker's 待办), households (30 per grid).
  const villager = await env.login(PHONES.villager);
  const household = (await env.call('GET', '/api/me', villager)).body.roles[0].householdId;
  for (let i = 0; i < 120; i++) {
    const r = await env.call('POST', '/api/cases', i % 4 ? grid : villager, {
      type: 'incident',
      category: fill.category,
      title: `道路积水${i}`,
      description: '村口道路积水严重，影响通行。',
      regionId: fill.grid,
      householdId: i % 4 ? undefined : household,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    fill.case = r.body.id;
  }
  fill.household = household;
  // The replayed report exists before it is measured.
  await env.call('POST', '/api/cases', grid, filled(BUDGETS.find((b) => b.body?.idempotencyKey)!.body));
}, 120_000);
afterAll(async () => {
  await env?.close();
});

/**
 * The statements of one request in the steady state: a GET is made once before it is counted, so what a first
 * call alone does (the case catalog loaded into memory, this month's visit plan brought in step) is not counted.
 */
async function measure(b: Budget, url: string) {
  const token = await env.login(PHONES[b.as]);
  if (b.method === 'GET') await env.call(b.method, filled(url), token);
  else await env.call('GET', '/api/case-categories', token);
  const r = await env.counted(b.method, filled(url), token, b.body ? filled(b.body) : undefined);
  expect(r.status, `${b.name}: ${JSON.stringify(r.body).slice(0, 300)}`).toBeLessThan(300);
  log.set(url, r.log);
  return r.statements;
}

const log = new Map<string, string[]>();
const shown = (url: string) => `the statements:\n  ${(log.get(url) ?? []).join('\n  ')}`;

const withSize = (url: string, size: number) => `${url}${url.includes('?') ? '&' : '?'}pageSize=${size}`;

describe(`statement budgets of the hot routes on ${STORE}`, () => {
  for (const b of BUDGETS) {
    it(`${b.name}: at most ${b.max}`, async () => {
      if (!b.list) {
        expect(await measure(b, b.url), shown(b.url)).toBeLessThanOrEqual(b.max);
        return;
      }
      const small = await measure(b, withSize(b.url, 20));
      const large = await measure(b, withSize(b.url, 100));
      expect(small, shown(withSize(b.url, 20))).toBeLessThanOrEqual(b.max);
      expect(large, 'a list page of 100 rows runs more statements than one of 20: a query per row').toBe(small);
    });
  }

  it('counts what a request runs, and only that', async () => {
    const token = await env.login(PHONES.grid);
    expect((await env.counted('GET', '/api/health', null)).statements).toBe(0);
    // The session lookup is one indexed read, grants included.
    expect((await env.counted('GET', '/api/health', token)).statements).toBe(1);
  });
});
