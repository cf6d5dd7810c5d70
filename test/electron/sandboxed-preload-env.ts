// Electron's sandboxed preload environment, reproduced under Node from electron/electron's source:
// - lib/sandboxed_renderer/preload.ts (runPreloadScript): the preload's text is compiled as the body of
//   a function (createPreloadScript → V8 CompileFunction) with the parameters
//   ['require', 'process', 'exports', 'module', ...exposeGlobals]; preloadRequire serves loadedModules
//   and loadableModules and throws `module not found: <name>` for anything else.
// - lib/sandboxed_renderer/init.ts: loadedModules (electron, electron/common, electron/renderer, events,
//   node:events), loadableModules (timers, node:timers, url, node:url), exposeGlobals (Buffer, global,
//   setImmediate, clearImmediate), and the preload's `process`, an EventEmitter with a few properties.
// - lib/sandboxed_renderer/api/module-list.ts: what `electron` offers there (contextBridge, ipcRenderer, …).
// The script runs in a fresh vm context holding only web globals, as the isolated world of a page has:
// no __filename, __dirname, module-level require or process.
import * as events from 'node:events';
import * as timers from 'node:timers';
import * as url from 'node:url';
import vm from 'node:vm';
import { SANDBOXED_PRELOAD_MODULES, SANDBOXED_PRELOAD_PARAMETERS } from '../../scripts/sandboxed-preload.mjs';

export interface StubIpcEvent {
  sender: StubIpcRenderer;
  ports: MessagePort[];
}

/** Electron's ipcRenderer surface, recording what the preload does with it. */
export class StubIpcRenderer extends events.EventEmitter {
  readonly invoked: { channel: string; args: unknown[] }[] = [];
  readonly sent: { channel: string; args: unknown[] }[] = [];
  readonly posted: { channel: string; message: unknown; transfer: unknown[] }[] = [];
  private readonly handlers = new Map<string, (...args: unknown[]) => unknown>();

  /** What the main process's ipcMain.handle would answer on `channel`. */
  handle(channel: string, handler: (...args: unknown[]) => unknown): void {
    this.handlers.set(channel, handler);
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args });
    const handler = this.handlers.get(channel);
    // The main process's error for an unhandled channel (lib/browser/ipc-main-impl / api/web-contents).
    if (!handler)
      return Promise.reject(
        new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`),
      );
    return Promise.resolve().then(() => handler(...args));
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  postMessage(channel: string, message: unknown, transfer: unknown[] = []): void {
    this.posted.push({ channel, message, transfer });
  }

  sendSync(channel: string): never {
    throw new Error(`sendSync(${channel}) blocks the renderer; the till never uses it`);
  }

  /** The main process sending on `channel` (webContents.send / webContents.postMessage with ports). */
  deliver(channel: string, args: unknown[], ports: MessagePort[] = []): void {
    const event: StubIpcEvent = { sender: this, ports };
    this.emit(channel, event, ...args);
  }
}

export interface SandboxRun {
  /** contextBridge.exposeInMainWorld calls, in order. */
  exposed: { key: string; api: unknown }[];
  ipc: StubIpcRenderer;
  /** Every name the preload passed to require, allowed or not. */
  required: string[];
  /** The properties of `electron` the preload read. */
  electronUsed: Set<string>;
}

/** contextBridge copies functions, primitives, plain objects and arrays; anything else throws there. */
function assertBridgeable(value: unknown, path: string): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined', 'function'].includes(typeof value))
    return;
  if (Array.isArray(value)) return value.forEach((v, i) => assertBridgeable(v, `${path}[${i}]`));
  const proto = Object.getPrototypeOf(value) as unknown;
  if (
    typeof value === 'object' &&
    (proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null)
  ) {
    for (const [k, v] of Object.entries(value)) assertBridgeable(v, `${path}.${k}`);
    return;
  }
  throw new Error(`contextBridge cannot copy ${path}`);
}

/** Web globals of the preload's isolated world; nothing of Node's module system. */
function isolatedWorldGlobals(): Record<string, unknown> {
  return {
    console,
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    queueMicrotask,
    structuredClone,
    MessageChannel,
    MessagePort,
    MessageEvent,
    EventTarget,
    Event,
    TextEncoder,
    TextDecoder,
    URL,
    AbortController,
  };
}

/** Runs the preload's text as Electron's sandboxed renderer would. Throws what the preload throws. */
export function runSandboxedPreload(code: string, filename = 'preload.cjs'): SandboxRun {
  const ipc = new StubIpcRenderer();
  const exposed: SandboxRun['exposed'] = [];
  const required: string[] = [];
  const electronUsed = new Set<string>();
  const contextBridge = {
    exposeInMainWorld(key: string, api: unknown): void {
      if (exposed.some((e) => e.key === key))
        throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
      assertBridgeable(api, key);
      exposed.push({ key, api });
    },
  };
  const electronModules: Record<string, unknown> = { contextBridge, ipcRenderer: ipc };
  const electron = new Proxy(electronModules, {
    get(target, name) {
      if (typeof name === 'string') electronUsed.add(name);
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
  const modules = new Map<string, unknown>([
    ['electron', electron],
    ['electron/common', electron],
    ['electron/renderer', electron],
    ['events', events],
    ['node:events', events],
    ['timers', timers],
    ['node:timers', timers],
    ['url', url],
    ['node:url', url],
  ]);
  // The harness must serve exactly the list the build check enforces.
  if ([...modules.keys()].join() !== SANDBOXED_PRELOAD_MODULES.join())
    throw new Error('module list out of step with scripts/sandboxed-preload.mjs');
  const preloadRequire = (name: string): unknown => {
    required.push(name);
    if (!modules.has(name)) throw new Error(`module not found: ${name}`);
    return modules.get(name);
  };
  const preloadProcess = Object.assign(new events.EventEmitter(), {
    sandboxed: true,
    contextIsolated: true,
    type: 'renderer',
    platform: process.platform,
    arch: process.arch,
    versions: { ...process.versions },
    env: {},
  });
  const context = vm.createContext(isolatedWorldGlobals());
  const fn = vm.compileFunction(code, [...SANDBOXED_PRELOAD_PARAMETERS], {
    parsingContext: context,
    filename,
  }) as (...args: unknown[]) => void;
  const exports = {};
  const globalObject = vm.runInContext('globalThis', context) as object;
  const argument: Record<string, unknown> = {
    require: preloadRequire,
    process: preloadProcess,
    exports,
    module: { exports },
    Buffer,
    global: globalObject,
    setImmediate: timers.setImmediate,
    clearImmediate: timers.clearImmediate,
  };
  fn(...SANDBOXED_PRELOAD_PARAMETERS.map((name) => argument[name]));
  return { exposed, ipc, required, electronUsed };
}
