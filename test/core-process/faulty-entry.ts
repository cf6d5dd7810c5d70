// A core entry with a bug: it runs the real core and, once the core is ready, throws from a timer (an
// uncaught error in the core's process), the first time only (a marker file beside the data folder).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentEndpoint } from '../../main/core-process/endpoint';
import { runCore } from '../../main/core-process/run-core';

const args = process.argv.slice(2);
const dataDir = args[args.indexOf('--data-dir') + 1] ?? '.';
await runCore({ args, parent: parentEndpoint(process) });
const marker = join(dataDir, '..', 'crashed-once');
if (!existsSync(marker)) {
  writeFileSync(marker, '');
  setTimeout(() => {
    throw new Error('boom: a bug in the core');
  }, 50);
}
