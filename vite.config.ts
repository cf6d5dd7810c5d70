import { defineConfig } from 'vite';

// The renderer is a plain web page: built once, served by Electron (file) or the browser-mode host.
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    assetsInlineLimit: 0,
  },
  worker: { format: 'es' },
  oxc: { jsx: { runtime: 'automatic' } },
});
