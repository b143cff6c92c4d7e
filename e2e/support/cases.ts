// Steps on a case's detail page that several journeys take: the 办理 panel's buttons, their confirmations and dialogs.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The 办理 panel beside a case. */
export const handlePanel = (page: Page) => page.getByRole('complementary', { name: '办理' });

/** The steps of the case's timeline, in order (上报, 受理, 派单 …). */
export const timelineSteps = (page: Page) => page.locator('.xz-step-action').allTextContents();

/** A button's name as antd renders two-character Chinese labels ("受 理"). */
const verbName = (verb: string) => new RegExp(`^${[...verb].join('\\s*')}$`);

/** Clicks an action in the 办理 panel and confirms its Popconfirm, with an optional note. */
export async function confirmAction(page: Page, verb: string, note?: string) {
  await handlePanel(page)
    .getByRole('button', { name: verbName(verb) })
    .click();
  const pop = page.locator('.ant-popconfirm:visible');
  await pop.waitFor();
  if (note) await pop.getByLabel(/说明|办理结果/).fill(note);
  await pop.getByRole('button', { name: verbName(verb) }).click();
  await pop.waitFor({ state: 'hidden' });
}

/** Opens an action's dialog (派单, 调解, 办结, 回访, 评价 …) from the 办理 panel; `submit` presses its OK and waits for it to close. */
export async function openActionDialog(page: Page, verb: string) {
  await handlePanel(page)
    .getByRole('button', { name: verbName(verb) })
    .click();
  const dialog = page.getByRole('dialog', { name: new RegExp(`^${verb}：`) });
  await dialog.waitFor();
  const submit = async () => {
    await dialog.getByRole('button', { name: verbName(verb) }).click();
    await dialog.waitFor({ state: 'hidden' });
  };
  return { dialog, submit };
}

/** Chooses an antd radio button (its input is hidden; people click the label) and checks it took. */
export async function chooseRadio(scope: Page | Locator, name: string) {
  await scope
    .locator('label')
    .filter({ has: scope.getByRole('radio', { name, exact: true }) })
    .click();
  expect(await scope.getByRole('radio', { name, exact: true }).isChecked()).toBe(true);
}
