// Journey: the grid worker's phone without a network (PRODUCT.md module 9 "keep working offline and sync later",
// UI.md "offline queue … 待同步 3 条"), on a 360 px screen. Online first: sign in on /h5 and open 今日, so the service
// worker keeps the shell and the day's data. Then offline: a reload still shows 今日 (marked 离线数据), a visit with a
// photo and the 日巡查 are saved on the phone (待同步 2 条 on 今日 and 我的). Back online the outbox goes out by itself
// even though the first tries fail half-way (the server got the photo, then the patrol, and the phone never heard
// back): exactly one visit with one photo and one patrol arrive. A visit the server refuses (the household moved to
// another grid meanwhile) stays on the phone as 上报失败 with the server's words until the worker discards it.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, phoneContext, shot } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, unexpected } from './support/api';
import { scenePng } from './support/png';
import { cutAfterServer, offlineNoise } from './support/network';

const { server, browser } = useJourney();

const GRID_WORKER = '13800000003';
const CADRE = '13800000002';

const SITUATION = '老人独自在家，屋顶东侧漏雨，床铺受潮。身体还好，按时吃药。';
const NEEDS = '希望村里帮忙修一下屋顶。';
const PATROL_NOTE = '二组路口的路灯杆被车撞歪，夜里有倒下的危险。';
const REFUSED_SITUATION = '家中一切正常，孩子在县城上学。';

interface Grant {
  role: string;
  regionId: string;
  regionName: string;
}
interface Me {
  id: string;
  name: string;
  roles: Grant[];
}
interface PlanItem {
  id: string;
  householdId: string;
  address: string;
  headName: string | null;
  residentName: string | null;
  status: string;
}
interface Page_<T> {
  items: T[];
  total: number;
}
interface Visit {
  id: string;
  householdId: string;
  situation: string;
  needs: string | null;
  problem: boolean;
  method: string;
  attachments?: { name: string; mime: string }[];
}
interface Patrol {
  id: string;
  kind: string;
  regionId: string;
  problems: number;
  results: { code: string; ok: boolean; note: string | null }[];
}
interface Region {
  id: string;
  name: string;
  level: string;
}

/** What the service worker keeps of the worker's reads (paths). */
const keptReads = (page: Page) =>
  page.evaluate(async () => {
    if (!(await caches.has('xz-h5-api'))) return [];
    return (await (await caches.open('xz-h5-api')).keys()).map((r) => new URL(r.url).pathname);
  });

/** antd-mobile's toast has faded (so a screenshot shows the page under it). */
const toastGone = (page: Page) => expect.poll(() => page.locator('.adm-toast-mask').count(), { timeout: 10_000 }).toBe(0);

test('a grid worker works offline and the outbox syncs later, once, without duplicates', async () => {
  const base = server().baseURL;
  expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/); // a secure context: service workers run here
  const tok = await apiLogin(base, GRID_WORKER);
  const me = await apiGet<Me>(base, tok, '/api/me');
  const grid = me.roles.find((r) => r.role === 'grid_worker')!;
  const overdue = await apiGet<Page_<PlanItem>>(base, tok, '/api/visits/plan?status=overdue&pageSize=50');
  const due = await apiGet<Page_<PlanItem>>(base, tok, '/api/visits/plan?status=due&pageSize=50');
  const open = [...overdue.items, ...due.items];
  expect(open.length).toBeGreaterThanOrEqual(1);
  const [first] = open;
  // Another household of the grid, visited off the plan (found by name) for the refused case.
  const households = await apiGet<Page_<{ id: string; address: string; headName: string | null }>>(base, tok, '/api/households?pageSize=20');
  const second = households.items.find((h) => h.id !== first.householdId && h.headName)!;
  const visitsBeforeList = await apiGet<Page_<Visit>>(base, tok, '/api/visits?mine=true&pageSize=100');
  const visitsBefore = visitsBeforeList.total;
  const oldVisits = new Set(visitsBeforeList.items.map((v) => v.id));
  const patrolsBefore = (await apiGet<Page_<Patrol>>(base, tok, '/api/patrols?mine=true&pageSize=1')).total;
  const checklist = await apiGet<{ items: { code: string; category: string; name: string }[] }>(base, tok, '/api/patrols/checklist');

  // ── 1. Online: sign in on /h5 and open 今日; the service worker takes over and keeps the shell and the day's data.
  const ctx = await phoneContext(browser(), base, { serviceWorkers: 'allow' });
  const page = await newPage(ctx);
  await page.goto('/h5');
  await page.waitForURL(/\/h5\/login/);
  await page.getByLabel('手机号').fill(GRID_WORKER);
  await page.getByLabel('密码').fill('demo123456');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname === '/h5/today');
  await page.getByRole('heading', { name: `${me.name}，您好` }).waitFor();
  const patrolSection = page.getByRole('region', { name: /今日巡查/ });
  const daily = patrolSection.locator('article').filter({ hasText: `日巡查 · ${grid.regionName}` });
  await daily.getByText('待巡查').waitFor();
  const visitSection = page.getByRole('region', { name: /本月走访/ });
  await visitSection.locator('article').first().getByText(first.address).waitFor();
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 });
  // Only the phone pages are the worker's: the console at / is outside its scope.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.scope ?? null)).toBeNull();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/h5/today'))?.scope)).toBe(`${base}/h5`);
  await expect
    .poll(() => keptReads(page), { timeout: 30_000 })
    .toEqual(expect.arrayContaining(['/api/me', '/api/patrols/due', '/api/visits/plan', '/api/patrols/checklist', '/api/cases']));
  expect(await page.getByText(/没有网络|离线数据/).count()).toBe(0); // online: no offline bar
  await shot(page, 'offline', '01-today-online');

  // ── 2. No network: a reload still opens 今日, from the phone, and says so.
  await ctx.setOffline(true);
  await page.reload();
  await page.getByRole('heading', { name: `${me.name}，您好` }).waitFor();
  const bar = page.getByRole('status').filter({ hasText: '没有网络' });
  await bar.getByText(/离线数据，更新于 \d+月\d+日 \d\d:\d\d/).waitFor();
  await daily.getByText('待巡查').waitFor();
  await visitSection.locator('article').first().getByText(first.address).waitFor();
  await shot(page, 'offline', '02-today-offline');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // ── 3. A visit for the first household on the plan, with 发现问题 and a photo: saved on the phone.
  await visitSection.locator('article').first().getByRole('link').click();
  await page.waitForURL(/\/h5\/visits\/new\?/);
  const who = page.getByRole('region', { name: '走访对象' });
  await who.getByText(first.address, { exact: false }).waitFor(); // carried from the plan: the household is not on the phone
  await page.getByLabel('走访情况').fill(SITUATION);
  await page.getByLabel(/群众诉求/).fill(NEEDS);
  await page.getByRole('switch', { name: '发现问题' }).click();
  await page.locator('#visit-photo').setInputFiles({ name: '屋顶.png', mimeType: 'image/png', buffer: scenePng() });
  await page.getByRole('img', { name: '现场照片预览' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'offline', '03-visit-form-offline');
  await page.getByRole('button', { name: '保存走访' }).click();
  await page.waitForURL(/\/h5\/outbox\?saved=/);
  await page.getByText('走访已保存在手机上，联网后自动上报').waitFor();
  const visitCard = page.getByRole('article', { name: /^走访 · / });
  await visitCard.getByText('待同步').waitFor();
  await visitCard.getByText(SITUATION).waitFor();
  await visitCard.getByRole('img', { name: '照片：屋顶.jpg' }).waitFor();
  await shot(page, 'offline', '04-visit-kept');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('link', { name: '完成，回到今日' }).click();
  await page.waitForURL((u) => u.pathname === '/h5/today');
  const outbox = page.getByRole('region', { name: '待同步' });
  await outbox.getByText('待同步 1 条').waitFor();
  // The plan item shows it is waiting (and opens 待同步, not a second form).
  const firstCard = visitSection.locator('article').filter({ hasText: first.address }).first();
  await firstCard.getByText('待同步').waitFor();
  expect(await firstCard.getByRole('link').getAttribute('href')).toBe('/h5/outbox');

  // ── 4. 日巡查 from the phone's checklist, one problem: saved on the phone too.
  await daily.getByRole('link').click();
  await page.waitForURL(/\/h5\/patrols\/new\?/);
  await page.getByRole('heading', { name: grid.regionName }).waitFor();
  expect(await page.getByRole('radio', { name: '正常', checked: true }).count()).toBe(checklist.items.length);
  const lamp = checklist.items.find((i) => i.category === '公共设施') ?? checklist.items[0];
  const lampGroup = page.getByRole('radiogroup', { name: lamp.name });
  await lampGroup.getByRole('radio', { name: '有问题' }).click();
  await page.locator(`#note-${lamp.code}`).fill(PATROL_NOTE);
  await page.getByText(`共${checklist.items.length}项，1项有问题`).waitFor();
  await page.getByRole('button', { name: '提交巡查' }).click();
  await page.waitForURL(/\/h5\/outbox\?saved=/);
  await page.getByText('巡查已保存在手机上，联网后自动上报').waitFor();
  const patrolEntry = page.getByRole('article', { name: `日巡查 · ${grid.regionName}` });
  await patrolEntry.getByText(PATROL_NOTE).waitFor();
  await page.getByRole('heading', { name: /等待上报\s*2/ }).waitFor();
  await patrolEntry.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'offline', '05-patrol-kept');
  await page.getByRole('link', { name: '完成，回到今日' }).click();
  await page.waitForURL((u) => u.pathname === '/h5/today');
  await outbox.getByText('待同步 2 条').waitFor();
  await outbox.getByText('已保存在手机上，联网后自动上报').waitFor();
  await daily.getByText('待同步').waitFor();
  expect(await patrolSection.locator('.xz-count').count()).toBe(0); // nothing left to patrol today
  await shot(page, 'offline', '06-today-pending');
  expect(await seriousA11yViolations(page)).toEqual([]);
  // 立即同步 without a network: nothing lost, it says it will wait.
  await outbox.getByRole('button', { name: '立即同步' }).click();
  await page.getByText('现在没有网络，联网后会自动上报').waitFor();
  await page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
  await page.getByRole('region', { name: '待同步' }).getByText('待同步 2 条').waitFor();
  await toastGone(page);
  await shot(page, 'offline', '07-mine-pending');
  // Kept in the phone's storage, not in the page: a reload (still offline) has them all.
  await page.reload();
  await page.getByRole('region', { name: '待同步' }).getByText('待同步 2 条').waitFor();
  // Nothing reached the server yet.
  expect((await apiGet<Page_<Visit>>(base, tok, '/api/visits?mine=true&pageSize=1')).total).toBe(visitsBefore);
  expect((await apiGet<Page_<Patrol>>(base, tok, '/api/patrols?mine=true&pageSize=1')).total).toBe(patrolsBefore);

  // ── 5. Back online: it all goes out by itself — although the first photo upload and the first patrol are cut off
  // after the server got them. Retries carry the same keys: one visit, one photo, one patrol.
  const photoCut = cutAfterServer(1);
  const patrolCut = cutAfterServer(1);
  await ctx.route('**/api/visits/*/attachments', photoCut.handler);
  await ctx.route('**/api/patrols', patrolCut.handler);
  await page.getByRole('navigation').getByRole('link', { name: '今日' }).click();
  await outbox.getByText('待同步 2 条').waitFor();
  await ctx.setOffline(false);
  await expect.poll(() => patrolCut.seen.n, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(() => outbox.count(), { timeout: 60_000 }).toBe(0); // the indicator is gone
  await page
    .getByText(/已上报 \d 条离线记录/)
    .first()
    .waitFor();
  expect(photoCut.seen.n).toBe(1); // the retry saw the photo was already there and did not send it again
  const sent = page.getByRole('region', { name: '刚上报的记录' });
  await sent.getByText('离线记录已上报，发现的问题可以转为事件').waitFor();
  await expect
    .poll(() =>
      page
        .getByRole('status')
        .filter({ hasText: /没有网络|离线数据/ })
        .count(),
    )
    .toBe(0);
  await toastGone(page);
  await shot(page, 'offline', '08-synced');

  const visits = await apiGet<Page_<Visit>>(base, tok, '/api/visits?mine=true&pageSize=100');
  expect(visits.total).toBe(visitsBefore + 1);
  const mine = visits.items.filter((v) => !oldVisits.has(v.id));
  expect(mine).toHaveLength(1);
  const visit = await apiGet<Visit>(base, tok, `/api/visits/${mine[0].id}`);
  expect(visit).toMatchObject({ householdId: first.householdId, method: 'home', situation: SITUATION, needs: NEEDS, problem: true });
  expect(visit.attachments!.map((a) => [a.name, a.mime])).toEqual([['屋顶.jpg', 'image/jpeg']]);
  const patrols = await apiGet<Page_<Patrol>>(base, tok, '/api/patrols?mine=true&pageSize=50');
  expect(patrols.total).toBe(patrolsBefore + 1);
  const patrol = patrols.items.find((p) => p.kind === 'daily' && p.regionId === grid.regionId)!;
  expect(patrol.problems).toBe(1);
  expect(patrol.results.find((r) => !r.ok)).toMatchObject({ code: lamp.code, note: PATROL_NOTE });
  expect(patrol.results).toHaveLength(checklist.items.length);
  const planNow = await apiGet<Page_<PlanItem>>(base, tok, '/api/visits/plan?status=done&pageSize=50');
  expect(planNow.items.some((i) => i.householdId === first.householdId)).toBe(true);

  // 转为事件 needs the server's id: offered now, from the visit just sent.
  await sent.getByRole('link', { name: /走访.*去转为事件/ }).click();
  await page.waitForURL(`**/h5/visits/${visit.id}`);
  await page.getByRole('region', { name: '转为事件' }).waitFor();
  await shot(page, 'offline', '09-visit-to-case');
  await page.getByRole('button', { name: '返回' }).click();
  await page.waitForURL((u) => u.pathname === '/h5/today');
  await sent.getByRole('button', { name: '知道了' }).click();
  await expect.poll(() => sent.count()).toBe(0);

  // ── 6. A visit the server refuses: another household, found by name; the signal drops while writing; meanwhile the
  // village moves that household to another grid. Back online the server says no (400): the record stays, marked
  // failed with the server's words, until the worker discards it.
  await ctx.unroute('**/api/visits/*/attachments', photoCut.handler);
  await ctx.unroute('**/api/patrols', patrolCut.handler);
  await page.getByRole('navigation').getByRole('link', { name: '走访' }).click();
  await page.getByLabel('找户走访').fill(second.headName!);
  await page.getByRole('region', { name: '搜索结果' }).locator('article').filter({ hasText: second.address }).getByRole('link').click();
  await page.waitForURL(/\/h5\/visits\/new\?/);
  await page.getByRole('region', { name: '走访对象' }).getByText(second.address, { exact: false }).waitFor();
  await ctx.setOffline(true);
  await page.getByLabel('走访情况').fill(REFUSED_SITUATION);
  await page.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('走访已保存在手机上，联网后自动上报').waitFor();
  await page.getByRole('link', { name: '完成，回到今日' }).click();
  await outbox.getByText('待同步 1 条').waitFor();

  const cTok = await apiLogin(base, CADRE);
  const [village] = (await apiGet<Page_<Region>>(base, cTok, '/api/regions')).items;
  const otherGrid = (await apiGet<Page_<Region>>(base, cTok, `/api/regions?parentId=${village.id}`)).items.find((r) => r.id !== grid.regionId)!;
  const moved = await fetch(`${base}/api/households/${second.id}`, {
    method: 'PATCH',
    headers: { authorization: `Bearer ${cTok}`, 'content-type': 'application/json' },
    body: JSON.stringify({ regionId: otherGrid.id }),
  });
  expect(moved.status).toBe(200);

  await ctx.setOffline(false);
  await outbox.getByText(/1 条没有上报成功，请查看/).waitFor({ timeout: 60_000 });
  expect(await outbox.getByText(/待同步 \d+ 条/).count()).toBe(0);
  await shot(page, 'offline', '10-today-failed');
  await outbox.getByRole('link', { name: /查看明细/ }).click();
  await page.waitForURL((u) => u.pathname === '/h5/outbox');
  const refused = page.getByRole('article', { name: /^走访 · / });
  await refused.getByText('上报失败').waitFor();
  await refused.getByText('所选户不存在或不在您的辖区内').waitFor(); // the server's own words
  await refused.getByText(REFUSED_SITUATION).waitFor(); // what was written is still there to read
  await shot(page, 'offline', '11-outbox-failed');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await refused.getByRole('button', { name: '删除这条' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
  await page.getByText('没有待同步的记录').waitFor();
  await shot(page, 'offline', '12-outbox-empty');
  const after = await apiGet<Page_<Visit>>(base, tok, '/api/visits?mine=true&pageSize=100');
  expect(after.total).toBe(visitsBefore + 1);
  expect(after.items.some((v) => v.situation === REFUSED_SITUATION)).toBe(false);

  expect(unexpected(page.problems).filter((p) => !offlineNoise(p))).toEqual([]);
  await ctx.close();
});
