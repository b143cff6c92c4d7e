// Every write route of /api/openapi.json gets random JSON (shaped like real bodies, with hostile
// values) from the most permissive account, so the body reaches validation and the service:
// no answer is ever a 5xx, and every 4xx has the error shape. Routes come from the authorization
// matrix's table, so a new route is fuzzed as soon as it declares its policy there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PHONES, STORE, startTestApp, type TestEnv } from './harness.js';
import { Fixtures } from './authz/fixtures.js';
import { REQUESTS } from './authz/requests.js';

let env: TestEnv;
let f: Fixtures;
let token: string;
beforeAll(async () => {
  env = await startTestApp({ householdsPerGrid: 3 });
  f = new Fixtures(env);
  await f.build();
  token = await env.login(PHONES.admin);
}, 180_000);
afterAll(async () => {
  await env?.close();
});

/** Field names the write routes take, so random bodies often get past the shape check. */
const KEYS = [
  'type',
  'category',
  'title',
  'description',
  'action',
  'rating',
  'days',
  'idempotencyKey',
  'assigneeId',
  'ids',
  'all',
  'name',
  'idNumber',
  'gender',
  'birthDate',
  'phone',
  'relation',
  'tags',
  'householdId',
  'regionId',
  'address',
  'residents',
  'parentId',
  'level',
  'code',
  'password',
  'oldPassword',
  'newPassword',
  'roles',
  'active',
  'note',
  'reason',
  'ruleId',
  'residentId',
  'itemId',
  'quantity',
  'delta',
  'cost',
  'stock',
  'value',
  'cap',
  'capPeriod',
  'proposers',
  'needsApproval',
  'year',
  'points',
  'startsAt',
  'hours',
  'capacity',
  'signupId',
  'attended',
  'situation',
  'method',
  'visitedAt',
  'kind',
  'results',
  'patrolledAt',
  'location',
  'caseId',
  'decision',
  'publicDays',
  'monthlyBase',
  'settlementMode',
  'mediatorPoints',
  'volunteerRate',
  'frequency',
  'items',
  'priority',
  'acceptYellow',
  'acceptRed',
  'resolveYellow',
  'resolveRed',
  'advanceHours',
  'holidays',
  'workdays',
];

const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }), // any code point, NUL and lone surrogates included
  fc.constantFrom(
    '',
    ' ',
    'x'.repeat(5000),
    '🙂'.repeat(30),
    '2026-13-45',
    '2026-02-30',
    '2026-11-27',
    '2026-11-27T25:61:00Z',
    '-1',
    '0',
    '1e309',
    'null',
    'month',
    'year',
    'cadre',
    'grid',
    'villager',
    'male',
    'accept',
    'dispatch',
    'env_dirty',
    'incident',
    'daily',
    'reset',
    'carry',
    '人居环境',
    '610802198503021234',
  ),
  fc.integer(),
  fc.integer({ min: -2_147_483_648, max: 2_147_483_647 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e300, -0.5),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }),
  fc.record({
    residents: fc.array(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }), { maxLength: 3 }),
    results: fc.array(fc.dictionary(fc.constantFrom('code', 'ok', 'note'), value), { maxLength: 3 }),
    regionId: value,
  }),
  fc.jsonValue({ maxDepth: 3 }),
);

const WRITES = Object.keys(REQUESTS).filter((r) => !r.startsWith('GET ') && r !== 'POST /api/auth/logout');

describe(`random JSON at every write route on ${STORE}`, () => {
  it('covers every write route of the table', () => {
    expect(WRITES.length).toBeGreaterThan(50);
  });

  for (const route of WRITES) {
    it(`${route} never answers 5xx`, async () => {
      const [method] = route.split(' ');
      const { url } = await REQUESTS[route].req(f, 'A');
      const bodies = fc.sample(body, { numRuns: 25, seed: route.length * 7919 });
      for (const b of bodies) {
        const r = await env.call(method, url, token, b);
        if (r.status >= 500) throw new Error(`${route} ${JSON.stringify(b).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body)}`);
        if (r.status >= 400)
          expect(r.body.error, `${route} ${JSON.stringify(b).slice(0, 200)}`).toMatchObject({
            code: expect.stringMatching(/^[A-Z_]+$/),
            message: expect.any(String),
          });
      }
    });
  }

  it('random query strings on every list and read route never 5xx', async () => {
    const reads = Object.keys(REQUESTS).filter((r) => r.startsWith('GET '));
    const params = [
      'page',
      'pageSize',
      'q',
      'tag',
      'regionId',
      'parentId',
      'role',
      'status',
      'type',
      'card',
      'overdue',
      'box',
      'from',
      'to',
      'unread',
      'month',
      'day',
      'date',
      'period',
      'year',
      'source',
      'householdId',
      'itemId',
      'kind',
      'mine',
      'problems',
      'reveal',
      'includeInactive',
      'attention',
      'category',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...reads),
        fc.dictionary(
          fc.constantFrom(...params),
          fc.oneof(
            fc.string({ maxLength: 20 }),
            fc.string({ maxLength: 8, unit: 'binary' }),
            fc.integer().map(String),
            fc.constantFrom('2026-13-45', '2026-02-30', '2026-00', '9999-99', '-1', '1e9', ''),
          ),
        ),
        async (route, extra) => {
          const { url } = await REQUESTS[route].req(f, 'A');
          const [path, query] = url.split('?');
          const merged = new URLSearchParams(query);
          for (const [k, v] of Object.entries(extra)) merged.set(k, v);
          const r = await env.call('GET', `${path}?${merged}`, token);
          if (r.status >= 500) throw new Error(`${route} ?${merged} → ${r.status} ${JSON.stringify(r.body)}`);
        },
      ),
      { numRuns: 400, seed: 20261207 },
    );
  });
});
