// Journey: the administrator sees that 2027's work calendar is missing, pastes the holiday notice,
// confirms the days read from it, saves, and an open case's due date moves past 元旦.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';

const { server, browser } = useJourney();

// ASSUMED 2027 arrangement (the State Council's 2027 notice was not known when this was written):
// 元旦 Fri 01-01..Sun 01-03; 春节 Fri 02-05 (除夕)..Sat 02-13, Sun 02-14 and Sat 02-20 worked.
const NOTICE_2027 = `经国务院批准，现将2027年元旦、春节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月14日（周日）、2月20日（周六）上班。`;

type Case = { id: string; dueAt: string; dueProvisional: boolean; history: { action: string; note: string | null }[] };

const dueText = (page: Page) => page.locator('.ant-descriptions-item').filter({ hasText: '办结时限' }).first();

test('admin enters the 2027 work calendar from the notice; a case due in January moves', async () => {
  const base = server().baseURL;
  // The server said so at start-up (its clock: 2026-11-27).
  for (let i = 0; i < 50 && !server().output().includes('2027年工作日历尚未录入'); i++) await new Promise((r) => setTimeout(r, 100));
  expect(server().output()).toContain('2027年工作日历尚未录入，期限暂按周一至周五计算');
  // Set-up: a 疑难 case accepted on Friday 2026-11-27 10:00 has 30 working days to resolve, into January 2027.
  const [grid, cadre] = [await apiLogin(base, '13800000003'), await apiLogin(base, '13800000002')];
  const me = await apiGet<{ roles: { role: string; regionId: string }[] }>(base, grid, '/api/me');
  const reported = await apiPost<Case>(base, grid, '/api/cases', {
    type: 'incident',
    category: 'env_dirty',
    title: '村道边坡垃圾长期堆积',
    description: '村道边坡垃圾长期堆积，需协调清运车辆。',
    priority: 'difficult',
    regionId: me.roles.find((r) => r.role === 'grid_worker')!.regionId,
  });
  const accepted = await apiPost<Case>(base, cadre, `/api/cases/${reported.id}/transitions`, { action: 'accept', note: '已受理' });
  // 2027-01-01 counted as a working Friday (the server's clock runs on from 10:00, so minutes may pass).
  expect(accepted.dueAt.slice(0, 15)).toBe('2027-01-08T02:0');
  expect(accepted.dueProvisional).toBe(true);

  const ctx = await newContext(browser(), base);
  const page = await newPage(ctx);
  await signIn(page, '13800000000');
  await page.goto(`/cases/${reported.id}`);
  await dueText(page).getByText('暂按周一至周五计算').waitFor();
  expect(await dueText(page).textContent()).toContain('2027年1月8日 10:0');
  await shot(page, 'calendar', '01-case-provisional');

  // The banner leads to the page, on the missing year.
  const banner = page.getByRole('status').filter({ hasText: '2027年工作日历尚未录入，期限暂按周一至周五计算' });
  await banner.waitFor();
  await banner.getByRole('link', { name: '去录入' }).click();
  await page.getByRole('heading', { name: '工作日历' }).waitFor();
  await page.getByText('尚未录入，暂按周一至周五计算').waitFor();
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'calendar', '02-provisional-1366');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '粘贴国务院通知' }).click();
  const dialog = page.getByRole('dialog', { name: '粘贴2027年节假日安排通知' });
  await dialog.getByLabel('通知正文').fill(NOTICE_2027);
  await dialog.getByRole('button', { name: /识\s*别/ }).click();
  await dialog.getByText('共识别放假 12 天、调休上班 2 天').waitFor();
  const spring = dialog.getByRole('row').filter({ hasText: '春节' });
  expect((await spring.textContent())?.replace(/\s+/g, '')).toBe('春节2月5日至13日9天2月14日、2月20日');
  await shot(page, 'calendar', '03-notice-read');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: '确认，填入日历' }).click();
  await dialog.waitFor({ state: 'hidden' });

  // What was read is on the grid, marked as not saved yet; a day can be switched on and off by hand.
  const day = (d: string) => page.locator(`button[data-date="${d}"]`);
  expect(await day('2027-02-05').getAttribute('data-kind')).toBe('holiday');
  expect(await day('2027-02-20').getAttribute('data-kind')).toBe('workday');
  expect(await day('2027-02-15').getAttribute('data-kind')).toBe('normal');
  await day('2027-02-15').click();
  expect(await day('2027-02-15').getAttribute('data-kind')).toBe('holiday');
  await day('2027-02-15').click();
  expect(await day('2027-02-15').getAttribute('data-kind')).toBe('normal');
  await page.getByText('有未保存的修改：放假 12 天，调休上班 2 天').waitFor();
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'calendar', '04-draft-1440');

  await page.getByRole('button', { name: '保存2027年工作日历' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '保存2027年工作日历？' })
    .getByRole('button', { name: /保\s*存/ })
    .click();
  await page.getByText(/已保存。\d+ 件办理中事件的期限已按新日历重新计算/).waitFor();
  await page.getByText('已录入', { exact: true }).waitFor();
  await banner.waitFor({ state: 'detached' });
  await shot(page, 'calendar', '05-saved-1440');
  await page.setViewportSize({ width: 1366, height: 768 });
  await shot(page, 'calendar', '06-saved-1366');

  // The case's due date moved past 元旦, with a note on its timeline.
  await page.goto(`/cases/${reported.id}`);
  await page.getByText(/工作日历调整：办理期限由2027年1月8日 10:0\d改为2027年1月11日 10:0\d/).waitFor();
  expect(await dueText(page).textContent()).toContain('2027年1月11日 10:0');
  expect(await dueText(page).textContent()).not.toContain('暂按周一至周五计算');
  await shot(page, 'calendar', '07-case-moved');
  const after = await apiGet<Case>(base, cadre, `/api/cases/${reported.id}`);
  expect(after.dueAt.slice(0, 15)).toBe('2027-01-11T02:0');
  expect(after.dueProvisional).toBe(false);
  expect(after.history.at(-1)).toMatchObject({ action: 'calendar' });
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
