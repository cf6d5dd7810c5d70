// Electron's utility-process entry for the till core, built to dist/main/core-process.cjs and forked by
// the shell (core-link.ts). Kept apart from main/core-process/entry.ts for one reason: it is the only
// core-side code that imports electron, for `net.fetch` (available in utility processes: electron/electron
// lib/utility/api/module-list.ts lists 'net'), so the Region client goes through Chromium's network stack
// (OS proxy/PAC settings and certificate store). `process.parentPort` needs no import: Electron defines it
// on `process` before this runs (lib/utility/init.ts).
import { net } from 'electron';
import { parentEndpoint } from '../core-process/endpoint';
import { runCore } from '../core-process/run-core';

runCore({
  args: process.argv.slice(2),
  parent: parentEndpoint(process),
  regionFetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
}).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ message: 'core failed to start', process: 'core', error: String(error) })}\n`,
  );
  process.exit(78);
});
