import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The phone H5's service worker (dist/web/h5-sw.js, registered with scope /h5): src/web/h5/sw.ts compiled, with the
 * list of files the H5 shell needs — h5.html and every chunk, stylesheet and asset reachable from the h5 entry, not
 * the console's — and a version that changes whenever one of them does (so phones pick up a new build).
 */
function h5ServiceWorker(): Plugin {
  return {
    name: 'xz-h5-sw',
    apply: 'build',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((f) => f.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry && c.name === 'h5');
      if (!entry) return this.error('xz-h5-sw: the h5 entry chunk is missing');
      const byName = new Map(chunks.map((c) => [c.fileName, c]));
      const files = new Set<string>();
      const walk = (fileName: string) => {
        if (files.has(fileName)) return;
        files.add(fileName);
        const c = byName.get(fileName);
        if (!c) return;
        for (const f of c.viteMetadata?.importedCss ?? []) files.add(f);
        for (const f of c.viteMetadata?.importedAssets ?? []) files.add(f);
        for (const f of [...c.imports, ...c.dynamicImports]) walk(f);
      };
      walk(entry.fileName);
      const html = bundle['h5.html'];
      if (html?.type !== 'asset') return this.error('xz-h5-sw: h5.html is missing from the bundle');
      const precache = ['/h5.html', ...[...files].sort().map((f) => `/${f}`)];
      const version = createHash('sha256').update(precache.join('\n')).update(String(html.source)).digest('hex').slice(0, 12);
      const source = here('./src/web/h5/sw.ts');
      const { code } = await transformWithOxc(readFileSync(source, 'utf8'), source, { lang: 'ts' });
      const body = code.replace(/^export\s*\{\s*\};?.*$/m, '');
      this.emitFile({
        type: 'asset',
        fileName: 'h5-sw.js',
        source: `// 乡治 H5 service worker ${version} (generated from src/web/h5/sw.ts)\nconst VERSION = ${JSON.stringify(version)};\nconst PRECACHE = ${JSON.stringify(precache)};\n${body}`,
      });
    },
  };
}

/**
 * Every text file of the build stored brotli- (quality 11) and gzip- (level 9) compressed beside itself (x.js.br,
 * x.js.gz), made once here so the server (@fastify/static preCompressed) sends the smallest one a browser accepts at
 * no cost per request. Files under 1 KB, or that would not shrink, stay as they are.
 */
function precompress(): Plugin {
  const br = promisify(brotliCompress);
  const gz = promisify(gzip);
  return {
    name: 'xz-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir ?? here('./dist/web');
      const files = Object.keys(bundle).filter((f) => /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const path = join(dir, f);
          const raw = await readFile(path);
          if (raw.length < 1024) return;
          const [b, g] = await Promise.all([
            br(raw, {
              params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
            }),
            gz(raw, { level: 9 }),
          ]);
          if (b.length < raw.length) await writeFile(`${path}.br`, b);
          if (g.length < raw.length) await writeFile(`${path}.gz`, g);
        }),
      );
    },
  };
}

/**
 * Stylesheets before the scripts in the built pages' <head>: the page cannot paint until its stylesheets are in, and on
 * a slow link the first requests sent get the bandwidth, so these small files go out ahead of the module preloads.
 */
function stylesheetsFirst(): Plugin {
  return {
    name: 'xz-stylesheets-first',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/[ \t]*<link rel="stylesheet"[^>]*>\n?/g) ?? [];
        const first = html.search(/[ \t]*<(script type="module"|link rel="modulepreload")/);
        if (!links.length || first < 0) return html;
        const rest = links.reduce((h, l) => h.replace(l, ''), html);
        const at = rest.search(/[ \t]*<(script type="module"|link rel="modulepreload")/);
        return rest.slice(0, at) + links.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join('') + rest.slice(at);
      },
    },
  };
}

// Vite root is src/web; the built console lands in dist/web, which the API server serves.
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  plugins: [react(), stylesheetsFirst(), h5ServiceWorker(), precompress()],
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.XZ_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: here('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: { index: here('./src/web/index.html'), h5: here('./src/web/h5.html') },
      output: {
        // A group split by entries is named after all of them (babel-helpers~index~h5~CaseDetail~…): keep the group's name only.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
        // Vendors that change rarely get their own long-cached chunks; pages stay lazy. The phone pages (h5) must not
        // load the console's antd: Babel's helpers, which antd and antd-mobile both use, get a group of their own that
        // splits by which entries need each helper, so antd-core's dependencies do not drag it into h5.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'babel-helpers', test: /node_modules[\\/]@babel[\\/]runtime[\\/]/, priority: 28, entriesAware: true, entriesAwareMergeThreshold: 2048 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 25 },
            {
              name: 'antd-core',
              test: /node_modules[\\/](@ant-design[\\/](cssinjs|colors|fast-color|cssinjs-utils)|stylis)[\\/]/,
              priority: 20,
            },
          ],
        },
      },
    },
  },
});
