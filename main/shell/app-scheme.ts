// The Electron side of app://till: the scheme's privileges before `ready`, and after it the one UI
// request handler (main/ui-serving/) that browser mode also serves through. No decisions live here:
// the privileges and the origin are in security-policy.ts, the file serving in ui-request-handler.ts.
import { protocol } from 'electron';
import { createUiRequestHandler } from '../ui-serving/ui-request-handler';
import { APP_HOST, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './security-policy';

/** Must run before app `ready`, and only once (docs/api/protocol.md, registerSchemesAsPrivileged). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/**
 * After `ready`: app://till/… answered from the built renderer folder. protocol.handle registers on the
 * default session (lib/browser/api/protocol.ts), which is the one the till's window uses.
 */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createUiRequestHandler({ rootDir: rendererDir, host: APP_HOST }));
}
