// Every route that takes a date, a month or an instant refuses an impossible one
// with 400 VALIDATION_FAILED naming the field (core/dates.ts), never a 500 or a day shifted into March.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let cadre: string;
let residentId: string;
beforeAll(async () => {
  env = await startTestApp();
  cadre = await env.login(PHONES.cadre);
  residentId = (await env.call('GET', `/api/households/${env.seed.villagerHouseholdId}`, cadre)).body.residents[0].id;
});
afterAll(async () => {
  await env?.close();
});

const village = () => env.seed.villageIds.孟家湾村;
const grid = () => env.seed.gridIds['孟家湾村/一组'];
const BAD_DAYS = ['2026-13-45', '2026-02-30', '2025-02-29', '2026-04-31', '2026-00-10', '2026-01-00', '2026-1-5', '20260105', '2026-01-05T00:00:00Z', ''];
const BAD_MONTHS = ['2026-13', '2026-00', '2026-1', '2026-02-30', '202602'];
const BAD_INSTANTS = ['2026-02-30T10:00:00+08:00', '2026-13-45T10:00:00Z', '2026-02-28T25:00:00+08:00', '2026-02-28', '2026-02-28T10:00:00'];

type Route = { name: string; field: string; kind: 'day' | 'month' | 'instant'; send: (v: string) => [string, string, unknown?] };
const q = (v: string) => encodeURIComponent(v);
const ROUTES: Route[] = [
  { name: 'GET /api/cases from', field: 'from', kind: 'day', send: (v) => ['GET', `/api/cases?from=${q(v)}`] },
  { name: 'GET /api/cases to', field: 'to', kind: 'day', send: (v) => ['GET', `/api/cases?to=${q(v)}`] },
  { name: 'GET /api/cases/disputes/ledger from', field: 'from', kind: 'day', send: (v) => ['GET', `/api/cases/disputes/ledger?from=${q(v)}`] },
  { name: 'GET /api/cases/disputes/ledger to', field: 'to', kind: 'day', send: (v) => ['GET', `/api/cases/disputes/ledger?to=${q(v)}`] },
  { name: 'GET /api/patrols/due day', field: 'day', kind: 'day', send: (v) => ['GET', `/api/patrols/due?day=${q(v)}`] },
  { name: 'GET /api/points/entries from', field: 'from', kind: 'day', send: (v) => ['GET', `/api/points/entries?regionId=${village()}&from=${q(v)}`] },
  { name: 'GET /api/points/entries to', field: 'to', kind: 'day', send: (v) => ['GET', `/api/points/entries?regionId=${village()}&to=${q(v)}`] },
  {
    name: 'GET /api/points/ledger/export from',
    field: 'from',
    kind: 'day',
    send: (v) => ['GET', `/api/points/ledger/export?regionId=${village()}&from=${q(v)}&to=2026-11-30`],
  },
  {
    name: 'GET /api/points/ledger/export to',
    field: 'to',
    kind: 'day',
    send: (v) => ['GET', `/api/points/ledger/export?regionId=${village()}&from=2026-11-01&to=${q(v)}`],
  },
  { name: 'GET /api/points/ranking date', field: 'date', kind: 'day', send: (v) => ['GET', `/api/points/ranking?regionId=${village()}&date=${q(v)}`] },
  {
    name: 'POST /api/households residents[].birthDate',
    field: 'birthDate',
    kind: 'day',
    send: (v) => [
      'POST',
      '/api/households',
      { regionId: grid(), address: '孟家湾村一组88号', residents: [{ name: '测试', idNumber: '610802199001011234', relation: '户主', birthDate: v }] },
    ],
  },
  {
    name: 'POST /api/residents birthDate',
    field: 'birthDate',
    kind: 'day',
    send: (v) => [
      'POST',
      '/api/residents',
      { householdId: env.seed.villagerHouseholdId, name: '测试', idNumber: '610802199001011234', relation: '子女', birthDate: v },
    ],
  },
  { name: 'PATCH /api/residents/:id birthDate', field: 'birthDate', kind: 'day', send: (v) => ['PATCH', `/api/residents/${residentId}`, { birthDate: v }] },
  { name: 'GET /api/patrols month', field: 'month', kind: 'month', send: (v) => ['GET', `/api/patrols?month=${q(v)}`] },
  { name: 'GET /api/visits month', field: 'month', kind: 'month', send: (v) => ['GET', `/api/visits?month=${q(v)}`] },
  { name: 'GET /api/visits/plan month', field: 'month', kind: 'month', send: (v) => ['GET', `/api/visits/plan?month=${q(v)}`] },
  { name: 'GET /api/visits/progress month', field: 'month', kind: 'month', send: (v) => ['GET', `/api/visits/progress?month=${q(v)}`] },
  { name: 'GET /api/visits/ledger month', field: 'month', kind: 'month', send: (v) => ['GET', `/api/visits/ledger?month=${q(v)}`] },
  {
    name: 'POST /api/patrols patrolledAt',
    field: 'patrolledAt',
    kind: 'instant',
    send: (v) => ['POST', '/api/patrols', { kind: 'daily', regionId: grid(), results: [], patrolledAt: v }],
  },
  {
    name: 'POST /api/visits visitedAt',
    field: 'visitedAt',
    kind: 'instant',
    send: (v) => ['POST', '/api/visits', { householdId: env.seed.villagerHouseholdId, situation: '家中一切正常', visitedAt: v }],
  },
  {
    name: 'POST /api/volunteer/activities startsAt',
    field: 'startsAt',
    kind: 'instant',
    send: (v) => ['POST', '/api/volunteer/activities', { regionId: village(), title: '清扫村道', hours: 2, startsAt: v }],
  },
];
const BAD = { day: BAD_DAYS, month: BAD_MONTHS, instant: BAD_INSTANTS };

describe(`impossible dates answer 400 VALIDATION_FAILED on ${STORE}`, () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    for (const v of BAD[route.kind]) {
      const [method, url, body] = route.send(v);
      const r = await env.call(method, url, cadre, body);
      expect({ v, status: r.status, code: r.body?.error?.code }).toEqual({ v, status: 400, code: 'VALIDATION_FAILED' });
      expect(r.body.error.details.map((d: any) => d.field.split('.').at(-1))).toContain(route.field);
      expect(r.body.error.message).toMatch(/格式不正确/);
    }
  });

  it('real dates, leap days included, still pass', async () => {
    for (const url of [
      '/api/cases?from=2024-02-29&to=2026-12-31',
      `/api/points/entries?regionId=${village()}&from=2024-02-29&to=2026-11-30`,
      `/api/points/ranking?regionId=${village()}&date=2024-02-29`,
      '/api/patrols/due?day=2028-02-29',
      '/api/patrols?month=2026-12',
      '/api/visits?month=2026-02',
    ])
      expect([url, (await env.call('GET', url, cadre)).status]).toEqual([url, 200]);
  });
});
