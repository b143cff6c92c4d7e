// Journey 5: the closed loop of a case — a grid worker reports 人居环境脏乱 with a photo for a household, the village
// cadre sees it in 待办 and in the inbox, accepts it and dispatches it to 马丽娟, she resolves it, the villager of that
// household rates it on the phone (村民端), and the cadre archives it. The timeline shows every step.
import { expect, test } from 'vitest';
import { newContext, newPage, pickOption, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, apiUploadPngs, unexpected } from './support/api';
import { scenePng } from './support/png';
import { confirmAction, openActionDialog, timelineSteps } from './support/cases';

const { server, browser } = useJourney();

const TITLE = '三组路口垃圾堆积无人清理';
const GRID_WORKER = '13800000003'; // 马丽娟, 孟家湾村一组网格
const CADRE = '13800000002'; // 高永强, 孟家湾村

test('a reported case goes round the whole loop: report, accept, dispatch, resolve, rate, archive', async () => {
  const base = server().baseURL;

  // ── 1. The grid worker reports from 上报事件, with a photo.
  const gw = await newContext(browser(), base);
  const p1 = await newPage(gw);
  await signIn(p1, GRID_WORKER);
  await p1.getByRole('menuitem', { name: '上报事件' }).click();
  await p1.getByRole('heading', { name: '上报事件' }).waitFor();
  await pickOption(p1, p1.getByLabel('事件类别'), '人居环境脏乱');
  await p1.getByText('首报奖励 2 积分').waitFor();
  await p1.getByLabel('事件标题').fill(TITLE);
  await p1.getByLabel('情况描述').fill('路口东侧垃圾池已满，周边散落生活垃圾，影响村民出行，请尽快安排清运。');
  // The place defaults to the worker's own grid.
  expect(await p1.locator('.ant-form-item').filter({ hasText: '发生地点' }).textContent()).toContain('一组网格');
  // Reported for the household next to the heap: that household rates the result (群众评单).
  await p1.getByLabel('涉及农户').click();
  await p1.keyboard.type('王博磊');
  const household = p1.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '王博磊' }).first();
  await household.waitFor();
  await household.click();
  await p1.locator('input[type=file]').setInputFiles({ name: '路口垃圾.png', mimeType: 'image/png', buffer: scenePng() });
  await p1.getByText('路口垃圾.png').waitFor();
  await shot(p1, 'cases', '01-report');
  expect(await seriousA11yViolations(p1)).toEqual([]);

  await p1.getByRole('button', { name: '提交上报' }).click();
  await p1.getByRole('heading', { name: TITLE }).waitFor();
  await p1.getByText(/事件已上报：\d{8}-/).waitFor();
  const caseUrl = new URL(p1.url()).pathname;
  expect(caseUrl).toMatch(/^\/cases\/[\w-]+$/);
  await p1.locator('.xz-page-sub').getByText('待受理').waitFor();
  await p1.getByRole('img', { name: '路口垃圾.png' }).waitFor();
  expect(await timelineSteps(p1)).toEqual(['上报', '上传附件']);
  await shot(p1, 'cases', '02-reported');

  // ── 2. The village cadre: the case waits in 待办 and in the inbox.
  const cd = await newContext(browser(), base);
  const p2 = await newPage(cd);
  await signIn(p2, CADRE);
  await p2.getByRole('menuitem', { name: '事件列表' }).click();
  await p2.getByRole('heading', { name: '事件列表' }).waitFor();
  await expect.poll(() => p2.getByRole('tab', { selected: true }).textContent()).toContain('待办');
  const row = p2.getByRole('row').filter({ hasText: TITLE });
  await row.waitFor();
  const rowText = await row.textContent();
  expect(rowText).toContain('人居环境脏乱');
  expect(rowText).toContain('待受理');
  expect(rowText).toContain('一组网格');
  const bell = p2.getByRole('button', { name: /^消息，\d+ 条未读$/ });
  await bell.waitFor();
  await shot(p2, 'cases', '03-todo');
  expect(await seriousA11yViolations(p2)).toEqual([]);

  await bell.click();
  const inbox = p2.getByRole('dialog', { name: '消息' });
  const notice = inbox.getByRole('button', { name: new RegExp(`新上报事件待受理：${TITLE}`) });
  await notice.waitFor();
  await shot(p2, 'cases', '04-inbox');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  const unreadBefore = Number((await bell.getAttribute('aria-label'))!.match(/(\d+)/)![1]);
  await notice.click();
  await p2.waitForURL((u) => u.pathname === caseUrl);
  await p2.getByRole('heading', { name: TITLE }).waitFor();
  await expect
    .poll(async () => {
      const label = await p2.locator('.xz-bell').getAttribute('aria-label');
      return label === '消息' ? 0 : Number(label!.match(/(\d+)/)![1]);
    })
    .toBe(unreadBefore - 1);

  // Accept, then dispatch to 马丽娟.
  await confirmAction(p2, '受理');
  await p2.getByText('已受理', { exact: true }).first().waitFor();
  await p2.locator('.xz-page-sub').getByText('已受理').waitFor();
  await p2
    .getByRole('complementary', { name: '办理' })
    .getByRole('button', { name: /^派\s*单$/ })
    .click();
  const dispatch = p2.getByRole('dialog', { name: /派单：/ });
  await dispatch.waitFor();
  await dispatch.getByLabel('经办人').click();
  const option = p2.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '马丽娟' });
  await option.waitFor();
  expect(await option.textContent()).toContain('网格员 · 孟家湾村 / 一组网格');
  await shot(p2, 'cases', '05-dispatch-options');
  await option.click();
  await dispatch.getByLabel('说明').fill('请今天下午安排清运，完成后拍照上传。');
  await shot(p2, 'cases', '06-dispatch');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  await dispatch.getByRole('button', { name: /派\s*单/ }).click();
  await dispatch.waitFor({ state: 'hidden' });
  await p2.getByText('已派单给 马丽娟').waitFor();
  await p2.locator('.xz-page-sub').getByText('已派单').waitFor();
  await p2.locator('.xz-step-line').getByText('派给 马丽娟').waitFor();
  await shot(p2, 'cases', '07-dispatched');

  // ── 3. 马丽娟 gets the assignment, resolves the case, then rates it as its reporter.
  await p1.reload();
  const gwBell = p1.getByRole('button', { name: /^消息，\d+ 条未读$/ });
  await gwBell.click();
  await p1
    .getByRole('dialog', { name: '消息' })
    .getByRole('button', { name: new RegExp(`新派单：${TITLE}`) })
    .click();
  await p1.getByRole('heading', { name: TITLE }).waitFor();
  // 人居环境脏乱 needs a photo of the result (the demo's setting): the dialog says so and takes it.
  const resolve = await openActionDialog(p1, '办结');
  await resolve.dialog.getByText('本类别办结须附至少一张现场照片').waitFor();
  await resolve.dialog.getByLabel('办理结果').fill('垃圾已全部清运，垃圾池已清洗消毒。');
  await resolve.dialog.locator('input[type=file]').setInputFiles({ name: '清运后.png', mimeType: 'image/png', buffer: scenePng(160, 120, true) });
  await expect.poll(() => resolve.dialog.locator('.ant-upload-list-item').count()).toBe(1);
  await shot(p1, 'cases', '07b-resolve-with-photo');
  expect(await seriousA11yViolations(p1)).toEqual([]);
  await resolve.submit();
  await p1.getByText('已办结，已通知上报人评价').waitFor();
  // The photos before and after, side by side.
  const pair = p1.getByRole('region', { name: '办理前' });
  await pair.getByRole('img').first().waitFor();
  await p1.getByRole('region', { name: '办理后' }).getByRole('img').first().waitFor();
  await pair.scrollIntoViewIfNeeded();
  await shot(p1, 'cases', '07c-before-after');
  await p1.locator('.xz-page-sub').getByText('已办结').waitFor();

  // ── 3b. The villager of that household rates it on the phone (村民端).
  const phone = await browser().newContext({
    baseURL: base,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
  });
  phone.setDefaultTimeout(30_000);
  const p3 = await newPage(phone);
  await p3.goto('/h5/login');
  await p3.getByLabel('手机号').fill('13800000004');
  await p3.getByLabel('密码').fill('demo123456');
  await p3.getByRole('button', { name: /登\s*录/ }).click();
  await p3
    .getByRole('region', { name: /待评价/ })
    .getByRole('link', { name: `去评价：${TITLE}` })
    .click();
  await p3.getByRole('heading', { name: TITLE }).waitFor();
  await p3.getByRole('radio', { name: '5星 非常满意' }).click();
  await p3.getByLabel('想说的话（可不填）').fill('处理及时，路口干净了。');
  await shot(p3, 'cases', '08-rate');
  expect(await seriousA11yViolations(p3)).toEqual([]);
  await p3.getByRole('button', { name: '提交评价' }).click();
  await p3.getByText(/感谢评价/).waitFor();
  expect(unexpected(p3.problems)).toEqual([]);
  await phone.close();

  // ── 4. The cadre archives it; the timeline shows every step with who and the status change.
  await p2.reload();
  await p2.getByRole('heading', { name: TITLE }).waitFor();
  await confirmAction(p2, '归档');
  await p2.locator('.xz-page-sub').getByText('已归档').waitFor();
  expect(await timelineSteps(p2)).toEqual(['上报', '上传附件', '受理', '派单', '上传附件', '办结', '评价', '归档']);
  const timeline = (await p2.locator('.ant-timeline').textContent()) ?? '';
  for (const words of ['马丽娟', '高永强', '王博磊', '派给 马丽娟', '垃圾已全部清运', '处理及时，路口干净了。']) expect(timeline).toContain(words);
  expect(await p2.locator('.ant-descriptions').textContent()).toContain('处理及时，路口干净了。');
  await p2.getByText('该事件已归档。', { exact: false }).first().waitFor();
  await p2.locator('.ant-timeline').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 180));
  await shot(p2, 'cases', '09-timeline');
  expect(await seriousA11yViolations(p2)).toEqual([]);

  // Nothing raw or English leaked into the pages.
  const bodyText = (await p2.getByRole('main').textContent()) ?? '';
  for (const code of ['env_dirty', 'dispatched', 'in_progress', 'resolve', 'archive', 'grid_worker', 'undefined', 'null']) expect(bodyText).not.toContain(code);

  expect(unexpected(p1.problems)).toEqual([]);
  expect(unexpected(p2.problems)).toEqual([]);
  await gw.close();
  await cd.close();
});

test("a new grid worker's empty boxes say what will come there and what to do", async () => {
  // Set-up: a fresh account, so its boxes are empty whatever demo cases exist.
  const base = server().baseURL;
  const admin = await apiLogin(base, '13800000000');
  const me = await apiGet<{ roles: { regionId: string }[] }>(base, await apiLogin(base, GRID_WORKER), '/api/me');
  await apiPost(base, admin, '/api/users', {
    name: '赵新民',
    phone: '13900002222',
    password: 'Grid2026ok',
    roles: [{ role: 'grid_worker', regionId: me.roles[0].regionId }],
  });

  const ctx = await newContext(browser(), base);
  const page = await newPage(ctx);
  await signIn(page, '13900002222', 'Grid2026ok');
  await page.getByRole('menuitem', { name: '事件列表' }).click();
  await page.getByText('暂无待办事件').waitFor();
  await page.getByRole('tab', { name: '抄告' }).click();
  await page.getByText('没有抄告给您的事件').waitFor();
  await page.getByRole('tab', { name: '我上报的' }).click();
  await page.getByText('您还没有上报过事件').waitFor();
  await page.locator('.ant-empty').getByRole('button', { name: '上报事件' }).waitFor();
  await shot(page, 'cases', '10-empty-mine');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('an administrator adds a 代办 item to the catalog', async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000000');
  await page.goto(`${server().baseURL}/cases/categories`);
  await page
    .getByRole('tab', { name: '党员代办' })
    .or(page.getByRole('tab', { name: /代办/ }))
    .first()
    .click();
  await page.getByRole('button', { name: /新增类别/ }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('类别', { exact: true }).fill('代缴水电费');
  await dialog.getByLabel('分组').fill('生活服务');
  await shot(page, 'cases', '11-add-category');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.getByText('已新增类别“代缴水电费”').waitFor();
  const row = page.getByRole('row').filter({ hasText: '代缴水电费' });
  await row.waitFor();
  expect(await row.textContent()).toContain('生活服务');
  await shot(page, 'cases', '12-category-added');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('the township leader follows low-rated and reopened cases (差评与回头看)', async () => {
  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000001');
  await page.getByRole('menuitem', { name: '事件列表' }).click();
  await page.getByRole('tab', { name: '差评与回头看' }).click();
  await page
    .getByText(/差评与回头看\s*共 \d+ 件/)
    .or(page.locator('.ant-table-row').first())
    .first()
    .waitFor();
  const rows = page.locator('.ant-table-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBeGreaterThan(0);
  await shot(page, 'cases', '13-attention');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

interface Stats {
  total: number;
  byStatus: { status: string; n: number }[];
  resolved: number;
  overdue: number;
  lowRatings: number;
  avgRating: number | null;
  villageRate: number | null;
}
interface ListItem {
  id: string;
  title: string;
  seq: string;
  rating: number | null;
  reopened: number;
}

test("the case list shows the region's figures (事件概况), ratings as stars and 回头看 markers", async () => {
  const base = server().baseURL;
  const leaderToken = await apiLogin(base, '13800000001');
  const villages = await apiGet<{ items: { id: string; name: string }[] }>(base, leaderToken, '/api/regions');
  const township = villages.items[0];
  const children = await apiGet<{ items: { id: string; name: string }[] }>(base, leaderToken, `/api/regions?parentId=${township.id}`);
  const mjw = children.items.find((r) => r.name === '孟家湾村')!;
  expect(mjw).toBeTruthy();
  // What the strip should read for a region, in Chinese number conventions (1,234 件, 95.2%, 4.6).
  const expected = (s: Stats) => ({
    total: s.total.toLocaleString('zh-CN'),
    open: s.byStatus
      .filter((b) => ['reported', 'accepted', 'dispatched', 'in_progress'].includes(b.status))
      .reduce((n, b) => n + b.n, 0)
      .toLocaleString('zh-CN'),
    overdue: s.overdue.toLocaleString('zh-CN'),
    resolved: s.resolved.toLocaleString('zh-CN'),
    villageRate: s.villageRate == null ? '暂无' : new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(s.villageRate),
    avgRating: s.avgRating == null ? '暂无' : s.avgRating.toFixed(1),
    lowRatings: s.lowRatings.toLocaleString('zh-CN'),
  });
  // A case the household rated 2 stars, which the village then took up again (回头看): the newest on the watch list.
  const gwToken = await apiLogin(base, GRID_WORKER);
  const villager = await apiGet<{ roles: { householdId: string | null }[] }>(base, await apiLogin(base, '13800000004'), '/api/me');
  const gwMe = await apiGet<{ roles: { regionId: string }[] }>(base, gwToken, '/api/me');
  const revisited = await apiPost<ListItem>(base, gwToken, '/api/cases', {
    type: 'incident',
    category: 'facility_damage',
    title: '二组水泥路面塌陷修补后又开裂',
    description: '上月修补的路面又裂开了，雨天积水。',
    regionId: gwMe.roles[0].regionId,
    householdId: villager.roles[0].householdId,
    idempotencyKey: 'cases-e2e-revisit-1',
  });
  const cadreToken = await apiLogin(base, CADRE);
  await apiPost(base, cadreToken, `/api/cases/${revisited.id}/transitions`, { action: 'accept', idempotencyKey: 'cases-e2e-revisit-accept' });
  await apiUploadPngs(base, cadreToken, `/api/cases/${revisited.id}/attachments`, [{ name: '修补后.png', data: scenePng(160, 120, true) }]);
  await apiPost(base, cadreToken, `/api/cases/${revisited.id}/transitions`, {
    action: 'resolve',
    note: '已安排修补。',
    idempotencyKey: 'cases-e2e-revisit-resolve',
  });
  await apiPost(base, await apiLogin(base, '13800000004'), `/api/cases/${revisited.id}/transitions`, {
    action: 'rate',
    rating: 2,
    note: '补了没几天又裂了。',
    idempotencyKey: 'cases-e2e-revisit-rate',
  });
  await apiPost(base, cadreToken, `/api/cases/${revisited.id}/transitions`, {
    action: 'reopen',
    note: '回头看发现问题反弹，重新办理',
    idempotencyKey: 'cases-e2e-revisit-reopen',
  });

  const all = expected(await apiGet<Stats>(base, leaderToken, '/api/cases/stats'));
  const village = expected(await apiGet<Stats>(base, leaderToken, `/api/cases/stats?regionId=${mjw.id}`));
  expect(village.total).not.toBe(all.total);

  const ctx = await newContext(browser(), base);
  const page = await newPage(ctx);
  await signIn(page, '13800000001');
  await page.getByRole('menuitem', { name: '事件列表' }).click();
  await page.getByRole('heading', { name: '事件列表' }).waitFor();

  // The strip reads the figures of the whole jurisdiction, then of the village chosen in the tree.
  const figures = async (name: RegExp) => {
    const strip = page.getByRole('region', { name });
    await strip.locator('dl').waitFor();
    const read = (key: string) => strip.locator(`[data-stat="${key}"] dd`).textContent();
    return {
      total: await read('total'),
      open: await read('open'),
      overdue: await read('overdue'),
      resolved: await read('resolved'),
      villageRate: await read('villageRate'),
      avgRating: await read('avgRating'),
      lowRatings: await read('lowRatings'),
    };
  };
  await expect.poll(() => figures(new RegExp(`^${township.name}事件概况$`))).toEqual(all);
  const labels = await page
    .getByRole('region', { name: /事件概况$/ })
    .locator('dt')
    .allTextContents();
  expect(labels).toEqual(['事件总数', '办理中', '超期', '已化解', '小事不出村率', '平均评价', '差评']);
  await page.getByRole('button', { name: '什么是小事不出村率' }).hover();
  await page.getByRole('tooltip').filter({ hasText: '已化解的事件中，在村、网格一级化解（没有上交乡镇）的比例' }).waitFor();
  await shot(page, 'cases', '14-stats-township');
  await page.mouse.move(0, 0);

  await page
    .getByRole('treeitem', { name: /孟家湾村/ })
    .first()
    .click();
  await expect.poll(() => figures(/^孟家湾村事件概况$/)).toEqual(village);
  await shot(page, 'cases', '15-stats-village');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // 差评与回头看: each low rating shows as stars (words for screen readers), each reopened case carries 回头看.
  await page.getByRole('tab', { name: '差评与回头看' }).click();
  await page.locator('.ant-table-row').first().waitFor();
  const watch = await apiGet<{ items: ListItem[] }>(base, leaderToken, `/api/cases?attention=true&regionId=${mjw.id}&pageSize=20`);
  const low = watch.items.find((c) => c.rating != null && c.rating <= 2);
  const reopened = watch.items.find((c) => c.reopened > 0);
  expect(low).toBeTruthy();
  expect(reopened).toBeTruthy();
  expect(reopened!.id).toBe(revisited.id);
  const words = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'];
  const lowRow = page.getByRole('row').filter({ hasText: low!.seq });
  await lowRow.locator('.xz-rate-cell').getByText(`${low!.rating} 星：${words[low!.rating!]}`, { exact: true }).waitFor({ state: 'attached' });
  expect(await lowRow.locator('.ant-rate-star-full').count()).toBe(low!.rating);
  await page.getByRole('row').filter({ hasText: reopened!.seq }).getByText('回头看', { exact: true }).waitFor();
  expect(await page.getByRole('columnheader', { name: '群众评价' }).count()).toBe(1);
  await shot(page, 'cases', '16-attention-ratings');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
