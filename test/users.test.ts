// 用户与角色管理: admins manage accounts inside their subtree, on both stores.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/core/ids.js';
import * as accountsRepo from '../src/modules/accounts/repo.js';
import * as regionsRepo from '../src/modules/regions/repo.js';
import { PHONES, startTestApp, STORE, type TestEnv } from './harness.js';

let env: TestEnv, admin: string, mjw: string, gqh: string, grid1: string;
const otherCounty = newId(); // a sibling county (a root region): outside the demo admin's subtree

beforeAll(async () => {
  env = await startTestApp();
  admin = await env.login(PHONES.admin);
  ({ 孟家湾村: mjw, 圪求河村: gqh } = env.seed.villageIds);
  grid1 = env.seed.gridIds['孟家湾村/一组'];
  await regionsRepo.insert(env.ctx.db, {
    id: otherCounty,
    parent_id: null,
    level: 'county',
    code: '610803',
    name: '横山区',
    path: `/${otherCounty}/`,
    depth: 0,
    sort_order: 1,
    county_id: otherCounty,
    created_at: env.clock.now().toISOString(),
  });
});
afterAll(async () => {
  await env?.close();
});

const login = (phone: string, password: string) => env.call('POST', '/api/auth/login', null, { phone, password });
let seq = 0;
const nextPhone = () => `1390000${String(1000 + seq++).slice(-4)}`;
const create = (body: Record<string, unknown>) =>
  env.call('POST', '/api/users', admin, { name: '测试用户', phone: nextPhone(), password: 'abc12345', ...body });

/** A user placed directly in the store (e.g. in the other county). */
async function insertUser(grants: { role: string; regionId: string }[]) {
  const id = newId();
  const at = env.clock.now().toISOString();
  await accountsRepo.insertUser(env.ctx.db, { id, phone: nextPhone(), name: '外县用户', password_hash: 'x', active: 1, created_at: at, updated_at: at });
  const paths = new Map(
    (
      await regionsRepo.findByIds(
        env.ctx.db,
        grants.map((g) => g.regionId),
      )
    ).map((r) => [r.id, r.path]),
  );
  await accountsRepo.insertGrants(
    env.ctx.db,
    grants.map((g) => ({
      id: newId(),
      user_id: id,
      role: g.role,
      region_id: g.regionId,
      region_path: paths.get(g.regionId)!,
      household_id: null,
      created_at: at,
    })),
  );
  return id;
}

describe('reading', () => {
  it('gives the role catalog to any signed-in user', async () => {
    const r = await env.call('GET', '/api/roles', await env.login(PHONES.villager));
    expect(r.body.items).toContainEqual(expect.objectContaining({ code: 'admin', zh: '系统管理员', en: 'Administrator' }));
    expect((await env.call('GET', '/api/roles')).status).toBe(401);
  });

  it('lists the demo accounts, filtered by q, role and region', async () => {
    const all = await env.call('GET', '/api/users?pageSize=100', admin);
    expect(all.body.total).toBeGreaterThanOrEqual(10);
    const cadre = all.body.items.find((u: any) => u.phone === PHONES.cadre);
    expect(cadre).toMatchObject({
      name: '高永强',
      active: true,
      editable: true,
      roles: [{ role: 'village_cadre', regionId: mjw, regionName: '孟家湾村', householdId: null }],
    });

    const byName = await env.call('GET', `/api/users?q=${encodeURIComponent('高永强')}`, admin);
    expect(byName.body.items.map((u: any) => u.phone)).toEqual([PHONES.cadre]);
    expect((await env.call('GET', `/api/users?q=${PHONES.otherCadre}`, admin)).body.total).toBe(1);
    const cadres = await env.call('GET', '/api/users?role=village_cadre', admin);
    expect(cadres.body.items.map((u: any) => u.phone).sort()).toEqual([PHONES.cadre, PHONES.otherCadre]);
    const inMjw = await env.call('GET', `/api/users?regionId=${mjw}&pageSize=100`, admin);
    const phones = inMjw.body.items.map((u: any) => u.phone);
    expect(phones).toEqual(expect.arrayContaining([PHONES.cadre, PHONES.grid, PHONES.villager, PHONES.party]));
    expect(phones.filter((p: string) => p === PHONES.otherCadre || p === PHONES.admin)).toEqual([]);
    expect((await env.call('GET', `/api/users?regionId=${otherCounty}`, admin)).status).toBe(404);
  });

  it('refuses everyone without users.manage', async () => {
    const cadre = await env.login(PHONES.cadre);
    const id = env.seed.users[PHONES.grid];
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/users'],
      ['GET', `/api/users/${id}`],
      ['POST', '/api/users', { name: '某人', phone: nextPhone(), password: 'abc12345', roles: [{ role: 'grid_worker', regionId: grid1 }] }],
      ['PATCH', `/api/users/${id}`, { active: false }],
      ['PUT', `/api/users/${id}/roles`, { roles: [{ role: 'grid_worker', regionId: grid1 }] }],
      ['POST', `/api/users/${id}/reset-password`, { password: 'abc12345' }],
    ];
    for (const [m, url, body] of calls) {
      const r = await env.call(m, url, cadre, body);
      expect([r.status, r.body.error.code], `${m} ${url}`).toEqual([403, 'FORBIDDEN']);
    }
    expect((await env.call('GET', '/api/users')).status).toBe(401);
  });

  it('documents the user routes', async () => {
    const paths = Object.keys((await env.call('GET', '/api/openapi.json')).body.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/roles', '/api/users', '/api/users/{id}', '/api/users/{id}/roles', '/api/users/{id}/reset-password']));
  });
});

describe('creating', () => {
  it('creates a user who can then sign in; newest first', async () => {
    const phone = '13912345678';
    const r = await env.call('POST', '/api/users', admin, {
      name: '  赵网格 ',
      phone,
      password: 'grid2026ok',
      roles: [{ role: 'grid_worker', regionId: grid1 }],
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ name: '赵网格', phone, active: true, roles: [{ role: 'grid_worker', regionId: grid1, regionName: '一组网格' }] });
    expect((await env.call('GET', '/api/users?pageSize=1', admin)).body.items[0].id).toBe(r.body.id);
    expect((await env.call('GET', `/api/users/${r.body.id}`, admin)).body).toEqual(r.body);

    const signIn = await login(phone, 'grid2026ok');
    expect(signIn.body.user.roles).toMatchObject([{ role: 'grid_worker', regionId: grid1 }]);
    expect((await env.call('GET', '/api/households', signIn.body.token)).status).toBe(200);

    const dup = await create({ phone, roles: [{ role: 'grid_worker', regionId: grid1 }] });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'DUPLICATE_PHONE']);
  });

  it('creates a villager for a household in the region', async () => {
    const hh = env.seed.villagerHouseholdId;
    const ok = await create({ roles: [{ role: 'villager', regionId: mjw, householdId: hh }] });
    expect([ok.status, ok.body.roles[0].role, ok.body.roles[0].householdId]).toEqual([201, 'villager', hh]);
    const elsewhere = await create({ roles: [{ role: 'villager', regionId: gqh, householdId: hh }] });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([400, 'UNKNOWN_HOUSEHOLD']);
    expect((await create({ roles: [{ role: 'villager', regionId: mjw }] })).body.error.code).toBe('VALIDATION_FAILED');
  });

  it('rejects bad input with clear 4xx answers', async () => {
    const cases: [Record<string, unknown>, number, string][] = [
      [{ phone: '12345', roles: [{ role: 'grid_worker', regionId: grid1 }] }, 400, 'VALIDATION_FAILED'],
      [{ password: 'short1', roles: [{ role: 'grid_worker', regionId: grid1 }] }, 400, 'WEAK_PASSWORD'],
      [{ roles: [] }, 400, 'VALIDATION_FAILED'],
      [{ roles: [{ role: 'emperor', regionId: grid1 }] }, 400, 'VALIDATION_FAILED'],
      [{ roles: [{ role: 'village_cadre', regionId: grid1 }] }, 400, 'VALIDATION_FAILED'],
      [{ roles: [{ role: 'grid_worker', regionId: 'nope' }] }, 400, 'UNKNOWN_REGION'],
      [{ roles: [{ role: 'admin', regionId: otherCounty }] }, 400, 'UNKNOWN_REGION'],
    ];
    for (const [body, status, code] of cases) {
      const r = await create(body);
      expect([r.status, r.body.error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(r.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('changing accounts', () => {
  it('hides users of another county and protects users who also hold roles there', async () => {
    const outsider = await insertUser([{ role: 'admin', regionId: otherCounty }]);
    expect((await env.call('GET', `/api/users/${outsider}`, admin)).status).toBe(404);
    expect((await env.call('PATCH', `/api/users/${outsider}`, admin, { active: false })).status).toBe(404);
    expect((await env.call('POST', `/api/users/${outsider}/reset-password`, admin, { password: 'abc12345' })).status).toBe(404);
    expect((await env.call('GET', '/api/users?pageSize=200', admin)).body.items.map((u: any) => u.id)).not.toContain(outsider);

    const both = await insertUser([
      { role: 'village_cadre', regionId: mjw },
      { role: 'admin', regionId: otherCounty },
    ]);
    const seen = await env.call('GET', `/api/users/${both}`, admin);
    expect([seen.status, seen.body.editable]).toEqual([200, false]);
    expect((await env.call('PATCH', `/api/users/${both}`, admin, { name: '改名' })).status).toBe(403);
    expect((await env.call('PUT', `/api/users/${both}/roles`, admin, { roles: [{ role: 'village_cadre', regionId: mjw }] })).status).toBe(403);
  });

  it('deactivation blocks login and kills existing sessions', async () => {
    const made = await create({ roles: [{ role: 'mediator', regionId: mjw }] });
    const token = (await login(made.body.phone, 'abc12345')).body.token;
    expect((await env.call('GET', '/api/me', token)).status).toBe(200);
    const off = await env.call('PATCH', `/api/users/${made.body.id}`, admin, { active: false, name: '已停用' });
    expect([off.status, off.body.active, off.body.name]).toEqual([200, false, '已停用']);
    expect((await env.call('GET', '/api/me', token)).status).toBe(401);
    const again = await login(made.body.phone, 'abc12345');
    expect([again.status, again.body.error.code]).toEqual([401, 'AUTH_FAILED']);
    expect((await env.call('PATCH', `/api/users/${made.body.id}`, admin, { active: true })).body.active).toBe(true);
    expect((await login(made.body.phone, 'abc12345')).status).toBe(200);
  });

  it('an admin can neither deactivate themself nor drop their own admin role', async () => {
    const me = env.seed.users[PHONES.admin];
    expect((await env.call('PATCH', `/api/users/${me}`, admin, { active: false })).status).toBe(400);
    const drop = { roles: [{ role: 'township_leader', regionId: env.seed.townshipId }] };
    expect((await env.call('PUT', `/api/users/${me}/roles`, admin, drop)).status).toBe(400);
    expect((await env.call('GET', '/api/me', admin)).status).toBe(200);
  });

  it('replaces roles', async () => {
    const made = await create({ roles: [{ role: 'grid_worker', regionId: grid1 }] });
    const r = await env.call('PUT', `/api/users/${made.body.id}/roles`, admin, {
      roles: [
        { role: 'village_cadre', regionId: gqh },
        { role: 'party_member', regionId: gqh },
        { role: 'party_member', regionId: gqh },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.roles.map((g: any) => [g.role, g.regionId])).toEqual([
      ['village_cadre', gqh],
      ['party_member', gqh],
    ]);
    const out = await env.call('PUT', `/api/users/${made.body.id}/roles`, admin, { roles: [{ role: 'admin', regionId: otherCounty }] });
    expect([out.status, out.body.error.code]).toEqual([400, 'UNKNOWN_REGION']);
    const signIn = await login(made.body.phone, 'abc12345');
    expect(signIn.body.user.roles.map((g: any) => g.role)).toEqual(['village_cadre', 'party_member']);
  });

  it('resets a password and signs the user out', async () => {
    const made = await create({ roles: [{ role: 'supervisor', regionId: mjw }] });
    const token = (await login(made.body.phone, 'abc12345')).body.token;
    expect((await env.call('POST', `/api/users/${made.body.id}/reset-password`, admin, { password: 'weak' })).body.error.code).toBe('WEAK_PASSWORD');
    const r = await env.call('POST', `/api/users/${made.body.id}/reset-password`, admin, { password: 'newpass2026' });
    expect(r).toEqual({ status: 200, body: { ok: true } });
    expect((await env.call('GET', '/api/me', token)).status).toBe(401);
    expect((await login(made.body.phone, 'abc12345')).status).toBe(401);
    expect((await login(made.body.phone, 'newpass2026')).status).toBe(200);
  });

  it('writes an audit row for every change, never the password', async () => {
    const { id } = (await create({ roles: [{ role: 'mediator', regionId: mjw }] })).body;
    await env.call('PATCH', `/api/users/${id}`, admin, { name: '新名字' });
    await env.call('PUT', `/api/users/${id}/roles`, admin, { roles: [{ role: 'mediator', regionId: env.seed.townshipId }] });
    await env.call('POST', `/api/users/${id}/reset-password`, admin, { password: 'secret2026x' });
    const rows = await env.ctx.db.selectFrom('audit_log').selectAll().where('entity', '=', 'user').where('entity_id', '=', id).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['user.create', 'user.update', 'user.roles', 'user.reset_password']);
    expect(rows.every((r) => r.user_id === env.seed.users[PHONES.admin])).toBe(true);
    expect(rows.map((r) => r.detail ?? '').join()).not.toMatch(/abc12345|secret2026x/);
    expect(JSON.parse(rows[2].detail!).after).toEqual([{ role: 'mediator', regionId: env.seed.townshipId, householdId: null, unit: null }]);
  });
});

describe(`administrators do not manage peers on ${STORE}`, () => {
  it('an admin cannot reset their own password here, nor manage an admin of the same level', async () => {
    const admin = await env.login(PHONES.admin);
    const self = await env.call('POST', `/api/users/${env.seed.users[PHONES.admin]}/reset-password`, admin, { password: 'Another2026' });
    expect(self.status).toBe(400);
    const peer = await env.call('POST', '/api/users', admin, {
      name: '同级管理员',
      phone: '13911112222',
      password: 'Peer2026abc',
      roles: [{ role: 'admin', regionId: env.seed.countyId }],
    });
    expect(peer.status).toBe(400);
    const lower = await env.call('POST', '/api/users', admin, {
      name: '乡管理员',
      phone: '13911113333',
      password: 'Lower2026abc',
      roles: [{ role: 'admin', regionId: env.seed.townshipId }],
    });
    expect(lower.status).toBe(201);
    const lowerToken = (await env.call('POST', '/api/auth/login', null, { phone: '13911113333', password: 'Lower2026abc' })).body.token;
    const other = await env.call('POST', '/api/users', admin, {
      name: '乡管理员二',
      phone: '13911114444',
      password: 'Lower2026abc',
      roles: [{ role: 'admin', regionId: env.seed.townshipId }],
    });
    expect(other.status).toBe(201);
    expect((await env.call('GET', `/api/users/${other.body.id}`, lowerToken)).body).toMatchObject({ editable: false, lockedReason: 'peer' });
    expect((await env.call('GET', `/api/users/${lower.body.id}`, lowerToken)).body.editable).toBe(true);
    const takeover = await env.call('POST', `/api/users/${other.body.id}/reset-password`, lowerToken, { password: 'Takeover2026' });
    expect(takeover.status).toBe(403);
    const demote = await env.call('PUT', `/api/users/${other.body.id}/roles`, lowerToken, { roles: [{ role: 'party_member', regionId: env.seed.townshipId }] });
    expect(demote.status).toBe(403);
    const keepsOwn = await env.call('PUT', `/api/users/${lower.body.id}/roles`, lowerToken, {
      roles: [
        { role: 'admin', regionId: env.seed.townshipId },
        { role: 'mediator', regionId: env.seed.townshipId },
      ],
    });
    expect(keepsOwn.status).toBe(200);
  });
});
