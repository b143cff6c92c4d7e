// Journey 2: import an Excel ledger with one broken row in partial mode; the error row is reported, the good households land.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { unexpected } from './support/api';
import { validId, withWrongCheck } from './support/idnumber';

const { server, browser } = useJourney();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xz-import-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Three households as a village keeps them in Excel; household 2's ID number has a wrong check digit (sheet row 4). */
async function ledger(path: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('户籍信息');
  ws.addRow(['户编号', '所属网格', '住址', '户联系电话', '姓名', '与户主关系', '身份证号', '性别', '出生日期', '手机号', '人员标签', '备注']);
  ws.addRow(['1', '一组网格', '孟家湾村一组新庄101号', '13912340101', '贺春生', '户主', validId('610802', '1968-03-15', 311), '', '', '', '', '']);
  ws.addRow(['1', '一组网格', '孟家湾村一组新庄101号', '', '刘桂兰', '配偶', validId('610802', '1970-07-02', 322), '', '', '', '', '']);
  ws.addRow([
    '2',
    '一组网格',
    '孟家湾村一组新庄102号',
    '13912340102',
    '马建军',
    '户主',
    withWrongCheck(validId('610802', '1975-01-20', 331)),
    '',
    '',
    '',
    '',
    '',
  ]);
  ws.addRow(['3', '一组网格', '孟家湾村一组新庄103号', '13912340103', '白玉梅', '户主', validId('610802', '1949-11-08', 342), '', '', '', '独居老人', '']);
  ws.getColumn(7).numFmt = '@';
  await wb.xlsx.writeFile(path);
}

test('partial import reports the broken row and imports the two good households', async () => {
  const file = join(dir, '新庄台账.xlsx');
  await ledger(file);

  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000002');
  await page.getByRole('columnheader', { name: '住址' }).waitFor();

  await page.getByRole('button', { name: '导入Excel' }).click();
  const dialog = page.getByRole('dialog', { name: /导入户籍台账/ });
  await dialog.getByText('孟家湾村').first().waitFor();
  expect(await dialog.getByRole('radio', { name: /仅导入无误的户/ }).isChecked()).toBe(true);
  await dialog.locator('input[type=file]').setInputFiles(file);
  await dialog.getByText('新庄台账.xlsx').waitFor();
  await shot(page, 'import', '01-choose');

  await dialog.getByRole('button', { name: /预\s*检/ }).click();
  const errors = dialog.getByRole('table');
  await errors.getByText('身份证号校验位不正确，请核对最后一位', { exact: false }).waitFor();
  const errorRow = errors.getByRole('row').filter({ hasText: '第 4 行' });
  expect(await errorRow.count()).toBe(1);
  expect(await errorRow.textContent()).toContain('身份证号');
  await shot(page, 'import', '02-dry-run');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await dialog.getByRole('button', { name: '确认导入' }).click();
  await dialog.getByText('导入完成：2 户、3 人').waitFor();
  await shot(page, 'import', '03-done');
  await dialog.getByRole('button', { name: '查看户籍档案' }).click();
  await dialog.waitFor({ state: 'hidden' });

  await page.getByLabel('关键词').fill('新庄');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByRole('link', { name: '孟家湾村一组新庄101号', exact: true }).waitFor();
  await page.getByRole('link', { name: '孟家湾村一组新庄103号', exact: true }).waitFor();
  expect(await page.getByRole('link', { name: '孟家湾村一组新庄102号', exact: true }).count()).toBe(0);
  await page.getByText('共 2 户').first().waitFor();
  await shot(page, 'import', '04-list');

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
