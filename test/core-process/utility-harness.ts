// Runs the core's real entry (main/core-process/entry.ts) in a worker thread that plays Electron's utility
// process: `process.parentPort` is defined on `process` before the entry loads, as lib/utility/init.ts
// does, and behaves as electron-ports.ts describes. The worker's own port to the test thread carries the
// parent's messages, and transfers MessagePorts the way Mojo does between Electron's processes.
import { parentPort } from 'node:worker_threads';
import { FakeParentPort } from './electron-ports';

if (!parentPort) throw new Error('utility-harness runs in a worker thread');
Object.defineProperty(process, 'parentPort', {
  enumerable: true,
  writable: false,
  value: new FakeParentPort(parentPort),
});
await import('../../main/core-process/entry');
