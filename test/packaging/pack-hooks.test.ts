import { Arch } from 'electron-builder';
import type { AfterPackContext, BeforePackContext } from 'app-builder-lib';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BUILT_APP_FILES,
  NODE_NATIVE_BINARY,
  afterPack,
  beforePack,
  checkPackedNative,
  electronAbi,
  electronBinaryPath,
  electronSqliteForInstalledElectron,
  rebuildNativeForElectron,
  type ElectronRebuildOptions,
  type PackHookContext,
  type PackHookDeps,
} from '../../build/hooks/pack-hooks';
import { sqliteBindingPath } from '../../main/sqlite/sqlite-binding';
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
  return {
    packager: {
      projectDir: project.dir,
      info: { framework: { name: 'electron', version: '45.5.0' } },
      getResourcesDir: (appOutDir: string) => join(appOutDir, 'resources'),
    },
    appOutDir: join(project.dir, 'release', 'linux-unpacked'),
    electronPlatformName,
    arch,
  };
}

interface Staged {
  options: ElectronRebuildOptions;
  files: string[];
  manifest: unknown;
}

/** Stands in for @electron/rebuild: records what it was asked and what it saw, writes an "Electron" binary. */
function fakeRebuild(behaviour: 'build' | 'throw' | 'nothing' = 'build') {
  const calls: Staged[] = [];
  const logs: string[] = [];
  const deps: PackHookDeps = {
    log: (m: string) => logs.push(m),
    abiOf: (version) => (version.startsWith('45.') ? '150' : '999'),
    rebuild: async (options: ElectronRebuildOptions) => {
      const pkg = join(options.buildPath, 'node_modules', 'better-sqlite3');
      calls.push({
        options,
        files: readdirSync(pkg, { recursive: true, encoding: 'utf8' }).sort(),
        manifest: JSON.parse(readFileSync(join(options.buildPath, 'package.json'), 'utf8')),
      });
      if (behaviour === 'throw') throw new Error('gyp ERR! headers download failed');
      if (behaviour === 'build') {
        mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
        writeFileSync(
          join(pkg, 'build', 'Release', 'better_sqlite3.node'),
          `electron ${options.electronVersion} ${options.platform}-${options.arch}`,
        );
      }
    },
  };
  return { calls, logs, deps };
}

beforeEach(() => {
  project = makeTempDir('pack-hooks');
  for (const file of BUILT_APP_FILES) put(file, '// built');
  put(
    'node_modules/better-sqlite3/package.json',
    JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }),
  );
  put('node_modules/better-sqlite3/binding.gyp', '{}');
  put('node_modules/better-sqlite3/src/better_sqlite3.cpp', '// source');
  put('node_modules/better-sqlite3/lib/index.js', '// js');
  put(NODE_NATIVE_BINARY, 'node abi');
});
afterEach(() => project.remove());

describe('beforePack: better-sqlite3 built for Electron next to the Node build, never instead of it', () => {
  it('builds better-sqlite3 alone, for the target, in a scratch copy of its sources', async () => {
    const fake = fakeRebuild();
    const result = await rebuildNativeForElectron(contextFor(Arch.x64, 'win32'), fake.deps);
    const binary = join('dist', 'native', 'electron-150-win32-x64', 'better_sqlite3.node');
    expect(result).toEqual({
      ok: true,
      detail: `better-sqlite3 built for Electron 45.5.0 (ABI 150) win32/x64: ${binary}`,
      binary,
    });
    expect(fake.calls).toHaveLength(1);
    const [{ options, files, manifest }] = fake.calls as [Staged];
    expect(options).toEqual({
      buildPath: options.buildPath,
      projectRootPath: options.buildPath,
      electronVersion: '45.5.0',
      platform: 'win32',
      arch: 'x64',
      onlyModules: ['better-sqlite3'],
      force: true,
      mode: 'sequential',
    });
    // Outside the project, so @electron/rebuild can never reach the project's node_modules.
    expect(options.buildPath.startsWith(project.dir)).toBe(false);
    expect(files).toEqual([
      'binding.gyp',
      'lib',
      'lib/index.js',
      'package.json',
      'src',
      'src/better_sqlite3.cpp',
    ]);
    expect(manifest).toMatchObject({ dependencies: { 'better-sqlite3': '12.11.1' } });
    expect(read(binary)).toBe('electron 45.5.0 win32-x64');
    expect(read(NODE_NATIVE_BINARY)).toBe('node abi');
    expect(existsSync(options.buildPath)).toBe(false);
  });

  it('maps every arch and platform electron-builder can pass, each to its own folder', async () => {
    const cases: Array<[Arch, string, string, string]> = [
      [Arch.ia32, 'win32', 'win32', 'ia32'],
      [Arch.arm64, 'darwin', 'darwin', 'arm64'],
      [Arch.x64, 'mas', 'darwin', 'x64'],
      [Arch.armv7l, 'linux', 'linux', 'armv7l'],
    ];
    for (const [arch, electronPlatform, platform, archName] of cases) {
      const fake = fakeRebuild();
      const result = await rebuildNativeForElectron(contextFor(arch, electronPlatform), fake.deps);
      expect(result.ok).toBe(true);
      expect(fake.calls[0]?.options).toMatchObject({ platform, arch: archName });
      expect(read(electronBinaryPath('150', platform, archName))).toBe(
        `electron 45.5.0 ${platform}-${archName}`,
      );
    }
    expect(read(NODE_NATIVE_BINARY)).toBe('node abi');
  });

  it('writes the binary exactly where the till looks for it, in development and once packaged', async () => {
    await rebuildNativeForElectron(contextFor(Arch.x64, 'linux'), fakeRebuild().deps);
    const runtime = { electron: '45.5.0', modules: '150', platform: 'linux' as const, arch: 'x64' };
    expect(read(NODE_NATIVE_BINARY)).toBe('node abi');
    expect(readFileSync(sqliteBindingPath(runtime, { appRoot: project.dir, packageDir: '' }), 'utf8')).toBe(
      'electron 45.5.0 linux-x64',
    );
    const resources = join(project.dir, 'release', 'linux-unpacked', 'resources');
    const packaged = sqliteBindingPath(runtime, { appRoot: join(resources, 'app.asar'), packageDir: '' });
    expect(packaged).toBe(join(resources, 'app.asar.unpacked', electronBinaryPath('150', 'linux', 'x64')));
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

  it('refuses a universal macOS build, which one binary cannot serve', async () => {
    const fake = fakeRebuild();
    expect(await rebuildNativeForElectron(contextFor(Arch.universal, 'darwin'), fake.deps)).toMatchObject({
      ok: false,
      code: 'UNSUPPORTED_TARGET',
    });
    expect(fake.calls).toEqual([]);
  });

  it('reports a failed rebuild; the Node build is untouched and no Electron build appears', async () => {
    const result = await rebuildNativeForElectron(contextFor(Arch.x64), fakeRebuild('throw').deps);
    expect(result).toEqual({ ok: false, code: 'REBUILD_FAILED', detail: 'gyp ERR! headers download failed' });
    expect(read(NODE_NATIVE_BINARY)).toBe('node abi');
    expect(existsSync(join(project.dir, 'dist', 'native'))).toBe(false);
  });

  it('notices a rebuild that produced no binary (and does not take the Node one for it)', async () => {
    const result = await rebuildNativeForElectron(contextFor(Arch.x64), fakeRebuild('nothing').deps);
    expect(result).toMatchObject({ ok: false, code: 'NATIVE_MISSING' });
    expect(existsSync(join(project.dir, 'dist', 'native'))).toBe(false);
  });

  it('says when a cross-platform build depends on a prebuilt binary', async () => {
    const other = process.platform === 'win32' ? 'linux' : 'win32';
    const fake = fakeRebuild();
    await rebuildNativeForElectron(contextFor(Arch.x64, other), fake.deps);
    expect(fake.logs.some((l) => l.includes('prebuilt'))).toBe(true);
  });
});

describe('afterPack: the packed app holds the Electron build in app.asar.unpacked', () => {
  it('fails an app packed without it, passes one with it', async () => {
    const context = contextFor(Arch.x64, 'linux');
    expect(checkPackedNative(context, { abiOf: () => '150' })).toMatchObject({
      ok: false,
      code: 'NATIVE_NOT_PACKED',
    });
    await expect(afterPack(context)).rejects.toThrow('[NATIVE_NOT_PACKED]');
    put(
      join(
        'release',
        'linux-unpacked',
        'resources',
        'app.asar.unpacked',
        electronBinaryPath(electronAbi('45.5.0'), 'linux', 'x64'),
      ),
      'electron',
    );
    await expect(afterPack(context)).resolves.toBeUndefined();
  });
});

describe('the ABI of an Electron version', () => {
  it('is what @electron/rebuild builds for, and matches the installed Electron package', () => {
    const installed = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as {
      version: string;
    };
    expect(electronAbi(installed.version)).toBe(
      readFileSync('node_modules/electron/abi_version', 'utf8').trim(),
    );
    // Electron's ABI is never Node's: the two builds cannot be one file.
    expect(electronAbi(installed.version)).not.toBe(process.versions.modules);
  });
});

describe('the Electron build for the installed Electron (npx electron ., the demo)', () => {
  it('is built once for this machine, at the path of the installed version, and kept', async () => {
    put('node_modules/electron/package.json', JSON.stringify({ name: 'electron', version: '45.5.0' }));
    const fake = fakeRebuild();
    const first = await electronSqliteForInstalledElectron(project.dir, fake.deps);
    expect(first).toMatchObject({
      ok: true,
      binary: electronBinaryPath('150', process.platform, process.arch),
    });
    expect(fake.calls[0]?.options).toMatchObject({
      electronVersion: '45.5.0',
      platform: process.platform,
      arch: process.arch,
    });
    expect(await electronSqliteForInstalledElectron(project.dir, fake.deps)).toMatchObject({
      ok: true,
      detail: expect.stringContaining('already built'),
    });
    expect(fake.calls).toHaveLength(1);
    await electronSqliteForInstalledElectron(project.dir, fake.deps, true);
    expect(fake.calls).toHaveLength(2);
    expect(read(NODE_NATIVE_BINARY)).toBe('node abi');
  });
});
