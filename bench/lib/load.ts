// Load generation (autocannon) and the arithmetic of repeated runs.
import autocannon from 'autocannon';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** A fresh body per request (e.g. a new idempotency key), or one body for all. */
  body?: string | (() => string);
  connections?: number;
  seconds?: number;
}

export async function load(o: LoadOptions): Promise<LoadResult> {
  const makeBody = typeof o.body === 'function' ? o.body : null;
  const r = await autocannon({
    url: o.url,
    method: o.method ?? 'GET',
    headers: { ...(o.body ? { 'content-type': 'application/json' } : {}), ...o.headers },
    body: typeof o.body === 'string' ? o.body : undefined,
    connections: o.connections ?? 64,
    duration: o.seconds ?? 10,
    requests: makeBody ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: makeBody() }) }] : undefined,
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(xs: number[]): Spread {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { median: mid, min: s[0], max: s[s.length - 1] };
}

export const fmt = (s: Spread, digits = 0) => `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
