// Journey 1: a village cadre finds a household by a member's name, opens it and adds a resident.
import { expect, test } from 'vitest';
import { newContext, newPage, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, unexpected } from './support/api';
import { validId, withWrongCheck } from './support/idnumber';

const { server, browser } = useJourney();

interface Summary {
  id: string;
  address: string;
  headName: string | null;
  residentCount: number;
}
interface Detail {
  residents: { name: string; relation: string }[];
}

test('孟家湾村 cadre finds a household by a resident name and adds a member', async () => {
  // Set-up: a member of some 孟家湾村 household who is not its head (so the search is by member, not by 户主).
  const token = await apiLogin(server().baseURL, '13800000002');
  const list = await apiGet<{ items: Summary[] }>(server().baseURL, token, '/api/households?pageSize=50');
  let target: { household: Summary; member: string } | null = null;
  for (const h of list.items.filter((x) => x.residentCount > 1)) {
    const d = await apiGet<Detail>(server().baseURL, token, `/api/households/${h.id}`);
    const m = d.residents.find((r) => r.relation !== '户主');
    if (m) {
      target = { household: h, member: m.name };
      break;
    }
  }
  expect(target).not.toBeNull();
  const { household, member } = target!;

  const ctx = await newContext(browser(), server().baseURL);
  const page = await newPage(ctx);
  await signIn(page, '13800000002');
  await expect.poll(() => page.url()).toContain('/registry/households');
  await page.getByRole('columnheader', { name: '住址' }).waitFor();
  await expect.poll(() => page.getByText('当前辖区').isVisible()).toBe(true);
  await shot(page, 'registry', '01-list');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel('关键词').fill(member);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByRole('row').filter({ hasText: household.address });
  await row.first().waitFor();
  await shot(page, 'registry', '02-search');

  await row.first().getByRole('link', { name: household.address, exact: true }).click();
  await page.getByRole('heading', { name: household.address }).waitFor();
  await page.getByRole('cell', { name: member, exact: true }).first().waitFor();
  await shot(page, 'registry', '03-detail');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Add a member: first with a wrong check digit, then with a valid number.
  const newName = '高新宇';
  const id = validId('610802', '2015-06-01', 123);
  await page.getByRole('button', { name: '添加成员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加成员' });
  await dialog.getByLabel('姓名').fill(newName);
  await dialog.getByLabel('身份证号').fill(withWrongCheck(id));
  await dialog.getByText('身份证号校验位不正确，请核对最后一位').waitFor();
  await shot(page, 'registry', '04-bad-id');

  await dialog.getByLabel('身份证号').fill(id);
  await expect.poll(() => dialog.getByText('身份证号校验位不正确，请核对最后一位').count()).toBe(0);
  await expect.poll(() => dialog.getByRole('radio', { name: '男' }).isChecked()).toBe(true);
  await shot(page, 'registry', '05-good-id');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });

  const added = page.getByRole('row').filter({ hasText: newName });
  await added.waitFor();
  expect(await added.textContent()).toContain('子女');
  expect(await added.textContent()).toContain('610802********');
  expect(await added.textContent()).toContain('2015年6月1日'); // a cadre may see whole IDs, so the whole birth date
  await shot(page, 'registry', '06-added');

  // The whole number is shown only on request (audited).
  await added.getByRole('button', { name: new RegExp(`查看 ${newName}`) }).click();
  await added.getByText(id).waitFor();
  await shot(page, 'registry', '07-revealed');

  // The same number again: the server's refusal lands on the field, and what was typed stays.
  await page.getByRole('button', { name: '添加成员' }).click();
  const again = page.getByRole('dialog', { name: '添加成员' });
  await again.getByLabel('姓名').fill('高新月');
  await again.getByLabel('身份证号').fill(id);
  await again.getByRole('button', { name: /保\s*存/ }).click();
  await again.getByText('该身份证号已在系统中登记，不能重复登记').waitFor();
  expect(await again.getByLabel('姓名').inputValue()).toBe('高新月');
  await shot(page, 'registry', '08-duplicate');
  await again.getByRole('button', { name: /取\s*消/ }).click();

  expect(unexpected(page.problems)).toEqual([]);
  await ctx.close();
});
