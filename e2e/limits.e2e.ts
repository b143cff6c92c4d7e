// Journey: the administrator sets a category's own time limits for cases at the township (层级时限), then removes them.
import { expect, test } from 'vitest';
import { newContext, newPage, pickOption, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, unexpected } from './support/api';

const { server, browser } = useJourney();

test('admin adds a time-limit rule for cases at the township', async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000000');
  await page.goto(`${server().baseURL}/cases/categories`);
  await page.getByRole('heading', { name: '事件类别设置' }).waitFor();
  await page.getByRole('tab', { name: '层级时限' }).click();
  await page.getByText('默认时限（未设置规则时，单位：工作日）').waitFor();
  await page.getByText('尚未设置规则，全部事件按默认时限计时').waitFor();

  await page.getByRole('button', { name: '新增规则' }).click();
  const dialog = page.getByRole('dialog', { name: '新增规则' });
  // A long list: type to narrow it, as an administrator would.
  await dialog.getByLabel('适用类别').click();
  await dialog.getByLabel('适用类别').fill('洪涝');
  await pickOption(page, dialog.getByLabel('适用类别'), '洪涝灾害险情');
  await pickOption(page, dialog.getByLabel('责任层级'), '乡镇');
  await dialog.getByLabel('受理黄牌时限').fill('1');
  await dialog.getByLabel('受理红牌时限').fill('2');
  // Yellow after red is refused before anything is sent.
  await dialog.getByLabel('办结黄牌时限').fill('6');
  await dialog.getByLabel('办结红牌时限').fill('4');
  await dialog.getByText('黄牌时限不能晚于红牌时限').waitFor();
  await shot(page, 'limits', '01-rule-form');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByLabel('办结红牌时限').fill('8');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText('时限规则已保存').waitFor();
  const row = page.getByRole('row').filter({ hasText: '洪涝灾害险情' });
  await row.waitFor();
  expect((await row.textContent())?.replace(/\s+/g, '')).toContain('洪涝灾害险情乡镇一般1268');
  await shot(page, 'limits', '02-rules');
  expect(await seriousA11yViolations(page)).toEqual([]);

  const token = await apiLogin(server().baseURL, '13800000000');
  const rules = await apiGet<{ items: { category: string; level: string; acceptRed: number; resolveRed: number }[] }>(
    server().baseURL,
    token,
    '/api/case-limits',
  );
  expect(rules.items).toEqual([expect.objectContaining({ category: 'flood_danger', level: 'township', acceptRed: 2, resolveRed: 8 })]);

  // Deleting it returns to the defaults.
  await row.getByRole('button', { name: '删除' }).click();
  await page
    .getByRole('button', { name: /删\s*除/ })
    .last()
    .click();
  await page.getByText('尚未设置规则，全部事件按默认时限计时').waitFor();
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
