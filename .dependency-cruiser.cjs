// The layering of ARCHITECTURE.md, checked in `npm test`:
// server → modules → core → db; http and shared usable from modules; web → shared only.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-below-modules',
      comment: 'core holds what every module builds on; it never reaches up into a module, the HTTP layer or the server.',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/(modules|server|http|web)/' },
    },
    {
      name: 'db-is-the-bottom',
      comment: 'db holds dialects, table types and migrations; it imports nothing of ours above it.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(core|modules|server|http|web|shared)/' },
    },
    {
      name: 'shared-stands-alone',
      comment: 'shared is what the browser and the server both use: it imports nothing of the server side.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/(?!shared/)' },
    },
    {
      name: 'http-serves-modules',
      comment: 'http holds what routes share (the actor, uploads, downloads, the App type); it knows no module and no server wiring.',
      severity: 'error',
      from: { path: '^src/http/' },
      to: { path: '^src/(modules|server|web)/' },
    },
    {
      name: 'modules-do-not-reach-the-server',
      comment: 'The server wires modules together; modules use src/http for what routes share.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { path: '^src/server/' },
    },
    {
      name: 'a-module-reaches-another-through-its-service',
      comment: "Another module's data and rules are reached through its service.ts (or an index.ts it exports), never its repo, tables or helpers.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(service|index)\\.ts$'] },
    },
    {
      name: 'web-uses-only-shared',
      comment: 'The console and the phone pages are built for the browser: of our code they import only src/shared.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/(?!web/|shared/)' },
    },
    {
      name: 'phone-pages-stay-light',
      comment:
        "The phone pages (src/web/h5) reach neither antd nor the console's dictionary, pages or layout: of the console they use only its API hooks (src/web/console/api), and what both need lives in src/web/shared.",
      severity: 'error',
      from: { path: '^src/web/h5/' },
      to: { path: ['node_modules/(antd|@ant-design)/', '^src/web/console/(?!api/)', '^src/web/console/api/errors'], reachable: true },
    },
    {
      name: 'no-circular-modules',
      comment: 'Two modules that import each other are one module, or need a third.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { circular: true, path: '^src/modules/', pathNot: '^src/modules/$1/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
