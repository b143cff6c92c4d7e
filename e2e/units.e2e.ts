// Journey 7: a case the village cannot settle alone goes to a township unit (站所) — the village cadre accepts a grid
// worker's report and dispatches it to 综治中心 rather than to a person; 张晓燕, who works there, finds it in her 待办
// and resolves it; the timeline names the unit it went to and who resolved it.
import { expect, test } from 'vitest';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';
import { confirmAction, openActionDialog, timelineSteps } from './support/cases';

const { server, browser } = useJourney();

const GRID_WORKER = '13800000003'; // 马丽娟, 孟家湾村一组网格
const CADRE = '13800000002'; // 高永强, 孟家湾村
const STAFF = '13800000006'; // 张晓燕, 孟家湾乡综治中心

test("a village cadre dispatches a case to the township's 综治中心 and its staff member resolves it", async () => {
  // Set-up: the grid worker's report (e2e/cases.e2e.ts reports one through the console).
  const base = server().baseURL;
  const gwToken = await apiLogin(base, GRID_WORKER);
  const grid = (await apiGet<{ roles: { regionId: string }[] }>(base, gwToken, '/api/me')).roles[0].regionId;
  const title = '村东砂场夜间拉沙扰民，村民聚集反映';
  await apiPost(base, gwToken, '/api/cases', {
    type: 'incident',
    category: 'instability',
    title,
    regionId: grid,
    description: '砂场运沙车连续多晚凌晨通行，噪音大、扬尘重，十余户村民聚集在村口要求说法。',
  });

  // ── 1. The village cadre accepts it and sends it to 综治中心 (a unit, not a person).
  const cd = await newContext(browser(), base);
  const p1 = await newPage(cd);
  await signIn(p1, CADRE);
  await p1.getByRole('menuitem', { name: '事件列表' }).click();
  await p1.getByRole('row').filter({ hasText: title }).getByRole('link', { name: title }).click();
  await p1.getByRole('heading', { name: title }).waitFor();
  await confirmAction(p1, '受理');
  await p1.locator('.xz-page-sub').getByText('已受理').waitFor();
  const { dialog: dispatch, submit } = await openActionDialog(p1, '派单');
  await dispatch.getByLabel('经办人').click();
  const unit = p1.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '综治中心' });
  await unit.waitFor();
  expect(await unit.textContent()).toContain('派给站所，任一工作人员可办理');
  await shot(p1, 'units', '01-dispatch');
  await unit.click();
  await dispatch.getByLabel('说明').fill('涉及多户村民聚集，请综治中心牵头协调砂场限时限行。');
  expect(await seriousA11yViolations(p1)).toEqual([]);
  await submit();
  await p1.getByText('已派单给 综治中心').waitFor();
  await p1.locator('.xz-page-sub').getByText('已派单').waitFor();
  await p1.locator('.xz-step-line').getByText('派给 综治中心').waitFor();
  expect(await p1.locator('.ant-descriptions').textContent()).toContain('综治中心');
  const caseUrl = new URL(p1.url()).pathname;

  // ── 2. 张晓燕 of 综治中心 finds it in her 待办 and resolves it.
  const st = await newContext(browser(), base);
  const p2 = await newPage(st);
  await signIn(p2, STAFF);
  await p2.getByRole('menuitem', { name: '事件列表' }).click();
  await expect.poll(() => p2.getByRole('tab', { selected: true }).textContent()).toContain('待办');
  const row = p2.getByRole('row').filter({ hasText: title });
  await row.waitFor();
  const rowText = await row.textContent();
  expect(rowText).toContain('已派单');
  expect(rowText).toContain('综治中心');
  await shot(p2, 'units', '02-todo');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  await row.getByRole('link', { name: title }).click();
  await p2.waitForURL((u) => u.pathname === caseUrl);
  await p2.getByRole('heading', { name: title }).waitFor();
  const resolve = await openActionDialog(p2, '办结');
  await resolve.dialog.getByLabel('办理结果').fill('已约谈砂场负责人，运沙车改为白天通行并加装苫布，村民已散去。');
  await resolve.submit();
  await p2.getByText('已办结，已通知上报人评价').waitFor();
  await p2.locator('.xz-page-sub').getByText('已办结').waitFor();

  // The timeline names the unit it went to and the staff member who resolved it.
  expect(await timelineSteps(p2)).toEqual(['上报', '受理', '派单', '办结']);
  const steps = p2.locator('.ant-timeline-item');
  expect(await steps.nth(2).textContent()).toContain('派给 综治中心');
  const resolved = (await steps.nth(3).textContent()) ?? '';
  expect(resolved).toContain('张晓燕');
  expect(resolved).toContain('运沙车改为白天通行');
  await p2.locator('.ant-timeline').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 180));
  await shot(p2, 'units', '03-resolved');
  expect(await seriousA11yViolations(p2)).toEqual([]);

  // Done, it leaves her 待办 for 已办.
  await p2.getByRole('menuitem', { name: '事件列表' }).click();
  await p2.getByRole('heading', { name: '事件列表' }).waitFor();
  await expect.poll(() => p2.getByRole('tab', { selected: true }).textContent()).toContain('待办');
  await expect.poll(() => p2.getByRole('row').filter({ hasText: title }).count()).toBe(0);
  await p2.getByRole('tab', { name: '已办' }).click();
  expect(await p2.getByRole('row').filter({ hasText: title }).textContent()).toContain('已办结');

  // The cadre sees who resolved it, for which unit; archiving follows the usual rating (journey above).
  await p1.reload();
  await p1.locator('.xz-page-sub').getByText('已办结').waitFor();
  expect(await p1.locator('.ant-timeline-item').nth(3).textContent()).toContain('张晓燕');

  expect(unexpected(p1.problems)).toEqual([]);
  expect(unexpected(p2.problems)).toEqual([]);
  await cd.close();
  await st.close();
});
