// Within a sweep, one row that fails (here: its notice cannot be stored) is
// logged and retried next time; the other rows of that sweep still go through.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

/** Notices of this kind about this row throw while set. */
const failFor = vi.hoisted(() => ({ kind: null as null | RegExp, entityId: '' }));
vi.mock('../src/modules/notifications/service.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../src/modules/notifications/service.js')>();
  return {
    ...orig,
    notify: async (...args: Parameters<typeof orig.notify>) => {
      if (failFor.kind?.test(args[3].kind) && args[3].entityId === failFor.entityId) throw new Error('notice store failed');
      return orig.notify(...args);
    },
  };
});
const { sweepCases } = await import('../src/modules/cases/sweep.js');
const { takeEffect } = await import('../src/modules/points/service.js');

let env: TestEnv;
const caseIds: string[] = [];
const awardIds: string[] = [];
beforeAll(async () => {
  env = await startTestApp();
  const grid = await env.login(PHONES.grid);
  for (const title of ['一号', '二号', '三号']) {
    const r = await env.call('POST', '/api/cases', grid, {
      type: 'incident',
      category: 'env_dirty',
      title: `逾期事件${title}`,
      description: 'x',
      regionId: env.seed.gridIds['孟家湾村/一组'],
    });
    expect(r.status).toBe(201);
    caseIds.push(r.body.id);
  }
  const leader = await env.login(PHONES.leader);
  const rule = (
    await env.call('POST', '/api/points/rules', leader, {
      regionId: env.seed.townshipId,
      code: 'SW01',
      name: '打扫村道',
      category: '志愿服务',
      value: 3,
      needsApproval: false,
    })
  ).body;
  const path = (await env.ctx.db.selectFrom('regions').select('path').where('id', '=', env.seed.gridIds['孟家湾村/一组']).executeTakeFirstOrThrow()).path;
  const households = await env.ctx.db.selectFrom('households').select('id').where('region_path', 'like', `${path}%`).orderBy('id').limit(3).execute();
  for (const h of households) {
    const a = await env.call('POST', '/api/points/awards', grid, { householdId: h.id, ruleId: rule.id });
    expect(a.body.status).toBe('publicized');
    awardIds.push(a.body.id);
  }
  env.clock.advance(10 * 86_400_000); // past every case's limits and every award's 公示
});
afterAll(async () => {
  await env?.close();
});

const carded = async () => (await env.ctx.db.selectFrom('cases').select('id').where('id', 'in', caseIds).where('card', 'is not', null).execute()).length;
const effective = async () =>
  (await env.ctx.db.selectFrom('point_awards').select('id').where('id', 'in', awardIds).where('status', '=', 'effective').execute()).length;

describe(`one failing row in a sweep on ${STORE}`, () => {
  it('the case sweep cards the other cases, and the failed one next time', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      Object.assign(failFor, { kind: /^card_/, entityId: caseIds[0] });
      await sweepCases(env.ctx);
      expect(await carded()).toBe(caseIds.length - 1);
      expect(errors).toHaveBeenCalled();
    } finally {
      failFor.kind = null;
      errors.mockRestore();
    }
    await sweepCases(env.ctx);
    expect(await carded()).toBe(caseIds.length);
  });

  it('awards take effect for the other households, and the failed one next time', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      Object.assign(failFor, { kind: /^points$/, entityId: awardIds[0] });
      await takeEffect(env.ctx);
      expect(await effective()).toBe(awardIds.length - 1);
      expect(errors).toHaveBeenCalled();
    } finally {
      failFor.kind = null;
      errors.mockRestore();
    }
    await takeEffect(env.ctx);
    expect(await effective()).toBe(awardIds.length);
  });
});
