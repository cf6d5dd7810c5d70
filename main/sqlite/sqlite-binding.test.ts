import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import {
  findAppRoot,
  openSqlite,
  sqliteBinding,
  sqliteBindingPath,
  unpackedPath,
  type NativeRuntime,
} from './sqlite-binding';
import { makeTempDir } from '../../test/support/tmp';

const node: NativeRuntime = { electron: undefined, modules: '115', platform: 'linux', arch: 'x64' };
const electron: NativeRuntime = { electron: '45.5.0', modules: '150', platform: 'linux', arch: 'x64' };
const p = (...parts: string[]) => parts.join(sep);

describe('which better-sqlite3 binary a process loads', () => {
  it.each([
    [
      'Node (npm test, demo, CLI)',
      node,
      p('', 'repo'),
      p('', 'repo', 'node_modules', 'better-sqlite3'),
      p('', 'repo', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    ],
    [
      'Electron in development',
      electron,
      p('', 'repo'),
      p('', 'repo', 'node_modules', 'better-sqlite3'),
      p('', 'repo', 'dist', 'native', 'electron-150-linux-x64', 'better_sqlite3.node'),
    ],
    [
      'Electron packaged',
      { ...electron, platform: 'win32', modules: '150' } as NativeRuntime,
      p('C:', 'Program Files', 'Atouts Caisse', 'resources', 'app.asar'),
      '',
      p(
        'C:',
        'Program Files',
        'Atouts Caisse',
        'resources',
        'app.asar.unpacked',
        'dist',
        'native',
        'electron-150-win32-x64',
        'better_sqlite3.node',
      ),
    ],
  ])('%s', (_what, runtime, appRoot, packageDir, expected) => {
    expect(sqliteBindingPath(runtime, { appRoot, packageDir })).toBe(expected);
  });

  it('moves only an app.asar segment to app.asar.unpacked', () => {
    expect(unpackedPath(p('', 'opt', 'app.asar', 'x.node'))).toBe(
      p('', 'opt', 'app.asar.unpacked', 'x.node'),
    );
    expect(unpackedPath(p('', 'opt', 'app.asar.unpacked', 'x.node'))).toBe(
      p('', 'opt', 'app.asar.unpacked', 'x.node'),
    );
    expect(unpackedPath(p('', 'opt', 'my-app.asar', 'x.node'))).toBe(p('', 'opt', 'my-app.asar', 'x.node'));
  });

  it('finds the app root above the module, and refuses a folder outside any till', () => {
    expect(findAppRoot(resolve('main/sqlite'))).toBe(resolve('.'));
    expect(() => findAppRoot(sep)).toThrow(/no atouts-till package.json/);
  });

  it('under Node, loads the Node build from node_modules, the one npm ci installed', () => {
    const packageDir = dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json'));
    expect(sqliteBinding()).toBe(join(packageDir, 'build', 'Release', 'better_sqlite3.node'));
    const db = openSqlite(':memory:');
    expect(db.prepare('select sqlite_version() as v').get()).toHaveProperty('v');
    db.close();
  });

  const tmp = makeTempDir('sqlite-binding');
  afterAll(() => tmp.remove());

  it('a build kept outside node_modules, at the Electron layout, is what nativeBinding loads', () => {
    // The Node binary stands in for an Electron one (only this runtime's ABI can load here): what is
    // proved is that the path, outside node_modules, is the binary better-sqlite3 uses.
    const runtime: NativeRuntime = {
      electron: 'test',
      modules: process.versions.modules,
      platform: process.platform,
      arch: process.arch,
    };
    const appRoot = join(tmp.dir, 'resources', 'app.asar');
    const path = sqliteBindingPath(runtime, { appRoot, packageDir: '' });
    expect(path.startsWith(join(tmp.dir, 'resources', 'app.asar.unpacked', 'dist', 'native'))).toBe(true);
    mkdirSync(dirname(path), { recursive: true });
    copyFileSync(sqliteBinding(), path);
    const db = new Database(':memory:', { nativeBinding: path });
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    db.close();
    expect(
      () => new Database(':memory:', { nativeBinding: join(tmp.dir, 'missing', 'better_sqlite3.node') }),
    ).toThrow();
    expect(existsSync(join(appRoot))).toBe(false);
  });
});

describe('every connection of the till goes through openSqlite', () => {
  it('no product module under main/ or native/ constructs better-sqlite3 itself', () => {
    const offenders: string[] = [];
    for (const top of ['main', 'native']) {
      for (const file of readdirSync(top, { recursive: true, encoding: 'utf8' })) {
        const path = join(top, file);
        if (
          !/\.tsx?$/.test(path) ||
          /\.test\.tsx?$/.test(path) ||
          path === join('main', 'sqlite', 'sqlite-binding.ts')
        )
          continue;
        const text = readFileSync(path, 'utf8');
        // Importing better-sqlite3 loads no addon (Database.SqliteError is plain JS); constructing it does.
        const name = /^import\s+(?!type\b)(\w+)\s+from\s+'better-sqlite3'/m.exec(text)?.[1];
        if (name && new RegExp(`new\\s+${name}\\s*\\(`).test(text)) offenders.push(path);
      }
    }
    expect(offenders).toEqual([]);
  });
});
