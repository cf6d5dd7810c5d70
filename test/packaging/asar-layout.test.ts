// The packaged layout, proved without electron-builder's download of Electron: the built app is packed into
// app.asar with @electron/asar exactly as electron-builder would (asar-pack.ts, shipped-files.ts, from
// electron-builder.yml's own `files` and `asarUnpack`), then every path the shell and the core open at run
// time is resolved inside the archive. A path that only exists in the source tree fails here.
import type { Configuration } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { extractFile, listPackage } from '@electron/asar';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appPaths } from '../../main/shell/app-paths';
import { sqliteBindingPath, type NativeRuntime } from '../../main/sqlite/sqlite-binding';
import {
  BUILT_APP_FILES,
  NODE_NATIVE_BINARY,
  electronAbi,
  electronBinaryPath,
} from '../../build/hooks/pack-hooks';
import { makeTempDir } from '../support/tmp';
import { packAsar, resolveInArchive, type PackedFile } from './asar-pack';
import { appFiles, filesPatterns, nodeModuleFiles, productionClosure, walk } from './shipped-files';

const root = join(import.meta.dirname, '../..');
const tmp = makeTempDir('asar');
const resources = join(tmp.dir, 'resources');
const archive = join(resources, 'app.asar');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const electron: NativeRuntime = {
  electron: electronVersion,
  modules: electronAbi(electronVersion),
  platform: process.platform,
  arch: process.arch,
};
// Electron's build of better-sqlite3 cannot be compiled here (no Electron headers): the Node binary stands
// in for it, at the path beforePack writes (build/hooks/pack-hooks.ts), unless a real one was built.
const electronBinary = electronBinaryPath(electron.modules, electron.platform, electron.arch)
  .split('\\')
  .join('/');

let config: Configuration;
let patterns: string[];
let packed: PackedFile[];

function selectFiles(filePatterns: readonly string[]): PackedFile[] {
  const skip = new Set([
    'node_modules',
    '.git',
    'release',
    'test-results',
    'coverage',
    '.demo',
    '.till-data',
  ]);
  const repo = walk(root, (name) => !skip.has(name)).map((f) => relative(root, f).split('\\').join('/'));
  if (!repo.includes(electronBinary)) repo.push(electronBinary);
  const source = (path: string) =>
    path === electronBinary && !existsSync(join(root, path))
      ? join(root, NODE_NATIVE_BINARY)
      : join(root, path);
  return [...appFiles(repo, filePatterns), ...nodeModuleFiles(root, filePatterns)].map((path) => ({
    path,
    source: source(path),
  }));
}

beforeAll(async () => {
  // npm test builds before the suites; alone, this file builds once if the app was never built.
  if (BUILT_APP_FILES.some((f) => !existsSync(join(root, f)))) {
    expect(spawnSync('node', ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' }).status).toBe(0);
  }
  config = await getConfig(root, 'electron-builder.yml', null);
  patterns = filesPatterns(config);
  packed = selectFiles(patterns);
  await packAsar(root, packed, [config.asarUnpack ?? []].flat(), archive);
}, 120_000);
afterAll(() => tmp.remove());

const inArchive = (...parts: string[]) => join(archive, ...parts);
const text = (path: string) => extractFile(archive, path).toString('utf8');
const bundles = () =>
  listPackage(archive, { isPack: false })
    .map((p) =>
      p
        .replace(/^[\\/]/, '')
        .split('\\')
        .join('/'),
    )
    .filter((p) => /^dist\/main\/[^/]+\.cjs$/.test(p));

type Exports = string | Exports[] | { [key: string]: Exports } | null | undefined;
const CJS_CONDITIONS = new Set(['node', 'require', 'default']);

/** The target Node's require() picks from `exports` (conditions in the order the package lists them). */
function requireTarget(exports: Exports): string | undefined {
  if (typeof exports === 'string') return exports;
  if (Array.isArray(exports)) return exports.map(requireTarget).find((t) => t !== undefined);
  if (!exports || typeof exports !== 'object') return undefined;
  if ('.' in exports) return requireTarget(exports['.']);
  for (const [condition, target] of Object.entries(exports)) {
    if (!CJS_CONDITIONS.has(condition)) continue;
    const found = requireTarget(target);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The file `require('<package>')` loads, resolved inside the archive (package.json's exports, else main,
 * else index.js; with Node's .js and /index.js fallbacks for main). Null for a package with types only.
 * Throws when the entry is missing: what an exclusion pattern that ate a runtime file would cause.
 */
function packageEntry(packageDir: string): string | null {
  const manifest = JSON.parse(text(`${packageDir}/package.json`)) as {
    main?: unknown;
    exports?: Exports;
    types?: string;
  };
  const exportsMap = manifest.exports;
  // Only subpaths exported (require('x/get')), or types only: the package has no root entry to check.
  const subpathsOnly =
    exportsMap &&
    typeof exportsMap === 'object' &&
    !Array.isArray(exportsMap) &&
    !('.' in exportsMap) &&
    Object.keys(exportsMap).some((k) => k.startsWith('./'));
  if (subpathsOnly) return null;
  const target = requireTarget(exportsMap) ?? (typeof manifest.main === 'string' ? manifest.main : undefined);
  if (
    target === undefined &&
    manifest.types !== undefined &&
    !listPackage(archive, { isPack: false }).some((p) => p.endsWith(`${packageDir}/index.js`))
  )
    return null;
  const entry = (target ?? 'index.js').replace(/^\.\//, '');
  const candidates =
    manifest.exports !== undefined && target !== undefined
      ? [entry]
      : [entry, `${entry}.js`, `${entry}/index.js`];
  for (const candidate of candidates) {
    try {
      resolveInArchive(archive, inArchive(packageDir, candidate));
      return `${packageDir}/${candidate}`;
    } catch {
      // next candidate
    }
  }
  throw new Error(`${packageDir}: ${entry} is not in app.asar`);
}

describe('the packed app resolves every run-time path from inside app.asar', () => {
  it('starts where package.json says, the shell bundle', () => {
    const manifest = JSON.parse(text('package.json')) as { main: string };
    expect(resolveInArchive(archive, inArchive(manifest.main))).toMatchObject({ in: 'asar' });
  });

  it("finds every path of the shell's app-paths (preload, renderer …) from the bundle's own folder", () => {
    const paths = appPaths(inArchive('dist', 'main'));
    expect(Object.keys(paths).length).toBeGreaterThanOrEqual(3);
    for (const [name, path] of Object.entries(paths)) {
      if (name === 'rendererDir')
        expect(listPackage(archive, { isPack: false }).some((p) => p.includes('dist/renderer/'))).toBe(true);
      else expect(resolveInArchive(archive, path), name).toMatchObject({ in: 'asar' });
    }
  });

  it("serves the page's module script, stylesheet, the scanner's module worker and its wasm from the archive", () => {
    const index = text('dist/renderer/index.html');
    const seen = new Set<string>();
    const follow = (file: string) => {
      for (const [, name] of text(file).matchAll(/\b((?:[\w-]+)-[\w-]{8}\.(?:js|css|wasm|png|svg|ico))\b/g)) {
        const asset = `dist/renderer/assets/${name}`;
        if (seen.has(asset)) continue;
        seen.add(asset);
        expect(resolveInArchive(archive, inArchive(asset)), asset).toMatchObject({ in: 'asar' });
        if (asset.endsWith('.js')) follow(asset);
      }
    };
    expect(index).toMatch(/<script type="module" crossorigin src="\.\/assets\//);
    follow('dist/renderer/index.html');
    const names = [...seen];
    expect(names.some((n) => /\/index-[\w-]+\.js$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.css'))).toBe(true);
    expect(names.some((n) => /\/decode-worker-[\w-]+\.js$/.test(n))).toBe(true);
    expect(names.some((n) => n.endsWith('.wasm'))).toBe(true);
  });

  it("finds every icon the page links (the window's favicon) in the archive, none in the source tree", () => {
    const index = text('dist/renderer/index.html');
    for (const [, href] of index.matchAll(/<link rel="icon"[^>]*href="([^"]+)"/g)) {
      expect(href, href).toMatch(/^\.\/assets\//);
      expect(resolveInArchive(archive, join(inArchive('dist', 'renderer'), href!)), href).toMatchObject({
        in: 'asar',
      });
    }
  });

  it('loads better-sqlite3 from the Electron build in app.asar.unpacked, where sqlite-binding looks', () => {
    const path = sqliteBindingPath(electron, { appRoot: archive, packageDir: '' });
    expect(path).toBe(join(`${archive}.unpacked`, electronBinary));
    expect(resolveInArchive(archive, path)).toMatchObject({ in: 'unpacked' });
    // The Node build is not shipped: a connection opened without nativeBinding could only fail.
    expect(() => resolveInArchive(archive, inArchive(NODE_NATIVE_BINARY))).toThrow(/not in app.asar/);
  });

  it("finds node-hid's N-API prebuild for this platform with node-hid's own resolver, unpacked", () => {
    const unpackedHid = join(`${archive}.unpacked`, 'node_modules', 'node-hid');
    const options = createRequire(import.meta.url)(
      join(root, 'node_modules/node-hid/binding-options.js'),
    ) as object;
    const resolveBinding = (
      createRequire(join(root, 'node_modules/node-hid/nodehid.js'))('pkg-prebuilds/bindings') as {
        resolve(base: string, options: object, verify: boolean, throwOnMissing: boolean): string;
      }
    ).resolve;
    const found = resolveBinding(unpackedHid, options, false, true);
    expect(found.endsWith('.node')).toBe(true);
    expect(resolveInArchive(archive, found)).toMatchObject({ in: 'unpacked' });
  });

  it('resolves every package the bundles require inside the archive', () => {
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`), 'electron']);
    const required = new Set<string>();
    for (const bundle of bundles()) {
      for (const [, name] of text(bundle).matchAll(/\brequire\(["']([^"']+)["']\)/g))
        if (name && !builtins.has(name)) required.add(name);
    }
    expect([...required]).toEqual(expect.arrayContaining(['better-sqlite3']));
    for (const name of required) expect(packageEntry(`node_modules/${name}`), name).not.toBeNull();
  });

  it('resolves the entry point of every production package inside the archive (no exclusion pattern ate one)', () => {
    const closure = productionClosure(root);
    expect(closure.size).toBeGreaterThan(10);
    for (const dir of closure.values()) {
      const inner = relative(root, dir).split('\\').join('/');
      const entry = packageEntry(inner);
      if (entry === null) continue; // a types-only package
      expect(entry.startsWith(inner), inner).toBe(true);
    }
  });

  it("has pdfkit's standard fonts, which the PDF exports read at run time", () => {
    for (const font of ['Helvetica.afm', 'Helvetica-Bold.afm']) {
      expect(
        resolveInArchive(archive, inArchive('node_modules', 'pdfkit', 'js', 'data', font)),
        font,
      ).toMatchObject({ in: 'asar' });
    }
  });

  it('carries the journal migrations inside a bundle: none is read from the source tree', () => {
    // The first migration, never edited once shipped (migrations/index.ts): a later one may postdate the last
    // `npm run build`, which is not the archive's fault.
    const first = readFileSync(join(root, 'main/journal/migrations/0001-entries.ts'), 'utf8');
    const statements = [...first.matchAll(/CREATE (?:TABLE|INDEX) \w+/g)].map((m) => m[0]);
    expect(statements.length).toBeGreaterThan(1);
    const compiled = bundles().map(text).join('\n');
    for (const statement of statements) expect(compiled, statement).toContain(statement);
    expect(listPackage(archive, { isPack: false }).some((p) => /migrations|\.sql$/.test(p))).toBe(false);
  });

  it("ships no installer icon and no bundle points at one: icons are electron-builder's build resources", () => {
    const code = bundles().map(text).join('\n');
    expect(code).not.toMatch(/["'`][^"'`\n]*build[\\/]+icons?\b/);
    for (const icon of [config.win?.icon, config.mac?.icon, 'build/icons/512x512.png']) {
      expect(existsSync(join(root, String(icon))), String(icon)).toBe(true);
      expect(() => resolveInArchive(archive, inArchive(String(icon)))).toThrow(/not in app.asar/);
    }
  });
});

describe('a path that only works from the source tree fails', () => {
  it('a renderer or preload path computed as in the repository (sources, not dist) is not in the archive', () => {
    const bundleDir = inArchive('dist', 'main');
    for (const sourceOnly of [
      join(bundleDir, '..', '..', 'renderer', 'index.html'),
      join(bundleDir, '..', '..', 'preload', 'preload.ts'),
      join(bundleDir, '..', '..', 'build', 'icon.png'),
    ]) {
      const inRepo = join(root, relative(archive, sourceOnly));
      expect(existsSync(inRepo), inRepo).toBe(true);
      expect(() => resolveInArchive(archive, sourceOnly)).toThrow(/not in app.asar/);
    }
  });

  it('a packed app whose `files` leave out the preload fails on the preload path, which the repository has', async () => {
    const withoutPreload = patterns.filter((p) => p !== 'dist/preload/**');
    expect(withoutPreload.length).toBe(patterns.length - 1);
    const other = join(tmp.dir, 'other', 'app.asar');
    const appOnly = selectFiles(withoutPreload).filter((f) => !f.path.startsWith('node_modules/'));
    await packAsar(root, appOnly, [config.asarUnpack ?? []].flat(), other);
    const { preload } = appPaths(join(other, 'dist', 'main'));
    expect(existsSync(appPaths(join(root, 'dist', 'main')).preload)).toBe(true);
    expect(() => resolveInArchive(other, preload)).toThrow(/not in app.asar/);
  });

  it('a .node file left inside the archive (no asarUnpack) cannot be loaded', async () => {
    const other = join(tmp.dir, 'packed-in', 'app.asar');
    const natives = packed.filter((f) => f.path === electronBinary || f.path === 'package.json');
    await packAsar(root, natives, [], other);
    const path = sqliteBindingPath(electron, { appRoot: other, packageDir: '' });
    expect(() => resolveInArchive(other, path)).toThrow(/not unpacked/);
  });
});
