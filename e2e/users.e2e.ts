// Journey 4: the administrator opens an account for a new grid worker, who can then sign in to their grid.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, newPage, pickOption, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';

const { server, browser } = useJourney();

/** Opens tree nodes by name, one level after the other, inside an open TreeSelect popup. */
async function expandPath(page: Page, names: string[]) {
  for (const name of names) {
    const node = page.getByRole('treeitem', { name: new RegExp(name) }).first();
    await node.waitFor();
    if ((await node.getAttribute('aria-expanded')) !== 'true') await node.locator('.ant-select-tree-switcher').click();
    await expect.poll(() => node.getAttribute('aria-expanded')).toBe('true');
  }
}

test('admin creates a grid worker account with a role on a grid', async () => {
  const ctx = await newContext(browser(), server().baseURL);
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
  await page
    .getByRole('treeitem', { name: /二组网格/ })
    .first()
    .click();
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
  const ctx2 = await newContext(browser(), server().baseURL);
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

test('a township admin sees peers and users beyond the township locked, and changes only their own password', async () => {
  // Set-up by the county admin: two admins of 孟家湾乡, a second township, and a user holding roles in both townships.
  const token = await apiLogin(server().baseURL, '13800000000');
  const find = async (q: string) =>
    (await apiGet<{ items: { id: string; name: string }[] }>(server().baseURL, token, `/api/regions?q=${encodeURIComponent(q)}`)).items.find(
      (r) => r.name === q,
    )!;
  const county = await find('榆阳区');
  const township = await find('孟家湾乡');
  const other = await apiPost<{ id: string }>(server().baseURL, token, '/api/regions', {
    parentId: county.id,
    level: 'township',
    name: '小纪汗镇',
    code: '610802206',
  });
  const admin = (name: string, phone: string) =>
    apiPost(server().baseURL, token, '/api/users', { name, phone, password: 'Town2026ok', roles: [{ role: 'admin', regionId: township.id }] });
  await admin('刘海涛', '13900002001');
  await admin('乔文静', '13900002002');
  await apiPost(server().baseURL, token, '/api/users', {
    name: '贺兰英',
    phone: '13900002003',
    password: 'Town2026ok',
    roles: [
      { role: 'township_staff', regionId: township.id },
      { role: 'township_staff', regionId: other.id },
    ],
  });

  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13900002001', 'Town2026ok');
  await page.getByRole('menuitem', { name: '用户与角色' }).click();
  await page.getByRole('heading', { name: '用户与角色' }).waitFor();
  const row = (phone: string) => page.getByRole('row').filter({ hasText: phone });
  await row('13900002003').waitFor();

  // Themself: editable, 修改密码 instead of 重置密码, no 停用.
  const self = row('13900002001');
  await self.getByText('本人').waitFor();
  expect(await self.getByRole('button', { name: /重置密码/ }).count()).toBe(0);
  expect(await self.getByRole('button', { name: /停\s*用/ }).count()).toBe(0);
  expect(await self.getByRole('button', { name: /编辑/ }).isEnabled()).toBe(true);

  // Another user of the township: everything available.
  expect(
    await row('13800000002')
      .getByRole('button', { name: /重置密码/ })
      .isEnabled(),
  ).toBe(true);

  // A peer admin and a user with a role in 小纪汗镇: actions shown disabled, the reason on hover.
  const peer = row('13900002002');
  for (const name of [/编\s*辑/, /重置密码/, /停\s*用/]) expect(await peer.getByRole('button', { name }).isDisabled()).toBe(true);
  await peer.getByRole('group').hover();
  await page.getByRole('tooltip', { name: '同级或上级管理员的账号，需由更上级管理员修改' }).waitFor();
  await shot(page, 'users', '05-peer-locked');
  expect(await seriousA11yViolations(page)).toEqual([]);

  const outside = row('13900002003');
  expect(await outside.getByRole('button', { name: /编\s*辑/ }).isDisabled()).toBe(true);
  await page.mouse.move(0, 0); // the pointer leaves the peer row, so only the keyboard-focused reason shows
  await page.getByRole('tooltip', { name: /同级或上级管理员/ }).waitFor({ state: 'hidden' });
  await outside.getByRole('group').focus();
  await page.getByRole('tooltip', { name: '该用户在您的管辖范围之外另有任职，需由上级管理员修改' }).waitFor();
  await shot(page, 'users', '06-outside-locked');

  await self.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('heading', { name: '修改密码' }).waitFor();
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
