// `npm run bench -- NAME [sqlite|postgres]`: runs one benchmark (or `all`) and appends its figures to
// bench/RESULTS.md. Names: b1 (intake, with b7 memory), b1r (list reads), b5 (phone load; needs the built
// web, `npx vite build`), registry (registry queries at a county's size), ranking (the points ranking).
import type { StoreKind } from './lib/store.js';

const [name = 'help', only] = process.argv.slice(2);
const stores: StoreKind[] = only === 'sqlite' || only === 'postgres' ? [only] : ['sqlite', 'postgres'];

const benches: Record<string, () => Promise<unknown>> = {
  b1: async () => (await import('./intake.js')).main(stores),
  b7: async () => (await import('./intake.js')).main(stores),
  b1r: async () => (await import('./reads.js')).main(stores),
  b5: async () => (await import('./phone-load.js')).main(),
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
