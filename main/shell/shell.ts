// The thin Electron shell: one secure window, IPC wired to the same dispatch table as browser mode,
// the device token sealed with the OS keychain (safeStorage). Everything else is the Node core.
import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { createTill, type Till } from '../core/till';
import type { SecretCipher } from '../secrets/secret-store';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { IPC_EVENT, IPC_INVOKE } from '../../preload/contract/ipc';
import { tillDataDir } from './data-location';
import { setupAutoUpdate } from './updater';
import { nodeHidBackend } from '../../native/hid';
import { APP_INDEX_URL, decidePermission, decidePermissionCheck, isAppUrl, isNavigationAllowed, secureWindowOptions } from './security-policy';
import { deviceSecretCipher } from '../secrets/os-keychain';
import { registerAppSchemePrivileges, serveAppScheme } from './app-scheme';
import { appPaths } from './app-paths';

// The UI is served from app://till/ (app-scheme.ts), never file://: see security-policy.ts, APP_SCHEME.
const { rendererDir, preload: preloadPath } = appPaths(__dirname);
const rendererIndexUrl = APP_INDEX_URL;
registerAppSchemePrivileges();

// The OS keychain where it really encrypts; else (Linux's basic_text is a hardcoded password) an owner-only
// key file outside the data folder (main/secrets/os-keychain.ts). Only after 'ready': safeStorage says
// "unavailable" before it.
const deviceCipher = (): SecretCipher => deviceSecretCipher(safeStorage, process.platform, join(app.getPath('userData'), 'keys', 'device.key'));

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const media = 'mediaTypes' in details && Array.isArray(details.mediaTypes) ? details.mediaTypes : [];
    callback(decidePermission(permission, webContents.getURL(), rendererIndexUrl, media) === 'allow');
  });
  ses.setPermissionCheckHandler((webContents, permission, _origin, details) =>
    webContents ? decidePermissionCheck(permission, webContents.getURL(), rendererIndexUrl, details.mediaType) === 'allow' : false,
  );
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

function createWindow(till: Till): BrowserWindow {
  const options = secureWindowOptions(preloadPath);
  // The isolation flags are spelled out again where the window is made, so that a static checker
  // (Electronegativity, run in the proofs) sees them: it cannot follow secureWindowOptions().
  const win = new BrowserWindow({ ...options, webPreferences: { ...options.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, disableBlinkFeatures: 'Auxclick' } });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, rendererIndexUrl)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  const unsubscribe = till.events.subscribe((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
  });
  win.on('closed', unsubscribe);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererIndexUrl);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isNavigationAllowed(url, rendererIndexUrl)) event.preventDefault();
    });
  });

  void app.whenReady().then(() => {
    hardenSession();
    serveAppScheme(rendererDir);
    const till = createTill({ dataDir: tillDataDir(app), cipher: deviceCipher(), hidBackend: nodeHidBackend() });
    ipcMain.handle(IPC_INVOKE, (event, name: unknown, input: unknown) => {
      // Only our own page, in its main frame, may call the till.
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !isAppUrl(frame.url, rendererIndexUrl) || typeof name !== 'string') {
        return { ok: false, error: { code: 'UNAUTHORIZED' } };
      }
      return till.dispatch(name, input);
    });
    // Updates download in the background and install when the till quits; never during a sale.
    const updates = setupAutoUpdate({
      feedUrl: process.env.ATOUTS_UPDATE_URL ?? null,
      isPackaged: app.isPackaged,
      isSaleInProgress: () => till.context.scans.hasOpenScans() || till.status().pendingCount > 0,
      log: {
        info: (message, data) => console.log(JSON.stringify({ message, ...data })),
        warn: (message, data) => console.warn(JSON.stringify({ message, ...data })),
      },
    });
    till.events.subscribe((event, payload) => {
      // The end of a shift (the session closed, no sale open) is the moment to install a downloaded update.
      if (event === 'status' && 'staff' in payload && payload.staff === null) updates.installAtEndOfDay();
    });
    let win = createWindow(till);
    app.on('second-instance', () => {
      if (win.isDestroyed()) win = createWindow(till);
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    app.on('window-all-closed', () => app.quit());
    app.on('before-quit', () => {
      updates.stop();
      till.close();
    });
  });
}
