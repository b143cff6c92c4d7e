// Journey: the points loop — a grid worker proposes points for a household in the console (申报积分), the village cadre
// approves them (积分审核), they hang on the village's 积分公示, 公示 ends and they take effect, the household's villager
// redeems an item in 追梦超市 on the phone and gets a pick-up code, and the cadre checks the code at the counter (核销).
import { expect, test } from 'vitest';
import { newContext, newPage, phoneContext, shot, signIn } from './support/browser';
import { useJourney } from './support/journey';
import { seriousA11yViolations } from './support/a11y';
import { apiGet, apiLogin, apiPost, unexpected } from './support/api';

const { server, browser } = useJourney();

const ADMIN = '13800000000';
const CADRE = '13800000002'; // 高永强, 孟家湾村
const GRID_WORKER = '13800000003'; // 马丽娟, 孟家湾村一组网格
const VILLAGER = '13800000004'; // the household of 王博磊
const HEAD = '王博磊';
const RULE = '冬季扫雪除冰（e2e）';
const ITEM = '保温水壶（e2e）';

interface Me {
  id: string;
  roles: { role: string; regionId: string; householdId: string | null }[];
}
interface Points {
  balance: number;
  entries: { delta: number; source: string }[];
}

test('a grid worker proposes points, the cadre approves, 公示 ends, the villager redeems on the phone and the counter checks the code', async () => {
  const base = server().baseURL;

  // ── Set-up through the API: the village keeps a rule worth a bit more than a store item costs.
  const cTok = await apiLogin(base, CADRE);
  const village = (await apiGet<Me>(base, cTok, '/api/me')).roles[0].regionId;
  await apiPost(base, cTok, '/api/points/rules', {
    regionId: village,
    code: 'E2E01',
    name: RULE,
    category: '志愿服务',
    value: 30,
    cap: 60,
    capPeriod: 'month',
  });
  await apiPost(base, cTok, '/api/store/items', { regionId: village, name: ITEM, cost: 30, stock: 2, merchant: '孟家湾便民超市' });
  const vTok = await apiLogin(base, VILLAGER);
  const householdId = (await apiGet<Me>(base, vTok, '/api/me')).roles[0].householdId!;
  const before = (await apiGet<Points>(base, cTok, `/api/households/${householdId}/points`)).balance;

  // ── 1. The grid worker proposes the points in 积分审核 → 申报积分.
  const gw = await newContext(browser(), base);
  const p1 = await newPage(gw);
  await signIn(p1, GRID_WORKER);
  await p1.getByRole('menuitem', { name: '积分审核' }).click();
  await p1.getByRole('heading', { name: '积分审核' }).waitFor();
  await p1.getByRole('button', { name: '申报积分' }).click();
  const dialog = p1.getByRole('dialog', { name: '申报积分' });
  await dialog.getByLabel('户').first().click();
  await p1.keyboard.type(HEAD);
  const hh = p1.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: HEAD }).first();
  await hh.waitFor();
  await hh.click();
  // The village keeps many rules: type to find the one.
  await dialog.getByLabel('积分事项').click();
  await p1.keyboard.type('扫雪除冰');
  const rule = p1.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: RULE }).first();
  await rule.waitFor();
  await rule.click();
  await dialog.getByLabel('说明（选填）').fill('11月26日清晨主动清扫村委会门前积雪');
  await shot(p1, 'points', '01-propose');
  expect(await seriousA11yViolations(p1)).toEqual([]);
  await dialog.getByRole('button', { name: /提\s*交/ }).click();
  await p1.getByText('已提交，等待村两委审核').waitFor();
  await p1
    .getByRole('cell', { name: new RegExp(RULE.replace(/[（）]/g, '.')) })
    .first()
    .waitFor();
  expect(unexpected(p1.problems)).toEqual([]);
  await gw.close();

  // ── 2. The cadre opens it in 待审核 and approves: 公示 starts.
  const cc = await newContext(browser(), base);
  const p2 = await newPage(cc);
  await signIn(p2, CADRE);
  await p2.goto('/points/awards');
  const row = p2.getByRole('row').filter({ hasText: RULE });
  await row.waitFor();
  await row.getByRole('button', { name: /查看/ }).click();
  const drawer = p2.getByRole('dialog', { name: '积分申报详情' });
  await drawer.getByText('马丽娟（网格员）').waitFor();
  await drawer.getByText('11月26日清晨主动清扫村委会门前积雪').first().waitFor();
  await shot(p2, 'points', '02-review');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  await drawer.getByRole('button', { name: /通\s*过/ }).click();
  await p2.getByText('已通过，进入公示').waitFor();
  await drawer.getByText('审核通过，开始公示').waitFor();

  // ── 3. It hangs on the village's 积分公示 with the days left.
  await p2.goto('/points/board');
  await p2.getByRole('heading', { name: '孟家湾村积分公示' }).waitFor();
  const posted = p2.getByRole('row').filter({ hasText: RULE });
  await posted.waitFor();
  expect(await posted.textContent()).toContain(HEAD);
  expect(await posted.textContent()).toContain('剩 5 天');
  await shot(p2, 'points', '03-board');
  expect(await seriousA11yViolations(p2)).toEqual([]);

  // ── 4. Six days later 公示 has ended without objection: the points take effect (the clock is moved for the demo).
  const aTok = await apiLogin(base, ADMIN);
  await apiPost(base, aTok, '/api/dev/clock', { advanceHours: 6 * 24 });
  const after = await apiGet<Points>(base, cTok, `/api/households/${householdId}/points`);
  expect(after.balance).toBe(before + 30);

  // ── 5. The villager sees the points on the phone and redeems the item in 追梦超市.
  const phone = await phoneContext(browser(), base);
  const p3 = await newPage(phone);
  await p3.goto('/h5/login');
  await p3.getByLabel('手机号').fill(VILLAGER);
  await p3.getByLabel('密码').fill('demo123456');
  await p3.getByRole('button', { name: /登\s*录/ }).click();
  await p3.waitForURL((u) => !u.pathname.startsWith('/h5/login'));
  await p3.getByRole('link', { name: '积分' }).click();
  await p3.getByText(String(after.balance)).first().waitFor();
  await p3.getByText(RULE).first().waitFor();
  await shot(p3, 'points', '04-h5-points');
  expect(await seriousA11yViolations(p3)).toEqual([]);
  await p3.getByRole('link', { name: '去追梦超市兑换' }).click();
  await p3.getByRole('button', { name: new RegExp(`^${ITEM.replace(/[（）]/g, '.')}`) }).click();
  const sheet = p3.getByRole('dialog', { name: `兑换${ITEM}` });
  await sheet.getByText(`还剩 ${after.balance - 30} 积分`).waitFor();
  await shot(p3, 'points', '05-h5-redeem');
  await sheet.getByRole('button', { name: '确认兑换' }).click();
  await p3.getByText('兑换成功').waitFor();
  const codeText = (await p3.locator('.xz-code').textContent())!.replace(/\s/g, '');
  expect(codeText).toMatch(/^[1-9]\d{7}$/);
  await p3.getByText('请到村委会超市柜台出示兑换码领取').waitFor();
  await shot(p3, 'points', '06-h5-code');
  expect(await seriousA11yViolations(p3)).toEqual([]);
  expect(unexpected(p3.problems)).toEqual([]);

  // ── 6. At the counter the cadre types the code, sees what it is for and hands it over.
  await p2.getByRole('menuitem', { name: '兑换核销' }).click();
  await p2.getByRole('heading', { name: '兑换核销' }).waitFor();
  const codeBox = p2.getByLabel('请输入兑换码');
  await codeBox.fill(codeText);
  await p2.getByRole('button', { name: /查\s*询/ }).click();
  await p2.getByText(`${ITEM} × 1`).first().waitFor();
  await p2.getByText('待领取').first().waitFor();
  await shot(p2, 'points', '07-counter');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  await p2.getByRole('button', { name: '确认核销' }).click();
  await p2.getByText('已核销，请将商品交给村民').first().waitFor();
  await p2.mouse.move(1000, 880); // not hovering the button that took the place of 确认核销
  await shot(p2, 'points', '08-counter-done');
  expect(await seriousA11yViolations(p2)).toEqual([]);
  // The same code a second time is refused: it was used.
  await p2.getByRole('button', { name: '核销下一个' }).click();
  await codeBox.fill(codeText);
  await p2.getByRole('button', { name: /查\s*询/ }).click();
  await p2.getByText(/不能重复使用/).waitFor();
  expect(await p2.getByRole('button', { name: '确认核销' }).count()).toBe(0);
  expect(unexpected(p2.problems)).toEqual([]);

  // The ledger adds up: the award in, the redemption out, balance = sum of entries.
  const final = await apiGet<Points>(base, cTok, `/api/households/${householdId}/points`);
  expect(final.balance).toBe(before);
  expect(final.entries.reduce((s, e) => s + e.delta, 0)).toBe(final.balance);
  expect(final.entries.map((e) => e.source)).toEqual(expect.arrayContaining(['rule_award', 'redemption']));
  await cc.close();
  await phone.close();
});
