// Rows for the authorization matrix, at three places relative to the demo accounts:
//   A — the villager's own household in 孟家湾村 一组网格 (the demo grid worker's grid);
//   B — another household in another grid of 孟家湾村 (outside the grid worker's grid and the villager's household);
//   C — a household of 圪求河村 (outside everything of 孟家湾村; inside the other cadre's village).
// Rows that a call consumes (an award to approve, a redemption to cancel) are made fresh per call by `fresh`.
import { sql } from 'kysely';
import { PHONES, type TestEnv } from '../harness.js';
import { makeIdNumber } from '../../src/shared/idnumber.js';

export const POSITIONS = ['A', 'B', 'C'] as const;
export type Pos = (typeof POSITIONS)[number];

/** The ten demo roles, in the matrix's column order. */
export const ROLE_COLUMNS = [
  ['admin', PHONES.admin],
  ['leader', PHONES.leader],
  ['staff', PHONES.staff],
  ['cadre', PHONES.cadre],
  ['cadre2', PHONES.otherCadre],
  ['grid', PHONES.grid],
  ['villager', PHONES.villager],
  ['party', PHONES.party],
  ['supervisor', PHONES.supervisor],
  ['mediator', PHONES.mediator],
] as const;
export type RoleKey = (typeof ROLE_COLUMNS)[number][0];

export interface Place {
  grid: string;
  village: string;
  household: string;
  resident: string;
  /** A user whose only role is on this place (grid worker of the grid; the other cadre for C). */
  user: string;
  case: string;
  caseAttachment: string;
  award: string;
  awardEvidence: string;
  rule: string;
  item: string;
  itemPhoto: string;
  redemption: string;
  redemptionCode: string;
  activity: string;
  visit: string;
  visitAttachment: string;
  patrol: string;
}

let serial = 0;
/** A unique suffix for names, phones and ID numbers made during the run. */
export const next = () => ++serial;
/** A fresh idempotency key. */
export const key = () => `matrix-key-${String(next()).padStart(8, '0')}`;

export class Fixtures {
  readonly at = {} as Record<Pos, Place>;
  township!: string;
  consultation!: string;
  checklistCode!: string;
  checklistCodes: string[] = [];
  admin!: string;

  constructor(readonly env: TestEnv) {}

  async call(method: string, url: string, body?: unknown, token = this.admin) {
    const r = await this.env.call(method, url, token, body);
    if (r.status >= 300) throw new Error(`fixture ${method} ${url} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async upload(url: string, token = this.admin) {
    const { multipart, PNG } = await import('../uploads.js');
    const m = multipart([{ name: 'a.png', type: 'image/png', data: PNG }]);
    const res = await this.env.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...m.headers, authorization: `Bearer ${token}` } });
    if (res.statusCode >= 300) throw new Error(`fixture upload ${url} → ${res.statusCode} ${res.body}`);
    const body = res.json();
    return (body.items?.[0]?.id ?? body.id) as string;
  }

  async build() {
    const { env } = this;
    const db = env.ctx.db;
    this.admin = await env.login(PHONES.admin);
    this.township = env.seed.townshipId;
    const gridKeys = Object.keys(env.seed.gridIds);
    const gridOf: Record<Pos, string> = {
      A: env.seed.gridIds['孟家湾村/一组'],
      B: env.seed.gridIds[gridKeys.find((k) => k.startsWith('孟家湾村/') && k !== '孟家湾村/一组')!],
      C: env.seed.gridIds[gridKeys.find((k) => k.startsWith('圪求河村/'))!],
    };
    const checklist = await this.call('GET', '/api/patrols/checklist');
    this.checklistCodes = checklist.items.map((i: { code: string }) => i.code);
    this.checklistCode = this.checklistCodes[0];
    for (const pos of POSITIONS) {
      const grid = gridOf[pos];
      const village = pos === 'C' ? env.seed.villageIds.圪求河村 : env.seed.villageIds.孟家湾村;
      const household =
        pos === 'A'
          ? env.seed.villagerHouseholdId
          : (await db.selectFrom('households').select('id').where('region_id', '=', grid).orderBy('id').executeTakeFirstOrThrow()).id;
      const resident = (await db.selectFrom('residents').select('id').where('household_id', '=', household).orderBy('id').executeTakeFirstOrThrow()).id;
      const user = pos === 'A' ? env.seed.users[PHONES.grid] : pos === 'C' ? env.seed.users[PHONES.otherCadre] : await this.newUser(grid);
      const c = await this.newCase(pos, { grid, household });
      const caseAttachment = await this.upload(`/api/cases/${c}/attachments`);
      const rule = (
        await this.call('POST', '/api/points/rules', {
          regionId: village,
          code: `MXR${next()}`,
          name: '参加志愿服务活动',
          category: '志愿服务',
          value: 5,
          proposers: ['cadre', 'grid', 'villager'],
        })
      ).id;
      const award = (await this.call('POST', '/api/points/awards', { householdId: household, ruleId: rule, note: '矩阵测试' })).id;
      const awardEvidence = await this.upload(`/api/points/awards/${award}/evidence`);
      const item = (await this.call('POST', '/api/store/items', { regionId: village, name: `矩阵商品${next()}`, cost: 1, stock: 1000 })).id;
      const itemPhoto = await this.upload(`/api/store/items/${item}/photo`);
      this.at[pos] = {
        grid,
        village,
        household,
        resident,
        user,
        case: c,
        caseAttachment,
        award,
        awardEvidence,
        rule,
        item,
        itemPhoto,
        redemption: '',
        redemptionCode: '',
        activity: '',
        visit: '',
        visitAttachment: '',
        patrol: '',
      };
      const red = await this.newRedemption(pos);
      this.at[pos].redemption = red.id;
      this.at[pos].redemptionCode = red.code;
      this.at[pos].activity = await this.newActivity(pos);
      this.at[pos].visit = await this.newVisit(pos);
      this.at[pos].visitAttachment = await this.upload(`/api/visits/${this.at[pos].visit}/attachments`);
      this.at[pos].patrol = await this.newPatrol(pos, true);
    }
    const cons = await env.call('POST', '/api/consultations', this.admin, { regionId: this.township });
    this.consultation = cons.status < 300 ? cons.body.id : (await this.call('GET', `/api/consultations?regionId=${this.township}`)).items[0].id;
    void sql;
  }

  async newCase(pos: Pos, where?: { grid: string; household: string }) {
    const p = where ?? this.at[pos];
    return (
      await this.call('POST', '/api/cases', {
        type: 'incident',
        category: 'env_dirty',
        title: `矩阵事件${next()}`,
        description: '授权矩阵测试用事件',
        regionId: p.grid,
        householdId: p.household,
      })
    ).id as string;
  }

  async newAward(pos: Pos, approved = false) {
    const p = this.at[pos];
    const id = (await this.call('POST', '/api/points/awards', { householdId: p.household, ruleId: p.rule, note: '矩阵测试' })).id as string;
    if (approved) await this.call('POST', `/api/points/awards/${id}/approve`, {});
    return id;
  }

  async newRedemption(pos: Pos) {
    const p = this.at[pos];
    await this.call('POST', '/api/points/corrections', { householdId: p.household, delta: 5, reason: '授权矩阵测试', idempotencyKey: key() });
    const r = await this.call('POST', '/api/store/redemptions', { householdId: p.household, itemId: p.item, quantity: 1, idempotencyKey: key() });
    return { id: r.id as string, code: r.code as string };
  }

  async newActivity(pos: Pos) {
    return (
      await this.call('POST', '/api/volunteer/activities', {
        regionId: this.at[pos].village,
        title: `矩阵志愿活动${next()}`,
        startsAt: '2026-11-28T01:00:00.000Z',
        hours: 2,
      })
    ).id as string;
  }

  async newSignup(pos: Pos) {
    const activity = await this.newActivity(pos);
    const s = await this.call('POST', `/api/volunteer/activities/${activity}/signups`, { residentId: this.at[pos].resident });
    return { activity, signup: s.signupId as string };
  }

  async newVisit(pos: Pos) {
    return (await this.call('POST', '/api/visits', { householdId: this.at[pos].household, situation: '授权矩阵测试走访', idempotencyKey: key() })).id as string;
  }

  async newPatrol(pos: Pos, problem = false) {
    const results = this.patrolResults(problem);
    return (await this.call('POST', '/api/patrols', { kind: 'daily', regionId: this.at[pos].grid, results, idempotencyKey: key() })).id as string;
  }

  /** Every checklist item answered; the first one a problem when asked. */
  patrolResults(problem = false) {
    return this.checklistCodes.map((code, i) => (problem && i === 0 ? { code, ok: false, note: '发现问题' } : { code, ok: true }));
  }

  /** A grid worker of the place's grid (or of the grid given), made for a call that changes the account. */
  async newUser(pos: Pos | string) {
    const n = next();
    const grid = pos.length === 1 ? this.at[pos as Pos].grid : pos;
    return (
      await this.call('POST', '/api/users', {
        name: `矩阵用户${n}`,
        phone: `137${String(10_000_000 + n).slice(-8)}`,
        password: 'matrix-pass-123',
        roles: [{ role: 'grid_worker', regionId: grid }],
      })
    ).id as string;
  }

  async newLimit() {
    return (
      await this.call('PUT', '/api/case-limits', {
        category: 'env_dirty',
        level: 'township',
        priority: 'difficult',
        acceptYellow: 2,
        acceptRed: 5,
        resolveYellow: 5,
        resolveRed: 10,
      })
    ).id as string;
  }

  /** A resident body with a valid, unused ID number. */
  resident(householdId: string) {
    const n = next();
    return {
      householdId,
      name: `矩阵居民${n}`,
      idNumber: makeIdNumber('610802', `1980-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`, 100 + n, 'male'),
      gender: 'male',
      relation: '其他',
    };
  }
}
