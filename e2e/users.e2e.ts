// Journey 4: the administrator opens an account for a new grid worker, who can then sign in to their grid.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, newContext, newPage, shot, signIn } from './support/browser';
import { startServer, type RunningServer } from './support/server';
import { seriousA11yViolations } from './support/a11y';
import { unexpected } from './support/api';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens tree nodes by name, one level after the other, inside an open TreeSelect popup. */
async function expandPath(page: Page, names: string[]) {
  for (const name of names) {
    const node = page.getByRole('treeitem', { name: new RegExp(name) }).first();
    await node.waitFor();
    if ((await node.getAttribute('aria-expanded')) !== 'true') await node.locator('.ant-select-tree-switcher').click();
    await expect.poll(() => node.getAttribute('aria-expanded')).toBe('true');
  }
}

async function pickOption(page: Page, select: Locator, option: string) {
  await select.click();
  await page.getByRole('option', { name: option, exact: true }).or(page.locator('.ant-select-item-option').filter({ hasText: option })).first().click();
}

test('admin creates a grid worker account with a role on a grid', async () => {
  const ctx = await newContext(browser, server.baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000000');
  await page.getByRole('menuitem', { name: '用户与角色' }).click();
  await page.getByRole('heading', { name: '用户与角色' }).waitFor();
  await page.getByRole('cell', { name: '13800000002' }).waitFor();
  await shot(page, 'users', '01-list');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '新增用户' }).click();
  const drawer = page.getByRole('dialog', { name: '新增用户' });
  await drawer.getByLabel('姓名').fill('李春燕');
  await drawer.getByLabel('手机号').fill('13900001234');
  await drawer.getByLabel('初始密码').fill('Grid2026ok');
  await pickOption(page, drawer.getByLabel('角色', { exact: true }), '网格员');
  await drawer.getByLabel('区域').click();
  await expandPath(page, ['榆阳区', '孟家湾乡', '孟家湾村']);
  await page.getByRole('treeitem', { name: /二组网格/ }).first().click();
  await expect.poll(() => drawer.getByText('二组网格').count()).toBeGreaterThan(0);
  await shot(page, 'users', '02-form');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await drawer.getByRole('button', { name: /保\s*存/ }).click();
  await drawer.waitFor({ state: 'hidden' });
  await page.getByText('已新增用户：李春燕').waitFor();
  const row = page.getByRole('row').filter({ hasText: '13900001234' });
  await row.waitFor();
  expect(await row.textContent()).toContain('网格员 · 二组网格');
  await shot(page, 'users', '03-created');
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();

  // The new account signs in and lands in its grid.
  const ctx2 = await newContext(browser, server.baseURL);
  const p2 = await newPage(ctx2);
  await signIn(p2, '13900001234', 'Grid2026ok');
  await p2.getByRole('banner').getByText('二组网格').waitFor();
  await p2.getByRole('banner').getByText('网格员').waitFor();
  await p2.getByRole('columnheader', { name: '住址' }).waitFor();
  await shot(p2, 'users', '04-new-user');
  await p2.getByRole('button', { name: /李春燕/ }).click();
  await p2.getByRole('menuitem', { name: '退出登录' }).click();
  await p2.getByRole('heading', { name: '欢迎登录' }).waitFor();
  await p2.goto('/registry/households');
  await p2.waitForURL(/\/login\?next=/);
  expect(unexpected(p2.problems)).toEqual([]);
  await ctx2.close();
});
