import { Arch } from 'electron-builder';
import type { AfterPackContext, BeforePackContext } from 'app-builder-lib';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUILT_APP_FILES,
  NATIVE_BINARY,
  NODE_ABI_STASH,
  afterPack,
  beforePack,
  rebuildNativeForElectron,
  type ElectronRebuildOptions,
  type PackHookContext,
} from '../../build/hooks/pack-hooks';
import { makeTempDir } from '../support/tmp';

// The hooks must accept what electron-builder passes them: this fails to typecheck otherwise.
const _acceptsBeforePack: (context: BeforePackContext) => Promise<void> = beforePack;
const _acceptsAfterPack: (context: AfterPackContext) => Promise<void> = afterPack;

let project: { dir: string; remove: () => void };

function put(relative: string, content: string): void {
  mkdirSync(dirname(join(project.dir, relative)), { recursive: true });
  writeFileSync(join(project.dir, relative), content);
}
const read = (relative: string): string => readFileSync(join(project.dir, relative), 'utf8');

function contextFor(arch: Arch, electronPlatformName = 'win32'): PackHookContext {
  return { packager: { projectDir: project.dir, info: { framework: { name: 'electron', version: '45.5.0' } } }, electronPlatformName, arch };
}

/** Stands in for @electron/rebuild: records what it was asked and writes an "Electron" binary. */
function fakeRebuild(behaviour: 'build' | 'throw' | 'delete' = 'build') {
  const calls: ElectronRebuildOptions[] = [];
  const logs: string[] = [];
  return {
    calls,
    logs,
    deps: {
      log: (m: string) => logs.push(m),
      rebuild: async (options: ElectronRebuildOptions) => {
        calls.push(options);
        // node-gyp cleans build/ before it fails, as it does without network access.
        if (behaviour === 'throw') {
          rmSync(join(project.dir, 'node_modules/better-sqlite3/build'), { recursive: true });
          throw new Error('gyp ERR! headers download failed');
        }
        if (behaviour === 'delete') rmSync(join(project.dir, NATIVE_BINARY));
        else put(NATIVE_BINARY, `electron ${options.electronVersion} ${options.platform}-${options.arch}`);
      },
    },
  };
}

beforeEach(() => {
  project = makeTempDir('pack-hooks');
  for (const file of BUILT_APP_FILES) put(file, '// built');
  put(NATIVE_BINARY, 'node abi');
});
afterEach(() => project.remove());

describe('beforePack: better-sqlite3 rebuilt for Electron at packaging time only', () => {
  it('rebuilds better-sqlite3 alone, for the target Electron, platform and arch', async () => {
    const fake = fakeRebuild();
    const result = await rebuildNativeForElectron(contextFor(Arch.x64, 'win32'), fake.deps);
    expect(result).toEqual({ ok: true, detail: 'better-sqlite3 rebuilt for Electron 45.5.0 win32/x64' });
    expect(fake.calls).toEqual([
      {
        buildPath: project.dir,
        electronVersion: '45.5.0',
        platform: 'win32',
        arch: 'x64',
        onlyModules: ['better-sqlite3'],
        force: true,
        mode: 'sequential',
      },
    ]);
    expect(read(NATIVE_BINARY)).toBe('electron 45.5.0 win32-x64');
  });

  it('maps every arch and platform electron-builder can pass', async () => {
    const cases: Array<[Arch, string, string, string]> = [
      [Arch.ia32, 'win32', 'win32', 'ia32'],
      [Arch.arm64, 'darwin', 'darwin', 'arm64'],
      [Arch.x64, 'mas', 'darwin', 'x64'],
      [Arch.armv7l, 'linux', 'linux', 'armv7l'],
    ];
    for (const [arch, electronPlatform, platform, archName] of cases) {
      const fake = fakeRebuild();
      expect((await rebuildNativeForElectron(contextFor(arch, electronPlatform), fake.deps)).ok).toBe(true);
      expect(fake.calls[0]).toMatchObject({ platform, arch: archName });
    }
  });

  it('sets the Node build aside and afterPack puts it back', async () => {
    const fake = fakeRebuild();
    await rebuildNativeForElectron(contextFor(Arch.x64, 'linux'), fake.deps);
    expect(read(NODE_ABI_STASH)).toBe('node abi');
    await afterPack(contextFor(Arch.x64, 'linux'));
    expect(read(NATIVE_BINARY)).toBe('node abi');
    expect(existsSync(join(project.dir, NODE_ABI_STASH))).toBe(false);
  });

  it('keeps the Node build from a run that died before afterPack', async () => {
    put(NODE_ABI_STASH, 'node abi');
    put(NATIVE_BINARY, 'electron from the crashed run');
    await rebuildNativeForElectron(contextFor(Arch.x64, 'linux'), fakeRebuild().deps);
    await afterPack(contextFor(Arch.x64, 'linux'));
    expect(read(NATIVE_BINARY)).toBe('node abi');
  });

  it('refuses to package an app that was not built', async () => {
    rmSync(join(project.dir, 'dist/preload/preload.cjs'));
    const fake = fakeRebuild();
    const result = await rebuildNativeForElectron(contextFor(Arch.x64), fake.deps);
    expect(result).toMatchObject({ ok: false, code: 'APP_NOT_BUILT' });
    expect(result.ok || result.detail).toContain('dist/preload/preload.cjs');
    expect(fake.calls).toEqual([]);
    await expect(beforePack(contextFor(Arch.x64))).rejects.toThrow('[APP_NOT_BUILT]');
  });

  it('refuses a universal macOS build, which one rebuild cannot serve', async () => {
    const fake = fakeRebuild();
    expect(await rebuildNativeForElectron(contextFor(Arch.universal, 'darwin'), fake.deps)).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_TARGET',
    });
    expect(fake.calls).toEqual([]);
  });

  it('reports a failed rebuild and leaves the Node build in place', async () => {
    const result = await rebuildNativeForElectron(contextFor(Arch.x64), fakeRebuild('throw').deps);
    expect(result).toEqual({ ok: false, code: 'REBUILD_FAILED', detail: 'gyp ERR! headers download failed' });
    expect(read(NATIVE_BINARY)).toBe('node abi');
    expect(existsSync(join(project.dir, NODE_ABI_STASH))).toBe(false);
  });

  it('notices a rebuild that produced no binary', async () => {
    const result = await rebuildNativeForElectron(contextFor(Arch.x64), fakeRebuild('delete').deps);
    expect(result).toMatchObject({ ok: false, code: 'NATIVE_MISSING' });
    expect(read(NATIVE_BINARY)).toBe('node abi');
  });

  it('says when a cross-platform build depends on a prebuilt binary', async () => {
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    const fake = fakeRebuild();
    await rebuildNativeForElectron(contextFor(Arch.x64, other), fake.deps);
    expect(fake.logs.some((l) => l.includes('prebuilt'))).toBe(true);
  });
});
