// Journey: casework on the phone (360 × 740). A villager's report of a broken sluice (公共设施损坏: 办结 needs a photo
// of the result in the demo) with a photo reaches the village cadre, who accepts it on the phone (受理) and 派单 to the
// grid worker offered first; the cadre then sees no 办结 on a case dispatched and not started. The grid worker finds
// it in 待办 with the time left in words, 开始处置, and — with no signal — 办结 with the result in words (the button
// waits for five characters) and two photos: kept on the phone, then sent once when the signal is back, even though
// the first answer was lost. The villager sees the result with the photos before and after side by side, and rates it.
// Normal and 长辈版 screenshots; axe on every new page.
import { expect, test } from 'vitest';
import { newPage, phoneContext, shot, signInOnPhone } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, apiUploadPngs, unexpected } from './support/api';
import { scenePng } from './support/png';
import { cutAfterServer, offlineNoise } from './support/network';

const { server, browser } = useJourney();

const GRID_WORKER = '13800000003';
const CADRE = '13800000002';
const VILLAGER = '13800000004';
const TITLE = '二组水渠闸门卡住关不上';
const RESULT = '已请水管员拆下闸门，清理卡住的石块并上油，闸门开关正常。';

interface Me {
  id: string;
  roles: { role: string; regionId: string; householdId: string | null }[];
}
interface CaseDetail {
  id: string;
  status: string;
  actions: string[];
  history: { action: string; note: string | null }[];
  attachments: { id: string; name: string }[];
  photos: { before: string[]; after: string[] };
  resultPhotoRequired: boolean;
}

test('a cadre accepts and dispatches on the phone, the grid worker resolves offline with two photos, synced once; the villager sees before and after and rates', async () => {
  const base = server().baseURL;
  const vTok = await apiLogin(base, VILLAGER);
  const villager = await apiGet<Me>(base, vTok, '/api/me');
  const home = villager.roles.find((r) => r.householdId)!;
  const reported = await apiPost<CaseDetail>(base, vTok, '/api/cases', {
    type: 'incident',
    category: 'facility_damage',
    title: TITLE,
    description: '水渠闸门被石块卡住，关不上，地里漫水了。',
    regionId: home.regionId,
    householdId: home.householdId,
    idempotencyKey: 'casework-phone-report-1',
  });
  expect(reported.resultPhotoRequired).toBe(true);
  await apiUploadPngs(base, vTok, `/api/cases/${reported.id}/attachments`, [{ name: '闸门卡住.png', data: scenePng() }]);

  // ── 1. The village cadre accepts it on the phone: 受理 is one tap.
  const cctx = await phoneContext(browser(), base);
  const cpage = await newPage(cctx);
  await signInOnPhone(cpage, CADRE);
  await cpage.waitForURL((u) => u.pathname === '/h5/today');
  await cpage.goto(`/h5/cases/${reported.id}`);
  const work = cpage.getByRole('region', { name: '我来办理' });
  await work.waitFor();
  await expect.poll(() => work.getByRole('button').allTextContents()).toEqual(['受理', '上报上级']);
  await shot(cpage, 'casework-phone', '01-cadre-accept');
  expect(await seriousA11yViolations(cpage)).toEqual([]);
  await work.getByRole('button', { name: /受\s*理/ }).click();
  await work.getByText('已受理').waitFor();
  await cpage.locator('.xz-facts-status').getByText('已受理').waitFor();

  // 派单 on the phone: the case's own grid worker is offered first, marked as such.
  const worker = await apiGet<Me>(base, await apiLogin(base, GRID_WORKER), '/api/me');
  await work.getByRole('button', { name: '派单' }).click();
  const list = work.getByRole('list', { name: '派给谁' });
  const first = list.getByRole('button').first();
  await first.getByText('本网格网格员').waitFor();
  await shot(cpage, 'casework-phone', '02-cadre-dispatch');
  expect(await seriousA11yViolations(cpage)).toEqual([]);
  const name = (await first.locator('.xz-pick-name').textContent())!.replace('本网格网格员', '');
  await first.click();
  await work.getByRole('button', { name: `确认派给${name}` }).click();
  await work.getByText('已派单').waitFor();
  const cTok = await apiLogin(base, CADRE);
  const dispatched = await apiGet<CaseDetail>(base, cTok, `/api/cases/${reported.id}`);
  expect(dispatched.status).toBe('dispatched');
  expect(dispatched.history.at(-1)).toMatchObject({ action: 'dispatch' });
  expect((await apiGet<{ items: { userId: string }[] }>(base, cTok, `/api/cases/${reported.id}/assignees`)).items[0].userId).toBe(worker.id);
  // Dispatched and not started: the cadre's phone offers no 办结.
  expect(await cpage.getByRole('button', { name: /办\s*结/ }).count()).toBe(0);
  expect(unexpected(cpage.problems)).toEqual([]);
  await cctx.close();

  // ── 2. The grid worker finds it in 待办 (from 今日's 全部), most urgent first, with the time left in words.
  const ctx = await phoneContext(browser(), base);
  const page = await newPage(ctx);
  await signInOnPhone(page, GRID_WORKER);
  await page.waitForURL((u) => u.pathname === '/h5/today');
  await page
    .getByRole('region', { name: /我的待办事件/ })
    .getByRole('link', { name: /^全部\d+件$/ })
    .click();
  await page.getByRole('heading', { name: '我的待办事件' }).waitFor();
  await page.getByText(/最急的在前/).waitFor();
  const card = page.locator('article').filter({ hasText: TITLE });
  await card.waitFor();
  // Red cards come first; this new case has none.
  const cards = await page.locator('article').allTextContents();
  const firstPlain = cards.findIndex((t) => !/红牌|黄牌/.test(t));
  expect(cards.slice(firstPlain).some((t) => /红牌/.test(t))).toBe(false);
  expect(await card.textContent()).toMatch(/剩\d+个工作日/);
  await card.getByRole('link').click();
  await page.getByRole('heading', { name: TITLE }).waitFor();
  const mine = page.getByRole('region', { name: '我来办理' });
  await expect.poll(() => mine.getByRole('button').allTextContents()).toEqual(['开始处置', '办结', '申请延期', '退回']);
  await shot(page, 'casework-phone', '03-worker-case');

  // ── 3. 开始处置; then, with no signal, 办结 with the result and two photos: kept on the phone.
  await mine.getByRole('button', { name: '开始处置' }).click();
  await mine.getByText('已开始处置').waitFor();
  await page.locator('.xz-facts-status').getByText('处置中').waitFor();
  await page.waitForFunction(() => !!navigator.serviceWorker?.controller, undefined, { timeout: 30_000 });
  await mine.getByRole('button', { name: /办\s*结/ }).click();
  const result = mine.getByLabel('办理结果');
  await result.fill('已修好');
  await mine.locator('#work-photos').setInputFiles([
    { name: '修好后1.png', mimeType: 'image/png', buffer: scenePng(160, 120, true) },
    { name: '修好后2.png', mimeType: 'image/png', buffer: scenePng(120, 160, true) },
  ]);
  await expect.poll(() => mine.locator('.xz-shots img').count()).toBe(2);
  expect(await mine.getByRole('button', { name: '确认办结' }).isDisabled()).toBe(true); // five characters at least
  await result.fill(RESULT);
  await shot(page, 'casework-phone', '04-worker-resolve');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await ctx.setOffline(true);
  await mine.getByRole('button', { name: '确认办结' }).click();
  await page.getByText('办结已保存在手机上，联网后自动上报').waitFor();
  const entry = page.locator('article').filter({ hasText: TITLE });
  await entry.getByText(RESULT).waitFor();
  await expect.poll(() => entry.locator('img').count()).toBe(2);
  await shot(page, 'casework-phone', '05-worker-outbox');
  expect((await apiGet<CaseDetail>(base, cTok, `/api/cases/${reported.id}`)).status).toBe('in_progress');

  // ── 4. The signal is back: it is sent by itself, once, though the phone never heard the first answer.
  const cut = cutAfterServer(1);
  await ctx.route('**/api/cases/*/transitions', cut.handler);
  await ctx.setOffline(false);
  await expect.poll(() => cut.seen.n, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  await page.getByText('办结已上报').waitFor({ timeout: 60_000 });
  const stored = await apiGet<CaseDetail>(base, cTok, `/api/cases/${reported.id}`);
  expect(stored.status).toBe('resolved');
  expect(stored.history.map((h) => h.action).filter((a) => a !== 'attach')).toEqual(['report', 'accept', 'dispatch', 'start', 'resolve']);
  expect(stored.history.at(-1)?.note).toBe(RESULT);
  expect(stored.attachments).toHaveLength(3); // the report's photo and the two of the result, none twice
  expect(stored.photos.before).toHaveLength(1);
  expect(stored.photos.after).toHaveLength(2);
  const inbox = await apiGet<{ items: { entityId: string | null; title: string }[] }>(base, vTok, '/api/notifications');
  expect(inbox.items.some((n) => n.entityId === reported.id && n.title.includes('已办结'))).toBe(true);
  await page.goto(`/h5/cases/${reported.id}`);
  await page.locator('.xz-facts-status').getByText('已办结').waitFor();
  expect(await page.getByRole('region', { name: '我来办理' }).count()).toBe(0); // nothing left for her to do
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(unexpected(page.problems).filter((p) => !offlineNoise(p))).toEqual([]);
  await ctx.close();

  // ── 5. The villager reads the result, sees the photos before and after side by side, and rates it.
  const vctx = await phoneContext(browser(), base);
  const vpage = await newPage(vctx);
  await signInOnPhone(vpage, VILLAGER);
  await vpage.waitForURL((u) => u.pathname !== '/h5/login');
  await vpage.getByRole('navigation').waitFor();
  await vpage.goto(`/h5/cases/${reported.id}`);
  const rate = vpage.getByRole('region', { name: '请您评价' });
  await rate.getByText(RESULT).waitFor();
  const pair = rate.getByRole('group', { name: '办理前后照片对比' });
  await expect.poll(() => pair.getByRole('button', { name: /办理前/ }).count()).toBe(1);
  await expect.poll(() => pair.getByRole('button', { name: /办理后/ }).count()).toBe(2);
  await expect.poll(() => pair.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0))).toBe(true);
  await shot(vpage, 'casework-phone', '06-villager-before-after');
  expect(await seriousA11yViolations(vpage)).toEqual([]);
  await rate.getByRole('radio', { name: /4/ }).click();
  await rate.getByRole('button', { name: '提交评价' }).click();
  await vpage.getByText('感谢评价！村里已经收到您的意见。').waitFor();
  expect((await apiGet<CaseDetail & { rating: number }>(base, vTok, `/api/cases/${reported.id}`)).rating).toBe(4);
  // After rating, the result and the photos stay on the page.
  await vpage.getByRole('region', { name: '办理结果' }).getByRole('group', { name: '办理前后照片对比' }).waitFor();

  // ── 6. 长辈版: the same page in large print, one column, nothing wider than the phone.
  await vpage.goto('/h5/me');
  await vpage.getByRole('switch', { name: /长辈版/ }).click();
  await expect.poll(() => vpage.evaluate(() => document.documentElement.classList.contains('xz-elder'))).toBe(true);
  await vpage.goto(`/h5/cases/${reported.id}`);
  await vpage.getByRole('heading', { name: TITLE }).waitFor();
  await vpage.getByRole('group', { name: '办理前后照片对比' }).scrollIntoViewIfNeeded();
  await shot(vpage, 'casework-phone', '07-villager-elder');
  expect(await vpage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(unexpected(vpage.problems)).toEqual([]);
  await vctx.close();
});
