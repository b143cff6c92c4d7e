// One journey file = one fresh server (own SQLite file, fixed clock) and one Chromium, started before and stopped after its tests.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, takeCspViolations } from './browser';
import { startServer, type RunningServer } from './server';

export interface Journey {
  /** The running server (available inside tests and later hooks). */
  server: () => RunningServer;
  browser: () => Browser;
}

/** Registers the beforeAll/afterAll hooks; call at the top level of a journey file. */
export function useJourney(): Journey {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  // A page that the server's Content-Security-Policy broke fails the journey that showed it.
  afterEach(() => {
    expect(takeCspViolations(), 'Content-Security-Policy violations').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(v: T | undefined, what: string): T => {
    if (!v) throw new Error(`${what} is not running: use it inside a test`);
    return v;
  };
  return { server: () => need(server, 'the server'), browser: () => need(browser, 'the browser') };
}
