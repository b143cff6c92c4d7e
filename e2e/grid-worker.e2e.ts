// Journey: the grid worker's phone (网格员端) on a 360 px screen — sign in and land on 今日 (patrols due, this month's
// visits overdue first with why each is due, my open cases); log a visit to a household on the plan with 发现问题, a
// photo and a location the worker chose to attach, and turn it into a case (转为事件) without retyping; complete the
// 日巡查 checklist with one problem item and turn that item into a case; 长辈版; a village cadre also starts on 今日 and a
// villager still starts on the villager home.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newPage, phoneContext, shot, signInOnPhone } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, unexpected } from './support/api';
import { scenePng } from './support/png';

const { server, browser } = useJourney();

const GRID_WORKER = '13800000003';
const CADRE = '13800000002';
const VILLAGER = '13800000004';
const SPOT = { latitude: 38.285712, longitude: 109.734851 };

const SITUATION = '家里冬季取暖用煤还没备齐，屋里只有一个小炉子。老人腿脚不便，出门买煤困难。';
const NEEDS = '希望村里帮忙联系送煤，并申请临时救助。';
const FOLLOW_UP = '三天内回访，确认煤已送到。';
const PATROL_NOTE = '村道东头垃圾收集点满溢，已有三天没有清运。';

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
  residentId: string | null;
  residentName: string | null;
  regionId: string;
  reasons: string[];
  status: string;
}
interface Page_<T> {
  items: T[];
  total: number;
}
interface Visit {
  id: string;
  householdId: string;
  regionId: string;
  method: string;
  situation: string;
  needs: string | null;
  followUp: string | null;
  problem: boolean;
  caseId: string | null;
  location: { latitude: number; longitude: number } | null;
  attachments: { name: string; mime: string }[];
}
interface Case {
  id: string;
  seq: string;
  title: string;
  description: string;
  householdId: string | null;
  regionId: string;
  source: string;
  category: string;
  status: string;
  details: Record<string, unknown> | null;
}
interface Patrol {
  id: string;
  kind: string;
  regionId: string;
  problems: number;
  results: { code: string; name: string; ok: boolean; note: string | null; caseId: string | null }[];
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test('a grid worker logs a visit and a patrol on the phone and turns what they found into cases', async () => {
  const base = server().baseURL;
  const tok = await apiLogin(base, GRID_WORKER);
  const me = await apiGet<Me>(base, tok, '/api/me');
  const grid = me.roles.find((r) => r.role === 'grid_worker')!;
  const overdue = await apiGet<Page_<PlanItem>>(base, tok, '/api/visits/plan?status=overdue&pageSize=50');
  const due = await apiGet<Page_<PlanItem>>(base, tok, '/api/visits/plan?status=due&pageSize=50');
  const done = await apiGet<Page_<PlanItem>>(base, tok, '/api/visits/plan?status=done&pageSize=1');
  const total = overdue.total + due.total + done.total;
  expect(due.total + overdue.total).toBeGreaterThan(0);
  const todo = await apiGet<Page_<Case>>(base, tok, '/api/cases?box=todo&pageSize=1');

  // ── 1. Sign in on /h5: a grid worker lands on 今日, with the worker's tab bar.
  const ctx = await phoneContext(browser(), base, { geolocation: SPOT, permissions: ['geolocation'] });
  const page = await newPage(ctx);
  await signInOnPhone(page, GRID_WORKER);
  await page.waitForURL((u) => u.pathname === '/h5/today');
  await page.getByRole('heading', { name: `${me.name}，您好` }).waitFor();
  await expect.poll(() => page.getByRole('navigation', { name: '底部导航' }).getByRole('link').allTextContents()).toEqual(['今日', '走访', '巡查', '我的']);

  // 今日巡查: today's 日巡查 of my grid, not yet done.
  const patrolSection = page.getByRole('region', { name: /今日巡查/ });
  const daily = patrolSection.locator('article').filter({ hasText: `日巡查 · ${grid.regionName}` });
  await daily.waitFor();
  expect(await daily.textContent()).toContain('待巡查');
  // 本月走访: progress X/Y, open items overdue first, each with why it is due.
  const visitSection = page.getByRole('region', { name: /本月走访/ });
  await visitSection.getByText(`已访 ${done.total}/${total}`).waitFor();
  const open = [...overdue.items, ...due.items];
  const first = open[0];
  const firstCard = visitSection.locator('article').first();
  await firstCard.waitFor();
  const firstText = (await firstCard.textContent())!;
  expect(firstText).toContain(first.address);
  expect(firstText).toContain(first.reasons[0]);
  expect(firstText).toContain(overdue.total ? '已逾期' : '待走访');
  // 我的待办事件: the count of my open cases and the first few of them.
  const todoSection = page.getByRole('region', { name: /我的待办事件/ });
  if (todo.total) {
    await expect.poll(() => todoSection.locator('.xz-count').textContent()).toBe(String(todo.total));
    await todoSection.locator('article').first().waitFor();
    expect(await todoSection.locator('article').count()).toBe(Math.min(3, todo.total));
  }
  await shot(page, 'grid-worker', '01-today');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
  // No raw codes on the screen.
  expect(await page.locator('main').textContent()).not.toMatch(/\b(daily|due|overdue|grid_worker|elderly_alone|env_dirty)\b/);

  // A case in 我的待办 opens the case page.
  if (todo.total) {
    const caseCard = todoSection.locator('article').first();
    const caseTitle = (await caseCard.locator('.xz-case-title').textContent())!;
    await caseCard.getByRole('link').click();
    await page.waitForURL(/\/h5\/cases\//);
    await page.getByRole('heading', { name: caseTitle }).waitFor();
    await page.getByRole('button', { name: '返回' }).click();
    await page.waitForURL((u) => u.pathname === '/h5/today');
  }

  // ── 2. 走访: tap the first plan item → a short form; 入户 is the default, 走访情况 is the one required field.
  await visitSection.locator('article').first().getByRole('link').click();
  await page.waitForURL(/\/h5\/visits\/new\?/);
  expect(new URL(page.url()).searchParams.get('household')).toBe(first.householdId);
  const who = page.getByRole('region', { name: '走访对象' });
  await who.getByText(first.address, { exact: false }).waitFor();
  await who.getByText(first.reasons[0]).waitFor();
  expect(await page.getByRole('radio', { name: '入户' }).getAttribute('aria-checked')).toBe('true');
  await page.getByRole('button', { name: '保存走访' }).click();
  await page.getByText('请写几句走访情况').waitFor(); // nothing saved without the situation
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('visit-situation');
  await page.getByLabel('走访情况').fill(SITUATION);
  await page.getByLabel(/群众诉求/).fill(NEEDS);
  await page.getByLabel(/后续跟进/).fill(FOLLOW_UP);
  await page.getByRole('switch', { name: '发现问题' }).click();
  expect(await page.getByRole('switch', { name: '发现问题' }).getAttribute('aria-checked')).toBe('true');
  await page.locator('#visit-photo').setInputFiles({ name: '取暖.png', mimeType: 'image/png', buffer: scenePng() });
  await page.getByRole('img', { name: '现场照片预览' }).waitFor();
  // Location only because the worker taps for it.
  await page.getByRole('button', { name: '附上位置' }).click();
  await page.getByText('已附上位置').waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'grid-worker', '02-visit-form');
  await page.getByText('已附上位置').scrollIntoViewIfNeeded();
  await shot(page, 'grid-worker', '03-visit-form-end');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
  const save = page.getByRole('button', { name: '保存走访' });
  expect((await save.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await save.click();

  // ── 3. Saved: 转为事件 is offered, the title prefilled from the text, nothing retyped.
  await page.waitForURL(/\/h5\/visits\/(?!new)[^/?]+$/);
  const visitId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  await page.getByText(/走访已保存/).waitFor();
  const toCase = page.getByRole('region', { name: '转为事件' });
  await toCase.waitFor();
  const titleBox = page.getByLabel('事件标题');
  expect(await titleBox.inputValue()).toBe('家里冬季取暖用煤还没备齐，屋里只有一个小炉子');
  await shot(page, 'grid-worker', '04-visit-saved');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await toCase.getByRole('button', { name: '确认转为事件' }).click();
  await toCase.getByText('请选择事件类别').waitFor();
  await toCase.getByRole('button', { name: '因灾因病生活困难' }).click();
  await toCase.getByRole('button', { name: '确认转为事件' }).click();
  const linked = page.getByRole('region', { name: '事件', exact: true });
  await linked.getByText('已转为事件').waitFor();
  await linked.getByText(/编号 \d{8}-/).waitFor();
  await shot(page, 'grid-worker', '05-visit-case');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The case carries the visit's text, household and grid, and the two are linked both ways.
  const visit = await apiGet<Visit>(base, tok, `/api/visits/${visitId}`);
  expect(visit.caseId).toBeTruthy();
  expect(visit).toMatchObject({
    householdId: first.householdId,
    regionId: first.regionId,
    method: 'home',
    situation: SITUATION,
    needs: NEEDS,
    followUp: FOLLOW_UP,
    problem: true,
  });
  expect(visit.location).toEqual(SPOT);
  expect(visit.attachments.map((a) => [a.name, a.mime])).toEqual([['取暖.jpg', 'image/jpeg']]);
  const visitCase = await apiGet<Case>(base, tok, `/api/cases/${visit.caseId}`);
  expect(visitCase).toMatchObject({
    title: '家里冬季取暖用煤还没备齐，屋里只有一个小炉子',
    householdId: first.householdId,
    regionId: grid.regionId,
    source: 'visit',
    category: 'hardship',
  });
  expect(visitCase.description).toContain(SITUATION);
  expect(visitCase.description).toContain(NEEDS);
  expect(visitCase.details).toMatchObject({ visitId });
  await linked.getByText(visitCase.seq).waitFor();

  // The link opens the case.
  await linked.getByRole('link', { name: /查看/ }).click();
  await page.waitForURL(`**/h5/cases/${visit.caseId}`);
  await page.getByRole('heading', { name: visitCase.title }).waitFor();
  await page.getByText('因灾因病生活困难').waitFor();
  await shot(page, 'grid-worker', '06-case');

  // ── 4. The plan item now shows as 已访, and the progress moved.
  await page.goto('/h5/today');
  await visitSection.getByText(`已访 ${done.total + 1}/${total}`).waitFor();
  await page.getByRole('navigation').getByRole('link', { name: '走访' }).click();
  await page.getByRole('heading', { name: '走访', exact: true }).waitFor();
  await page.getByRole('tab', { name: /已走访/ }).click();
  const doneCard = page.getByRole('tabpanel', { name: '已走访' }).locator('article').filter({ hasText: first.address });
  await doneCard.waitFor();
  expect(await doneCard.textContent()).toContain('已走访');
  expect(await doneCard.textContent()).toContain(me.name);
  await shot(page, 'grid-worker', '07-visits-done');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('tab', { name: '我的记录' }).click();
  const mineCard = page.getByRole('tabpanel', { name: '我的记录' }).locator('article').filter({ hasText: first.address }).first();
  await mineCard.getByText('已转事件').waitFor();
  expect(await mineCard.textContent()).toContain('入户');
  await shot(page, 'grid-worker', '08-my-visits');
  // Finding any household by name works too (a visit not on the plan).
  await page.getByLabel('找户走访').fill(first.headName ?? first.address.slice(0, 4));
  await page.getByRole('region', { name: '搜索结果' }).locator('article').filter({ hasText: first.address }).waitFor();
  await shot(page, 'grid-worker', '09-find-household');

  // ── 5. 巡查: today's 日巡查 from 今日 → the checklist, everything 正常 until marked.
  await page.getByRole('navigation').getByRole('link', { name: '今日' }).click();
  await daily.getByRole('link').click();
  await page.waitForURL(/\/h5\/patrols\/new\?/);
  await page.getByRole('heading', { name: grid.regionName }).waitFor();
  const checklist = await apiGet<{ items: { code: string; category: string; name: string }[] }>(base, tok, '/api/patrols/checklist');
  const categories = [...new Set(checklist.items.map((i) => i.category))];
  for (const c of categories) await page.getByRole('region', { name: c }).waitFor();
  expect(await page.getByRole('radio', { name: '正常', checked: true }).count()).toBe(checklist.items.length);
  expect(await page.getByText(`共${checklist.items.length}项，全部正常`).count()).toBe(1);
  const env = page.getByRole('region', { name: '环境卫生' });
  const garbage = env.getByRole('radiogroup', { name: '垃圾收集与清运' });
  await garbage.getByRole('radio', { name: '有问题' }).click();
  // The note is asked for right away (focused once the field has rendered).
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('note-c2i1');
  await page.getByRole('button', { name: '提交巡查' }).click();
  await page.getByText('还有1项问题没写说明').waitFor();
  await env.getByLabel('问题说明').fill(PATROL_NOTE);
  await page.getByText(`共${checklist.items.length}项，1项有问题`).waitFor();
  expect(await page.getByText('还有1项问题没写说明').count()).toBe(0);
  await garbage.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await shot(page, 'grid-worker', '10-checklist');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
  await page.getByRole('button', { name: '提交巡查' }).click();

  // ── 6. Submitted: the problem item turns into a case in one step (category pre-chosen, can be changed).
  await page.waitForURL(/\/h5\/patrols\/(?!new)[^/?]+$/);
  const patrolId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  await page.getByText(/巡查已提交/).waitFor();
  const problems = page.getByRole('region', { name: '发现的问题' });
  const item = problems.getByRole('article', { name: '垃圾收集与清运' });
  await item.getByText(PATROL_NOTE).waitFor();
  expect(await problems.getByRole('article').count()).toBe(1);
  await page.getByText(`其余${checklist.items.length - 1}项正常`).waitFor();
  await shot(page, 'grid-worker', '11-patrol-saved');
  await item.getByRole('button', { name: '转为事件' }).click();
  expect(await item.getByRole('button', { name: '人居环境脏乱' }).getAttribute('aria-pressed')).toBe('true');
  expect(await item.getByLabel('事件标题').inputValue()).toBe(`垃圾收集与清运：${PATROL_NOTE}`.slice(0, 60));
  await shot(page, 'grid-worker', '12-patrol-tocase');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await item.getByRole('button', { name: '确认转为事件' }).click();
  await item.getByText('已转为事件').waitFor();
  await item.getByText(/编号 \d{8}-/).waitFor();
  await shot(page, 'grid-worker', '13-patrol-case');

  const patrol = await apiGet<Patrol>(base, tok, `/api/patrols/${patrolId}`);
  expect(patrol).toMatchObject({ kind: 'daily', regionId: grid.regionId, problems: 1 });
  const bad = patrol.results.find((r) => !r.ok)!;
  expect(bad).toMatchObject({ code: 'c2i1', note: PATROL_NOTE });
  expect(bad.caseId).toBeTruthy();
  const patrolCase = await apiGet<Case>(base, tok, `/api/cases/${bad.caseId}`);
  expect(patrolCase).toMatchObject({ regionId: grid.regionId, source: 'patrol', category: 'env_dirty' });
  expect(patrolCase.description).toContain(PATROL_NOTE);
  expect(patrolCase.details).toMatchObject({ patrolId, item: 'c2i1' });
  await item.getByText(patrolCase.seq).waitFor();

  // 巡查 lists it under 我的巡查记录; 今日 shows the patrol as done.
  await page.getByRole('link', { name: /完成，回到今日/ }).click();
  await page.waitForURL((u) => u.pathname === '/h5/today');
  await daily.getByText('已完成').waitFor();
  expect(await patrolSection.locator('.xz-count').count()).toBe(0);
  await page.getByRole('navigation').getByRole('link', { name: '巡查' }).click();
  const record = page.getByRole('region', { name: '我的巡查记录' }).locator('article').first(); // newest first
  await record.waitFor();
  expect(await record.textContent()).toBe(`日巡查 · ${grid.regionName}1项有问题11月27日 · ${checklist.items.length}项`);
  await shot(page, 'grid-worker', '14-patrols');
  expect(await seriousA11yViolations(page)).toEqual([]);
  // All my open cases, from 今日's 全部.
  await page.getByRole('navigation').getByRole('link', { name: '今日' }).click();
  const allTodo = await apiGet<Page_<Case>>(base, tok, '/api/cases?box=todo&pageSize=1');
  if (allTodo.total > 3) {
    await todoSection.getByRole('link', { name: `全部${allTodo.total}件` }).click();
    await page.getByRole('heading', { name: '我的待办事件' }).waitFor();
    await expect.poll(() => page.locator('article').count()).toBe(Math.min(allTodo.total, 20));
    await shot(page, 'grid-worker', '15-todo');
    await page.getByRole('button', { name: '返回' }).click();
  }

  // ── 7. 长辈版: 今日, the visit form and the checklist in large print, still one column on 360 px.
  await page.getByRole('navigation').getByRole('link', { name: '我的' }).click();
  await page.getByRole('heading', { name: '我的工作' }).waitFor();
  await page.getByText(grid.regionName).waitFor();
  await page.getByRole('switch', { name: /长辈版/ }).click();
  await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('xz-elder'))).toBe(true);
  await shot(page, 'grid-worker', '16-mine-elder');
  await page.getByRole('navigation').getByRole('link', { name: '今日' }).click();
  await daily.waitFor();
  const px = await daily.locator('.xz-case-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(px).toBeGreaterThanOrEqual(20);
  await shot(page, 'grid-worker', '17-today-elder');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSideScroll(page)).toBeLessThanOrEqual(360);
  await page.goto(`/h5/patrols/new?kind=daily&region=${grid.regionId}`);
  const elderGarbage = page.getByRole('radiogroup', { name: '垃圾收集与清运' });
  await elderGarbage.getByRole('radio', { name: '有问题' }).click();
  await elderGarbage.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const tBox = (await elderGarbage.getByRole('radio', { name: '有问题' }).boundingBox())!;
  expect(tBox.height).toBeGreaterThanOrEqual(44);
  expect(tBox.x + tBox.width).toBeLessThanOrEqual(360);
  await shot(page, 'grid-worker', '18-checklist-elder');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSideScroll(page)).toBeLessThanOrEqual(360);

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});

test('a village cadre also starts on 今日, a villager still starts on the villager home', async () => {
  const base = server().baseURL;
  const ctx = await phoneContext(browser(), base);
  const page = await newPage(ctx);
  await signInOnPhone(page, CADRE);
  await page.waitForURL((u) => u.pathname === '/h5/today');
  // The cadre's own patrol (the village's 月排查) one by one; the grids' 日巡查 below as one line with the count done.
  const tok = await apiLogin(base, CADRE);
  const due = (await apiGet<Page_<{ kind: string; regionName: string; status: string }>>(base, tok, '/api/patrols/due')).items;
  const village = due.find((d) => d.kind === 'fortnightly')!;
  expect(village.regionName).toBe('孟家湾村');
  const grids = due.filter((d) => d.kind === 'daily');
  expect(grids.filter((d) => d.status === 'done').length).toBeGreaterThanOrEqual(1); // the grid worker's, above
  const cards = page.getByRole('region', { name: /今日巡查/ }).locator('article');
  await cards.first().waitFor();
  const texts = await cards.allTextContents();
  expect(texts).toHaveLength(2);
  expect(texts[0]).toMatch(new RegExp(`^月排查 · 孟家湾村${{ late: '未按时', due: '待巡查', done: '已完成' }[village.status]}`));
  expect(texts[1]).toContain(`下辖网格日巡查已完成 ${grids.filter((d) => d.status === 'done').length}/${grids.length}`);
  await shot(page, 'grid-worker', '19-today-cadre');
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();

  const vctx = await phoneContext(browser(), base);
  const vpage = await newPage(vctx);
  await signInOnPhone(vpage, VILLAGER);
  await vpage.waitForURL((u) => u.pathname === '/h5');
  await vpage.getByRole('region', { name: '我家的事' }).waitFor();
  await expect.poll(() => vpage.getByRole('navigation').getByRole('link').allTextContents()).toEqual(['首页', '随手拍', '积分', '我的']);
  await shot(vpage, 'grid-worker', '20-villager-home');
  // A villager who opens a worker's address is sent home.
  await vpage.goto('/h5/today');
  await vpage.waitForURL((u) => u.pathname === '/h5');
  await vpage.getByRole('region', { name: '我家的事' }).waitFor();
  expect(unexpected(vpage.problems)).toEqual([]);
  await vctx.close();
});
