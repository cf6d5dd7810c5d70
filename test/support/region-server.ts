// The reference Region server for every test in the project: the real CLI in a child process, on a
// free port with a temporary database, and a typed client for its /admin calls.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { AdminClient } from '../../region-server/admin-client';
import { makeTempDir } from './tmp';

export { AdminClient, AdminError } from '../../region-server/admin-client';
export type { Category, Faults, LedgerItem, WalletBalance } from '../../region-server/admin-client';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SERVE = join(ROOT, 'region-server', 'cli', 'serve.ts');

export interface RegionHandle {
  url: string;
  adminKey: string;
  dbPath: string;
  admin: AdminClient;
  /** Stops the server gracefully (SIGTERM) and removes its temp folder unless a dbPath was given. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): void;
  /** Starts the server again on the same database and port. */
  restart(): Promise<void>;
  /** The server's recent stderr (its JSON log lines), for tests about logging. */
  logs(): string;
}

export interface StartOptions {
  seed?: 'demo';
  dbPath?: string;
  port?: number;
  adminKey?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

const START_TIMEOUT_MS = 30_000;

function launch(args: string[], adminKey: string): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  // The admin key goes in the environment, not on the command line, where any local user sees it (ps).
  const env = { ...process.env, REGION_ADMIN_KEY: adminKey };
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-200_000);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`region server did not start within ${START_TIMEOUT_MS} ms:\n${stderr}`));
    }, START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const m = /^REGION_SERVER_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1], stderr: () => stderr });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`region server exited (${code ?? signal}) before listening:\n${stderr}`));
    });
  });
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startRegionServer(opts: StartOptions = {}): Promise<RegionHandle> {
  const temp = opts.dbPath ? null : makeTempDir('region');
  const dbPath = opts.dbPath ?? join(temp?.dir ?? '', 'region.db');
  const adminKey = opts.adminKey ?? randomBytes(16).toString('hex');
  const argsFor = (port: number): string[] => [
    '--port',
    String(port),
    '--db',
    dbPath,
    '--log-level',
    opts.logLevel ?? 'warn',
    ...(opts.seed ? ['--seed', opts.seed] : []),
  ];
  let running = await launch(argsFor(opts.port ?? 0), adminKey);
  const url = running.url;
  const port = Number(new URL(url).port);
  const handle: RegionHandle = {
    url,
    adminKey,
    dbPath,
    admin: new AdminClient(url, adminKey),
    async stop() {
      running.child.kill('SIGTERM');
      await waitExit(running.child);
      temp?.remove();
    },
    kill() {
      running.child.kill('SIGKILL');
    },
    async restart() {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGTERM');
        await waitExit(running.child);
      }
      running = await launch(argsFor(port), adminKey);
    },
    logs() {
      return running.stderr();
    },
  };
  return handle;
}
