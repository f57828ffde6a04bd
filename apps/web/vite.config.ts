import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromHere = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url));

const serverUrl = process.env.TESSERA_SERVER_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: {
      // The engines are CommonJS-built TypeScript packages: bundle their sources, not their dist.
      '@tessera/schema': fromHere('../../packages/schema/src/index.ts'),
      '@tessera/query': fromHere('../../packages/query/src/index.ts'),
      '@tessera/form-engine': fromHere('../../packages/form-engine/src/index.ts'),
      '@tessera/report-engine': fromHere('../../packages/report-engine/src/index.ts'),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: serverUrl, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/api': { target: serverUrl, changeOrigin: true },
    },
  },
  build: {
    outDir: fromHere('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|cookie|set-cookie-parser)[\\/]/,
              priority: 30,
            },
            // antd is not one group: forcing every antd module into one chunk would pull the runtime's and
            // designers' components (Table, Cascader, …) into the initial load and break the 400 kB budget.
            {
              name: 'i18n',
              test: /[\\/]node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
});
