// electron-builder hooks, referenced from electron-builder.yml and loaded in-process by electron-builder
// (run through tsx by build/scripts/dist.ts, so they stay TypeScript and typechecked).
//
// better-sqlite3 exists twice, side by side, and nothing in node_modules is ever swapped: the Node build that
// `npm ci` installed stays in node_modules/better-sqlite3/build/Release for npm test, the demo and the CLI;
// the Electron build is compiled in a scratch copy of the package and kept in its own folder,
// dist/native/electron-<abi>-<platform>-<arch>/ (main/sqlite/sqlite-binding.ts decides which one a process
// loads, through better-sqlite3's nativeBinding option). beforePack makes that Electron build for the target;
// electron-builder packs dist/native/** and unpacks every .node (asarUnpack); afterPack checks that the
// packed app really holds it. node-hid is N-API: its prebuilds load in Node and Electron alike.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { ELECTRON_NATIVE_ROOT, SQLITE_ADDON, electronNativeFolder } from '../../main/sqlite/sqlite-binding';

/** What the hooks read from electron-builder's BeforePackContext/AfterPackContext. */
export interface PackHookContext {
  readonly packager: {
    readonly projectDir: string;
    readonly info: { readonly framework: { readonly name: string; readonly version: string } };
    getResourcesDir(appOutDir: string): string;
  };
  readonly appOutDir: string;
  readonly electronPlatformName: string;
  readonly arch: number;
}

/** The subset of @electron/rebuild's RebuildOptions this project uses. */
export interface ElectronRebuildOptions {
  buildPath: string;
  /** Bounds @electron/rebuild's search for node_modules folders to the scratch copy. */
  projectRootPath: string;
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
  onlyModules: string[];
  force: boolean;
  mode: 'sequential';
}

export interface PackHookDeps {
  rebuild(options: ElectronRebuildOptions): Promise<void>;
  /** NODE_MODULE_VERSION of an Electron version, as @electron/rebuild computes it (node-abi). */
  abiOf(electronVersion: string): string;
  log(message: string): void;
}

export type PackHookErrorCode =
  'APP_NOT_BUILT' | 'UNSUPPORTED_TARGET' | 'REBUILD_FAILED' | 'NATIVE_MISSING' | 'NATIVE_NOT_PACKED';
export type PackHookResult =
  { ok: true; detail: string; binary: string } | { ok: false; code: PackHookErrorCode; detail: string };

/** The only module built for Electron. */
export const REBUILT_MODULES = ['better-sqlite3'] as const;

/** Files the packaged app cannot start without: the outputs of `npm run build`. */
export const BUILT_APP_FILES = [
  'dist/main/shell.cjs',
  'dist/main/core-process.cjs',
  'dist/preload/preload.cjs',
  'dist/renderer/index.html',
] as const;

/** The Node build, which stays where npm put it. */
export const NODE_NATIVE_BINARY = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const PACKAGE_DIR = 'node_modules/better-sqlite3';

// electron-builder's Arch enum (builder-util), by value; a test checks it against the real enum.
const ARCH_NAMES: Record<number, string> = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };
const PLATFORMS: Record<string, NodeJS.Platform> = {
  win32: 'win32',
  darwin: 'darwin',
  mas: 'darwin',
  linux: 'linux',
};

export interface ElectronTarget {
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}

/** Where the Electron build for a target lives, relative to the project (and to the app root once packed). */
export function electronBinaryPath(abi: string, platform: string, arch: string): string {
  return join(ELECTRON_NATIVE_ROOT, electronNativeFolder(abi, platform, arch), SQLITE_ADDON);
}

/**
 * Compiles better-sqlite3 for one Electron target in a scratch copy of the package (its sources, not its
 * build/), and puts the binary at dist/native/electron-<abi>-<platform>-<arch>/. node_modules is only read.
 */
export async function buildElectronSqlite(
  projectDir: string,
  target: ElectronTarget,
  deps: PackHookDeps,
): Promise<PackHookResult> {
  const source = join(projectDir, PACKAGE_DIR);
  if (!existsSync(join(source, 'package.json')))
    return { ok: false, code: 'NATIVE_MISSING', detail: `${PACKAGE_DIR} is not installed: run "npm ci"` };
  const abi = deps.abiOf(target.electronVersion);
  const stage = mkdtempSync(join(tmpdir(), 'atouts-native-'));
  try {
    const staged = join(stage, PACKAGE_DIR);
    // The package's own build/ (the Node binary and its objects) stays behind: the copy builds from sources.
    cpSync(source, staged, {
      recursive: true,
      filter: (path) => relative(source, path).split(sep)[0] !== 'build',
    });
    // @electron/rebuild first tries better-sqlite3's published Electron prebuild with prebuild-install, which it
    // looks for in a node_modules above the module (module-type/prebuild-install.js, locateBinary): link ours.
    const prebuildInstall = join(projectDir, 'node_modules', 'prebuild-install');
    if (existsSync(prebuildInstall))
      symlinkSync(prebuildInstall, join(stage, 'node_modules', 'prebuild-install'), 'junction');
    const { version } = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as { version: string };
    writeFileSync(
      join(stage, 'package.json'),
      JSON.stringify({
        name: 'atouts-native-stage',
        private: true,
        dependencies: { 'better-sqlite3': version },
      }),
    );
    try {
      await deps.rebuild({
        buildPath: stage,
        projectRootPath: stage,
        electronVersion: target.electronVersion,
        platform: target.platform,
        arch: target.arch,
        onlyModules: [...REBUILT_MODULES],
        force: true,
        mode: 'sequential',
      });
    } catch (error) {
      return {
        ok: false,
        code: 'REBUILD_FAILED',
        detail: error instanceof Error ? error.message : String(error),
      };
    }
    const built = join(staged, 'build', 'Release', SQLITE_ADDON);
    if (!existsSync(built))
      return { ok: false, code: 'NATIVE_MISSING', detail: `no ${SQLITE_ADDON} after the rebuild` };
    const binary = electronBinaryPath(abi, target.platform, target.arch);
    mkdirSync(join(projectDir, binary, '..'), { recursive: true });
    copyFileSync(built, join(projectDir, binary));
    const detail = `better-sqlite3 built for Electron ${target.electronVersion} (ABI ${abi}) ${target.platform}/${target.arch}: ${binary}`;
    deps.log(detail);
    return { ok: true, detail, binary };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}

function targetOf(context: PackHookContext): ElectronTarget | { error: string } {
  const framework = context.packager.info.framework;
  const arch = ARCH_NAMES[context.arch];
  const platform = PLATFORMS[context.electronPlatformName];
  if (framework.name !== 'electron') return { error: `framework ${framework.name}` };
  // A universal macOS app would need both slices merged into one .node: build x64 and arm64 separately.
  if (!arch || arch === 'universal' || !platform)
    return { error: `${context.electronPlatformName}/${arch ?? context.arch}` };
  return { electronVersion: framework.version, platform, arch };
}

export async function rebuildNativeForElectron(
  context: PackHookContext,
  deps: PackHookDeps,
): Promise<PackHookResult> {
  const projectDir = context.packager.projectDir;
  const missing = BUILT_APP_FILES.filter((f) => !existsSync(join(projectDir, f)));
  if (missing.length > 0)
    return {
      ok: false,
      code: 'APP_NOT_BUILT',
      detail: `run "npm run build" first; missing ${missing.join(', ')}`,
    };
  const target = targetOf(context);
  if ('error' in target) return { ok: false, code: 'UNSUPPORTED_TARGET', detail: target.error };
  if (target.platform !== process.platform) {
    // @electron/rebuild cannot cross-compile; it can only fetch better-sqlite3's published Electron prebuild.
    deps.log(
      `packaging for ${target.platform} on ${process.platform}: better-sqlite3 must come from a prebuilt binary`,
    );
  }
  return buildElectronSqlite(projectDir, target, deps);
}

/** After packing: the installed app will look for the binary in app.asar.unpacked; refuse an app without it. */
export function checkPackedNative(
  context: PackHookContext,
  deps: Pick<PackHookDeps, 'abiOf'>,
): PackHookResult {
  const target = targetOf(context);
  if ('error' in target) return { ok: false, code: 'UNSUPPORTED_TARGET', detail: target.error };
  const binary = join(
    context.packager.getResourcesDir(context.appOutDir),
    'app.asar.unpacked',
    electronBinaryPath(deps.abiOf(target.electronVersion), target.platform, target.arch),
  );
  if (!existsSync(binary))
    return { ok: false, code: 'NATIVE_NOT_PACKED', detail: `${binary} is missing from the packed app` };
  return { ok: true, detail: `packed ${binary}`, binary };
}

const consoleLog = (message: string): void => console.log(`  • atouts: ${message}`);

async function electronRebuild(options: ElectronRebuildOptions): Promise<void> {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild(options);
}

/** The ABI @electron/rebuild will build for: node-abi, resolved from @electron/rebuild itself. */
export function electronAbi(electronVersion: string): string {
  const fromRebuild = createRequire(createRequire(import.meta.url).resolve('@electron/rebuild'));
  const nodeAbi = fromRebuild('node-abi') as { getAbi(target: string, runtime: 'electron' | 'node'): string };
  return nodeAbi.getAbi(electronVersion, 'electron');
}

export const realDeps: PackHookDeps = { rebuild: electronRebuild, abiOf: electronAbi, log: consoleLog };

/**
 * better-sqlite3 for the Electron installed in node_modules, on this machine: what `npx electron .` and the
 * demo's Electron window load. Built only when absent, unless `force`.
 */
export async function electronSqliteForInstalledElectron(
  projectDir: string,
  deps: PackHookDeps,
  force = false,
): Promise<PackHookResult> {
  const { version } = JSON.parse(
    readFileSync(join(projectDir, 'node_modules/electron/package.json'), 'utf8'),
  ) as { version: string };
  const binary = electronBinaryPath(deps.abiOf(version), process.platform, process.arch);
  if (!force && existsSync(join(projectDir, binary)))
    return { ok: true, detail: `${binary} already built`, binary };
  return buildElectronSqlite(
    projectDir,
    { electronVersion: version, platform: process.platform, arch: process.arch },
    deps,
  );
}

/** electron-builder `beforePack`: throws, because that is how a hook stops electron-builder. */
export async function beforePack(context: PackHookContext): Promise<void> {
  const result = await rebuildNativeForElectron(context, realDeps);
  if (!result.ok) throw new Error(`[${result.code}] ${result.detail}`);
}

/** electron-builder `afterPack`: the Electron build of better-sqlite3 must sit in app.asar.unpacked. */
export async function afterPack(context: PackHookContext): Promise<void> {
  const result = checkPackedNative(context, realDeps);
  if (!result.ok) throw new Error(`[${result.code}] ${result.detail}`);
  consoleLog(result.detail);
}
