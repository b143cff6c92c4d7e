// Starts the real server (API + built console from dist/web) on a fresh SQLite file and a fixed clock.
// Build the console first: `npx vite build`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const E2E_NOW = '2026-11-27T02:00:00Z';

export interface RunningServer {
  baseURL: string;
  dir: string;
  stop: () => Promise<void>;
  output: () => string;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseURL: string, child: ChildProcess, log: () => string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become healthy in ${timeoutMs} ms:\n${log()}`);
}

export async function startServer(): Promise<RunningServer> {
  if (!existsSync(join(REPO, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npx vite build` before the e2e journeys');
  const dir = mkdtempSync(join(tmpdir(), 'xz-e2e-'));
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn('npx', ['tsx', 'src/server/main.ts'], {
    cwd: REPO,
    detached: true, // own process group, so stop() ends npx, tsx and node together
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: `file:${join(dir, 'e2e.db')}`, XZ_NOW: E2E_NOW, XZ_QUIET: '1' },
  });
  child.stdout!.on('data', (b) => {
    out += b;
  });
  child.stderr!.on('data', (b) => {
    out += b;
  });
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* gone */
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, child, () => out);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseURL, dir, stop, output: () => out };
}
