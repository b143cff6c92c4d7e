// `npm run bench -- NAME [sqlite|postgres]`: runs one benchmark (or `all`) and appends its figures to
// bench/RESULTS.md. Names: b1 (intake, with b7 memory), b1r (list reads), b5 (phone load on the built web,
// built first when stale), registry (registry queries at a county's size), ranking (the points ranking).
import type { StoreKind } from './lib/store.js';

const [name = 'help', only] = process.argv.slice(2);
const stores: StoreKind[] = only === 'sqlite' || only === 'postgres' ? [only] : ['sqlite', 'postgres'];

const benches: Record<string, () => Promise<unknown>> = {
  b1: async () => (await import('./intake.js')).main(stores),
  b7: async () => (await import('./intake.js')).main(stores),
  b1r: async () => (await import('./reads.js')).main(stores),
  b5: async () => {
    // The phone load is measured on the built web: built here when missing or older than its sources.
    // @ts-expect-error scripts/start.mjs is plain JavaScript without types
    const { buildWeb, webIsStale } = await import('../scripts/start.mjs');
    if (webIsStale()) buildWeb();
    const { runB5, b5Table } = await import('./phone-load.js');
    const { appendResults } = await import('./lib/results.js');
    appendResults('B5 phone load', 'SQLite', b5Table(await runB5({ runs: Number(process.env.BENCH_RUNS ?? 3), log: (l) => console.error(l) })));
  },
  registry: () => import('./registry.js'),
  ranking: () => import('./ranking.js'),
};

if (name === 'all') {
  for (const n of ['b1', 'b1r', 'b5']) await benches[n]();
} else if (benches[name]) {
  await benches[name]();
} else {
  console.log(`usage: npm run bench -- ${Object.keys(benches).join('|')}|all [sqlite|postgres]`);
  process.exit(name === 'help' ? 0 : 1);
}
process.exit(0);
