// `tsx main/host/serve-browser.ts --data-dir DIR [--port N] [--static dist/renderer] [--key-file F]`
// Starts the till core under plain Node and serves its UI to a local browser. Prints one line
// `TILL_URL=http://127.0.0.1:PORT/#k=SECRET` when ready (tests and the demo read it).
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createTill } from '../core/till';
import { fileKeyCipher } from '../secrets/secret-store';
import { startBrowserHost } from './browser-host';
import { nodeHidBackend } from '../../native/hid';

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
const till = createTill({
  dataDir,
  cipher: fileKeyCipher(keyFile),
  hidBackend: values['no-hid'] || process.env.ATOUTS_NO_HID === '1' ? null : nodeHidBackend(),
  log: (message, fields) => process.stderr.write(`${JSON.stringify({ message, ...fields })}\n`),
});
const host = await startBrowserHost({
  dispatch: till.dispatch,
  events: till.events,
  staticDir: values.static,
  port: Number(values.port),
});
process.stdout.write(`TILL_URL=${host.url}\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await host.close();
  till.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
