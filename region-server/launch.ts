// Starts the reference Region server as a process of its own (the real CLI, region-server/cli/serve.ts,
// under tsx) and waits for the URL it prints: how `npm run demo` and every test get a live Region.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { AdminClient } from './admin-client';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SERVE = fileURLToPath(new URL('./cli/serve.ts', import.meta.url));
const START_TIMEOUT_MS = 30_000;

export interface RegionServerOptions {
  /** The server's SQLite file (created if absent). */
  dbPath: string;
  seed?: 'demo';
  /** 0 (the default): a free port. */
  port?: number;
  /** Random when not given. */
  adminKey?: string;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
}

export interface RegionServer {
  url: string;
  adminKey: string;
  dbPath: string;
  admin: AdminClient;
  /** Stops the server gracefully (SIGTERM). */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a crash would. */
  kill(): void;
  /** Starts the server again on the same database and port. */
  restart(): Promise<void>;
  /** The server's recent stderr (its JSON log lines). */
  logs(): string;
}

function spawnServer(
  args: string[],
  adminKey: string,
): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  // The admin key goes in the environment, not on the command line, where any local user sees it (ps).
  const env = { ...process.env, REGION_ADMIN_KEY: adminKey };
  const child = spawn(process.execPath, ['--import', 'tsx', SERVE, ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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

export async function launchRegionServer(opts: RegionServerOptions): Promise<RegionServer> {
  const { dbPath } = opts;
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
  let running = await spawnServer(argsFor(opts.port ?? 0), adminKey);
  const url = running.url;
  const port = Number(new URL(url).port);
  return {
    url,
    adminKey,
    dbPath,
    admin: new AdminClient(url, adminKey),
    async stop() {
      running.child.kill('SIGTERM');
      await waitExit(running.child);
    },
    kill() {
      running.child.kill('SIGKILL');
    },
    async restart() {
      if (running.child.exitCode === null && running.child.signalCode === null) {
        running.child.kill('SIGTERM');
        await waitExit(running.child);
      }
      running = await spawnServer(argsFor(port), adminKey);
    },
    logs() {
      return running.stderr();
    },
  };
}
