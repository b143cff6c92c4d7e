// Journey: names that say where, and a timeline that speaks to people. The township leader's lists span villages,
// so each row names its place from the village down (孟家湾村 / 一组网格): cases, the award queue, the ranking,
// redemptions; the village's 公示栏 too. A case's timeline names who took each step and in what role. At 1366 × 768
// nothing is clipped without a tooltip; on a 360 px phone the ranking and a case's steps read as sentences.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, newPage, phoneContext, shot, signIn, signInOnPhone } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';

const { server, browser } = useJourney();

const LEADER = '13800000001';
const CADRE = '13800000002';
const VILLAGER = '13800000004';
/** A grid named with its village. */
const PLACE = /^[^/]+村 \/ [^/]+网格$/;

interface Me {
  roles: { role: string; regionId: string; householdId: string | null }[];
}

/** Cells of a column (by header text) in the first table on the page. */
async function column(page: Page, header: string): Promise<string[]> {
  const table = page.locator('.ant-table').first();
  const headers = await table.locator('thead th').allTextContents();
  const i = headers.findIndex((h) => h.trim() === header);
  expect(i, `${header} in ${headers.join('|')}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr.ant-table-row td:nth-child(${i + 1})`).allTextContents();
}

/** No table cell's text runs past its cell unless it truncates with an ellipsis (and a tooltip). */
async function clipped(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.ant-table-tbody td')]
      .filter((td) => td.scrollWidth > td.clientWidth + 1 && !td.querySelector('.xz-cell-ellipsis, .ant-typography-ellipsis'))
      .map((td) => (td.textContent ?? '').slice(0, 40)),
  );
}

test('the township leader reads each row with its village and grid, and who took each step of a case', async () => {
  const base = server().baseURL;
  // A redemption to list: the village keeps a cheap item and the counter redeems it for the villager's household.
  const cTok = await apiLogin(base, CADRE);
  const village = (await apiGet<Me>(base, cTok, '/api/me')).roles[0].regionId;
  const householdId = (await apiGet<Me>(base, await apiLogin(base, VILLAGER), '/api/me')).roles[0].householdId!;
  const item = await apiPost<{ id: string }>(base, cTok, '/api/store/items', { regionId: village, name: '香皂（e2e）', cost: 1, stock: 5 });
  await apiPost(base, cTok, '/api/store/redemptions', { householdId, itemId: item.id, quantity: 1, idempotencyKey: 'place-names-e2e-1' });

  const ctx = await newContext(browser(), base);
  const page = await newPage(ctx);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, LEADER);

  // ── 1. 事件列表: the place column names village and grid.
  await page.goto('/cases');
  await page.getByRole('columnheader', { name: '地点' }).waitFor();
  await expect.poll(async () => (await column(page, '地点')).length).toBeGreaterThan(0);
  // Across villages the village sits above its grid in the cell (two lines, no / between them on screen).
  for (const p of await column(page, '地点')) expect(p).toMatch(/^[^/]+村[^/]+网格$/);
  expect(await clipped(page)).toEqual([]);
  await shot(page, 'place-names', '01-cases');

  // ── 2. A case's timeline: who, with the role they acted in.
  const tTok = await apiLogin(base, LEADER);
  const rated = (await apiGet<{ items: { id: string }[] }>(base, tTok, '/api/cases?status=rated&pageSize=1')).items[0];
  await page.goto(`/cases/${rated.id}`);
  const steps = page.locator('.xz-step-who');
  await steps.first().waitFor();
  await steps.last().scrollIntoViewIfNeeded();
  expect((await steps.allTextContents()).some((w) => /（.+(网格员|干部|领导|所)）$/.test(w))).toBe(true);
  await shot(page, 'place-names', '02-case-timeline');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // ── 3. 积分审核 over the whole township: each household under its place.
  await page.goto('/points/awards');
  await page.getByRole('columnheader', { name: '户' }).waitFor();
  await expect.poll(async () => (await column(page, '户')).length).toBeGreaterThan(0);
  for (const cell of await column(page, '户')) expect(cell).toMatch(/[^/]+村 \/ [^/]+网格/);
  expect(await clipped(page)).toEqual([]);
  await shot(page, 'place-names', '03-awards');

  // ── 4. 排行与评选: the township's ranking names each household's village and grid.
  await page.goto('/points/ranking');
  await page.getByRole('columnheader', { name: '村 / 网格' }).first().waitFor();
  await expect.poll(async () => (await column(page, '村 / 网格')).length).toBeGreaterThan(0);
  for (const p of await column(page, '村 / 网格')) expect(p).toMatch(PLACE);
  expect(await clipped(page)).toEqual([]);
  await shot(page, 'place-names', '04-ranking');

  // ── 5. 兑换记录: the household with its place.
  await page.goto('/store/redemptions');
  await page.getByRole('columnheader', { name: '户主' }).waitFor();
  await expect.poll(async () => (await column(page, '户主')).join('|')).toMatch(/孟家湾村 \/ [^/]+网格/);
  expect(await clipped(page)).toEqual([]);
  await shot(page, 'place-names', '05-redemptions');
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();

  // ── 6. The village cadre's 公示栏.
  const cctx = await newContext(browser(), base);
  const cp = await newPage(cctx);
  await cp.setViewportSize({ width: 1366, height: 768 });
  await signIn(cp, CADRE);
  await cp.goto('/points/board');
  await cp.getByRole('columnheader', { name: '村 / 网格' }).first().waitFor();
  for (const p of await column(cp, '村 / 网格')) expect(p).toMatch(/^孟家湾村 \/ [^/]+网格$/);
  expect(await clipped(cp)).toEqual([]);
  await shot(cp, 'place-names', '06-board');
  expect(unexpected(cp.problems)).toEqual([]);
  await cctx.close();
});

test("the villager's phone names each household of the ranking with its place", async () => {
  const base = server().baseURL;
  const phone = await phoneContext(browser(), base);
  const page = await newPage(phone);
  await signInOnPhone(page, VILLAGER);
  await page.waitForURL((u) => u.pathname === '/h5');
  await page.goto('/h5/points/ranking');
  const list = page.getByRole('list', { name: '积分排行' });
  await list.waitFor();
  const places = await list.locator('.xz-pts-row-main .xz-muted').allTextContents();
  expect(places.length).toBeGreaterThan(0);
  for (const p of places) expect(p).toMatch(/^孟家湾村 \/ [^/]+网格$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'place-names', '07-h5-ranking');
  await page.goto('/h5/points/board');
  await page
    .getByText(/孟家湾村 \/ [^/]+网格/)
    .first()
    .waitFor();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await shot(page, 'place-names', '08-h5-board');
  expect(unexpected(page.problems)).toEqual([]);
  await phone.close();
});
