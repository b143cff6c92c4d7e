// Journey 3: the 圪求河村 cadre sees only their own village; a 孟家湾村 household URL shows "not found", not a crash.
import { expect, test } from 'vitest';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, unexpected } from './support/api';

const { server, browser } = useJourney();

test('a cadre of 圪求河村 cannot see 孟家湾村 households', async () => {
  const other = await apiLogin(server().baseURL, '13800000002');
  const mjw = await apiGet<{ items: { id: string; address: string }[] }>(server().baseURL, other, '/api/households?pageSize=1');
  const foreign = mjw.items[0];

  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000005');
  await page.getByRole('columnheader', { name: '住址' }).waitFor();
  await page.getByRole('banner').getByText('圪求河村').waitFor();
  await shot(page, 'scope', '01-own-village');

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  expect(await rows.count()).toBeGreaterThan(0);
  const places = await rows.locator('td:nth-child(4)').allTextContents();
  expect(places.every((p) => p.includes('圪求河村'))).toBe(true);
  expect(await page.getByText('孟家湾村').count()).toBe(0);

  // Searching for the other village's address finds nothing.
  await page.getByLabel('关键词').fill(foreign.address);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText('没有符合条件的户').waitFor();
  await shot(page, 'scope', '02-search-foreign');

  await page.goto(`/registry/households/${foreign.id}`);
  await page.getByRole('heading', { name: '未找到该户' }).first().waitFor();
  await page.getByText('该户不存在，或不在您的管辖范围内。').waitFor();
  expect(await page.getByText(foreign.address).count()).toBe(0);
  await shot(page, 'scope', '03-foreign-household');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: '返回户籍档案' }).click();
  await page.getByRole('columnheader', { name: '住址' }).waitFor();

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('the 孟家湾村 mediator sees birth years and masked ID numbers only', async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000009');
  await page.getByRole('columnheader', { name: '住址' }).waitFor();
  const first = page.locator('.ant-table-tbody tr.ant-table-row').first().getByRole('link').first();
  const address = (await first.textContent())!.trim();
  await first.click();
  await page.getByRole('heading', { name: address }).waitFor();
  await page.getByRole('columnheader', { name: '出生日期/年龄' }).waitFor();

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  expect(await rows.count()).toBeGreaterThan(0);
  // Column order: 姓名, 性别, 出生日期/年龄, 身份证号, …
  const births = await rows.locator('td:nth-child(3)').allTextContents();
  const ids = await rows.locator('td:nth-child(4)').allTextContents();
  for (const b of births) expect(b).toMatch(/^(19|20)\d\d年（\d+ 岁）$/);
  for (const id of ids) expect(id).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  expect(await page.getByRole('button', { name: /查看/ }).count()).toBe(0);
  expect(await page.getByRole('button', { name: '添加成员' }).count()).toBe(0);
  expect(await page.getByText(/Invalid Date|NaN|undefined|null/).count()).toBe(0);
  await shot(page, 'scope', '04-mediator-masked');
  expect(await seriousA11yViolations(page)).toEqual([]);

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
