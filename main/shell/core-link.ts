// The Electron side of the core process: forks it as a utility process and links each window's page to it
// with a MessageChannelMain, one end to the core (utilityProcess postMessage with ports), the other to the
// page's preload (webContents.postMessage(IPC_PORT, null, [port])). Calls then go renderer ⇄ core
// directly; the main process only hands out ports (electron docs/api/utility-process.md, child.postMessage
// with transfer; docs/api/message-channel-main.md). A port message with no port tells the preload its
// port is dead (the core is restarting): it answers the calls in flight CORE_RESTARTED and holds new ones.
import { MessageChannelMain, utilityProcess, type MessagePortMain, type WebContents } from 'electron';
import { IPC_PORT } from '../../preload/contract/ipc';
import type { CoreChild, CoreSupervisor } from '../core-process/supervisor';

export function electronCoreLauncher(
  entry: string,
  args: readonly string[],
  log: (message: string, fields?: Record<string, unknown>) => void,
): () => CoreChild<MessagePortMain> {
  return () => {
    const child = utilityProcess.fork(entry, [...args], { serviceName: 'Atouts core', stdio: 'inherit' });
    // 'error' is a V8 fatal error; the 'exit' that follows is what restarts the core.
    child.on('error', (type, location) => log('core fatal error', { type, location }));
    return {
      get pid() {
        return child.pid;
      },
      post: (message, ports) => child.postMessage(message, ports ? [...ports] : undefined),
      onMessage: (listener) => void child.on('message', (message: unknown) => listener(message)),
      // UtilityProcess 'exit' gives the code only (lib/browser/api/utility-process.ts).
      onExit: (listener) => void child.once('exit', (code) => listener(code, null)),
      kill: () => void child.kill(),
    };
  };
}

/** Gives the page in `contents` a new port to the core; false while no core is ready. */
export function linkPageToCore(core: CoreSupervisor<MessagePortMain>, contents: WebContents): boolean {
  const { port1, port2 } = new MessageChannelMain();
  if (!core.post({ kind: 'connect' }, [port1])) {
    port1.close();
    port2.close();
    return false;
  }
  contents.postMessage(IPC_PORT, null, [port2]);
  return true;
}

/** Tells the page its port died with the core. */
export function unlinkPage(contents: WebContents): void {
  if (!contents.isDestroyed()) contents.postMessage(IPC_PORT, null, []);
}
