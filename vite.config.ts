import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Vite root is src/web; the built console lands in dist/web, which the API server serves.
export default defineConfig({
  root: here('./src/web'),
  base: '/',
  plugins: [react()],
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
        // Vendors that change rarely get their own long-cached chunks; pages stay lazy.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 25 },
            { name: 'antd-core', test: /node_modules[\\/](@ant-design[\\/](cssinjs|colors|fast-color|cssinjs-utils)|@emotion|stylis|@babel[\\/]runtime)[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
});
