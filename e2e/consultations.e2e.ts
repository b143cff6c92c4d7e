// Journey: the township leader holds the weekly 会商 — the agenda is generated from the open red-card and
// escalated demo cases; a decision is recorded and appears on the case's timeline; the meeting is closed.
import { expect, test } from 'vitest';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, unexpected } from './support/api';

const { server, browser } = useJourney();

test('the township leader holds the weekly review and records a decision on a case', async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000001');
  await page.getByRole('menuitem', { name: '周会商' }).click();
  await page.getByRole('heading', { name: '周会商' }).waitFor();
  await page.getByText('还没有会商').waitFor();

  await page.getByRole('button', { name: '召开本周会商' }).first().click();
  const dialog = page.getByRole('dialog', { name: '召开本周会商' });
  await dialog.getByLabel('参会人员').fill('乡党委书记、乡长、综治中心、司法所、派出所');
  await dialog.getByRole('button', { name: '生成议程' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('孟家湾乡第').first().waitFor();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.first().waitFor();
  const n = await rows.count();
  expect(n).toBeGreaterThan(0);
  await shot(page, 'consultations', '01-agenda');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The agenda is what the API says: open cases with a red card or escalated.
  const token = await apiLogin(server().baseURL, '13800000001');
  const list = await apiGet<{ items: { id: string }[] }>(server().baseURL, token, '/api/consultations');
  const meeting = await apiGet<{ agenda: { caseId: string; title: string; card: string | null; escalations: number; status: string }[] }>(
    server().baseURL,
    token,
    `/api/consultations/${list.items[0].id}`,
  );
  expect(meeting.agenda).toHaveLength(n);
  expect(meeting.agenda.every((a) => (a.card === 'red' || a.escalations > 0) && ['reported', 'accepted', 'dispatched', 'in_progress'].includes(a.status))).toBe(
    true,
  );

  const first = meeting.agenda[0];
  await page.getByRole('button', { name: `记录决定 ${first.title}` }).click();
  const decide = page.getByRole('dialog', { name: /记录决定：/ });
  await decide.getByLabel('会商决定').fill('由综治中心牵头，本周五前办结，乡长督办。');
  await shot(page, 'consultations', '02-decision');
  await decide.getByRole('button', { name: /保\s*存/ }).click();
  await decide.waitFor({ state: 'hidden' });
  await page.getByText('会商决定已记录，并写入事件办理过程').waitFor();
  await page.getByText('由综治中心牵头，本周五前办结，乡长督办。').waitFor();
  await page.getByText(`已议 1 / ${n} 件`).first().waitFor();

  // The decision is on the case's timeline.
  await page.getByRole('link', { name: first.title }).click();
  await page.getByText('会商决定').first().waitFor();
  await page.getByText('由综治中心牵头，本周五前办结，乡长督办。').waitFor();
  await shot(page, 'consultations', '03-case-timeline');
  await page.goBack();

  await page.getByRole('button', { name: '结束会商' }).click();
  await page.getByRole('button', { name: '结束会商' }).last().click();
  await page.getByText('会商已结束').first().waitFor();
  await page.getByText('未议（下周继续）').first().waitFor();
  await shot(page, 'consultations', '04-closed');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
