// The app's own files the shell opens at run time, from the folder of the running bundle (dist/main, where
// esbuild writes shell.cjs). Only paths inside dist/: electron-builder.yml ships dist/ and package.json,
// not the source tree (build/, renderer/, …), and the same expressions hold in the repository and inside
// app.asar. test/packaging/asar-layout.test.ts packs the app and resolves every one of them in the archive.
// No electron import: data in, data out.
import { join } from 'node:path';

export interface AppPaths {
  /** The sandboxed preload (scripts/sandboxed-preload.mjs builds it). */
  preload: string;
  /** Served as app://till/ (main/shell/app-scheme.ts). */
  rendererDir: string;
  rendererIndex: string;
  /** The till core's utility process entry (main/shell/core-bootstrap.ts), built next to the shell. */
  coreProcess: string;
}

export function appPaths(bundleDir: string): AppPaths {
  const dist = join(bundleDir, '..');
  return {
    preload: join(dist, 'preload', 'preload.cjs'),
    rendererDir: join(dist, 'renderer'),
    rendererIndex: join(dist, 'renderer', 'index.html'),
    coreProcess: join(bundleDir, 'core-process.cjs'),
  };
}
