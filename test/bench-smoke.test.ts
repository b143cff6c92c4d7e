// A one-second smoke of benchmark B1 (`npm run bench -- b1`), so the benchmark keeps working: the project's server
// and the bare route both start on a fresh store of this run's kind, take reports under load, and answer them all.
// The figures mean nothing here; bench/RESULTS.md holds the real runs.
import { describe, expect, it } from 'vitest';
import { runIntake } from '../bench/intake.js';
import { STORE } from './harness.js';

describe(`benchmark B1 smoke on ${STORE}`, () => {
  it('reports go in on the project and on the bare route, every answer a success', async () => {
    const f = await runIntake(STORE, 1, 1, 1);
    expect(f.project[0].rps).toBeGreaterThan(0);
    expect(f.bare[0].rps).toBeGreaterThan(0);
    expect(f.project[0].non2xx + f.project[0].errors).toBe(0);
    expect(f.bare[0].non2xx + f.bare[0].errors).toBe(0);
    expect(f.rssAfterMiB).toBeGreaterThan(0);
  }, 120_000);
});
