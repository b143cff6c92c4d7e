// Journey: the villager's 随手拍 on a 360×740 phone (issue 12) — plain-word choices, two photos, the acknowledgement
// (已收到，村里将在2个工作日内受理); a second report of the same matter is offered the open case, and 我也遇到 makes the
// villager a follower instead of a second case. Then 长辈版: the photo first, six big choices and 其他, one question
// per screen, the phone's place added on request. Screenshots at each step; axe finds no serious violation.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, newPage, phoneContext, pickOption, shot, signIn, signInOnPhone } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';
import { scenePng } from './support/png';

const { server, browser } = useJourney();
const VILLAGER = '13800000004';
const CADRE = '13800000002'; // 高永强, 孟家湾村

interface Detail {
  id: string;
  title: string;
  status: string;
  following: boolean;
  attachments: { mime: string }[];
  history: { action: string }[];
  details: { place?: { kind: string } } | null;
}

const photo = (name: string) => ({ name, mimeType: 'image/png', buffer: scenePng() });

/** Sends the form; if open cases that read the same are offered first, goes on with a new report. */
async function sendAnyway(page: Page) {
  await page.getByRole('button', { name: '提交上报' }).click();
  const done = page.getByRole('heading', { name: '上报成功' });
  const offered = page.getByRole('heading', { name: '这件事已有人反映' });
  await expect.poll(async () => (await done.count()) + (await offered.count()), { timeout: 30_000 }).toBeGreaterThan(0);
  if (await offered.count()) await page.getByRole('button', { name: '不是一件事，继续上报' }).click();
  await done.waitFor();
}

test('a villager reports with a choice and two photos, then follows the same matter instead of reporting it twice', async () => {
  const base = server().baseURL;
  const token = await apiLogin(base, VILLAGER);
  const ctx = await phoneContext(browser(), base);
  const page = await newPage(ctx);
  await signInOnPhone(page, VILLAGER);
  await page.waitForURL((u) => u.pathname === '/h5');

  // ── 1. The form: plain words, 其他 last, the home address as the place.
  await page.getByRole('navigation').getByRole('link', { name: '随手拍' }).click();
  await page.getByRole('heading', { name: '随手拍' }).waitFor();
  const choices = page.locator('.xz-choice');
  await choices.first().waitFor();
  const labels = await choices.allTextContents();
  expect(labels.slice(0, 6)).toEqual(['灯路灯坏了', '扫垃圾没清', '路道路水渠', '险安全隐患', '邻邻里矛盾', '办想找人代办']);
  expect(labels.at(-1)).toBe('其其他');
  await page.getByText(/家庭住址：/).waitFor();
  await shot(page, 'report-form', '01-form');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // ── 2. 路灯坏了, two photos, a few words; sent, and told when the village will accept it.
  await page.getByRole('button', { name: '路灯坏了' }).click();
  await page.locator('#rep-photos').setInputFiles([photo('路灯一.png'), photo('路灯二.png')]);
  await page.getByRole('img', { name: '第2张照片' }).waitFor();
  await page.getByText('（2/9张）').waitFor();
  await page.getByLabel('说说是什么情况').fill('大槐树下的路灯坏了好几天，晚上黑漆漆的，老人走路看不见。');
  await shot(page, 'report-form', '02-filled');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await sendAnyway(page);
  await page.getByText('已收到，村里将在2个工作日内受理（12月1日前）').waitFor();
  await shot(page, 'report-form', '03-acknowledged');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('link', { name: '查看办理进展' }).click();
  await page.waitForURL(/\/h5\/cases\//);
  const firstId = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  const first = await apiGet<Detail>(base, token, `/api/cases/${firstId}`);
  expect(first).toMatchObject({ status: 'reported', details: { place: { kind: 'home' } } });
  expect(first.title).toMatch(/^路灯坏了：大槐树下的路灯坏了好几天/);
  expect(first.attachments.filter((a) => a.mime === 'image/jpeg')).toHaveLength(2);
  await page.getByText('已收到，村里将在2个工作日内受理（12月1日前）').waitFor();
  await shot(page, 'report-form', '04-case');

  // ── 3. The same matter again: the open case is offered; 我也遇到 follows it instead of a second case.
  await page.goto('/h5/report');
  await page.getByRole('button', { name: '路灯坏了' }).click();
  await page.getByLabel('说说是什么情况').fill('大槐树下路灯坏了，晚上看不见路');
  await page.getByRole('button', { name: '提交上报' }).click();
  await page.getByRole('heading', { name: '这件事已有人反映' }).waitFor();
  const offered = page.locator('.xz-similar-item').filter({ hasText: first.title });
  await offered.waitFor();
  expect(await offered.textContent()).toContain('待受理');
  await shot(page, 'report-form', '05-similar');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const before = (await apiGet<{ total: number }>(base, token, '/api/cases?box=mine')).total;
  await offered.getByRole('button', { name: '我也遇到' }).click();
  await page.getByRole('heading', { name: '已关注这件事' }).waitFor();
  await shot(page, 'report-form', '06-followed');
  const followed = await apiGet<Detail>(base, token, `/api/cases/${firstId}`);
  expect(followed.following).toBe(true);
  expect(followed.history.map((h) => h.action)).toContain('follow');
  expect((await apiGet<{ total: number }>(base, token, '/api/cases?box=mine')).total).toBe(before);
  // 首页: their own case stays once, under 我家的事 (我关注的事 lists others' cases they follow).
  await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
  await page.getByRole('region', { name: '我家的事' }).getByText(first.title).waitFor();
  expect(await page.getByText(first.title).count()).toBe(1);
  await shot(page, 'report-form', '07-home');
  expect(await seriousA11yViolations(page)).toEqual([]);

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('长辈版: the photo first, six big choices and 其他, one question per screen', async () => {
  const base = server().baseURL;
  const token = await apiLogin(base, VILLAGER);
  const ctx = await phoneContext(browser(), base, { geolocation: { latitude: 38.0123, longitude: 111.4567, accuracy: 15 }, permissions: ['geolocation'] });
  await ctx.addInitScript(() => localStorage.setItem('xz.h5.elder', '1'));
  const page = await newPage(ctx);
  await signInOnPhone(page, VILLAGER);
  await page.waitForURL((u) => u.pathname === '/h5');
  await page.goto('/h5/report');

  // Step 1: the photo button is the screen.
  await page.getByText('第1步，共4步：拍照片').waitFor();
  expect(await page.locator('.xz-choice').count()).toBe(0);
  const camera = page.locator('.xz-shot-add');
  expect((await camera.boundingBox())!.height).toBeGreaterThanOrEqual(150);
  await shot(page, 'report-form', '11-elder-photo');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.locator('#rep-photos').setInputFiles([photo('垃圾.png')]);
  await page.getByRole('img', { name: '第1张照片' }).waitFor();
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 2: six common choices and 其他, large, all on one screen.
  await page.getByText('第2步，共4步：是什么问题').waitFor();
  const choices = page.locator('.xz-choice');
  await expect.poll(() => choices.count()).toBe(7);
  expect(await choices.last().textContent()).toBe('其其他');
  const fontPx = await choices.first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(20);
  for (const box of await Promise.all((await choices.all()).map((c) => c.boundingBox()))) {
    expect(box!.height).toBeGreaterThanOrEqual(56);
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
  }
  await shot(page, 'report-form', '12-elder-choices');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '垃圾没清' }).click();

  // Step 3: a few words.
  await page.getByText('第3步，共4步：说说情况').waitFor();
  await page.getByLabel('说说是什么情况').fill('河边小路上的垃圾三天没人清了');
  await shot(page, 'report-form', '13-elder-words');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '下一步' }).click();

  // Step 4: the place — home by default, the phone's place when 添加位置 is tapped — and send.
  await page.getByText('第4步，共4步：在哪里').waitFor();
  await page.getByText(/家庭住址：/).waitFor();
  await page.getByRole('button', { name: '添加位置' }).click();
  await page.getByText(/已添加手机位置/).waitFor();
  await shot(page, 'report-form', '14-elder-place');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await sendAnyway(page);
  await page.getByText(/^已收到，村里将在\d个工作日内受理（\d+月\d+日前）$/).waitFor();
  await shot(page, 'report-form', '15-elder-acknowledged');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('link', { name: '查看办理进展' }).click();
  await page.waitForURL(/\/h5\/cases\//);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!);
  const c = await apiGet<Detail & { category: string }>(base, token, `/api/cases/${id}`);
  expect(c).toMatchObject({ category: 'env_dirty', details: { place: { kind: 'spot' } } });
  expect(c.attachments).toHaveLength(1);

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('the village cadre sets the choices, names the category of a 其他 report when accepting, and merges the same matter', async () => {
  const base = server().baseURL;
  const vTok = await apiLogin(base, VILLAGER);
  const me = await apiGet<{ roles: { regionId: string; householdId: string | null }[] }>(base, vTok, '/api/me');
  const at = { regionId: me.roles[0].regionId, householdId: me.roles[0].householdId ?? undefined };
  const other = await apiPost<Detail>(base, vTok, '/api/cases/quick-report', { ...at, choice: 'other', description: '村委会门口的宣传栏被大风吹倒了' });
  const a = await apiPost<Detail>(base, vTok, '/api/cases/quick-report', { ...at, choice: 'road', description: '西头水渠堵了，下雨路上积水' });
  const b = await apiPost<Detail & { seq: string }>(base, vTok, '/api/cases/quick-report', {
    ...at,
    choice: 'road',
    description: '西头路口水渠堵塞，雨天积水没过脚面',
  });

  const ctx = await newContext(browser(), base);
  const page = await newPage(ctx);
  await signIn(page, CADRE);

  // ── 1. 随手拍选项: the cadre's own village, every choice with its category, 其他 always there.
  await page.goto('/cases/choices');
  await page.getByRole('heading', { name: '随手拍选项' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: '路灯坏了' });
  await row.waitFor();
  expect(await row.textContent()).toContain('公共设施损坏');
  expect(await row.textContent()).toContain('2个工作日');
  await page.getByRole('switch', { name: '提供：乱搭乱建' }).click();
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已保存，村民下次打开随手拍即按新的选项显示').waitFor();
  await page.mouse.move(700, 150); // the pointer off the button it clicked (a hovered primary button is lighter)
  await shot(page, 'report-form', '21-console-choices');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const village = await apiGet<{ items: { code: string }[] }>(base, vTok, `/api/case-choices?regionId=${at.regionId}`);
  expect(village.items.map((c) => c.code)).not.toContain('building');

  // ── 2. 受理 of a 其他 report asks for the category.
  await page.goto(`/cases/${other.id}`);
  await page.getByRole('heading', { name: other.title }).waitFor();
  await page
    .getByRole('complementary', { name: '办理' })
    .getByRole('button', { name: /^受\s*理$/ })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByText('群众在随手拍中选择了“其他”，受理时请选定实际的事件类别。').waitFor();
  await pickOption(page, dialog.getByLabel('事件类别'), '公共设施损坏');
  await shot(page, 'report-form', '22-console-classify');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: /^受\s*理$/ }).click();
  await page.locator('.xz-page-sub').getByText('已受理').waitFor();
  expect((await apiGet<Detail & { category: string }>(base, vTok, `/api/cases/${other.id}`)).category).toBe('facility_damage');

  // ── 3. 合并: the first report of the blocked ditch into the second; the villager follows the one that goes on.
  await page.goto(`/cases/${a.id}`);
  await page.getByRole('heading', { name: a.title }).waitFor();
  await page.getByRole('complementary', { name: '办理' }).getByRole('button', { name: '合并到其他事件' }).click();
  const merge = page.getByRole('dialog');
  await pickOption(page, merge.getByLabel('合并到'), b.seq);
  await shot(page, 'report-form', '23-console-merge');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await merge.getByRole('button', { name: '合并到其他事件' }).click();
  await page.locator('.xz-page-sub').getByText('已合并').waitFor();
  await shot(page, 'report-form', '24-console-merged');
  expect((await apiGet<Detail>(base, vTok, `/api/cases/${a.id}`)).status).toBe('merged');
  expect((await apiGet<Detail>(base, vTok, `/api/cases/${b.id}`)).history.map((h) => h.action)).toContain('merge_in');

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('a villager follows what the grid worker reported: listed under 我关注的事, told when it is accepted', async () => {
  const base = server().baseURL;
  const gwTok = await apiLogin(base, '13800000003');
  const gw = await apiGet<{ roles: { regionId: string }[] }>(base, gwTok, '/api/me');
  const theirs = await apiPost<Detail>(base, gwTok, '/api/cases', {
    type: 'incident',
    category: 'facility_damage',
    title: '村小学门口减速带被压坏',
    description: '村小学门口的减速带被重车压坏了一截，螺丝外露。',
    regionId: gw.roles[0].regionId,
    idempotencyKey: 'report-form-e2e-gw-1',
  });
  const ctx = await phoneContext(browser(), base);
  const page = await newPage(ctx);
  await signInOnPhone(page, VILLAGER);
  await page.waitForURL((u) => u.pathname === '/h5');
  await page.goto('/h5/report');
  await page.getByRole('button', { name: '道路水渠' }).click();
  await page.getByLabel('说说是什么情况').fill('小学门口的减速带坏了，螺丝露在外面');
  await page.getByRole('button', { name: '提交上报' }).click();
  const offered = page.locator('.xz-similar-item').filter({ hasText: theirs.title });
  await offered.waitFor();
  await offered.getByRole('button', { name: '我也遇到' }).click();
  await page.getByRole('heading', { name: '已关注这件事' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
  const following = page.getByRole('region', { name: '我关注的事' });
  await following.getByText(theirs.title).waitFor();
  await shot(page, 'report-form', '31-home-following');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await following.getByText(theirs.title).click();
  await page.waitForURL(/\/h5\/cases\//);
  await page.getByText(theirs.title).first().waitFor();
  await shot(page, 'report-form', '32-followed-case');
  const cTok = await apiLogin(base, CADRE);
  await apiPost(base, cTok, `/api/cases/${theirs.id}/transitions`, { action: 'accept', idempotencyKey: 'report-form-e2e-accept-1' });
  const vTok = await apiLogin(base, VILLAGER);
  const inbox = await apiGet<{ items: { title: string; entityId: string }[] }>(base, vTok, '/api/notifications?pageSize=50');
  expect(inbox.items.filter((n) => n.entityId === theirs.id).map((n) => n.title)).toContain(`您关注的事件有新进展（受理）：${theirs.title}`);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
