// Server processes for the benchmarks: started with Node directly (so the pid is the server's), awaited until
// they answer, measured (resident memory) and stopped.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Server {
  name: string;
  port: number;
  base: string;
  child: ChildProcess;
  /** Resident set size now, in MiB (Linux /proc). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Starts `node [nodeArgs] script` with `env` and waits until GET `ready` answers 200. */
export async function startServer(name: string, nodeArgs: string[], env: Record<string, string>, ready = '/api/health', cwd = ROOT): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, nodeArgs, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', XZ_QUIET: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${stderr}`);
    try {
      const r = await fetch(base + ready);
      if (r.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${name} did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    port,
    base,
    child,
    rssMiB() {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : Number.NaN;
    },
    stop() {
      return new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      });
    },
  };
}

/**
 * The project's server as `npm start` runs it (the server bundle, built first when stale), on `url`, without demo
 * seeding or the web console. BENCH_ENTRY=src/server/main.ts runs the TypeScript sources through tsx instead;
 * BENCH_PROJECT_ROOT runs another checkout's sources (an earlier commit, for before/after figures).
 */
export async function startProject(url: string, extraEnv: Record<string, string> = {}) {
  const root = process.env.BENCH_PROJECT_ROOT ?? ROOT;
  const entry = process.env.BENCH_ENTRY ?? (process.env.BENCH_PROJECT_ROOT ? 'src/server/main.ts' : 'dist/server/main.mjs');
  if (entry === 'dist/server/main.mjs') {
    // @ts-expect-error scripts/start.mjs is plain JavaScript without types
    const { buildServer, serverIsStale } = await import('../../scripts/start.mjs');
    if (serverIsStale()) await buildServer();
  }
  // BENCH_NODE_ARGS: e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile the server under load.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const args = [...nodeArgs, ...(entry.endsWith('.ts') ? ['--import', 'tsx', entry, 'start'] : ['--enable-source-maps', entry, 'start'])];
  return startServer('xiangzhi', args, { DATABASE_URL: url, XZ_DEMO: '0', XZ_WEB_DIR: '/nonexistent', ...extraEnv }, '/api/health', root);
}
