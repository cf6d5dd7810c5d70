import type { Configuration } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { Minimatch } from 'minimatch';
import { readFileSync } from 'node:fs';
import { relative, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { appFiles, filesPatterns, nodeModuleFiles, productionClosure, walk } from './shipped-files';

const root = join(import.meta.dirname, '../..');
let patterns: string[];
let shippedModules: string[];

// What `npm run build` leaves in dist/, with the traps a careless config would let through.
const BUILT = [
  'dist/main/shell.cjs',
  'dist/main/shell.cjs.map',
  'dist/preload/preload.cjs',
  'dist/preload/preload.cjs.map',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-3f2a.js',
  'dist/renderer/assets/index-3f2a.js.map',
  'dist/renderer/assets/index-3f2a.css',
  'dist/renderer/assets/till.test.js',
  'dist/renderer/src/app.tsx',
  'dist/native/electron-150-linux-x64/better_sqlite3.node',
];

beforeAll(async () => {
  const config: Configuration = await getConfig(root, 'electron-builder.yml', null);
  patterns = filesPatterns(config);
  expect(patterns.length).toBeGreaterThan(4);
  shippedModules = nodeModuleFiles(root, patterns);
});

function repoFiles(): string[] {
  const skip = new Set(['node_modules', '.git', 'release', 'dist', 'test-results', 'coverage']);
  return walk(root, (name) => !skip.has(name)).map((f) => relative(root, f).split('\\').join('/'));
}

describe('what the installer ships', () => {
  it('takes from the repo only package.json and the built app, without maps or sources', () => {
    const shipped = appFiles([...repoFiles(), ...BUILT], patterns);
    expect(shipped.sort()).toEqual(
      [
        'package.json',
        'dist/main/shell.cjs',
        'dist/preload/preload.cjs',
        'dist/renderer/index.html',
        'dist/renderer/assets/index-3f2a.js',
        'dist/renderer/assets/index-3f2a.css',
        'dist/native/electron-150-linux-x64/better_sqlite3.node',
      ].sort(),
    );
  });

  it('ships the production dependencies and none of the development ones', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const closure = productionClosure(root);
    for (const dep of Object.keys(pkg.dependencies)) expect(closure.has(dep), dep).toBe(true);
    const leaked = Object.keys(pkg.devDependencies).filter((dev) => closure.has(dev));
    expect(leaked).toEqual([]);
    const packages = new Set(
      shippedModules.map((f) =>
        f
          .split('/')
          .slice(0, f.split('/')[1]?.startsWith('@') ? 3 : 2)
          .join('/'),
      ),
    );
    for (const heavy of [
      'electron',
      'electron-builder',
      'vitest',
      'typescript',
      'vite',
      'esbuild',
      'playwright-core',
      '@electron/rebuild',
      'react',
    ]) {
      expect(packages.has(`node_modules/${heavy}`), heavy).toBe(false);
    }
  });

  it('ships no tests, source maps, TypeScript sources or native build leftovers from node_modules', () => {
    const offenders = shippedModules.filter(
      (f) =>
        /\.(map|ts|tsx|mts|cts)$/.test(f) ||
        /\/(test|tests|__tests__)\//.test(f) ||
        /\.(test|spec)\.[cm]?js$/.test(f) ||
        /better-sqlite3\/(deps|src)\//.test(f) ||
        /\/obj(\.target)?\//.test(f) ||
        /\.(o|a|cc|c|h|gyp|gypi)$/.test(f) ||
        /\/\.yarn\//.test(f),
    );
    expect(offenders).toEqual([]);
  });

  it('ships the native addons the till loads, all of them unpacked from the asar, and not the Node build of better-sqlite3', () => {
    // Electron loads dist/native/electron-<abi>-…/better_sqlite3.node (main/sqlite/sqlite-binding.ts).
    expect(shippedModules).not.toContain('node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(shippedModules).toContain('node_modules/better-sqlite3/lib/index.js');
    expect(shippedModules).not.toContain('node_modules/better-sqlite3/build/Release/test_extension.node');
    expect(
      shippedModules.some((f) => f.startsWith('node_modules/node-hid/prebuilds/') && f.endsWith('.node')),
    ).toBe(true);
    const unpack = new Minimatch('**/*.node', { dot: true });
    for (const addon of shippedModules.filter((f) => f.endsWith('.node')))
      expect(unpack.match(addon), addon).toBe(true);
  });

  it('keeps licences', () => {
    expect(shippedModules).toContain('node_modules/better-sqlite3/LICENSE');
    expect(shippedModules.filter((f) => /readme\.md$/i.test(f))).toEqual([]);
  });
});
