// Journey: the villager H5 (村民端) on a 360 px phone — sign in, 待评价 first on 首页, the case's timeline, a 5-star
// rating with a comment (感谢评价, 已评价), 随手拍 with a camera photo that then shows on 首页, 我的 and 长辈版.
import { expect, test } from 'vitest';
import { newPage, phoneContext, shot } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, apiUploadPngs, unexpected } from './support/api';
import { scenePng } from './support/png';

const { server, browser } = useJourney();

const GRID_WORKER = '13800000003';
const CADRE = '13800000002';
const VILLAGER = '13800000004';
const TITLE = '二组桥头护栏被撞断一截';
const PHOTO_TITLE = '村委会门口路灯不亮';

interface Grant {
  role: string;
  regionId: string;
  householdId: string | null;
}
interface Me {
  id: string;
  name: string;
  roles: Grant[];
}
interface Case {
  id: string;
  status: string;
}

test('a villager signs in on the phone, rates the case of the household and reports with a photo', async () => {
  const base = server().baseURL;

  // ── Set-up through the API: the grid worker reports for the villager's household, the cadre accepts and resolves.
  const vTok = await apiLogin(base, VILLAGER);
  const villager = await apiGet<Me>(base, vTok, '/api/me');
  const householdId = villager.roles[0].householdId;
  expect(householdId).toBeTruthy();
  const gwTok = await apiLogin(base, GRID_WORKER);
  const gw = await apiGet<Me>(base, gwTok, '/api/me');
  const reported = await apiPost<Case>(base, gwTok, '/api/cases', {
    type: 'incident',
    category: 'facility_damage',
    title: TITLE,
    description: '桥头东侧护栏被货车撞断约两米，夜里行人容易掉下去。',
    regionId: gw.roles[0].regionId,
    householdId,
    idempotencyKey: 'h5-e2e-setup-1',
  });
  const cTok = await apiLogin(base, CADRE);
  await apiPost(base, cTok, `/api/cases/${reported.id}/transitions`, { action: 'accept', idempotencyKey: 'h5-e2e-accept-1' });
  // 公共设施损坏 needs a photo of the result in the demo: one taken since acceptance counts.
  await apiUploadPngs(base, cTok, `/api/cases/${reported.id}/attachments`, [{ name: '护栏修好.png', data: scenePng(160, 120, true) }]);
  const resolved = await apiPost<Case>(base, cTok, `/api/cases/${reported.id}/transitions`, {
    action: 'resolve',
    note: '已联系交通站更换护栏，并设置警示桩。',
    idempotencyKey: 'h5-e2e-resolve-1',
  });
  expect(resolved.status).toBe('resolved');

  // ── 1. Sign in at /h5/login.
  const ctx = await phoneContext(browser(), base);
  const page = await newPage(ctx);
  // The first load's scripts and stylesheets come compressed (stored .br/.gz beside them; files under 1 KB are not
  // worth it), and none of the console's.
  const assets: { path: string; encoding: string | undefined; bytes: number }[] = [];
  page.on('response', async (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/assets\/.+\.(js|css)$/.test(path)) assets.push({ path, encoding: (await r.allHeaders())['content-encoding'], bytes: (await r.body()).length });
  });
  await page.goto('/h5');
  await page.waitForURL(/\/h5\/login/);
  await page.getByRole('heading', { name: '乡治 · 村民端' }).waitFor();
  await expect.poll(() => assets.length).toBeGreaterThan(3);
  expect(assets.filter((a) => a.encoding !== 'br' && a.encoding !== 'gzip' && a.bytes >= 1024)).toEqual([]);
  expect(assets.filter((a) => a.encoding === 'br').length).toBeGreaterThan(3);
  const consoleEntry = (await (await fetch(`${base}/`)).text()).match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
  expect(consoleEntry).toBeTruthy();
  expect(assets.map((a) => a.path).filter((p) => p === consoleEntry || /\/(antd-core|i18n)-/.test(p))).toEqual([]);
  await shot(page, 'h5', '01-login');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const loginBtn = page.getByRole('button', { name: /登\s*录/ });
  expect((await loginBtn.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await page.getByLabel('手机号').fill(VILLAGER);
  await page.getByLabel('密码').fill('demo123456');
  await loginBtn.click();
  await page.waitForURL((u) => u.pathname === '/h5');

  // ── 2. 首页: the case waiting for my rating comes first, under 待评价.
  const rateSection = page.getByRole('region', { name: /待评价/ });
  await rateSection.waitFor();
  const firstCard = page.locator('article').first();
  expect(await firstCard.textContent()).toContain(TITLE);
  expect(await firstCard.textContent()).toContain('已办结');
  expect(await firstCard.textContent()).toContain('公共设施损坏');
  expect(await firstCard.textContent()).toContain('11月27日');
  await page.getByRole('region', { name: '我家的事' }).waitFor();
  await page.getByRole('navigation', { name: '底部导航' }).getByRole('link', { name: '首页' }).waitFor();
  await expect.poll(() => page.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['首页', '随手拍', '积分', '我的']);
  // The family's place with its village, never a bare 一组网格.
  await page.getByText('孟家湾村 / 一组网格').first().waitFor();
  await shot(page, 'h5', '02-home');
  expect(await seriousA11yViolations(page)).toEqual([]);
  // No horizontal overflow on a 360 px phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // ── 3. The case: facts, the timeline in words, then the rating.
  await rateSection.getByRole('link', { name: `去评价：${TITLE}` }).click();
  await page.waitForURL(/\/h5\/cases\//);
  await page.getByRole('heading', { name: TITLE }).waitFor();
  const timeline = page.getByRole('region', { name: '办理经过' });
  // Newest first, each step a sentence: who, in what role, did what (the result under it, named as such).
  await expect
    .poll(() => timeline.locator('.xz-tl-say').allTextContents())
    .toEqual([
      expect.stringMatching(/^.+（孟家湾村干部）办结了这件事。$/),
      expect.stringMatching(/^.+（孟家湾村干部）受理了这件事，开始办理。$/),
      expect.stringMatching(/^.+（.+网格员）上报了这件事。$/),
    ]);
  expect(await timeline.locator('.xz-tl-note').first().textContent()).toMatch(/^办理结果：已联系交通站更换护栏/);
  expect(await timeline.textContent()).toContain('已联系交通站更换护栏');
  await page.getByRole('radio', { name: /5星/ }).waitFor();
  // The result in the handler's words sits above the stars: what is being rated.
  const rateBox = page.getByRole('region', { name: '请您评价' });
  expect(await rateBox.locator('.xz-result').textContent()).toMatch(/^办理结果 · .+ · 11月27日已联系交通站更换护栏，并设置警示桩。$/);
  await shot(page, 'h5', '03-case-rate');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('radio', { name: '5星 非常满意' }).click();
  await page.getByText('非常满意', { exact: true }).waitFor();
  await page.getByLabel('想说的话（可不填）').fill('护栏当天就修好了，谢谢村里！');
  await page.getByRole('button', { name: '提交评价' }).click();
  await page.getByText(/感谢评价/).waitFor();
  await page.locator('.xz-facts-status').getByText('已评价').waitFor();
  await timeline.getByText('您评价5星：非常满意。', { exact: true }).waitFor();
  await page.getByRole('img', { name: '5星，非常满意' }).waitFor();
  await shot(page, 'h5', '04-rated');

  // Back on 首页 nothing waits for a rating any more; the case shows 已评价.
  await page.getByRole('button', { name: '返回' }).click();
  await page.waitForURL((u) => u.pathname === '/h5');
  await page.getByRole('region', { name: '我家的事' }).getByText(TITLE).waitFor();
  expect(await page.getByRole('region', { name: /待评价/ }).count()).toBe(0);
  await expect.poll(() => page.locator('article').filter({ hasText: TITLE }).textContent()).toContain('已评价');

  // ── 4. 随手拍 with a photo (the full form is e2e/report-form.e2e.ts).
  await page.getByRole('navigation').getByRole('link', { name: '随手拍' }).click();
  await page.getByRole('heading', { name: '随手拍' }).waitFor();
  await page.getByRole('button', { name: '路灯坏了' }).click();
  await page.getByLabel('说说是什么情况').fill(`${PHOTO_TITLE}，两盏路灯连着三个晚上不亮，老人晚上出门看不清路。`);
  const input = page.locator('input[type=file]');
  expect(await input.getAttribute('multiple')).not.toBeNull();
  await input.setInputFiles({ name: '路灯.png', mimeType: 'image/png', buffer: scenePng() });
  await page.getByRole('img', { name: '第1张照片' }).waitFor();
  expect(await page.locator('.xz-report-place').textContent()).toContain('家庭住址');
  await shot(page, 'h5', '05-report');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('button', { name: '提交上报' }).click();
  await page.getByRole('heading', { name: '上报成功' }).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
  await page.waitForURL((u) => u.pathname === '/h5');
  const mine = page.locator('article').filter({ hasText: PHOTO_TITLE });
  await mine.waitFor();
  expect(await mine.textContent()).toContain('待受理');
  await shot(page, 'h5', '06-home-reported');
  // The photo went up compressed (JPEG) and shows on the case.
  await mine.getByRole('link').first().click();
  const photo = page.getByRole('img', { name: '路灯.jpg' });
  await photo.waitFor();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  await shot(page, 'h5', '07-reported-case');

  // ── 5. 我的: household address, 长辈版 remembered across reloads, sign out.
  await page.goto('/h5/me');
  await page.getByRole('heading', { name: '我的' }).waitFor();
  await page.getByText(villager.name).first().waitFor();
  await page.getByText('住址').waitFor();
  await shot(page, 'h5', '08-mine');
  const elder = page.getByRole('switch');
  await elder.click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('xz-elder'))).toBe(true);
  await page.goto('/h5');
  await page.getByRole('region', { name: '我家的事' }).waitFor();
  const fontPx = await page
    .locator('.xz-case-title')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx).toBeGreaterThanOrEqual(20);
  await shot(page, 'h5', '09-home-elder');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.goto('/h5/me');
  await page.getByRole('heading', { name: '我的' }).waitFor();
  await shot(page, 'h5', '10-mine-elder');
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/h5\/login/);

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

/** A stand-in for the phone's speech engine: records what is spoken; `__finishSpeaking()` ends it as a voice would. */
function fakeSpeech() {
  type U = { text: string; lang: string; voice: { lang: string } | null; rate: number; onend: (() => void) | null; onerror: ((e: unknown) => void) | null };
  const w = window as unknown as Record<string, unknown>;
  const spoken: { text: string; lang: string; voice: string | null; rate: number }[] = [];
  let current: U | null = null;
  const synth = {
    speaking: false,
    pending: false,
    paused: false,
    cancels: 0,
    getVoices: () => [
      { name: 'English', lang: 'en-US' },
      { name: '普通话（中国大陆）', lang: 'zh-CN' },
    ],
    speak(u: U) {
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.lang ?? null, rate: u.rate });
      current = u;
      synth.speaking = true;
    },
    cancel() {
      const u = current;
      current = null;
      synth.speaking = false;
      synth.cancels++;
      u?.onerror?.({ error: 'canceled' });
    },
    pause() {},
    resume() {},
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  w.SpeechSynthesisUtterance = class {
    text: string;
    lang = '';
    voice = null;
    rate = 1;
    onend = null;
    onerror = null;
    constructor(t: string) {
      this.text = t;
    }
  };
  w.__spoken = spoken;
  w.__speech = synth;
  w.__finishSpeaking = () => {
    const u = current;
    current = null;
    synth.speaking = false;
    u?.onend?.();
  };
}

test('a household with many cases sees them all, a page at a time, and has a case read aloud in 长辈版', async () => {
  const base = server().baseURL;
  // ── Set-up: 12 finished cases waiting for the household's rating and 24 under way (more than one page of each).
  const vTok = await apiLogin(base, VILLAGER);
  const villager = await apiGet<Me>(base, vTok, '/api/me');
  const householdId = villager.roles[0].householdId;
  const gwTok = await apiLogin(base, GRID_WORKER);
  const gw = await apiGet<Me>(base, gwTok, '/api/me');
  const cTok = await apiLogin(base, CADRE);
  const report = (title: string, key: string) =>
    apiPost<Case & { title: string }>(base, gwTok, '/api/cases', {
      type: 'incident',
      category: 'env_dirty',
      title,
      description: `${title}，请尽快处理。`,
      regionId: gw.roles[0].regionId,
      householdId,
      idempotencyKey: key,
    });
  const RESOLVE_NOTE = '已清理干净，并跟村民约定每周巡查一次。';
  for (let i = 1; i <= 12; i++) {
    const c = await report(`三组${i}号垃圾池满了`, `h5-paging-done-${i}`);
    await apiPost(base, cTok, `/api/cases/${c.id}/transitions`, { action: 'accept', idempotencyKey: `h5-paging-accept-${i}` });
    await apiUploadPngs(base, cTok, `/api/cases/${c.id}/attachments`, [{ name: '清理后.png', data: scenePng(40, 30, true) }]);
    await apiPost(base, cTok, `/api/cases/${c.id}/transitions`, { action: 'resolve', note: RESOLVE_NOTE, idempotencyKey: `h5-paging-resolve-${i}` });
  }
  for (let i = 1; i <= 24; i++) await report(`村道${i}号路灯不亮`, `h5-paging-open-${i}`);
  // What the villager's account may see is exactly the household's cases and its own reports.
  const family = await apiGet<{ total: number }>(base, vTok, '/api/cases?pageSize=1');
  const resolved = await apiGet<{ total: number; items: { id: string; title: string }[] }>(base, vTok, '/api/cases?status=resolved&pageSize=1');
  expect(resolved.total).toBeGreaterThan(10);
  expect(family.total - resolved.total).toBeGreaterThan(20);

  // ── 1. 长辈版 from the sign-in page, on a phone whose speech engine is a recorder.
  const ctx = await phoneContext(browser(), base);
  await ctx.addInitScript(fakeSpeech);
  const page = await newPage(ctx);
  await page.goto('/h5/login');
  await page.getByRole('switch', { name: '长辈版大字' }).click();
  await page.getByLabel('手机号').fill(VILLAGER);
  await page.getByLabel('密码').fill('demo123456');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => u.pathname === '/h5');

  // ── 2. 待评价: the first page, then the rest with the button.
  const rateSection = page.getByRole('region', { name: /待评价/ });
  await rateSection.locator('article').first().waitFor();
  expect(await rateSection.locator('article').count()).toBe(10);
  expect(await rateSection.locator('.xz-count').textContent()).toBe(String(resolved.total));
  const more = rateSection.getByRole('button', { name: `还有 ${resolved.total - 10} 件待评价，点此查看` });
  await more.scrollIntoViewIfNeeded();
  expect((await more.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await shot(page, 'h5', '11-rate-more');
  await more.click();
  await expect.poll(() => rateSection.locator('article').count()).toBe(resolved.total);
  expect(await rateSection.getByRole('button', { name: /待评价/ }).count()).toBe(0);

  // ── 3. 我家的事 loads on as the villager scrolls, to the very last case.
  const familySection = page.getByRole('region', { name: '我家的事' });
  const firstLoad = await familySection.locator('article').count();
  expect(firstLoad).toBeGreaterThan(0);
  expect(firstLoad).toBeLessThan(family.total - resolved.total);
  const end = familySection.getByText('已经到底了');
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, 4000);
        return end.isVisible();
      },
      { timeout: 30_000, interval: 300 },
    )
    .toBe(true);
  expect(await familySection.locator('article').count()).toBe(family.total - resolved.total);
  await familySection.getByText('村道1号路灯不亮', { exact: true }).waitFor();
  await shot(page, 'h5', '12-family-end');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  // ── 4. 朗读 on a finished case: title, where it stands, the latest step; a second tap stops.
  await page.evaluate(() => window.scrollTo(0, 0));
  await rateSection.locator('article').filter({ hasText: '三组12号垃圾池满了' }).getByRole('link').first().click();
  await page.getByRole('heading', { name: '三组12号垃圾池满了' }).waitFor();
  const read = page.getByRole('button', { name: '朗读', exact: true });
  expect((await read.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await shot(page, 'h5', '13-case-elder-read');
  await read.click();
  const stop = page.getByRole('button', { name: '停止朗读', exact: true });
  await stop.waitFor();
  expect(await read.count()).toBe(0);
  const spoken = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string; voice: string | null }[] }).__spoken);
  expect(spoken).toHaveLength(1);
  expect(spoken[0].lang).toBe('zh-CN');
  expect(spoken[0].voice).toBe('zh-CN');
  expect(spoken[0].text).toMatch(
    new RegExp(`^三组12号垃圾池满了。当前状态：已办结。最新进展：11月27日 \\d\\d:\\d\\d，孟家湾村干部高永强办结了这件事。办理结果：${RESOLVE_NOTE}$`),
  );
  await shot(page, 'h5', '14-reading-elder');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await stop.click();
  await read.waitFor();
  expect(await page.evaluate(() => (window as unknown as { __speech: { cancels: number; speaking: boolean } }).__speech.speaking)).toBe(false);
  // Read again and let the voice finish by itself: the button is ready for the next time.
  await read.click();
  await stop.waitFor();
  await page.evaluate(() => (window as unknown as { __finishSpeaking: () => void }).__finishSpeaking());
  await read.waitFor();
  expect(await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken.length)).toBe(2);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();

  // ── 5. A browser without speech (some in-app browsers): no 朗读 button at all.
  const mute = await phoneContext(browser(), base);
  await mute.addInitScript(() => {
    Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
  });
  const p2 = await newPage(mute);
  await p2.goto('/h5/login');
  await p2.getByLabel('手机号').fill(VILLAGER);
  await p2.getByLabel('密码').fill('demo123456');
  await p2.getByRole('button', { name: /登\s*录/ }).click();
  await p2.waitForURL((u) => u.pathname === '/h5');
  await p2
    .getByRole('region', { name: /待评价/ })
    .locator('article')
    .first()
    .getByRole('link')
    .first()
    .click();
  await p2.locator('.xz-facts-status').waitFor();
  expect(await p2.getByRole('button', { name: /朗读/ }).count()).toBe(0);
  expect(unexpected(p2.problems)).toEqual([]);
  await mute.close();
});
