// Electron IPC channel names and event names, shared by the preload bridge and the shell.
// Kept free of schemas so the sandboxed preload bundle stays tiny.
export const IPC_INVOKE = 'till:invoke';
export const IPC_EVENT = 'till:event';
export const EVENT_NAME_LIST = ['scan', 'status', 'debit'] as const;
