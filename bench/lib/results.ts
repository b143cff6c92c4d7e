// bench/RESULTS.md: each run appends its section, headed with the machine, the date and the store.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './proc.js';

export const RESULTS = join(ROOT, 'bench', 'RESULTS.md');

export function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model.trim() ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.version}`;
}

export function shanghaiStamp(d = new Date()): string {
  return `${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (Asia/Shanghai)`;
}

/** Appends `body` under a heading naming the benchmark, the store, the machine and the time. */
export function appendResults(title: string, store: string, body: string) {
  if (!existsSync(RESULTS))
    writeFileSync(RESULTS, '# Benchmark results\n\nEach section is one run of `npm run bench -- NAME`, appended by the benchmark itself.\n');
  // BENCH_LABEL names what was measured when it is not this checkout (e.g. "before: commit 89905fa").
  const label = process.env.BENCH_LABEL ? ` — ${process.env.BENCH_LABEL}` : '';
  const section = `\n## ${title} — ${store}${label}\n\n${shanghaiStamp()} · ${machine()}\n\n${body.trim()}\n`;
  appendFileSync(RESULTS, section);
  console.log(section);
}
