import { defineConfig } from 'vite';

// The server (hoptac serve --web dist) sends a strict Content-Security-Policy: no inline
// scripts or styles, so the build emits only files, with content hashes under /assets/.
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 200,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:18600' } },
});
