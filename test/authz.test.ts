// The authorization matrix: every route of /api/openapi.json × the ten demo roles × a row at
// three places (A: the villager's own household and the grid worker's grid; B: elsewhere in
// 孟家湾村; C: 圪求河村) → the outcome kept in test/authz/expected.ts. A route missing from the
// table fails, so every new route must declare who may call it on which rows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONES, STORE, startTestApp, type TestEnv } from './harness.js';
import { Fixtures, POSITIONS, ROLE_COLUMNS, type Pos } from './authz/fixtures.js';
import { REQUESTS, type Req } from './authz/requests.js';
import { EXPECTED, outcomeOf } from './authz/expected.js';

let env: TestEnv;
let f: Fixtures;
let routes: string[] = [];
const tokens = new Map<string, string>();

beforeAll(async () => {
  env = await startTestApp({ householdsPerGrid: 3 });
  f = new Fixtures(env);
  await f.build();
  for (const [, phone] of ROLE_COLUMNS) tokens.set(phone, await env.login(phone));
  const doc = await env.call('GET', '/api/openapi.json');
  routes = Object.entries<Record<string, unknown>>(doc.body.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
}, 180_000);
afterAll(async () => {
  await env?.close();
});

async function send(method: string, r: Req, token: string | null) {
  const auth = token ? { authorization: `Bearer ${token}` } : {};
  if (r.upload) {
    const { multipart, PNG } = await import('./uploads.js');
    const m = multipart([{ name: 'a.png', type: 'image/png', data: PNG }]);
    return (await env.app.inject({ method: method as 'POST', url: r.url, payload: m.payload, headers: { ...m.headers, ...auth } })).statusCode;
  }
  return (await env.call(method, r.url, token, r.body)).status;
}

/** A session of its own for routes that end the caller's session. */
async function tokenFor(route: string, phone: string) {
  if (route !== 'POST /api/auth/logout') return tokens.get(phone)!;
  return (await env.call('POST', '/api/auth/login', null, { phone, password: 'demo123456' })).body.token as string;
}

describe(`authorization matrix on ${STORE}`, () => {
  it('every route in the OpenAPI document has its row in the matrix, and every row a route', () => {
    const missing = routes.filter((r) => !(r in EXPECTED) || !(r in REQUESTS));
    const stale = Object.keys(EXPECTED).filter((r) => !routes.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('each role gets what the matrix says, at each place', async () => {
    const observed: Record<string, string> = {};
    const fiveHundreds: string[] = [];
    for (const route of routes) {
      const call = REQUESTS[route];
      if (!call) continue;
      const [method] = route.split(' ');
      const places: Pos[] = call.pos === false ? ['A'] : [...POSITIONS];
      const cols: string[] = [];
      for (const [, phone] of ROLE_COLUMNS) {
        let cell = '';
        for (const at of places) {
          const status = await send(method, await call.req(f, at), await tokenFor(route, phone));
          if (status >= 500) fiveHundreds.push(`${route} as ${phone} at ${at} → ${status}`);
          cell += outcomeOf(status);
        }
        cols.push(cell);
      }
      const anon = outcomeOf(await send(method, await call.req(f, 'A'), null));
      observed[route] = `${cols.join(' ')} | ${anon}`;
    }
    const wrong = Object.entries(observed)
      .filter(([r, o]) => EXPECTED[r] !== o)
      .map(([r, o]) => `${r}\n    expected ${EXPECTED[r]}\n    observed ${o}`);
    if (wrong.length) {
      mkdirSync('test-results', { recursive: true });
      writeFileSync(
        `test-results/authz-observed-${STORE}.txt`,
        Object.entries(observed)
          .map(([r, o]) => `  '${r}': '${o}',`)
          .join('\n'),
      );
    }
    expect(fiveHundreds).toEqual([]);
    expect(wrong, `columns: ${ROLE_COLUMNS.map(([k]) => k).join(' ')} | anonymous; places A B C`).toEqual([]);
    void PHONES;
  }, 600_000);
});
