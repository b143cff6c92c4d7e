// Journey: visits and patrols in the console (走访巡查). Set-up: the grid worker 马丽娟 logs two visits from her plan on
// her phone (one finds a problem, with a photo, and becomes a case) and a 日巡查 with one problem item that becomes a
// case. The village cadre opens 走访计划 for this month: the summary and the 待访 list, the visited items, 完成情况 by
// grid and by person (a record, not a ranking), downloads the month's 走访台账 (checked with exceljs), reads the visit
// in 走访记录 and follows it to its case and back, and opens 巡查记录 with today's patrols and the checklist results.
// The administrator adds a visit rule (退役军人每季度走访) and sees it listed, and adds an item to the patrol checklist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { newContext, newPage, pickOption, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';
import { scenePng } from './support/png';

const { server, browser } = useJourney();
const downloads = mkdtempSync(join(tmpdir(), 'xz-e2e-visits-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const ADMIN = '13800000000';
const CADRE = '13800000002'; // 高永强, 孟家湾村
const GRID_WORKER = '13800000003'; // 马丽娟, 孟家湾村一组网格

const SITUATION = '老人独自在家，身体尚可；冬季用煤炉取暖，烟道接口有破损，有一氧化碳中毒隐患。';
const NEEDS = '希望帮忙更换烟道，装一个一氧化碳报警器';
const FOLLOW_UP = '已报村委会，下周一前由网格员陪同电工上门更换';
const PROBLEM_NOTE = '村口垃圾池已满三天未清运，周边散落生活垃圾';

interface PlanItem {
  id: string;
  householdId: string;
  residentId: string | null;
  address: string;
  headName: string | null;
  regionName: string;
  status: string;
}
interface Progress {
  month: string;
  totals: { total: number; done: number; overdue: number; due: number; rate: number | null };
  byGrid: { regionName: string; workers: string[]; total: number; done: number; rate: number | null }[];
  byVisitor: { name: string; visits: number; planDone: number }[];
}
interface Due {
  kind: string;
  regionName: string;
  status: string;
}

/** Set-up: what 马丽娟 records on her phone (the grid worker's own journey drives those screens). */
async function gridWorkerDay(base: string) {
  const token = await apiLogin(base, GRID_WORKER);
  const plan = await apiGet<{ items: PlanItem[] }>(base, token, '/api/visits/plan?status=due&pageSize=50');
  expect(plan.items.length).toBeGreaterThanOrEqual(1);
  const first = plan.items[0];
  // A second household of her grid (a plan item of any state; her own plan may hold only one still due).
  const all = await apiGet<{ items: PlanItem[] }>(base, token, '/api/visits/plan?pageSize=50');
  const second = all.items.find((i) => i.householdId !== first.householdId) ?? first;
  const visit = await apiPost<{ id: string }>(base, token, '/api/visits', {
    householdId: first.householdId,
    residentId: first.residentId ?? undefined,
    method: 'home',
    situation: SITUATION,
    needs: NEEDS,
    followUp: FOLLOW_UP,
    problem: true,
    idempotencyKey: 'e2e-visit-0001',
  });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(scenePng())], { type: 'image/png' }), '烟道破损.png');
  const up = await fetch(`${base}/api/visits/${visit.id}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  expect(up.status).toBe(201);
  const visitCase = await apiPost<{ id: string; title: string }>(base, token, `/api/visits/${visit.id}/case`, { category: 'safety_hazard' });
  await apiPost(base, token, '/api/visits', {
    householdId: second.householdId,
    residentId: second.residentId ?? undefined,
    method: 'phone',
    situation: '电话询问近况，家中一切正常，无新的诉求。',
    idempotencyKey: 'e2e-visit-0002',
  });
  const checklist = await apiGet<{ items: { code: string }[] }>(base, token, '/api/patrols/checklist');
  const me = await apiGet<{ roles: { regionId: string }[] }>(base, token, '/api/me');
  const patrol = await apiPost<{ id: string }>(base, token, '/api/patrols', {
    kind: 'daily',
    regionId: me.roles[0].regionId,
    idempotencyKey: 'e2e-patrol-0001',
    results: checklist.items.map((i) => (i.code === 'c2i1' ? { code: i.code, ok: false, note: PROBLEM_NOTE } : { code: i.code, ok: true })),
  });
  const patrolCase = await apiPost<{ id: string }>(base, token, `/api/patrols/${patrol.id}/items/c2i1/case`, { category: 'env_dirty' });
  return { first, second, visitId: visit.id, visitCase, patrolId: patrol.id, patrolCase };
}

/** Clicks a button that downloads a file and keeps it. */
async function download(page: Page, name: RegExp | string, file: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  expect(await d.failure()).toBeNull();
  const path = join(downloads, file);
  await d.saveAs(path);
  return { path, suggested: d.suggestedFilename() };
}

const figure = (page: Page, key: string) => page.locator(`[data-stat="${key}"] dd`).first().textContent();
const percent = (rate: number | null) => (rate == null ? '暂无' : new Intl.NumberFormat('zh-CN', { style: 'percent', maximumFractionDigits: 1 }).format(rate));

test("the village cadre follows the month's visits and patrols; the administrator adds a visit rule", async () => {
  const base = server().baseURL;
  const day = await gridWorkerDay(base);
  const cadreToken = await apiLogin(base, CADRE);
  const progress = await apiGet<Progress>(base, cadreToken, '/api/visits/progress');
  expect(progress.month).toBe('2026-11');
  expect(progress.totals.done).toBeGreaterThanOrEqual(2);

  // ── 1. 走访计划 for this month (the server's), with the summary and the 待访 list.
  const ctx = await newContext(browser(), base);
  const page = await newPage(ctx);
  await signIn(page, CADRE);
  await page.getByRole('menuitem', { name: '走访计划' }).click();
  await page.getByRole('heading', { name: '走访计划' }).waitFor();
  await expect.poll(() => page.getByLabel('月份').inputValue()).toBe('2026年11月');
  const summary = page.getByRole('region', { name: '孟家湾村 2026年11月走访计划' });
  await summary.waitFor();
  await expect.poll(() => figure(page, 'total')).toBe(String(progress.totals.total));
  expect(await figure(page, 'done')).toBe(String(progress.totals.done));
  expect(await figure(page, 'due')).toBe(String(progress.totals.due));
  expect(await figure(page, 'overdue')).toBe(String(progress.totals.overdue));
  expect(await figure(page, 'rate')).toBe(percent(progress.totals.rate));
  await expect.poll(() => page.getByRole('tab', { selected: true }).textContent()).toContain('待访');
  const dueRows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect.poll(() => dueRows.count()).toBe(Math.min(progress.totals.due, 20));
  const dueText = (await page.locator('.ant-table-tbody').textContent()) ?? '';
  expect(dueText).toContain('每月');
  expect(dueText).toContain('11月30日前');
  await page.getByText(`共 ${progress.totals.due} 项`).first().waitFor();
  await shot(page, 'visits-console', '01-plan-due');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The visited items: when and by whom, linked to the visit.
  await page.getByRole('tab', { name: /已访/ }).click();
  const visited = page.getByRole('row').filter({ hasText: day.first.address }).first();
  await visited.waitFor();
  expect(await visited.textContent()).toContain('马丽娟');
  expect(await visited.textContent()).toContain('已访');
  await shot(page, 'visits-console', '02-plan-done');

  // ── 2. 完成情况: by grid and by person, in the tree's and names' order, with no rank anywhere.
  await page.getByRole('tab', { name: '完成情况' }).click();
  const byGrid = page.getByRole('region', { name: '按网格' });
  const gridRow = byGrid.getByRole('row').filter({ hasText: '一组网格' });
  await gridRow.waitFor();
  const first = progress.byGrid.find((g) => g.regionName === '一组网格')!;
  const gridText = (await gridRow.textContent())!.replace(/\s+/g, '');
  expect(gridText).toContain(`一组网格马丽娟${first.total}${first.done}`);
  expect(await byGrid.getByRole('progressbar').count()).toBe(progress.byGrid.filter((g) => g.rate != null).length);
  const byPerson = page.getByRole('region', { name: '按人员' });
  await byPerson.getByText('按姓名排列，记录本月走访工作，不作排名').waitFor();
  const person = byPerson.getByRole('row').filter({ hasText: '马丽娟' });
  const her = progress.byVisitor.find((v) => v.name === '马丽娟')!;
  expect(her.visits).toBeGreaterThanOrEqual(2);
  expect((await person.textContent())!.replace(/\s+/g, '')).toBe(`马丽娟${her.visits}${her.planDone}`);
  // In name order, as the server gives it: not sorted by how much anyone did.
  const names = await byPerson.locator('.ant-table-tbody tr.ant-table-row td:first-child').allTextContents();
  expect(names).toEqual(progress.byVisitor.map((v) => v.name));
  const headers = await page.getByRole('columnheader').allTextContents();
  for (const h of headers) expect(h).not.toMatch(/排名|名次/);
  expect(await page.locator('.ant-table-column-has-sorters').count()).toBe(0);
  await shot(page, 'visits-console', '03-progress');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // ── 3. The month's 走访台账 (Excel), generated from the visits logged.
  const ledger = await download(page, '导出走访台账', 'ledger.xlsx');
  expect(ledger.suggested).toBe('孟家湾村-走访台账-2026-11.xlsx'); // named for the place it covers
  await page.getByText('已开始下载').waitFor();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ledger.path);
  const ws = wb.getWorksheet('走访台账');
  expect(ws).toBeDefined();
  expect(ws!.getCell('A1').text).toBe('孟家湾村2026年11月走访台账');
  const rows: string[][] = [];
  ws!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  const header = rows.find((r) => r[0] === '序号')!;
  expect(header).toEqual(expect.arrayContaining(['走访日期', '网格', '户址', '走访人', '走访情况', '群众诉求', '发现问题', '转办事件']));
  const line = rows.find((r) => r.includes(SITUATION))!;
  expect(line[header.indexOf('户址')]).toBe(day.first.address);
  expect(line[header.indexOf('走访人')]).toBe('马丽娟');
  expect(line[header.indexOf('群众诉求')]).toBe(NEEDS);
  expect(line[header.indexOf('发现问题')]).toBe('是');
  expect(line[header.indexOf('转办事件')]).toBe('是');

  // ── 4. 走访记录: the visit with what was found, its photo and its case; the case links back.
  await page.getByRole('menuitem', { name: '走访记录' }).click();
  await page.getByRole('heading', { name: '走访记录' }).waitFor();
  const visitRow = page.getByRole('row').filter({ hasText: SITUATION.slice(0, 8) });
  await visitRow.waitFor();
  expect(await visitRow.textContent()).toContain('已转事件');
  expect(await page.getByRole('row').filter({ hasText: '电话询问近况' }).textContent()).toContain('电话走访');
  await visitRow.getByRole('button', { name: /^查看/ }).click();
  const drawer = page.getByRole('dialog', { name: /^走访记录：/ });
  await drawer.getByText(SITUATION).waitFor();
  await drawer.getByText(NEEDS).waitFor();
  await drawer.getByText(FOLLOW_UP).waitFor();
  await drawer.getByRole('img', { name: '烟道破损.png' }).waitFor();
  await drawer.getByRole('img', { name: '烟道破损.png' }).evaluate((img: HTMLImageElement) => img.decode());
  await shot(page, 'visits-console', '04-visit-drawer');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await drawer.getByRole('link', { name: '查看转办的事件' }).click();
  await page.getByRole('heading', { name: day.visitCase.title }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/cases/${day.visitCase.id}`);
  await page.getByText('走访发现').waitFor();
  await shot(page, 'visits-console', '05-case-from-visit');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('link', { name: '查看来源走访记录' }).click();
  await page
    .getByRole('dialog', { name: /^走访记录：/ })
    .getByText(SITUATION)
    .waitFor();
  await page.keyboard.press('Escape');

  // ── 5. 巡查记录: today's patrols for the village, and the 日巡查 with its problem item and case.
  const dueToday = (await apiGet<{ items: Due[] }>(base, cadreToken, '/api/patrols/due')).items;
  const daily = dueToday.filter((d) => d.kind === 'daily');
  await page.getByRole('menuitem', { name: '巡查记录' }).click();
  await page.getByRole('heading', { name: '巡查记录' }).waitFor();
  const today = page.getByRole('region', { name: '孟家湾村今日应巡查（11月27日）' });
  await today.waitFor();
  await expect
    .poll(async () => (await today.locator('[data-stat="daily"] dd').textContent())?.replace(/\s+/g, ''))
    .toContain(`${daily.filter((d) => d.status === 'done').length}/${daily.length}个网格`);
  const pending = dueToday.filter((d) => d.status !== 'done');
  await today.getByRole('button', { name: `查看未完成的 ${pending.length} 处` }).click();
  for (const d of pending) await today.getByRole('listitem').filter({ hasText: d.regionName }).first().waitFor();
  const patrolRow = page.getByRole('row').filter({ hasText: '一组网格' }).filter({ hasText: '日巡查' }).filter({ hasText: '11月27日' });
  await patrolRow.waitFor();
  expect(await patrolRow.textContent()).toContain('发现 1 处问题');
  expect(await patrolRow.textContent()).toContain('马丽娟');
  await shot(page, 'visits-console', '06-patrols');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await patrolRow.getByRole('button', { name: /^查看/ }).click();
  const patrolDrawer = page.getByRole('dialog', { name: /^日巡查：一组网格/ });
  await patrolDrawer.getByText('检查结果（6 类 18 项）').waitFor();
  const problem = patrolDrawer.locator('.xz-check-problem');
  expect(await problem.count()).toBe(1);
  expect(await problem.textContent()).toContain('垃圾收集与清运');
  expect(await problem.textContent()).toContain(PROBLEM_NOTE);
  await problem.getByRole('link', { name: '查看转办的事件' }).waitFor();
  expect(await patrolDrawer.getByRole('region', { name: '环境卫生' }).textContent()).toContain('1 处问题');
  await shot(page, 'visits-console', '07-patrol-drawer');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  // A filter with nothing in it says so.
  await pickOption(page, page.getByLabel('巡查类型'), '季度联查');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByText('没有符合条件的巡查记录').waitFor();

  // Nothing raw or English leaked into the pages.
  const text = (await page.getByRole('main').textContent()) ?? '';
  for (const code of ['daily', 'fortnightly', 'quarterly', 'monthly', 'overdue', 'undefined', 'null', 'NaN']) expect(text).not.toContain(code);
  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();

  // ── 6. The administrator adds 退役军人每季度走访 and sees it listed; then adds an item to the patrol checklist.
  const actx = await newContext(browser(), base);
  const admin = await newPage(actx);
  await signIn(admin, ADMIN);
  await admin.getByRole('menuitem', { name: '走访巡查设置' }).click();
  await admin.getByRole('heading', { name: '走访巡查设置' }).waitFor();
  await admin.getByRole('row').filter({ hasText: '独居老人每月必访' }).waitFor();
  expect(await admin.getByRole('row').filter({ hasText: '五必访' }).count()).toBe(5);
  await admin.getByRole('button', { name: '新增走访规则' }).click();
  const dialog = admin.getByRole('dialog', { name: '新增走访规则' });
  // A long list: type to narrow it, as an administrator would.
  await dialog.getByLabel('走访对象').click();
  await dialog.getByLabel('走访对象').fill('退役');
  await pickOption(admin, dialog.getByLabel('走访对象'), '退役军人');
  await dialog.locator('label').filter({ hasText: '每季度' }).click();
  await expect.poll(() => dialog.getByLabel('规则名称').inputValue()).toBe('退役军人每季度走访');
  await shot(admin, 'visits-console', '08-rule-form');
  expect(await seriousA11yViolations(admin)).toEqual([]);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await admin.getByText('已新增走访规则：退役军人每季度走访').waitFor();
  const ruleRow = admin.getByRole('row').filter({ hasText: '退役军人每季度走访' });
  await ruleRow.waitFor();
  expect((await ruleRow.textContent())!.replace(/\s+/g, '')).toContain('退役军人每季度走访退役军人每季度执行中');
  expect(await ruleRow.getByRole('switch', { name: '执行或暂停：退役军人每季度走访' }).isChecked()).toBe(true);
  await shot(admin, 'visits-console', '09-rules');
  expect(await seriousA11yViolations(admin)).toEqual([]);
  const adminToken = await apiLogin(base, ADMIN);
  const rules = await apiGet<{ items: { name: string; tag: string | null; frequency: string; active: boolean; builtin: boolean }[] }>(
    base,
    adminToken,
    '/api/visit-rules',
  );
  expect(rules.items).toContainEqual({
    id: expect.any(String),
    name: '退役军人每季度走访',
    tag: 'veteran',
    frequency: 'quarterly',
    active: true,
    builtin: false,
  });

  // 巡查清单: one more item under 环境卫生, saved as a whole.
  await admin.getByRole('tab', { name: '巡查清单' }).click();
  await admin.getByText('共 6 类 18 项（最多 60 项）').waitFor();
  const env = admin.locator('.xz-checklist-card').filter({ has: admin.getByRole('textbox', { name: '第 2 类名称' }) });
  expect(await env.getByRole('textbox', { name: '第 2 类名称' }).inputValue()).toBe('环境卫生');
  await env.getByRole('button', { name: '添加检查项' }).click();
  await env.getByRole('textbox', { name: '环境卫生第 4 项' }).fill('秸秆焚烧与野外用火');
  await admin.getByText('共 6 类 19 项（最多 60 项）').waitFor();
  await shot(admin, 'visits-console', '10-checklist');
  expect(await seriousA11yViolations(admin)).toEqual([]);
  await admin.getByRole('button', { name: '保存清单' }).click();
  await admin.getByText('巡查清单已保存：6 类 19 项').waitFor();
  const saved = await apiGet<{ items: { code: string; category: string; name: string }[] }>(base, adminToken, '/api/patrols/checklist');
  expect(saved.items).toHaveLength(19);
  expect(saved.items.filter((i) => i.category === '环境卫生').map((i) => i.name)).toEqual([
    '垃圾收集与清运',
    '河塘沟渠保洁',
    '乱堆乱放与乱搭乱建',
    '秸秆焚烧与野外用火',
  ]);
  expect(saved.items.find((i) => i.name === '垃圾收集与清运')!.code).toBe('c2i1');
  expect(unexpected(admin.problems)).toEqual([]);
  await actx.close();
});
