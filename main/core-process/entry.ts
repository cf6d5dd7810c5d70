// The core process's entry under Node: `child_process.fork('main/core-process/entry.ts', [--data-dir DIR,
// --key-file F | --secrets broker, --no-hid])`. It also runs unchanged as an Electron utility process
// (parentEndpoint finds `process.parentPort` there); the packaged app starts main/shell/core-bootstrap.ts
// instead, which adds Electron's net.fetch. Nothing here imports electron.
import { parentEndpoint } from './endpoint';
import { runCore } from './run-core';

runCore({ args: process.argv.slice(2), parent: parentEndpoint(process) }).catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ message: 'core failed to start', process: 'core', error: String(error) })}\n`,
  );
  process.exit(78);
});
