// The console menu is built from the caller's abilities (GET /api/me): a grid worker sees
// the pages of their work only, a village cadre still the whole 积分超市 group.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { unexpected } from './support/api';

const { server, browser } = useJourney();

const menu = (page: Page) => page.getByRole('navigation');
const groups = (page: Page) => menu(page).locator('.ant-menu-submenu-title').allTextContents();
const items = (page: Page) => menu(page).locator('li.ant-menu-item').allTextContents();

test("the grid worker's menu shows only the pages their work needs", async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, '13800000003');
  await page.getByRole('columnheader', { name: '住址' }).waitFor();
  await menu(page).getByText('户积分台账').waitFor();

  expect(await groups(page)).toEqual(['网格与户籍', '事件办理', '走访巡查', '积分超市', '系统设置']);
  expect(await items(page)).toEqual(['户籍档案', '区域网格', '事件列表', '上报事件', '走访计划', '走访记录', '巡查记录', '积分审核', '户积分台账', '修改密码']);
  for (const hidden of ['超市商品', '兑换核销', '兑换记录', '积分公示', '排行与评选', '志愿服务', '积分规则', '用户与角色', '事件类别', '会商']) {
    expect(await menu(page).getByText(hidden).count(), hidden).toBe(0);
  }
  await shot(page, 'menu', '01-grid-worker-1366');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The ledger entry opens its page.
  await menu(page).getByText('户积分台账').click();
  await page.waitForURL((u) => u.pathname.startsWith('/points/ledger'));
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('a village cadre still sees the whole 积分超市 group', async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, '13800000002');
  await page.getByRole('columnheader', { name: '住址' }).waitFor();
  await menu(page).getByText('兑换核销').waitFor();
  const all = await items(page);
  for (const entry of ['积分规则', '积分审核', '积分公示', '户积分台账', '排行与评选', '志愿服务', '超市商品', '兑换核销', '兑换记录'])
    expect(all, entry).toContain(entry);
  expect(all).not.toContain('用户与角色');
  await menu(page).getByText('兑换记录').scrollIntoViewIfNeeded();
  await shot(page, 'menu', '02-village-cadre-1366');
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
