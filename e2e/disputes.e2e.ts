// Journey 6: a dispute (矛盾纠纷) as the village handles one — the village cadre registers it with both parties and its
// risk level, accepts it and dispatches it to the village mediator; the mediator holds two sessions, records the
// agreement (达成协议) and the follow-up visit (回访); the cadre, who registered it, rates it and archives it. Then the
// cadre downloads the case file (一案一卷) and the dispute ledger (台账) from their buttons, and both open in a
// spreadsheet program (LibreOffice) with the dispute in the right rows and columns.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { newContext, newPage, pickOption, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { unexpected } from './support/api';
import { openInSpreadsheet, rowWhere, sheet, sofficeOrSkip } from './support/spreadsheet';
import { chooseRadio, confirmAction, handlePanel, openActionDialog, timelineSteps } from './support/cases';

const { server, browser } = useJourney();
const downloads = mkdtempSync(join(tmpdir(), 'xz-e2e-dl-'));
afterAll(() => rmSync(downloads, { recursive: true, force: true }));

const CADRE = '13800000002'; // 高永强, 孟家湾村
const MEDIATOR = '13800000009'; // 白世荣, 孟家湾村调解员

const TITLE = '王李两户院墙界址纠纷';
const DESCRIPTION = '王建国、李秀兰两户因新砌院墙占用界址发生争执，已多次口角，双方情绪激动。';
const APPLICANT = { name: '王建国', phone: '13912340001' };
const RESPONDENT = { name: '李秀兰', phone: '13912340002' };
const SESSION_1 = '第一次调解：双方到场陈述各自主张，王家出示1998年宅基地使用证。';
const PLACE_1 = '村委会调解室';
const SESSION_2 = '第二次调解：会同镇自然资源所现场丈量，确认原界桩位置。';
const AGREEMENT = '以原界桩为准，李家后退院墙三十公分，拆砌费用双方各承担一半，本月底前完成。';
const REVISIT = '一周后回访：院墙已按协议后退，双方履行协议，关系缓和。';

/** Clicks a button that downloads a file and keeps the file under `name`. */
async function download(page: Page, button: Locator, name: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(await file.failure()).toBeNull();
  const path = join(downloads, name);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

test('a dispute goes from 登记 to 调解, 协议, 回访 and 归档, and its case file and the ledger open in a spreadsheet', async () => {
  const base = server().baseURL;
  // Without LibreOffice the workbooks' check is skipped loudly (or, under XZ_STRICT=1, the journey fails here, at once).
  const soffice = sofficeOrSkip('the case file and the dispute ledger');

  // ── 1. The village cadre registers the dispute: both parties, the risk level, the village as the place.
  const cd = await newContext(browser(), base);
  const p1 = await newPage(cd);
  await signIn(p1, CADRE);
  await p1.getByRole('menuitem', { name: '上报事件' }).click();
  await chooseRadio(p1, '矛盾纠纷');
  await p1.getByText(/登记后由本村受理并派给调解员/).waitFor();
  await pickOption(p1, p1.getByLabel('纠纷类别'), '宅基地纠纷');
  await p1.getByLabel('纠纷标题').fill(TITLE);
  await p1.getByLabel('纠纷情况').fill(DESCRIPTION);
  await p1.getByLabel('姓名 1').fill(APPLICANT.name);
  await p1.getByLabel('电话 1').fill(APPLICANT.phone);
  await p1.getByLabel('姓名 2').fill(RESPONDENT.name);
  await p1.getByLabel('电话 2').fill(RESPONDENT.phone);
  await chooseRadio(p1, '中');
  await p1.getByText(/^中风险：/).waitFor();
  expect(await p1.locator('.ant-form-item').filter({ hasText: '发生地点' }).textContent()).toContain('孟家湾村');
  await shot(p1, 'disputes', '01-register');
  expect(await seriousA11yViolations(p1)).toEqual([]);
  await p1.getByRole('button', { name: '提交上报' }).click();
  await p1.getByRole('heading', { name: TITLE }).waitFor();
  await p1.locator('.xz-page-sub').getByText('待受理').waitFor();
  const caseUrl = new URL(p1.url()).pathname;
  const seq = (await p1.locator('.xz-page-sub .xz-seq').textContent())!.trim();
  const facts = (await p1.locator('.ant-descriptions').textContent()) ?? '';
  for (const words of [APPLICANT.name, RESPONDENT.name, '申请人', '被申请人', '宅基地纠纷', '尚未调解']) expect(facts).toContain(words);
  expect(facts).not.toContain('（矛盾纠纷）');
  await shot(p1, 'disputes', '02-registered');

  // Accept, then dispatch to the village mediator.
  await confirmAction(p1, '受理');
  await p1.locator('.xz-page-sub').getByText('已受理').waitFor();
  const dispatch = await openActionDialog(p1, '派单');
  await dispatch.dialog.getByLabel('经办人').click();
  const mediator = p1.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '白世荣' });
  await mediator.waitFor();
  expect(await mediator.textContent()).toContain('调解员');
  await mediator.click();
  await dispatch.dialog.getByLabel('说明').fill('请尽快组织双方调解。');
  await dispatch.submit();
  await p1.locator('.xz-page-sub').getByText('已派单').waitFor();

  // ── 2. The mediator finds it in 待办 and holds two sessions.
  const md = await newContext(browser(), base);
  const p2 = await newPage(md);
  await signIn(p2, MEDIATOR);
  await p2.getByRole('menuitem', { name: '事件列表' }).click();
  await expect.poll(() => p2.getByRole('tab', { selected: true }).textContent()).toContain('待办');
  const row = p2.getByRole('row').filter({ hasText: TITLE });
  await row.waitFor();
  expect(await row.textContent()).toContain('已派单');
  await row.getByRole('link', { name: TITLE }).click();
  await p2.waitForURL((u) => u.pathname === caseUrl);
  await p2.getByRole('heading', { name: TITLE }).waitFor();

  // 调解 is the mediator's main button, not 开始处置.
  expect(await handlePanel(p2).locator('.ant-btn-primary').textContent()).toMatch(/^调\s*解$/);
  let session = await openActionDialog(p2, '调解');
  await session.dialog.getByText('本次为第 1 次调解').waitFor();
  expect(await session.dialog.locator('.xz-dialog-context').textContent()).toContain(`${APPLICANT.name}（申请人）、${RESPONDENT.name}（被申请人）`);
  await session.dialog.getByLabel('调解地点').fill(PLACE_1);
  await session.dialog.getByLabel('调解情况').fill(SESSION_1);
  await shot(p2, 'disputes', '03-mediate');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  await session.submit();
  await p2.getByText('调解情况已记录').first().waitFor();
  await expect.poll(() => timelineSteps(p2)).toContain('调解');
  session = await openActionDialog(p2, '调解');
  await session.dialog.getByText('本次为第 2 次调解').waitFor();
  await session.dialog.getByLabel('调解情况').fill(SESSION_2);
  await session.submit();
  await expect.poll(async () => (await timelineSteps(p2)).filter((s) => s === '调解').length).toBe(2);

  // 办结 as 达成协议 with the agreement's terms.
  const resolve = await openActionDialog(p2, '办结');
  expect(await resolve.dialog.getByRole('radio', { name: '达成协议' }).isChecked()).toBe(true);
  await resolve.dialog.getByText('已调解 2 次').waitFor();
  await resolve.dialog.getByLabel('协议内容').fill(AGREEMENT);
  await shot(p2, 'disputes', '04-agreement');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  await resolve.submit();
  await p2.locator('.xz-page-sub').getByText('已办结').waitFor();

  // 回访 a week later.
  const revisit = await openActionDialog(p2, '回访');
  await revisit.dialog.getByLabel('回访情况').fill(REVISIT);
  await shot(p2, 'disputes', '05-revisit');
  await revisit.submit();
  await expect.poll(() => timelineSteps(p2)).toContain('回访');
  expect(unexpected(p2.problems)).toEqual([]);
  await md.close();

  // ── 3. The cadre, who registered it, rates it and archives it.
  await p1.reload();
  await p1.getByRole('heading', { name: TITLE }).waitFor();
  const rate = await openActionDialog(p1, '评价');
  await rate.dialog.getByRole('radio').nth(4).click();
  await rate.dialog.getByText('非常满意').waitFor();
  await rate.submit();
  await p1.locator('.xz-page-sub').getByText('已评价').waitFor();
  await confirmAction(p1, '归档');
  await p1.locator('.xz-page-sub').getByText('已归档').waitFor();
  expect(await timelineSteps(p1)).toEqual(['上报', '受理', '派单', '调解', '调解', '办结', '回访', '评价', '归档']);
  const timeline = (await p1.locator('.ant-timeline').textContent()) ?? '';
  for (const words of ['白世荣', '高永强', `调解地点：${PLACE_1}`, SESSION_1, SESSION_2, '达成协议', AGREEMENT, REVISIT]) expect(timeline).toContain(words);
  const done = (await p1.locator('.ant-descriptions').textContent()) ?? '';
  for (const words of ['已调解 2 次', '达成协议', '已回访']) expect(done).toContain(words);
  await shot(p1, 'disputes', '06-archived');
  expect(await seriousA11yViolations(p1)).toEqual([]);

  // ── 4. 一案一卷: the case file from the detail page's button, which says what the file holds.
  await p1.getByRole('button', { name: '导出案卷' }).hover();
  await p1
    .getByRole('tooltip')
    .getByText(/一案一卷：事件信息、当事人、每一步办理过程和附件清单/)
    .waitFor();
  await shot(p1, 'disputes', '07-export-file');
  const caseFile = await download(p1, p1.getByRole('button', { name: '导出案卷' }), 'casefile.xlsx');
  expect(caseFile.suggested).toBe(`案卷_${seq}.xlsx`);
  await p1.getByText('已开始下载').first().waitFor();

  // ── 5. The dispute ledger from the list page's button.
  await p1.getByRole('menuitem', { name: '事件列表' }).click();
  await p1.getByRole('heading', { name: '事件列表' }).waitFor();
  await shot(p1, 'disputes', '08-list');
  const ledger = await download(p1, p1.getByRole('button', { name: '导出纠纷台账' }), 'ledger.xlsx');
  expect(ledger.suggested).toMatch(/矛盾纠纷台账.*\.xlsx$/);
  expect(unexpected(p1.problems)).toEqual([]);
  await cd.close();

  // ── 6. Both open in a spreadsheet program, with the dispute where a cadre would look for it.
  if (!soffice) return;
  const [file, book] = await openInSpreadsheet(soffice, [caseFile.path, ledger.path]);

  const info = sheet(file, '案卷信息');
  expect(info[0][0]).toBe(`矛盾纠纷案卷 ${seq}`);
  const fact = (k: string) => rowWhere(info, 0, k)?.[1];
  expect(fact('标题')).toBe(TITLE);
  expect(fact('类别')).toBe('宅基地纠纷');
  expect(fact('情况描述')).toBe(DESCRIPTION);
  expect(fact('当事人')).toBe(`${APPLICANT.name}（${APPLICANT.phone}）；${RESPONDENT.name}（${RESPONDENT.phone}）`);
  expect(fact('风险等级')).toBe('中');
  expect(fact('经办人')).toBe('白世荣');
  expect(fact('当前状态')).toBe('已归档');
  expect(fact('群众评价')).toMatch(/^5 星/);

  const steps = sheet(file, '办理过程');
  expect(steps[1]).toEqual(['时间', '操作', '办理人', '状态变化', '说明', '附加信息']);
  const body = steps.slice(2);
  expect(body.map((r) => r[1])).toEqual(['上报', '受理', '派单', '调解', '调解', '办结', '回访', '评价', '归档']);
  const [mediate1, mediate2] = body.filter((r) => r[1] === '调解');
  expect(mediate1.slice(2)).toEqual(['白世荣', '已派单', SESSION_1, `地点：${PLACE_1}`]);
  expect(mediate2[4]).toBe(SESSION_2);
  const resolved = body.find((r) => r[1] === '办结')!;
  expect(resolved.slice(2)).toEqual(['白世荣', '已派单 → 已办结', AGREEMENT, '达成协议']);
  expect(body.find((r) => r[1] === '回访')!.slice(2, 5)).toEqual(['白世荣', '已办结', REVISIT]);
  expect(body.find((r) => r[1] === '派单')![5]).toBe('派给白世荣');
  for (const r of body) expect(r[0]).toMatch(/^2026-11-27 \d{2}:\d{2}/);
  expect(sheet(file, '附件清单')[0]).toEqual(['序号', '文件名', '类型', '大小（KB）', '上传时间']);

  const ws = sheet(book, '矛盾纠纷台账');
  expect(ws[0][0]).toMatch(/^矛盾纠纷排查调处台账/);
  expect(ws[2]).toEqual([
    '序号',
    '编号',
    '登记日期',
    '所属村/网格',
    '纠纷类型',
    '当事人',
    '纠纷简要情况',
    '风险等级',
    '调解员',
    '调解次数',
    '调解结果',
    '协议内容/终止原因',
    '办结日期',
    '回访情况',
    '状态',
    '归档日期',
  ]);
  const mine = rowWhere(ws, 1, seq);
  expect(mine, `the ledger lists ${seq}`).toBeDefined();
  expect(mine!.slice(2)).toEqual([
    '2026-11-27',
    '孟家湾村',
    '宅基地纠纷',
    `${APPLICANT.name}、${RESPONDENT.name}`,
    DESCRIPTION,
    '中',
    '白世荣',
    '2',
    '达成协议',
    AGREEMENT,
    '2026-11-27',
    `2026-11-27 ${REVISIT}`,
    '已归档',
    '2026-11-27',
  ]);
  expect(Number(mine![0])).toBe(ws.slice(3).indexOf(mine!) + 1);
});
