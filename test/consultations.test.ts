import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepCases } from '../src/modules/cases/sweep.js';
import { startTestApp, PHONES, STORE, type TestEnv } from './harness.js';

let env: TestEnv;
const gridId = () => env.seed.gridIds['孟家湾村/一组'];
const report = async (title: string) =>
  (
    await env.call('POST', '/api/cases', await env.login(PHONES.grid, true), {
      type: 'incident',
      category: 'facility_damage',
      title,
      description: `${title}，需要处理。`,
      regionId: gridId(),
    })
  ).body.id as string;

beforeAll(async () => {
  env = await startTestApp({ now: new Date('2026-11-02T02:00:00Z') });
}); // Monday 10:00
afterAll(async () => {
  await env?.close();
});

describe(`the weekly 会商 on ${STORE}`, () => {
  let escalated: string, red: string, quiet: string, meeting: string;

  it('its agenda holds the open red-card and escalated cases of the township', async () => {
    const cadre = await env.login(PHONES.cadre);
    escalated = await report('水渠塌方村里无力修复');
    red = await report('村道路面塌陷');
    quiet = await report('路灯不亮');
    await env.call('POST', `/api/cases/${quiet}/transitions`, cadre, { action: 'accept' });
    env.clock.advance(4 * 86_400_000); // Friday: the unaccepted one is past its 2-day yellow
    await env.call('POST', `/api/cases/${escalated}/transitions`, cadre, { action: 'accept' });
    expect((await env.call('POST', `/api/cases/${escalated}/transitions`, cadre, { action: 'escalate', note: '需乡里协调资金' })).body.levelRegionId).toBe(
      env.seed.townshipId,
    );
    env.clock.advance(3 * 86_400_000 + 3_600_000); // Monday 11/9 11:00: 5 working days, red, climbs to the township
    await sweepCases(env.ctx);
    const leader = await env.login(PHONES.leader, true);
    expect((await env.call('POST', '/api/consultations', await env.login(PHONES.cadre, true), {})).status).toBe(403);
    const opened = await env.call('POST', '/api/consultations', leader, { attendees: '乡党委书记、综治中心、司法所、派出所' });
    expect(opened.status).toBe(200);
    meeting = opened.body.id;
    expect(opened.body).toMatchObject({ weekKey: '2026-W46', heldOn: '2026-11-09', status: 'open', title: '孟家湾乡第46周网格化会商' });
    const ids = opened.body.agenda.map((a: any) => a.caseId);
    expect(ids).toEqual(expect.arrayContaining([escalated, red]));
    expect(ids).not.toContain(quiet);
    expect(opened.body.agenda.find((a: any) => a.caseId === red)).toMatchObject({ card: 'red', escalations: 1, decision: null });
    // Opening it again this week returns the same meeting.
    expect((await env.call('POST', '/api/consultations', leader, {})).body.id).toBe(meeting);
  });

  it("records a decision per case on the case's own timeline, once; closed, it takes no more", async () => {
    const leader = await env.login(PHONES.leader);
    const decided = await env.call('POST', `/api/consultations/${meeting}/decisions`, leader, {
      caseId: escalated,
      decision: '由乡水利站牵头，本周内完成水渠抢修，资金从应急经费列支。',
    });
    expect(decided.body.error).toBeUndefined();
    expect(decided.body.agenda.find((a: any) => a.caseId === escalated).decision).toMatchObject({
      text: '由乡水利站牵头，本周内完成水渠抢修，资金从应急经费列支。',
      by: '李志刚',
    });
    const timeline = (await env.call('GET', `/api/cases/${escalated}`, await env.login(PHONES.cadre, true))).body.history;
    expect(timeline.at(-1)).toMatchObject({
      action: 'consult',
      note: '由乡水利站牵头，本周内完成水渠抢修，资金从应急经费列支。',
      data: { consultationId: meeting },
    });
    expect((await env.call('POST', `/api/consultations/${meeting}/decisions`, leader, { caseId: escalated, decision: '再议' })).body.error.code).toBe(
      'CONFLICT',
    );
    expect((await env.call('POST', `/api/consultations/${meeting}/decisions`, leader, { caseId: quiet, decision: '议程外' })).body.error.code).toBe(
      'VALIDATION_FAILED',
    );
    expect((await env.call('POST', `/api/consultations/${meeting}/decisions`, leader, { caseId: red, decision: '  ' })).status).toBe(400);
    expect((await env.call('POST', `/api/consultations/${meeting}/close`, leader)).body.status).toBe('closed');
    expect((await env.call('POST', `/api/consultations/${meeting}/decisions`, leader, { caseId: red, decision: '晚了' })).body.error.code).toBe(
      'INVALID_TRANSITION',
    );
    const list = (await env.call('GET', '/api/consultations', leader)).body;
    expect(list.items[0]).toMatchObject({ id: meeting, status: 'closed', decided: 1 });
    expect(list.items[0].cases).toBeGreaterThanOrEqual(2);
    // Another village's cadre does not see the township's meeting.
    expect((await env.call('GET', `/api/consultations/${meeting}`, await env.login(PHONES.otherCadre, true))).status).toBe(404);
  });

  it("next week's agenda still holds what was not settled", async () => {
    env.clock.advance(7 * 86_400_000);
    const next = await env.call('POST', '/api/consultations', await env.login(PHONES.leader, true), {});
    expect(next.body.id).not.toBe(meeting);
    expect(next.body.agenda.map((a: any) => a.caseId)).toEqual(expect.arrayContaining([escalated, red]));
  });
});
