// The preload bridge (sandboxed): exposes the contract as window.till and nothing else. No Node, no
// ipcRenderer leaks to the page: only `invoke(name, input)` and `on(event, listener)`.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CallName, EventName, TillApi } from './contract';
import { EVENT_NAME_LIST, IPC_EVENT, IPC_INVOKE } from './contract/ipc';

const EVENTS: readonly EventName[] = EVENT_NAME_LIST;

const api: TillApi = {
  transport: 'electron',
  invoke: (name, input) => ipcRenderer.invoke(IPC_INVOKE, name as CallName, input),
  on: (event, listener) => {
    if (!EVENTS.includes(event)) return () => undefined;
    const handler = (_e: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === event) (listener as (p: unknown) => void)(payload);
    };
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
};

contextBridge.exposeInMainWorld('till', api satisfies TillApi);
