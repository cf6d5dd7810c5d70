// Packs files into app.asar the way electron-builder does, and resolves run-time paths inside the result.
// Read from electron-userland/electron-builder, packages/app-builder-lib/src:
// - asar/asarUtil.ts (AsarPackager): every selected file becomes a stream entry for @electron/asar's
//   createPackageFromStreams, with parent directories first; a file is unpacked when the asarUnpack
//   FileMatcher's filter matches it (platformPackager.ts, copyAppFiles: `asarOptions.unpack` patterns added
//   to a FileMatcher rooted at the app dir) or when it lies in a module folder that smartUnpack marked;
//   parent directories are marked unpacked only when they are inside such a folder;
// - asar/unpackDetector.ts (detectUnpackedDirs): smartUnpack unpacks a whole node_modules package that
//   holds a .node/.dll/.so/.dylib/.exe file (isLibOrExe; the extensionless-binary heuristic is left out:
//   no shipped package relies on it).
// Which files are selected at all is shipped-files.ts (fileMatcher.ts's rules).
import { createPackageFromStreams, statFile, type AsarStreamType } from '@electron/asar';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { isLibOrExe } from 'app-builder-lib/out/asar/unpackDetector';
import { existsSync, readFileSync, statSync, type Stats } from 'node:fs';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { join } from 'node:path';

export interface PackedFile {
  /** Where the bytes come from. */
  source: string;
  /** Path inside the app, '/'-separated (dist/main/shell.cjs, node_modules/x/index.js). */
  path: string;
}

/** The package folder a node_modules file belongs to (the deepest one): node_modules/@s/x, node_modules/a/node_modules/b. */
export function moduleRoot(path: string): string | null {
  const parts = path.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length - 1) return null;
  const take = parts[at + 1]?.startsWith('@') ? at + 3 : at + 2;
  return parts.slice(0, take).join('/');
}

export async function packAsar(
  appDir: string,
  files: readonly PackedFile[],
  unpackGlobs: readonly string[],
  archive: string,
): Promise<void> {
  const matcher = new FileMatcher(appDir, appDir, (pattern) => pattern);
  for (const glob of unpackGlobs) matcher.addPattern(glob);
  const unpackFilter = matcher.isEmpty() ? null : matcher.createFilter();
  const smartUnpacked = new Set(
    files
      .filter((f) => isLibOrExe(f.path))
      .map((f) => moduleRoot(f.path))
      .filter((r): r is string => r !== null),
  );
  const inUnpackedModule = (path: string) =>
    [...smartUnpacked].some((root) => path === root || path.startsWith(`${root}/`));

  const entries = new Map<string, AsarStreamType>();
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (!entries.has(dir))
        entries.set(dir, { type: 'directory', path: dir, unpacked: inUnpackedModule(dir) });
    }
    const stat: Stats = statSync(file.source);
    // The filter sees the path as if the file sat in the app dir, which is where electron-builder finds it.
    const unpacked = unpackFilter?.(join(appDir, file.path), stat) === true || inUnpackedModule(file.path);
    // Read once: the header's size and the bytes written must agree even if the shared working tree
    // changes while the archive is written (electron-builder streams from a tree nobody else touches).
    const bytes = readFileSync(file.source);
    entries.set(file.path, {
      type: 'file',
      path: file.path,
      streamGenerator: () => Readable.from([bytes]),
      unpacked,
      stat: { mode: stat.mode, size: bytes.length },
    });
  }
  // It resolves once the last write is queued (disk.js streamFilesystem: `return out.end()`), not written:
  // reading the archive before 'close' finds it cut short.
  const out = await createPackageFromStreams(archive, [...entries.values()]);
  if (!out.closed) await once(out, 'close');
}

export type Resolution = { in: 'asar' | 'unpacked'; size: number };

/**
 * How Electron would find `path` (absolute, under the archive's path) at run time: in the archive's
 * header, and, for an unpacked entry, as a real file in app.asar.unpacked (Electron's asar fs reads it
 * there, and a .node file can only be loaded from there). Throws when it is not found.
 */
export function resolveInArchive(archive: string, absolute: string): Resolution {
  const unpackedRoot = `${archive}.unpacked`;
  if (absolute.startsWith(`${unpackedRoot}/`)) {
    const inner = absolute.slice(unpackedRoot.length + 1);
    const entry = statFile(archive, inner) as { unpacked?: boolean; size?: number };
    if (!entry.unpacked) throw new Error(`${inner} is in the archive but not unpacked`);
    if (!existsSync(absolute)) throw new Error(`${absolute} is missing on disk`);
    return { in: 'unpacked', size: statSync(absolute).size };
  }
  if (!absolute.startsWith(`${archive}/`)) throw new Error(`${absolute} is outside the packaged app`);
  const inner = absolute.slice(archive.length + 1);
  let entry: { unpacked?: boolean; size?: number; files?: unknown };
  try {
    entry = statFile(archive, inner) as typeof entry;
  } catch {
    throw new Error(`${inner} is not in app.asar`);
  }
  if (entry.files !== undefined) throw new Error(`${inner} is a folder in app.asar`);
  if (entry.unpacked) {
    if (!existsSync(join(unpackedRoot, inner)))
      throw new Error(`${inner} is marked unpacked but missing from app.asar.unpacked`);
    return { in: 'unpacked', size: statSync(join(unpackedRoot, inner)).size };
  }
  return { in: 'asar', size: entry.size ?? 0 };
}
