// The Electron side of the core process: forks it as a utility process and links each window's page to it
// with a MessageChannelMain, one end to the core (utilityProcess postMessage with ports), the other to the
// page's preload (webContents.postMessage(IPC_PORT, null, [port])). Calls then go renderer ⇄ core
// directly; the main process only hands out ports (electron docs/api/utility-process.md, child.postMessage
// with transfer; docs/api/message-channel-main.md). A port message with no port tells the preload its
// port is dead (the core is restarting): it answers the calls in flight CORE_RESTARTED and holds new ones.
import { MessageChannelMain, utilityProcess, type MessagePortMain } from 'electron';
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

/** The part of a WebContents the links use. */
export interface LinkablePage {
  getURL(): string;
  isDestroyed(): boolean;
  postMessage(channel: string, message: unknown, transfer?: MessagePortMain[]): void;
}

/**
 * Which page holds a port to which core. Each load of a page gets its own port; a new core gives a port to
 * every page not linked to it yet; a core that died tells each page its port is dead.
 */
export class PageLinks {
  private readonly linkedTo = new WeakMap<LinkablePage, number>();

  constructor(
    private readonly core: CoreSupervisor<MessagePortMain>,
    /** Only our own page gets a port: the core answers whatever holds one. */
    private readonly isOurPage: (url: string) => boolean,
  ) {}

  pageLoaded(page: LinkablePage): void {
    this.link(page);
  }

  coreReady(generation: number, pages: readonly LinkablePage[]): void {
    for (const page of pages) if (this.linkedTo.get(page) !== generation) this.link(page);
  }

  coreDown(pages: readonly LinkablePage[]): void {
    for (const page of pages)
      if (!page.isDestroyed() && this.isOurPage(page.getURL())) page.postMessage(IPC_PORT, null, []);
  }

  private link(page: LinkablePage): void {
    if (page.isDestroyed() || !this.isOurPage(page.getURL())) return;
    const { port1, port2 } = new MessageChannelMain();
    if (!this.core.post({ kind: 'connect' }, [port1])) {
      port1.close();
      port2.close();
      return;
    }
    page.postMessage(IPC_PORT, null, [port2]);
    this.linkedTo.set(page, this.core.coreGeneration);
  }
}
