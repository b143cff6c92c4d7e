// The work calendar the office keeps (工作日历): reading and entering a year, and
// the open cases' time limits moving when a year is entered.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSweeps } from '../src/server/sweeps.js';
import { workCalendar } from '../src/core/work-calendar.js';
import { dateRange } from '../src/shared/work-calendar.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

const require = createRequire(import.meta.url);
const shipped = (y: number) => {
  const data = JSON.parse(readFileSync(require.resolve(`chinese-days/dist/years/${y}.json`), 'utf8')) as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  return { holidays: Object.keys(data.holidays).sort(), workdays: Object.keys(data.workdays).sort() };
};

// ASSUMED 2027 arrangement (the State Council's 2027 notice was not known when this was written):
// 元旦 Fri 01-01..Sun 01-03; 春节 (除夕 Fri 02-05, 初一 Sat 02-06) Fri 02-05..Sat 02-13 off, 9 days;
// Sun 02-14 and Sat 02-20 worked.
const Y2027 = {
  holidays: [...dateRange('2027-01-01', '2027-01-03'), ...dateRange('2027-02-05', '2027-02-13')],
  workdays: ['2027-02-14', '2027-02-20'],
  names: { '2027-01-01': '元旦', '2027-02-05': '春节', '2027-02-14': '春节' },
};
const sh = (s: string) => new Date(`${s.replace(' ', 'T')}:00+08:00`).toISOString();

let env: TestEnv;
let admin: string, cadre: string, leader: string, grid: string;

beforeAll(async () => {
  env = await startTestApp({ now: new Date(sh('2027-02-03 10:00')) }); // Wednesday, two days before the 2027 Spring Festival holiday
  [admin, cadre, leader, grid] = await Promise.all([PHONES.admin, PHONES.cadre, PHONES.leader, PHONES.grid].map((p) => env.login(p)));
});
afterAll(async () => {
  await env?.close();
});

const to = async (iso: string) => {
  env.clock.advance(new Date(iso).getTime() - env.clock.now().getTime());
  await runSweeps(env.ctx);
  cadre = await env.login(PHONES.cadre, true); // sessions expire while the clock runs on
};

describe(`work calendar on ${STORE}`, () => {
  it('a year chinese-days knows is official with its data; 2027 is provisional; any signed-in user may read', async () => {
    const y26 = await env.call('GET', '/api/workdays/2026', grid);
    expect(y26.status).toBe(200);
    expect(y26.body).toMatchObject({ year: 2026, source: 'official', origin: 'chinese-days', ...shipped(2026) });
    expect(y26.body.names['2026-02-15']).toBe('春节');
    const y27 = await env.call('GET', '/api/workdays/2027', await env.login(PHONES.villager));
    expect(y27.body).toEqual({ year: 2027, source: 'provisional', origin: null, holidays: [], workdays: [], names: {}, updatedAt: null });
    expect((await env.call('GET', '/api/workdays/2027', null)).status).toBe(401);
    expect((await env.call('GET', '/api/workdays', cadre)).body.provisional).toEqual([2027, 2028]);
    const health = await env.call('GET', '/api/health');
    expect(health.body).toEqual({ ok: true, db: STORE, calendar: { provisional: [2027, 2028] } });
  });

  it('only an administrator enters a year', async () => {
    for (const t of [cadre, leader, grid]) {
      const r = await env.call('PUT', '/api/workdays/2027', t, Y2027);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('FORBIDDEN');
    }
    expect((await env.call('PUT', '/api/workdays/2027', null, Y2027)).status).toBe(401);
  });

  it('refuses dates that are not real days of that year, a day both off and worked, and a weekday 调休', async () => {
    const bad = async (year: string, body: unknown) => (await env.call('PUT', `/api/workdays/${year}`, admin, body)).body.error;
    for (const d of ['2027-02-30', '2026-12-31', '2027-2-5', 'abc', '2027-13-01']) {
      const e = await bad('2027', { holidays: [d], workdays: [] });
      expect(e.code, d).toBe('VALIDATION_FAILED');
      expect(e.message).toMatch(/不是2027年的有效日期/);
    }
    expect((await bad('2027', { holidays: ['2027-02-14'], workdays: ['2027-02-14'] })).code).toBe('HOLIDAY_IS_WORKDAY');
    const weekday = await bad('2027', { holidays: [], workdays: ['2027-02-10'] });
    expect(weekday.code).toBe('WORKDAY_NOT_WEEKEND');
    expect(weekday.message).toContain('2月10日（周三）');
    expect((await bad('1800', { holidays: [], workdays: [] })).code).toBe('VALIDATION_FAILED');
    expect((await bad('27', { holidays: [], workdays: [] })).code).toBe('VALIDATION_FAILED');
    expect((await bad('2027', { holidays: '2027-02-05' })).code).toBe('VALIDATION_FAILED');
    expect((await env.call('GET', '/api/workdays/2027', admin)).body.source).toBe('provisional'); // nothing was saved
  });

  let caseId: string;
  it('a case reported before the holiday counts Monday–Friday while 2027 is provisional, and says so', async () => {
    const r = await env.call('POST', '/api/cases', grid, {
      type: 'incident',
      category: 'env_dirty',
      title: '村口垃圾堆积',
      description: '村口路边垃圾三天未清运，气味很大。',
      regionId: env.seed.gridIds['孟家湾村/一组'],
    });
    expect(r.status).toBe(201);
    caseId = r.body.id;
    expect(r.body).toMatchObject({ yellowAt: sh('2027-02-05 10:00'), dueAt: sh('2027-02-10 10:00'), dueProvisional: true });
    // Friday: the first day of the (not yet entered) holiday, and the yellow card comes silently.
    await to(sh('2027-02-05 10:30'));
    expect((await env.call('GET', `/api/cases/${caseId}`, cadre)).body.card).toBe('yellow');
  });

  it('entering 2027 moves the case past the holiday in the same save, with a note, and withdraws the yellow card', async () => {
    const r = await env.call('PUT', '/api/workdays/2027', admin, Y2027);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ year: 2027, source: 'official', origin: 'entered', holidays: Y2027.holidays, workdays: Y2027.workdays, casesRecomputed: 1 });
    expect(r.body.names['2027-02-05']).toBe('春节');
    expect((await env.call('GET', '/api/workdays/2027', grid)).body).toMatchObject({ source: 'official', holidays: Y2027.holidays });
    const c = (await env.call('GET', `/api/cases/${caseId}`, cadre)).body;
    // Wed 02-03 10:00 + 2 working days: Thu 02-04, Sun 02-14 (调休); + 5: Mon 02-15, Tue 02-16, Wed 02-17.
    expect(c).toMatchObject({ yellowAt: sh('2027-02-14 10:00'), dueAt: sh('2027-02-17 10:00'), dueProvisional: false, card: null });
    expect(c.history.at(-1)).toMatchObject({ action: 'calendar', note: '工作日历调整：办理期限由2027年2月10日 10:00改为2027年2月17日 10:00，黄牌撤销' });
    const audits = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['work_calendar.set', 'case.calendar'])
      .execute();
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: 'work_calendar.set', entity_id: '2027' },
        { action: 'case.calendar', entity_id: caseId },
      ]),
    );
    expect((await env.call('GET', '/api/health')).body.calendar).toEqual({ provisional: [2028] });
    // Saving the same days again moves nothing.
    expect((await env.call('PUT', '/api/workdays/2027', admin, Y2027)).body.casesRecomputed).toBe(0);
  });

  it('the cards come after the holiday, and the case climbs only then', async () => {
    await to(sh('2027-02-13 18:00'));
    expect((await env.call('GET', `/api/cases/${caseId}`, cadre)).body).toMatchObject({ card: null, levelRegionId: env.seed.villageIds.孟家湾村 });
    await to(sh('2027-02-14 10:01'));
    expect((await env.call('GET', `/api/cases/${caseId}`, cadre)).body.card).toBe('yellow');
    await to(sh('2027-02-17 09:59'));
    expect((await env.call('GET', `/api/cases/${caseId}`, cadre)).body.card).toBe('yellow');
    await to(sh('2027-02-17 10:01'));
    const c = (await env.call('GET', `/api/cases/${caseId}`, cadre)).body;
    expect(c.card).toBe('red');
    expect(c.escalations).toBe(1);
  });

  it('two years saved at once are both kept, in the table and in memory', async () => {
    [admin, grid] = [await env.login(PHONES.admin, true), await env.login(PHONES.grid, true)]; // the clock ran on past their sessions
    const year = (y: number) => ({ holidays: [`${y}-01-01`], workdays: [] });
    const [a, b] = await Promise.all([env.call('PUT', '/api/workdays/2028', admin, year(2028)), env.call('PUT', '/api/workdays/2029', admin, year(2029))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    for (const y of [2027, 2028, 2029]) {
      expect((await env.call('GET', `/api/workdays/${y}`, grid)).body.source, String(y)).toBe('official');
      expect(workCalendar(env.ctx).isOfficial(y), String(y)).toBe(true);
    }
    expect(workCalendar(env.ctx).isWorkingDay('2029-01-01')).toBe(false);
  });

  it('each store keeps its own calendar', async () => {
    const other = await startTestApp({ now: new Date(sh('2027-02-03 10:00')) });
    try {
      expect(workCalendar(env.ctx).isOfficial(2027)).toBe(true);
      expect(workCalendar(other.ctx).isOfficial(2027)).toBe(false);
      expect((await other.call('GET', '/api/workdays/2027', await other.login(PHONES.admin))).body.source).toBe('provisional');
    } finally {
      await other.close();
    }
  });
});
