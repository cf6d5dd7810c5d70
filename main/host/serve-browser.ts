// `tsx main/host/serve-browser.ts --data-dir DIR [--port N] [--static dist/renderer] [--key-file F] [--no-hid]`
// Browser mode: this process is a small supervisor. It forks the till core (main/core-process/entry.ts,
// the same entry Electron runs as a utility process), restarts it if it dies, and serves the UI and the
// contract over HTTP + server-sent events, relaying each call to the core. Prints one line
// `TILL_URL=http://127.0.0.1:PORT/#k=SECRET` when ready (tests and the demo read it).
// The HTTP host lives here, not in the core, so that the address, its per-launch secret and the open
// event streams outlive a core restart: the page keeps its URL and its SSE connection, its calls made
// meanwhile wait for the new core, and the status event the new core sends brings it back to the login.
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CoreSupervisor } from '../core-process/supervisor';
import { nodeCoreLauncher } from '../core-process/node-launcher';
import { startBrowserHost } from './browser-host';
import { createTillLogger } from '../logging/logger';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    static: { type: 'string', default: resolve('dist/renderer') },
    'key-file': { type: 'string' },
    /** Tests and machines without USB scanners skip node-hid entirely. */
    'no-hid': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values['data-dir'] ?? join(homedir(), '.atouts-till'));
const keyFile = resolve(values['key-file'] ?? join(homedir(), '.config', 'atouts-till', 'host.key'));
// The host's lines join the core's in --data-dir/logs (main/logging/logger.ts), echoed to stderr as before.
const { log } = createTillLogger({
  dir: join(dataDir, 'logs'),
  processName: 'host',
  echo: (line) => void process.stderr.write(line),
});

const core = new CoreSupervisor({
  launch: nodeCoreLauncher({
    args: ['--data-dir', dataDir, '--key-file', keyFile, ...(values['no-hid'] ? ['--no-hid'] : [])],
  }),
  log,
});
// The core starts while the host already serves: the page loads its files meanwhile, and its first calls
// wait in the supervisor for the core (it answers a coded reason if the till cannot open).
void core.start();
const host = await startBrowserHost({
  dispatch: (name, input) => core.call(name, input),
  events: core.events,
  staticDir: values.static,
  port: Number(values.port),
});
process.stdout.write(`TILL_URL=${host.url}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await host.close();
  await core.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
