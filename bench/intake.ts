// B1 intake and B7 memory: POST /api/cases by a grid worker under 64 connections, against the bare route
// (bench/bare-server.ts) doing the same INSERT and history row with the same driver, in the same run;
// then the server's resident memory. BENCH_RUNS (default 3), BENCH_SECONDS (default 10).
import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../src/modules/demo/seed.js';
import { fmt, load, spread, type LoadResult } from './lib/load.js';
import { startProject, startServer, type Server } from './lib/proc.js';
import { prepareStore, type StoreKind } from './lib/store.js';
import { appendResults } from './lib/results.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
export const GRID_WORKER_PHONE = '13800000003';

export async function signIn(server: Server, phone: string): Promise<string> {
  const r = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: DEMO_PASSWORD }),
  });
  if (!r.ok) throw new Error(`login ${phone}: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { token: string }).token;
}

export interface IntakeFigures {
  store: StoreKind;
  project: LoadResult[];
  bare: LoadResult[];
  rssAfterMiB: number;
  rssIdleMiB: number;
}

export async function runIntake(kind: StoreKind, runs = RUNS, seconds = SECONDS, warmSeconds = 2): Promise<IntakeFigures> {
  const store = await prepareStore(kind);
  const servers: Server[] = [];
  try {
    const project = await startProject(store.url);
    servers.push(project);
    const rssIdleMiB = project.rssMiB();
    const token = await signIn(project, GRID_WORKER_PHONE);
    const auth = { authorization: `Bearer ${token}` };
    const me = (await (await fetch(`${project.base}/api/me`, { headers: auth })).json()) as { id: string; roles: { regionId: string; role: string }[] };
    const regionId = me.roles.find((r) => r.role === 'grid_worker')!.regionId;
    const cats = (await (await fetch(`${project.base}/api/case-categories`, { headers: auth })).json()) as { items: { code: string; type: string }[] };
    const category = cats.items.find((c) => c.type === 'incident')!.code;
    const body = () =>
      JSON.stringify({
        type: 'incident',
        category,
        title: '河堤出现管涌',
        description: '三组河堤东段出现管涌，请速派人查看。',
        regionId,
        idempotencyKey: randomUUID(),
      });
    // BENCH_ONLY=project loads the project alone (to profile it without the bare route's runs in between).
    const onlyProject = process.env.BENCH_ONLY === 'project';
    const bare = await startServer(
      'bare',
      ['--import', 'tsx', 'bench/bare-server.ts'],
      { DATABASE_URL: store.url, BARE_REGION: regionId, BARE_USER: me.id },
      '/bare/health',
    );
    servers.push(bare);

    const hit = (s: Server, path: string, headers: Record<string, string>, secs: number) =>
      load({ url: s.base + path, method: 'POST', headers, body, connections: CONNECTIONS, seconds: secs });
    // Warm both up (JIT, statement caches, pools) before measuring.
    await hit(project, '/api/cases', auth, warmSeconds);
    if (!onlyProject) await hit(bare, '/bare/cases', {}, warmSeconds);
    const out: IntakeFigures = { store: kind, project: [], bare: [], rssAfterMiB: 0, rssIdleMiB };
    for (let i = 0; i < runs; i++) {
      const p = await hit(project, '/api/cases', auth, seconds);
      const b = onlyProject ? p : await hit(bare, '/bare/cases', {}, seconds);
      console.log(`  run ${i + 1}: project ${p.rps.toFixed(0)} req/s p99 ${p.p99} ms (non-2xx ${p.non2xx}) · bare ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms`);
      out.project.push(p);
      out.bare.push(b);
    }
    out.rssAfterMiB = project.rssMiB();
    return out;
  } finally {
    for (const s of servers) await s.stop();
    await store.drop();
  }
}

export function intakeTable(f: IntakeFigures): string {
  const s = (xs: LoadResult[], k: keyof LoadResult) => spread(xs.map((x) => x[k]));
  const ratios = spread(f.project.map((p, i) => p.rps / f.bare[i].rps));
  const p99 = s(f.project, 'p99');
  const ratioOk = ratios.median >= 0.5;
  const p99Ok = p99.median <= 50;
  return [
    `B1 intake: \`POST /api/cases\` by a grid worker, ${CONNECTIONS} connections, ${f.project.length} runs of ${SECONDS} s (median (min–max)).`,
    '',
    '| | req/s | p50 ms | p99 ms | non-2xx |',
    '|---|---|---|---|---|',
    `| 乡治 \`POST /api/cases\` | ${fmt(s(f.project, 'rps'))} | ${fmt(s(f.project, 'p50'))} | ${fmt(p99)} | ${f.project.reduce((n, x) => n + x.non2xx + x.errors, 0)} |`,
    `| bare route, same driver | ${fmt(s(f.bare, 'rps'))} | ${fmt(s(f.bare, 'p50'))} | ${fmt(s(f.bare, 'p99'))} | ${f.bare.reduce((n, x) => n + x.non2xx + x.errors, 0)} |`,
    '',
    `Ratio ${fmt(ratios, 2)} (target ≥ 0.5: ${ratioOk ? 'met' : 'missed'}); p99 ${p99.median} ms (target ≤ 50 ms: ${p99Ok ? 'met' : 'missed'}).`,
    '',
    `B7 memory: the server's RSS ${f.rssIdleMiB.toFixed(0)} MiB idle after start, ${f.rssAfterMiB.toFixed(0)} MiB after B1 (target ≤ 300 MiB: ${f.rssAfterMiB <= 300 ? 'met' : 'missed'}).`,
  ].join('\n');
}

export async function main(stores: StoreKind[]) {
  for (const kind of stores) {
    console.log(`B1 intake on ${kind}…`);
    const f = await runIntake(kind);
    appendResults('B1 intake and B7 memory', kind === 'sqlite' ? 'SQLite' : 'PostgreSQL', intakeTable(f));
  }
}
