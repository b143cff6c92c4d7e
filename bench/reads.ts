// B1r reads: the village cadre's case list page and household list page under 64 connections, against a bare
// route (bench/bare-server.ts) running the very statements the project's route ran for the same page (captured
// here, the session lookup left out), in the same run. The store holds the demo registry with 40 households
// per grid and 2,000 reported cases. BENCH_RUNS (default 3), BENCH_SECONDS (default 10).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/kysely.js';
import { systemClock } from '../src/core/clock.js';
import { buildApp } from '../src/server/app.js';
import { DEMO_PASSWORD } from '../src/modules/demo/seed.js';
import { fmt, load, spread, type LoadResult } from './lib/load.js';
import { startProject, startServer, type Server } from './lib/proc.js';
import { prepareStore, type StoreKind } from './lib/store.js';
import { appendResults } from './lib/results.js';
import { GRID_WORKER_PHONE, signIn } from './intake.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const CADRE_PHONE = '13800000002';
const CASES = 2000;

/** The pages measured: the project's route, and the name of the bare route that replays its statements. */
const PAGES = [
  { name: 'cases', label: '村干部事件列表第1页', path: '/api/cases?page=1&pageSize=20' },
  { name: 'households', label: '村干部户籍列表第1页', path: '/api/households?page=1&pageSize=20' },
] as const;

interface Statement {
  sql: string;
  params: unknown[];
}

/** Runs each page in this process on the same store and records the statements it ran when warm, but the session lookup. */
async function captureStatements(url: string): Promise<Record<string, Statement[]>> {
  let capturing: Statement[] | null = null;
  const database = openDatabase(url, {
    onQuery: (sql, params) => {
      if (capturing && !sql.includes('"sessions"')) capturing.push({ sql, params: [...params] });
    },
  });
  const app = await buildApp({ database, clock: systemClock() });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { phone: CADRE_PHONE, password: DEMO_PASSWORD } });
    const token = login.json().token as string;
    const out: Record<string, Statement[]> = {};
    for (const page of PAGES) {
      // The second request is the one captured: the first also fills this process's caches (catalog, regions).
      await app.inject({ method: 'GET', url: page.path, headers: { authorization: `Bearer ${token}` } });
      capturing = [];
      const r = await app.inject({ method: 'GET', url: page.path, headers: { authorization: `Bearer ${token}` } });
      if (r.statusCode !== 200) throw new Error(`${page.path}: ${r.statusCode} ${r.body}`);
      out[page.name] = capturing;
      capturing = null;
    }
    return out;
  } finally {
    await app.close();
    await database.close();
  }
}

export interface ReadFigures {
  store: StoreKind;
  pages: { name: string; label: string; path: string; statements: number; project: LoadResult[]; bare: LoadResult[] }[];
}

export async function runReads(kind: StoreKind, runs = RUNS, seconds = SECONDS): Promise<ReadFigures> {
  const store = await prepareStore(kind, { householdsPerGrid: 40 });
  const dir = mkdtempSync(join(tmpdir(), 'xz-bench-reads-'));
  const servers: Server[] = [];
  try {
    const project = await startProject(store.url);
    servers.push(project);
    // Cases to list: reported by the grid worker through the API.
    const worker = { authorization: `Bearer ${await signIn(project, GRID_WORKER_PHONE)}` };
    const me = (await (await fetch(`${project.base}/api/me`, { headers: worker })).json()) as { roles: { regionId: string; role: string }[] };
    const regionId = me.roles.find((r) => r.role === 'grid_worker')!.regionId;
    const cats = (await (await fetch(`${project.base}/api/case-categories`, { headers: worker })).json()) as { items: { code: string; type: string }[] };
    const category = cats.items.find((c) => c.type === 'incident')!.code;
    for (let i = 0; i < CASES; i += 100)
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          fetch(`${project.base}/api/cases`, {
            method: 'POST',
            headers: { ...worker, 'content-type': 'application/json' },
            body: JSON.stringify({
              type: 'incident',
              category,
              title: `道路积水${i + k}`,
              description: '村口道路积水严重，影响通行。',
              regionId,
              idempotencyKey: randomUUID(),
            }),
          }).then((r) => {
            if (r.status !== 201) throw new Error(`report: ${r.status}`);
          }),
        ),
      );
    const statements = await captureStatements(store.url);
    const readsFile = join(dir, 'reads.json');
    writeFileSync(readsFile, JSON.stringify(statements));
    const bare = await startServer('bare', ['--import', 'tsx', 'bench/bare-server.ts'], { DATABASE_URL: store.url, BARE_READS: readsFile }, '/bare/health');
    servers.push(bare);
    const cadre = { authorization: `Bearer ${await signIn(project, CADRE_PHONE)}` };
    const out: ReadFigures = { store: kind, pages: [] };
    for (const page of PAGES) {
      const hit = (s: Server, path: string, headers: Record<string, string>, secs: number) =>
        load({ url: s.base + path, headers, connections: CONNECTIONS, seconds: secs });
      await hit(project, page.path, cadre, 2);
      await hit(bare, `/bare/${page.name}`, {}, 2);
      const row = { ...page, statements: statements[page.name].length, project: [] as LoadResult[], bare: [] as LoadResult[] };
      for (let i = 0; i < runs; i++) {
        const p = await hit(project, page.path, cadre, seconds);
        const b = await hit(bare, `/bare/${page.name}`, {}, seconds);
        console.log(`  ${page.name} run ${i + 1}: project ${p.rps.toFixed(0)} req/s p99 ${p.p99} ms · bare ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms`);
        row.project.push(p);
        row.bare.push(b);
      }
      out.pages.push(row);
    }
    return out;
  } finally {
    for (const s of servers) await s.stop();
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function readsTable(f: ReadFigures): string {
  const lines = [
    `B1r reads: a village cadre's list pages (20 rows) over the demo registry with 40 households per grid and ${CASES.toLocaleString()} cases, ${CONNECTIONS} connections, ${f.pages[0]?.project.length ?? 0} runs of ${SECONDS} s (median (min–max)). The bare route runs the statements the project's route ran but the session lookup.`,
    '',
    '| page | 乡治 req/s | p50 / p99 ms | bare req/s | p50 / p99 ms | ratio | target ≥ 0.5 |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const p of f.pages) {
    const r = (xs: LoadResult[], k: keyof LoadResult) => spread(xs.map((x) => x[k]));
    const ratio = spread(p.project.map((x, i) => x.rps / p.bare[i].rps));
    lines.push(
      `| ${p.label} \`${p.path}\` (${p.statements} statements) | ${fmt(r(p.project, 'rps'))} | ${r(p.project, 'p50').median} / ${r(p.project, 'p99').median} | ${fmt(r(p.bare, 'rps'))} | ${r(p.bare, 'p50').median} / ${r(p.bare, 'p99').median} | ${fmt(ratio, 2)} | ${ratio.median >= 0.5 ? 'met' : 'missed'} |`,
    );
  }
  return lines.join('\n');
}

export async function main(stores: StoreKind[]) {
  for (const kind of stores) {
    console.log(`B1r reads on ${kind}…`);
    const f = await runReads(kind);
    appendResults('B1r list reads', kind === 'sqlite' ? 'SQLite' : 'PostgreSQL', readsTable(f));
  }
}
