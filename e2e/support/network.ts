// A network that fails on purpose, for the offline journeys.
import type { Route } from 'playwright-core';

/** The server gets the request and answers, but the phone never hears back (the first `times` such requests). */
export function cutAfterServer(times: number, method = 'POST') {
  const seen = { n: 0 };
  const handler = async (route: Route) => {
    if (route.request().method() !== method) return route.fallback();
    seen.n += 1;
    if (seen.n > times) return route.fallback();
    await route.fetch(); // reaches the server, which records it
    await route.abort('failed');
  };
  return { seen, handler };
}

/** The visible problems of a page that is offline on purpose: failed loads are the point, not a bug. */
export const offlineNoise = (p: string) => /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)$/.test(p);
