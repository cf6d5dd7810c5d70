// Where the Electron binary is, if this machine has one — without `require('electron')`, which tries to
// download it when missing (impossible here, and slow). ELECTRON_OVERRIDE_DIST_PATH is honoured.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(): string | null {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
    const base = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkgDir, 'dist');
    const full = join(base, relative);
    return existsSync(full) ? full : null;
  } catch {
    return null;
  }
}
