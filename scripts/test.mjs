// `npm test`: the whole suite — unit and integration tests on SQLite, the
// integration tests again on PostgreSQL, then the Playwright journeys in
// headless Chromium. Without PostgreSQL or Chromium a stage is skipped loudly;
// with XZ_STRICT=1 (set by .ci/run) a missing one is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
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

function vitest(name, args, env = {}) {
  banner(`▶ ${name}`);
  const json = join(outDir, `${name}.json`);
  const r = spawnSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${json}`], {
    cwd: root, stdio: 'inherit', env: { ...process.env, ...env },
  });
  let passed = 0, failed = 0, skipped = 0;
  if (existsSync(json)) {
    const res = JSON.parse(readFileSync(json, 'utf8'));
    passed = res.numPassedTests; failed = res.numFailedTests; skipped = res.numPendingTests + res.numTodoTests;
    if (res.numFailedTestSuites && !failed) failed = res.numFailedTestSuites; // a file that failed to load
  } else if (r.status !== 0) failed = 1;
  if (r.status !== 0 && failed === 0) failed = 1;
  stages.push({ name, passed, failed, skipped });
}

function skip(name, why) {
  const msg = `!!! ${name} SKIPPED: ${why}`;
  console.log(`\n${'!'.repeat(72)}\n${msg}\n${'!'.repeat(72)}`);
  stages.push({ name, passed: 0, failed: strict ? 1 : 0, skipped: 1, note: strict ? 'required in CI' : 'skipped' });
}

async function postgresReachable() {
  const c = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 });
  try { await c.connect(); await c.query('select 1'); return true; } catch { return false; } finally { await c.end().catch(() => {}); }
}

vitest('sqlite', []);

if (await postgresReachable()) vitest('postgres', ['test/'], { XZ_TEST_DB: 'postgres', XZ_TEST_PG_URL: pgUrl });
else skip('postgres', `no PostgreSQL at ${pgUrl.replace(/\/\/[^@]*@/, '//')} — start it to run the integration tests on PostgreSQL`);

if (existsSync(chromium)) {
  if (webIsStale()) buildWeb();
  vitest('e2e', ['--config', 'vitest.e2e.config.ts'], { XZ_CHROMIUM: chromium });
} else skip('e2e', `no Chromium at ${chromium} — install it (apt-get install chromium) to run the Playwright journeys`);

banner('Summary');
for (const s of stages) console.log(`${s.name.padEnd(10)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped${s.note ? `  (${s.note})` : ''}`);
const total = stages.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\nxiangzhi: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed ? 1 : 0);
