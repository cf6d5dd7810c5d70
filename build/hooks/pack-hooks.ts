// electron-builder hooks, referenced from electron-builder.yml and loaded in-process by electron-builder
// (run through tsx by build/scripts/dist.ts, so they stay TypeScript and typechecked).
//
// Why a hook and not `postinstall`/`npmRebuild`: better-sqlite3 must be compiled for Electron's ABI only in
// the installer, while every developer and CI run tests it under plain Node. So the Node build is set aside,
// better-sqlite3 (and nothing else: node-hid is N-API and its prebuilds load in Electron as they are) is
// rebuilt for the target Electron, electron-builder copies it into the app, and afterPack puts the Node build
// back.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** What the hooks read from electron-builder's BeforePackContext/AfterPackContext. */
export interface PackHookContext {
  readonly packager: { readonly projectDir: string; readonly info: { readonly framework: { readonly name: string; readonly version: string } } };
  readonly electronPlatformName: string;
  readonly arch: number;
}

/** The subset of @electron/rebuild's RebuildOptions this project uses. */
export interface ElectronRebuildOptions {
  buildPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  onlyModules: string[];
  force: boolean;
  mode: 'sequential';
}

export interface PackHookDeps {
  rebuild(options: ElectronRebuildOptions): Promise<void>;
  log(message: string): void;
}

export type PackHookErrorCode = 'APP_NOT_BUILT' | 'UNSUPPORTED_TARGET' | 'REBUILD_FAILED' | 'NATIVE_MISSING';
export type PackHookResult = { ok: true; detail: string } | { ok: false; code: PackHookErrorCode; detail: string };

/** The only module rebuilt for Electron. */
export const REBUILT_MODULES = ['better-sqlite3'] as const;

/** Files the packaged app cannot start without: the outputs of `npm run build`. */
export const BUILT_APP_FILES = ['dist/main/shell.cjs', 'dist/preload/preload.cjs', 'dist/renderer/index.html'] as const;

export const NATIVE_BINARY = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
export const NODE_ABI_STASH = 'node_modules/.atouts-node-abi/better_sqlite3.node';

// electron-builder's Arch enum (builder-util), by value; a test checks it against the real enum.
const ARCH_NAMES: Record<number, string> = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };
const PLATFORMS: Record<string, NodeJS.Platform> = { win32: 'win32', darwin: 'darwin', mas: 'darwin', linux: 'linux' };

export async function rebuildNativeForElectron(context: PackHookContext, deps: PackHookDeps): Promise<PackHookResult> {
  const projectDir = context.packager.projectDir;
  const missing = BUILT_APP_FILES.filter((f) => !existsSync(join(projectDir, f)));
  if (missing.length > 0) return { ok: false, code: 'APP_NOT_BUILT', detail: `run "npm run build" first; missing ${missing.join(', ')}` };

  const framework = context.packager.info.framework;
  const arch = ARCH_NAMES[context.arch];
  const platform = PLATFORMS[context.electronPlatformName];
  if (framework.name !== 'electron') return { ok: false, code: 'UNSUPPORTED_TARGET', detail: `framework ${framework.name}` };
  // A universal macOS app would need both slices merged into one .node: build x64 and arm64 separately.
  if (!arch || arch === 'universal' || !platform) {
    return { ok: false, code: 'UNSUPPORTED_TARGET', detail: `${context.electronPlatformName}/${arch ?? context.arch}` };
  }
  if (platform !== process.platform) {
    // @electron/rebuild cannot cross-compile; it can only fetch better-sqlite3's published Electron prebuild.
    deps.log(`packaging for ${platform} on ${process.platform}: better-sqlite3 must come from a prebuilt binary`);
  }

  stashNodeBuild(projectDir);
  try {
    await deps.rebuild({
      buildPath: projectDir,
      electronVersion: framework.version,
      platform,
      arch,
      onlyModules: [...REBUILT_MODULES],
      force: true,
      mode: 'sequential',
    });
  } catch (error) {
    restoreNodeBuild(projectDir);
    return { ok: false, code: 'REBUILD_FAILED', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!existsSync(join(projectDir, NATIVE_BINARY))) {
    restoreNodeBuild(projectDir);
    return { ok: false, code: 'NATIVE_MISSING', detail: `${NATIVE_BINARY} absent after the rebuild` };
  }
  const detail = `better-sqlite3 rebuilt for Electron ${framework.version} ${platform}/${arch}`;
  deps.log(detail);
  return { ok: true, detail };
}

/** Puts the Node build of better-sqlite3 back, so tests and tools keep working after packaging. */
export function restoreNodeBuild(projectDir: string): boolean {
  const stash = join(projectDir, NODE_ABI_STASH);
  if (!existsSync(stash)) return false;
  // node-gyp may have removed build/Release before failing.
  mkdirSync(join(projectDir, NATIVE_BINARY, '..'), { recursive: true });
  copyFileSync(stash, join(projectDir, NATIVE_BINARY));
  rmSync(join(projectDir, NODE_ABI_STASH, '..'), { recursive: true, force: true });
  return true;
}

// If a stash already exists, an earlier packaging run died before afterPack: the binary in place is then an
// Electron build and the stash is the Node one, so the stash is kept.
function stashNodeBuild(projectDir: string): void {
  const stash = join(projectDir, NODE_ABI_STASH);
  const binary = join(projectDir, NATIVE_BINARY);
  if (existsSync(stash) || !existsSync(binary)) return;
  mkdirSync(join(stash, '..'), { recursive: true });
  copyFileSync(binary, stash);
}

const consoleLog = (message: string): void => console.log(`  • atouts: ${message}`);

async function electronRebuild(options: ElectronRebuildOptions): Promise<void> {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(options);
}

/** electron-builder `beforePack`: throws, because that is how a hook stops electron-builder. */
export async function beforePack(context: PackHookContext): Promise<void> {
  const result = await rebuildNativeForElectron(context, { rebuild: electronRebuild, log: consoleLog });
  if (!result.ok) throw new Error(`[${result.code}] ${result.detail}`);
}

/** electron-builder `afterPack`: the app folder now holds the Electron build; give Node its own back. */
export async function afterPack(context: PackHookContext): Promise<void> {
  if (restoreNodeBuild(context.packager.projectDir)) consoleLog('restored the Node build of better-sqlite3');
}
