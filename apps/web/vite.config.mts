import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The browser application. `vite build` writes dist/web, which the api serves at `/`; `vite` alone
// serves it with the API proxied to the api on PORT (default 3000).
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    // Scripts only from files ('self'): no inline module preload polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // The first page's compressed size is measured against its budget by `npm run bench`.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      onwarn(warning, warn) {
        // Icon modules marked "use client" (a server-components hint with no meaning in a SPA).
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  server: {
    proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '3000'}` },
  },
});
