// `npm test`: the whole suite — Biome's lint and format check, then, two at a
// time, the unit and integration tests on SQLite, the integration tests again
// on PostgreSQL and the Playwright journeys in headless Chromium (in shards). Without
// PostgreSQL or Chromium a stage is skipped loudly; with XZ_STRICT=1 (set by
// .ci/run) a missing one is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildWeb, webIsStale } from './start.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const strict = process.env.XZ_STRICT === '1';
const pgUrl = process.env.XZ_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const chromium = process.env.XZ_CHROMIUM ?? '/usr/bin/chromium';
const outDir = join(root, 'test-results');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

const stages = [];
const banner = (s) => console.log(`\n${'='.repeat(72)}\n${s}\n${'='.repeat(72)}`);

function vitestArgs(name, args) {
  return ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${join(outDir, `${fileName(name)}.json`)}`];
}

/** A stage's name as a file name ('e2e 1/3' → 'e2e-1of3'). */
const fileName = (name) => name.replace(' ', '-').replace('/', 'of');

function record(name, status) {
  const json = join(outDir, `${fileName(name)}.json`);
  let passed = 0,
    failed = 0,
    skipped = 0;
  if (existsSync(json)) {
    const res = JSON.parse(readFileSync(json, 'utf8'));
    passed = res.numPassedTests;
    failed = res.numFailedTests;
    skipped = res.numPendingTests + res.numTodoTests;
    if (res.numFailedTestSuites && !failed) failed = res.numFailedTestSuites; // a file that failed to load
  } else if (status !== 0) failed = 1;
  if (status !== 0 && failed === 0) failed = 1;
  stages.push({ name, passed, failed, skipped });
}

/** Runs a vitest stage in the background, its output kept in test-results/NAME.log and printed when it ends. */
function vitestAside(name, args, env = {}) {
  const log = join(outDir, `${fileName(name)}.log`);
  const out = createWriteStream(log);
  const child = spawn(join(root, 'node_modules', '.bin', 'vitest'), vitestArgs(name, args), { cwd: root, env: { ...process.env, FORCE_COLOR: '0', ...env } });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  return new Promise((resolve) =>
    child.on('close', (code) =>
      out.end(() => {
        banner(`▶ ${name} (ran alongside; its output)`);
        process.stdout.write(readFileSync(log, 'utf8'));
        record(name, code);
        resolve();
      }),
    ),
  );
}

function lint() {
  banner('▶ lint (Biome: lint rules and formatting)');
  const r = spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['ci', '.'], { cwd: root, stdio: 'inherit' });
  stages.push({ name: 'lint', passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 });
}

function skip(name, why) {
  const msg = `!!! ${name} SKIPPED: ${why}`;
  console.log(`\n${'!'.repeat(72)}\n${msg}\n${'!'.repeat(72)}`);
  stages.push({ name, passed: 0, failed: strict ? 1 : 0, skipped: 1, note: strict ? 'required in CI' : 'skipped' });
}

async function postgresReachable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

lint();

// The stages need different things (a database server, Chromium) and wait on them a good deal: two at a time on the
// two cores, the longest first, the journeys in three shards so the lanes end together.
const E2E_SHARDS = 3;
const tasks = [];
if (await postgresReachable()) tasks.push(() => vitestAside('postgres', ['test/'], { XZ_TEST_DB: 'postgres', XZ_TEST_PG_URL: pgUrl }));
else skip('postgres', `no PostgreSQL at ${pgUrl.replace(/\/\/[^@]*@/, '//')} — start it to run the integration tests on PostgreSQL`);
tasks.push(() => vitestAside('sqlite', []));
if (existsSync(chromium)) {
  if (webIsStale()) buildWeb();
  for (let i = 1; i <= E2E_SHARDS; i++)
    tasks.push(() => vitestAside(`e2e ${i}/${E2E_SHARDS}`, ['--config', 'vitest.e2e.config.ts', `--shard=${i}/${E2E_SHARDS}`], { XZ_CHROMIUM: chromium }));
} else skip('e2e', `no Chromium at ${chromium} — install it (apt-get install chromium) to run the Playwright journeys`);
const LANES = 2;
await Promise.all(
  Array.from({ length: LANES }, async () => {
    for (let t = tasks.shift(); t; t = tasks.shift()) await t();
  }),
);

banner('Summary');
for (const s of stages) console.log(`${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.note ? `  (${s.note})` : ''}`);
const total = stages.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`\nxiangzhi: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed ? 1 : 0);
