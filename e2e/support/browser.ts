// Debian's Chromium driven by playwright-core; screenshots land in e2e/screenshots/<journey>-<step>.png.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const SHOTS = join(dirname(fileURLToPath(import.meta.url)), '..', 'screenshots');

/** What the pages' Content-Security-Policy blocked since the last look (every context of a launched browser reports here). */
const cspViolations: string[] = [];
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.XZ_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  // Every context, however a journey makes it, reports what the CSP refused (Chromium logs it as a console error).
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => {
    const ctx = await newContext(...args);
    ctx.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) cspViolations.push(`${m.page()?.url() ?? ''}: ${m.text()}`);
    });
    return ctx;
  };
  return browser;
}

export async function newContext(browser: Browser, baseURL: string): Promise<BrowserContext> {
  // Reduced motion: the console then turns antd's animations off, so no click lands on a half-open dropdown.
  const ctx = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  // Generous: CI runs on two cores shared with the server under test.
  ctx.setDefaultTimeout(30_000);
  return ctx;
}

/** A phone (360 × 740, touch, zh-CN, Shanghai time) for the /h5 pages; `extra` adds to it (geolocation, service workers). */
export async function phoneContext(browser: Browser, baseURL: string, extra: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({
    baseURL,
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    reducedMotion: 'reduce',
    ...extra,
  });
  ctx.setDefaultTimeout(30_000);
  return ctx;
}

/** Signs in on the phone's login page (/h5 sends a signed-out visitor there). */
export async function signInOnPhone(page: Page, phone: string, password = 'demo123456') {
  await page.goto('/h5');
  await page.waitForURL(/\/h5\/login/);
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
}

/** A page that records console errors and failed responses so a journey can assert none happened. */
export async function newPage(ctx: BrowserContext): Promise<Page & { problems: string[] }> {
  const page = (await ctx.newPage()) as Page & { problems: string[] };
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  return page;
}

export async function shot(page: Page, journey: string, step: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${journey}-${step}.png`);
  // Let antd's motion settle so the picture shows the steady state.
  await page.waitForTimeout(350);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export async function signIn(page: Page, phone: string, password = 'demo123456') {
  await page.goto('/login');
  await page.getByLabel('手机号').fill(phone);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
}

/** Opens an antd Select and chooses the visible option containing `option`. */
export async function pickOption(page: Page, select: Locator, option: string) {
  await select.click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await item.waitFor({ state: 'visible' });
  await item.click();
}
