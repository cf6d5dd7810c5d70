// Which better-sqlite3 native binary this process loads, decided in one place. The till runs under two
// runtimes with different ABIs (NODE_MODULE_VERSION): plain Node (npm test, npm run demo, the CLI, browser
// mode) and Electron (the shell and the core's utility process, in development and packaged). Each gets its
// own build, side by side, through better-sqlite3's `nativeBinding` option (lib/database.js: a string is
// `require`d as the addon), so nothing in node_modules is ever swapped:
// - Node: node_modules/better-sqlite3/build/Release/better_sqlite3.node, as `npm ci` installed it;
// - Electron: dist/native/electron-<abi>-<platform>-<arch>/better_sqlite3.node, written by
//   `npx tsx build/scripts/dist.ts native` (development) or the beforePack hook (installers), and inside an
//   installed app read from app.asar.unpacked (a .node file cannot be loaded from inside the archive).
// Every `new Database(...)` of the till goes through openSqlite(); a single default-loaded connection in
// Electron would load the Node build and fail with "compiled against a different Node.js version".
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NativeRuntime {
  /** process.versions.electron; undefined under plain Node. */
  electron: string | undefined;
  /** NODE_MODULE_VERSION (process.versions.modules): the ABI a .node file is built for. */
  modules: string;
  platform: NodeJS.Platform;
  arch: string;
}

export const SQLITE_ADDON = 'better_sqlite3.node';
/** Relative to the app's root (the folder of its package.json; app.asar when packaged). */
export const ELECTRON_NATIVE_ROOT = join('dist', 'native');

export const currentRuntime = (): NativeRuntime => ({
  electron: process.versions.electron,
  modules: process.versions.modules,
  platform: process.platform,
  arch: process.arch,
});

/** The folder of the Electron build for one ABI and target: `electron-150-linux-x64`. */
export function electronNativeFolder(modules: string, platform: string, arch: string): string {
  return `electron-${modules}-${platform}-${arch}`;
}

/** A path inside app.asar, moved to app.asar.unpacked, where electron-builder puts asarUnpack files. */
export function unpackedPath(path: string): string {
  return path
    .split(sep)
    .map((part) => (part === 'app.asar' ? 'app.asar.unpacked' : part))
    .join(sep);
}

export interface BindingLocations {
  /** The app's root: holds package.json and dist/. */
  appRoot: string;
  /** node_modules/better-sqlite3 as Node resolves it. */
  packageDir: string;
}

export function sqliteBindingPath(runtime: NativeRuntime, where: BindingLocations): string {
  if (runtime.electron === undefined) return join(where.packageDir, 'build', 'Release', SQLITE_ADDON);
  return unpackedPath(
    join(
      where.appRoot,
      ELECTRON_NATIVE_ROOT,
      electronNativeFolder(runtime.modules, runtime.platform, runtime.arch),
      SQLITE_ADDON,
    ),
  );
}

/** The folder above this module holding the till's package.json: the repository, or app.asar. */
export function findAppRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === 'atouts-till'
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`no atouts-till package.json above ${from}`);
  }
}

let binding: string | undefined;

/** This process's better-sqlite3 binary; throws, naming the command, when the Electron build is absent. */
export function sqliteBinding(): string {
  if (binding !== undefined) return binding;
  const here = dirname(fileURLToPath(import.meta.url));
  const runtime = currentRuntime();
  const path = sqliteBindingPath(runtime, {
    appRoot: runtime.electron === undefined ? '' : findAppRoot(here),
    packageDir:
      runtime.electron === undefined
        ? dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'))
        : '',
  });
  if (!existsSync(path)) {
    const how = runtime.electron === undefined ? 'npm ci' : 'npx tsx build/scripts/dist.ts native';
    throw new Error(
      `better-sqlite3 for ${runtime.electron === undefined ? 'Node' : `Electron ${runtime.electron}`} (ABI ${runtime.modules}) not found at ${path}: run "${how}"`,
    );
  }
  binding = path;
  return path;
}

/** `new Database(...)` with this runtime's binary. */
export function openSqlite(filename: string, options: Database.Options = {}): Database.Database {
  return new Database(filename, { ...options, nativeBinding: sqliteBinding() });
}
