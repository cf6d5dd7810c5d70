// The core process under Node: `child_process.fork` of entry.ts, for browser mode, the CLI-less demo and
// the tests. Messages use the structured-clone ('advanced') serialization, as a MessagePort does in
// Electron, so both runtimes carry the same values. stdin is closed; stdout and stderr are the parent's,
// so the core's JSON log lines land where the host's do.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CoreChild } from './supervisor';

/** entry.ts beside this file; when it is TypeScript (source tree), the child loads it through tsx. */
export const CORE_ENTRY = fileURLToPath(new URL('./entry.ts', import.meta.url));

export interface NodeCoreOptions {
  entry?: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The core's log lines (stderr); inherited from this process when absent. */
  onStderr?: (text: string) => void;
}

function execArgvFor(entry: string): string[] {
  if (!entry.endsWith('.ts')) return [];
  // Absolute, so the child finds tsx whatever its working folder.
  return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

export function nodeCoreLauncher(options: NodeCoreOptions): () => CoreChild {
  const entry = options.entry ?? CORE_ENTRY;
  return () => {
    const child = fork(entry, [...options.args], {
      execArgv: execArgvFor(entry),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', options.onStderr ? 'pipe' : 'inherit', 'ipc'],
      env: options.env ?? process.env,
    });
    const onStderr = options.onStderr;
    if (onStderr) child.stderr?.on('data', (chunk: Buffer) => onStderr(chunk.toString('utf8')));
    return {
      get pid() {
        return child.pid;
      },
      post(message) {
        if (!child.connected) return;
        child.send(message as object, (error) => {
          // The core died between the check and the write: its exit handler answers what was in flight.
          if (error) return;
        });
      },
      onMessage: (listener) => void child.on('message', (message) => listener(message)),
      onExit: (listener) => void child.once('exit', (code, signal) => listener(code, signal)),
      kill: () => void child.kill('SIGKILL'),
    };
  };
}
