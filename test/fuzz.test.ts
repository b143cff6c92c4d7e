// No input makes the server answer 500: random JSON thrown at every write route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
let token: string;
let householdId: string;
let residentId: string;
let caseId: string;
beforeAll(async () => {
  env = await startTestApp();
  token = await env.login(PHONES.admin);
  const list = await env.call('GET', '/api/households?pageSize=1', token);
  householdId = list.body.items[0].id;
  residentId = (await env.call('GET', `/api/households/${householdId}`, token)).body.residents[0].id;
  caseId = (
    await env.call('POST', '/api/cases', token, { type: 'incident', category: 'env_dirty', title: '测试', description: '测试', regionId: env.seed.townshipId })
  ).body.id;
});
afterAll(async () => {
  await env?.close();
});

const KEYS = [
  'type',
  'category',
  'title',
  'description',
  'action',
  'rating',
  'days',
  'skipLevel',
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
  'headResidentId',
  'role',
];

/** Bodies shaped like the real ones, with hostile values. */
const value = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.string({ maxLength: 20, unit: 'binary' }), // any code point, NUL and lone surrogates included
  fc.constantFrom(
    'incident',
    'dispute',
    'env_dirty',
    'accept',
    'dispatch',
    'rate',
    'escalate',
    'approve_extension',
    '',
    ' ',
    '610802198503021234',
    '11010519491231002X',
    'male',
    'female',
    '户主',
    'grid',
    '1985-13-45',
    '0',
    '-1',
    'null',
    '🙂'.repeat(30),
    'x'.repeat(5000),
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }),
  fc.record({ residents: fc.array(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }), { maxLength: 3 }), regionId: value, address: value }),
  fc.jsonValue({ maxDepth: 3 }),
);

describe(`random JSON at write routes on ${STORE}`, () => {
  it('never answers 5xx and always answers the error shape on 4xx', async () => {
    const routes = () =>
      [
        ['POST', '/api/households'],
        ['PATCH', `/api/households/${householdId}`],
        ['POST', '/api/residents'],
        ['PATCH', `/api/residents/${residentId}`],
        ['POST', '/api/regions'],
        ['PATCH', `/api/regions/${env.seed.townshipId}`],
        ['POST', '/api/auth/password'],
        ['POST', '/api/users'],
        ['PUT', `/api/households/${householdId}/party-members/x`],
        ['POST', '/api/auth/login'],
        ['PATCH', '/api/households/a%00b'],
        ['PUT', `/api/users/${env.seed.users[PHONES.grid]}/roles`],
        ['POST', '/api/cases'],
        ['POST', `/api/cases/${caseId}/transitions`],
        ['PATCH', '/api/case-categories/env_dirty'],
        ['POST', '/api/notifications/read'],
      ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes()), body, async ([method, url], b) => {
        const r = await env.call(method, url, token, b);
        if (r.status >= 500) throw new Error(`${method} ${url} ${JSON.stringify(b).slice(0, 300)} → ${r.status} ${JSON.stringify(r.body)}`);
        if (r.status >= 400) expect(r.body.error).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) });
      }),
      { numRuns: 400 },
    );
  });

  it('random query strings on list routes never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/api/households', '/api/regions', '/api/users', '/api/cases', '/api/notifications'),
        fc.dictionary(
          fc.constantFrom('page', 'pageSize', 'q', 'tag', 'regionId', 'parentId', 'role', 'status', 'type', 'card', 'overdue', 'box', 'from', 'to', 'unread'),
          fc.oneof(fc.string({ maxLength: 20 }), fc.string({ maxLength: 8, unit: 'binary' }), fc.integer().map(String)),
        ),
        async (path, q) => {
          const r = await env.call('GET', `${path}?${new URLSearchParams(q)}`, token);
          expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('non-JSON bodies are 4xx', async () => {
    for (const [ct, payload] of [
      ['text/plain', 'hello'],
      ['application/json', '[1,'],
      ['application/xml', '<a/>'],
      ['application/json', ''],
    ] as const) {
      const res = await env.app.inject({ method: 'POST', url: '/api/households', headers: { authorization: `Bearer ${token}`, 'content-type': ct }, payload });
      expect(res.statusCode, `${ct} ${payload}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
  });
});
