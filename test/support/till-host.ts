// Starts the real till in browser mode as a child process (the same entry a person runs: a supervisor
// that forks the core process), on port 0 with its own data folder, and hands back its URL. For
// end-to-end tests.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serveBrowserArgs, tillUrlOf } from '../../scripts/browser-till';
import { makeTempDir } from './tmp';

export interface TillHandle {
  url: string;
  origin: string;
  dataDir: string;
  process: ChildProcess;
  /** The host's and its core's log lines so far (stderr). */
  logs(): string;
  /** The running core process (the host is its supervisor), from the host's last 'core ready' line. */
  corePid(): number | null;
  stop(): Promise<void>;
}

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The built renderer; built once here if a test runs before `npm run build`. */
export function ensureRendererBuilt(): string {
  const dir = join(ROOT, 'dist', 'renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    if (run.status !== 0) throw new Error('renderer build failed');
  }
  return dir;
}

export async function startTillHost(
  opts: { dataDir?: string; keyFile?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<TillHandle> {
  const staticDir = ensureRendererBuilt();
  const tmp = makeTempDir('till');
  const dataDir = opts.dataDir ?? join(tmp.dir, 'data');
  const child = spawn(
    process.execPath,
    serveBrowserArgs({
      dataDir,
      keyFile: opts.keyFile ?? join(tmp.dir, 'host.key'),
      staticDir,
      port: 0,
      hid: false,
    }),
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`till host did not start: ${stderr}`)), 60_000);
    child.once('exit', (code) => fail(new Error(`till host exited ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const url = tillUrlOf(line);
      if (url) {
        clearTimeout(timer);
        ok(url);
      }
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    process: child,
    logs: () => stderr,
    corePid: () => {
      const ready = stderr
        .split('\n')
        .filter(
          (line) =>
            line.startsWith('{') &&
            line.endsWith('}') &&
            line.includes('"core ready"') &&
            line.includes('"process":"host"'),
        )
        .map((line) => (JSON.parse(line) as { pid: number }).pid);
      return ready.at(-1) ?? null;
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await exited;
      }
      tmp.remove();
    },
  };
}
