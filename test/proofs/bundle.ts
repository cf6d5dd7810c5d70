// A child-process driver bundled once into plain JavaScript, so that starting it hundreds of times (the
// crash proof) or twenty times at once (the load proof) does not compile TypeScript at each start on a
// busy two-core machine. Written under node_modules/.cache so that the native modules left external
// (better-sqlite3, node-hid) resolve from it.
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Bundled {
  file: string;
  remove(): void;
}

export async function bundleDriver(entry: string): Promise<Bundled> {
  const dir = join(ROOT, 'node_modules', '.cache', 'atouts-proofs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${basename(entry, '.ts')}-${process.pid}-${Date.now()}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'node-hid', 'usb'],
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: 'silent',
  });
  return { file, remove: () => rmSync(file, { force: true }) };
}
