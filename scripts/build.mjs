// Builds what Electron and browser mode run: the renderer with Vite, the Electron main with esbuild
// (CommonJS, electron and native modules left external), and the preload on its own for Electron's
// sandbox (scripts/sandboxed-preload.mjs: no banner, only the modules a sandboxed preload may require;
// the build fails otherwise). Needs no Electron binary.
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { buildSandboxedPreload } from './sandboxed-preload.mjs';

await viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: false,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'node-hid', 'electron-updater', 'pdfkit'],
  // The core is ESM and uses import.meta.url (createRequire for native modules); a CJS bundle has none.
  // Main process only: a sandboxed preload has no __filename (see sandboxed-preload.mjs).
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await esbuild({ ...common, entryPoints: ['main/shell/shell.ts'], outfile: 'dist/main/shell.cjs' });
// The till core runs in its own utility process (main/shell/core-bootstrap.ts, forked by the shell).
await esbuild({
  ...common,
  entryPoints: ['main/shell/core-bootstrap.ts'],
  outfile: 'dist/main/core-process.cjs',
});
await buildSandboxedPreload({ outfile: 'dist/preload/preload.cjs' });
console.log('built dist/renderer, dist/main/shell.cjs, dist/main/core-process.cjs, dist/preload/preload.cjs');
