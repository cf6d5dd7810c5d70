// LazyFS (github.com/dsrhaslab/lazyfs) mounted for the power-cut proof: a FUSE filesystem that keeps
// written data in its own page cache until the application fsyncs it, and drops everything unsynced on
// `lazyfs::clear-cache` — what a power cut does to a disk's write-back cache. Built by
// scripts/proofs/build-lazyfs.sh (its source is not in this repository).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ROOT } from './bundle';

export const DEFAULT_LAZYFS_BIN = join(ROOT, '.cache', 'lazyfs', 'lazyfs', 'build', 'lazyfs');

/** The LazyFS binary to use, or why there is none here (said plainly by the proof). */
export function findLazyFs(env: NodeJS.ProcessEnv = process.env): { bin: string } | { missing: string } {
  if (process.platform !== 'linux')
    return { missing: `LazyFS is a Linux FUSE filesystem; this is ${process.platform}` };
  const bin = env['LAZYFS_BIN'] ?? DEFAULT_LAZYFS_BIN;
  if (!existsSync(bin)) {
    return {
      missing: `no LazyFS binary at ${bin} (build it: LAZYFS_SRC=<checkout of dsrhaslab/lazyfs> bash scripts/proofs/build-lazyfs.sh, or set LAZYFS_BIN)`,
    };
  }
  if (!existsSync('/dev/fuse'))
    return {
      missing: 'no /dev/fuse: FUSE is not available on this machine (a container without the fuse device?)',
    };
  if (spawnSync('fusermount3', ['-V']).error)
    return { missing: 'no fusermount3 (Debian: apt-get install fuse3)' };
  return { bin };
}

export interface LazyFs {
  /** Where the till's files go: reads and writes pass through LazyFS's cache. */
  mountDir: string;
  /** The folder underneath: what survives a cut. */
  rootDir: string;
  /** Drops every byte not fsynced yet, and resolves once LazyFS says it is done. */
  cut(): Promise<void>;
  stop(): Promise<void>;
}

function mounted(dir: string): boolean {
  return readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .some((line) => line.split(' ')[1] === dir);
}

export async function mountLazyFs(bin: string, workDir: string): Promise<LazyFs> {
  const rootDir = join(workDir, 'root');
  const mountDir = join(workDir, 'mnt');
  const fifo = join(workDir, 'faults.fifo');
  const done = join(workDir, 'faults-done.fifo');
  mkdirSync(rootDir, { recursive: true });
  mkdirSync(mountDir, { recursive: true });
  const config = join(workDir, 'lazyfs.toml');
  writeFileSync(
    config,
    [
      '[faults]',
      `fifo_path="${fifo}"`,
      `fifo_path_completed="${done}"`,
      '[cache]',
      'apply_eviction=false',
      '[cache.simple]',
      'custom_size="1gb"',
      'blocks_per_page=1',
      '[filesystem]',
      'log_all_operations=false',
      'logfile=""',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(
    bin,
    [mountDir, '--config-path', config, '-o', 'modules=subdir', '-o', `subdir=${rootDir}`, '-f'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => {
    stderr = (stderr + c.toString()).slice(-4000);
  });
  const deadline = Date.now() + 20_000;
  while (!mounted(mountDir) || !existsSync(done)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`LazyFS did not mount ${mountDir}:\n${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  // LazyFS opens the completion FIFO for writing once a reader is there: keep one open for its life.
  const finished: Array<() => void> = [];
  createInterface({ input: createReadStream(done) }).on('line', (line) => {
    if (line.trim() === 'finished::clear-cache') finished.shift()?.();
  });
  return {
    mountDir,
    rootDir,
    cut: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('LazyFS did not confirm the clear-cache')), 20_000);
        finished.push(() => {
          clearTimeout(timer);
          resolve();
        });
        // Every command sent to the fault FIFO must end with a newline.
        writeFileSync(fifo, 'lazyfs::clear-cache\n');
      }),
    async stop() {
      spawnSync('fusermount3', ['-u', mountDir]);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(kill);
      }
    },
  };
}
