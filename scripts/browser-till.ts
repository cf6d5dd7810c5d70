// The till in browser mode as a process of its own (main/host/serve-browser.ts under tsx): how `npm run demo`
// starts it, and the end-to-end tests' till host. It prints `TILL_URL=<url>` once it listens.
import { fileURLToPath } from 'node:url';

const SERVE_BROWSER = fileURLToPath(new URL('../main/host/serve-browser.ts', import.meta.url));

/** Node's arguments to start it (port 0: a free one). */
export function serveBrowserArgs(opts: {
  dataDir: string;
  keyFile: string;
  staticDir: string;
  port: string | number;
  hid: boolean;
}): string[] {
  return [
    '--import',
    'tsx',
    SERVE_BROWSER,
    '--data-dir',
    opts.dataDir,
    '--key-file',
    opts.keyFile,
    '--static',
    opts.staticDir,
    '--port',
    String(opts.port),
    ...(opts.hid ? [] : ['--no-hid']),
  ];
}

/** The till's address, from the line of its output that says it; null for any other line. */
export function tillUrlOf(line: string): string | null {
  return /^TILL_URL=(.+)$/.exec(line)?.[1] ?? null;
}
