// Journey: casework on the phone (360 × 740). A villager's report reaches the village cadre, who accepts it on the
// phone (受理) and it is dispatched to the grid worker; she finds it on 今日 with the time left in words, opens it,
// 开始处置, and 办结 with the result in words — the button waits for five characters — then the reporter is told.
// The cadre, meanwhile, sees no 办结 on a case dispatched to her and not started. Normal and 长辈版 screenshots.
import { expect, test } from 'vitest';
import { newPage, phoneContext, shot, signInOnPhone } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';

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
}

test('a cadre accepts on the phone, the grid worker starts and resolves with a result, the reporter is told', async () => {
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

  // ── 1. The village cadre accepts it on the phone: 受理 is one tap.
  const cctx = await phoneContext(browser(), base);
  const cpage = await newPage(cctx);
  await signInOnPhone(cpage, CADRE);
  await cpage.waitForURL((u) => u.pathname === '/h5/today');
  await cpage.goto(`/h5/cases/${reported.id}`);
  const work = cpage.getByRole('region', { name: '我来办理' });
  await work.waitFor();
  await expect.poll(() => work.getByRole('button').allTextContents()).toEqual(['受理']);
  await shot(cpage, 'casework-phone', '01-cadre-accept');
  expect(await seriousA11yViolations(cpage)).toEqual([]);
  await work.getByRole('button', { name: /受\s*理/ }).click();
  await work.getByText('已受理').waitFor();
  await cpage.locator('.xz-facts-status').getByText('已受理').waitFor();

  // Dispatched to the grid worker (派单 is on the console); the cadre's phone then offers no 办结.
  const cTok = await apiLogin(base, CADRE);
  const worker = await apiGet<Me>(base, await apiLogin(base, GRID_WORKER), '/api/me');
  await apiPost(base, cTok, `/api/cases/${reported.id}/transitions`, {
    action: 'dispatch',
    assigneeId: worker.id,
    idempotencyKey: 'casework-phone-dispatch-1',
  });
  await cpage.reload();
  await work.waitFor({ state: 'detached' }).catch(() => {});
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
  await expect.poll(() => mine.getByRole('button').allTextContents()).toEqual(['开始处置', '办结', '退回']);
  await shot(page, 'casework-phone', '02-worker-case');

  // ── 3. 开始处置, then 办结 with the result; the button waits for five characters.
  await mine.getByRole('button', { name: '开始处置' }).click();
  await mine.getByText('已开始处置').waitFor();
  await page.locator('.xz-facts-status').getByText('处置中').waitFor();
  await mine.getByRole('button', { name: /办\s*结/ }).click();
  const result = mine.getByLabel('办理结果');
  await result.fill('已修好');
  expect(await mine.getByRole('button', { name: '确认办结' }).isDisabled()).toBe(true);
  await result.fill(RESULT);
  await shot(page, 'casework-phone', '03-worker-resolve');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await mine.getByRole('button', { name: '确认办结' }).click();
  await mine.getByText('已办结，已通知上报人评价').waitFor();
  await page.locator('.xz-facts-status').getByText('已办结').waitFor();
  await page.getByRole('region', { name: '办理经过' }).getByText(RESULT).waitFor();
  await shot(page, 'casework-phone', '04-worker-resolved');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const stored = await apiGet<CaseDetail>(base, cTok, `/api/cases/${reported.id}`);
  expect(stored.status).toBe('resolved');
  expect(stored.history.map((h) => h.action)).toEqual(['report', 'accept', 'dispatch', 'start', 'resolve']);
  expect(stored.history.at(-1)?.note).toBe(RESULT);
  const inbox = await apiGet<{ items: { entityId: string | null; title: string }[] }>(base, vTok, '/api/notifications');
  expect(inbox.items.some((n) => n.entityId === reported.id && n.title.includes('已办结'))).toBe(true);

  // ── 4. 长辈版: the same case page in large print, one column.
  await page.goto('/h5/me');
  await page.getByRole('switch', { name: /长辈版/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('xz-elder'))).toBe(true);
  await page.goto(`/h5/cases/${reported.id}`);
  await page.getByRole('heading', { name: TITLE }).waitFor();
  // Nothing is left for her to do on it.
  expect(await page.getByRole('region', { name: '我来办理' }).count()).toBe(0);
  await shot(page, 'casework-phone', '05-resolved-elder');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
