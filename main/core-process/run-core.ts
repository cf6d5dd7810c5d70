// The till core as a process of its own: opens the till (journal, outbox, Region client, HID service,
// exports), serves it to its parent and to the renderers' ports, and dies loudly. An uncaught error is
// logged and ends the process, so that the supervisor starts a fresh core on a consistent journal: the
// journal and the outbox are durable, and a half-broken core is worse than a restarted one.
// Started by entry.ts (browser mode, tests: `child_process.fork`) and by main/shell/core-bootstrap.ts
// (Electron's utility process, which adds Electron's net.fetch).
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TillError, type TillErrorValue } from '../../preload/contract';
import { createTill, type Till } from '../core/till';
import { storageError } from '../journal/storage-errors';
import type { RegionFetch } from '../region/client';
import { fileKeyCipher, type SecretCipher } from '../secrets/secret-store';
import { nodeHidBackend } from '../../native/hid';
import { brokeredCipher, SEALED_KEY_FILE, type BrokerAnswer, type SecretBroker } from './brokered-cipher';
import type { Endpoint } from './endpoint';
import { parseParentControl } from './messages';
import { answerCall, forwardEvents, servePort } from './serve-till';
import { createTillLogger, scrub, type TillLogger } from '../logging/logger';
import { applyStagedRestore } from '../backup/restore-journal';

export interface CoreOptions {
  /** `--data-dir DIR` and either `--key-file F` (browser mode) or `--secrets broker` (Electron), `--no-hid`. */
  args: readonly string[];
  parent: Endpoint;
  regionFetch?: RegionFetch;
  /** Ends the process; the exit code tells the supervisor a crash (non-zero) from a clean stop. */
  exit?: (code: number) => void;
}

/** Exit codes the supervisor reads in its log. */
export const CORE_EXIT = { stopped: 0, uncaught: 70, startFailed: 78 } as const;

/** How often the core re-tells whether a sale is under way (open scans expire on their own). */
const SALE_POLL_MS = 10_000;

/** The core's log (main/logging/logger.ts): rotating files in --logs-dir, each line also on stderr for the parent. */
let fileLog: TillLogger | null = null;

function log(message: string, fields: Record<string, unknown> = {}): void {
  if (fileLog) return fileLog.log(message, fields);
  process.stderr.write(
    `${JSON.stringify(scrub({ message, process: 'core', pid: process.pid, ...fields }))}\n`,
  );
}

const describe = (error: unknown): string =>
  error instanceof Error ? (error.stack ?? error.message) : String(error);

function startError(error: unknown): TillErrorValue {
  if (error instanceof TillError) return error.toValue();
  const storage = storageError(error);
  if (storage) return storage.toValue();
  return { code: 'INTERNAL', detail: String(error).slice(0, 200) };
}

function parseCoreArgs(args: readonly string[]) {
  const { values } = parseArgs({
    args: [...args],
    options: {
      'data-dir': { type: 'string' },
      'key-file': { type: 'string' },
      secrets: { type: 'string' },
      'no-hid': { type: 'boolean', default: false },
      'logs-dir': { type: 'string' },
    },
  });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new Error('core process: --data-dir is required');
  if (!values['key-file'] && values.secrets !== 'broker')
    throw new Error('core process: --key-file F or --secrets broker is required');
  return {
    dataDir: resolve(dataDir),
    keyFile: values['key-file'] ? resolve(values['key-file']) : null,
    noHid: values['no-hid'],
    // Electron passes the OS logs folder (app.getPath('logs')); browser mode keeps them beside the data.
    logsDir: resolve(values['logs-dir'] ?? join(dataDir, 'logs')),
  };
}

export async function runCore(options: CoreOptions): Promise<void> {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const parent = options.parent;
  const config = parseCoreArgs(options.args);
  fileLog = createTillLogger({
    dir: config.logsDir,
    processName: 'core',
    echo: (line) => void process.stderr.write(line),
  });
  let till: Till | null = null;
  let ending = false;

  const end = (code: number): void => {
    if (ending) return;
    ending = true;
    try {
      till?.close();
    } catch (error) {
      log('core did not close cleanly', { error: describe(error) });
    }
    exit(code);
  };
  process.on('uncaughtException', (error) => {
    log('core uncaught error', { error: describe(error) });
    end(CORE_EXIT.uncaught);
  });
  process.on('unhandledRejection', (reason) => {
    log('core unhandled rejection', { error: describe(reason) });
    end(CORE_EXIT.uncaught);
  });
  // A parent that is gone (browser mode's supervisor killed) must not leave a core holding the journal.
  parent.onClose(() => end(CORE_EXIT.stopped));
  // Ctrl+C in a terminal signals the whole process group, the core with its parent: close the journal cleanly.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => end(CORE_EXIT.stopped));

  const secretAnswers = new Map<number, (answer: BrokerAnswer) => void>();
  let nextSecretId = 1;
  const broker: SecretBroker = {
    request: (op, text) =>
      new Promise((answer) => {
        const id = nextSecretId++;
        secretAnswers.set(id, answer);
        parent.post({ kind: 'secret', id, op, text });
      }),
  };

  parent.onMessage((data, ports) => {
    if (till && answerCall(till, parent, data)) return;
    const control = parseParentControl(data);
    if (!control) return log('parent message ignored');
    switch (control.kind) {
      case 'connect': {
        const port = ports[0];
        if (port && till) servePort(till, port, log);
        else log('connect without a port, or before the till opened');
        return;
      }
      case 'secret-answer': {
        const answer = secretAnswers.get(control.id);
        secretAnswers.delete(control.id);
        answer?.(
          control.ok
            ? {
                ok: true,
                text: control.text,
                ...(control.protection ? { protection: control.protection } : {}),
              }
            : { ok: false, code: control.code },
        );
        return;
      }
      case 'stop':
        return end(CORE_EXIT.stopped);
    }
  });

  const cipher: SecretCipher = config.keyFile
    ? fileKeyCipher(config.keyFile)
    : await brokeredCipher(join(config.dataDir, SEALED_KEY_FILE), broker, log);
  // A backup the manager chose on the enrolment screen replaces the (unenrolled) journal before it opens.
  await applyStagedRestore(config.dataDir, () => new Date(), log);
  try {
    till = createTill({
      dataDir: config.dataDir,
      cipher,
      hidBackend: config.noHid || process.env.ATOUTS_NO_HID === '1' ? null : nodeHidBackend(),
      log,
      logsDir: config.logsDir,
      ...(options.regionFetch ? { regionFetch: options.regionFetch } : {}),
    });
  } catch (error) {
    const value = startError(error);
    log('core could not open the till', { code: value.code, error: describe(error) });
    parent.post({ kind: 'start-failed', error: value });
    // Let the notice leave before the process does (the fork channel writes asynchronously).
    setTimeout(() => end(CORE_EXIT.startFailed), 100);
    return;
  }

  const opened = till;
  forwardEvents(opened, parent);
  let saleInProgress: boolean | null = null;
  const tellSale = (pendingCount: number = opened.status().pendingCount): void => {
    if (ending) return;
    const now = opened.context.scans.hasOpenScans() || pendingCount > 0;
    if (now === saleInProgress) return;
    saleInProgress = now;
    parent.post({ kind: 'sale', inProgress: now });
  };
  // A status event carries the pending count already: no second count of the journal for it.
  opened.events.subscribe((event, payload) =>
    tellSale(event === 'status' && 'pendingCount' in payload ? payload.pendingCount : undefined),
  );
  setInterval(() => tellSale(), SALE_POLL_MS).unref();
  tellSale();
  parent.post({ kind: 'ready', pid: process.pid });
  // A new core has no staff session: pages already open (browser mode's event streams) learn it at once.
  parent.post({ kind: 'event', event: 'status', payload: opened.status() });
  log('core ready', { dataDir: config.dataDir });
}
