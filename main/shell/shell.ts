// The thin Electron shell, the main process: windows, the menu, the updater, and a small broker for
// safeStorage. The till core (journal, outbox, Region client, HID, exports) runs in its own utility process
// (core-link.ts, main/core-process/), restarted if it dies; each page talks to it over a MessagePort the
// shell hands out, so a busy core never stalls window management, and the shell never touches SQLite.
import { app, BrowserWindow, ipcMain, safeStorage, session, type MessagePortMain } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretCipher } from '../secrets/secret-store';
import { CONTENT_SECURITY_POLICY } from '../security/csp';
import { CoreSupervisor } from '../core-process/supervisor';
import { tillDataDir } from './data-location';
import { setupAutoUpdate, watchInstallMoments } from './updater';
import { electronCoreLauncher, PageLinks } from './core-link';
import {
  APP_INDEX_URL,
  decidePermission,
  decidePermissionCheck,
  isAppUrl,
  isNavigationAllowed,
  secureWindowOptions,
} from './security-policy';
import { deviceSecretCipher } from '../secrets/os-keychain';
import { registerAppSchemePrivileges, serveAppScheme } from './app-scheme';
import { appPaths } from './app-paths';
import { createTillLogger, type TillLogger } from '../logging/logger';
import { afterRendererGone } from './renderer-recovery';
import { downloadAllowed } from './download-policy';
import { IPC_PRINT, IPC_PRINTERS, IPC_UPDATE_STATE } from '../../preload/contract/ipc';
import { printRequestSchema, receiptPrintOptions } from '../receipt/print-options';

// The UI is served from app://till/ (app-scheme.ts), never file://: see security-policy.ts, APP_SCHEME.
const { rendererDir, preload: preloadPath, coreProcess: coreEntry } = appPaths(__dirname);
const rendererIndexUrl = APP_INDEX_URL;
registerAppSchemePrivileges();

// The OS keychain where it really encrypts; else (Linux's basic_text is a hardcoded password) an owner-only
// key file outside the data folder (main/secrets/os-keychain.ts). Only after 'ready': safeStorage says
// "unavailable" before it.
const deviceCipher = (): SecretCipher =>
  deviceSecretCipher(safeStorage, process.platform, join(app.getPath('userData'), 'keys', 'device.key'));

/**
 * The print broker: a receipt printed silently on the counter's printer (Réglages), sized for the roll
 * (main/receipt/print-options.ts), for our own page only. Browser mode prints the same page with window.print().
 */
function servePrintBroker(): void {
  ipcMain.handle(IPC_PRINT, (event, raw: unknown) => {
    if (!isAppUrl(event.sender.getURL(), rendererIndexUrl)) return { ok: false, reason: 'FOREIGN_PAGE' };
    const request = printRequestSchema.safeParse(raw);
    if (!request.success) return { ok: false, reason: 'INPUT_INVALID' };
    return new Promise((resolve) => {
      event.sender.print(receiptPrintOptions(request.data), (success, failureReason) => {
        if (!success) log('receipt not printed', { reason: failureReason });
        resolve(success ? { ok: true } : { ok: false, reason: failureReason });
      });
    });
  });
  ipcMain.handle(IPC_PRINTERS, async (event) => {
    if (!isAppUrl(event.sender.getURL(), rendererIndexUrl)) return [];
    return (await event.sender.getPrintersAsync()).map((p) => ({
      name: p.name,
      displayName: p.displayName || p.name,
    }));
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const media = 'mediaTypes' in details && Array.isArray(details.mediaTypes) ? details.mediaTypes : [];
    callback(decidePermission(permission, webContents.getURL(), rendererIndexUrl, media) === 'allow');
  });
  ses.setPermissionCheckHandler((webContents, permission, _origin, details) =>
    webContents
      ? decidePermissionCheck(permission, webContents.getURL(), rendererIndexUrl, details.mediaType) ===
        'allow'
      : false,
  );
  // Files a manager saves from Gestion (CSV, PDF, archive, diagnostic) are downloads of blob: URLs made by our
  // page. With no save path set, Electron asks where with the native save dialog, from this main process
  // (shell/browser/electron_download_manager_delegate.cc: OnDownloadPathGenerated → file_dialog::ShowSaveDialog
  // with the item's save-dialog options). Any other download is refused.
  ses.on('will-download', (event, item, contents) => {
    if (!downloadAllowed(contents ? contents.getURL() : null, item.getURL(), rendererIndexUrl)) {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({
      title: item.getFilename(),
      defaultPath: join(app.getPath('documents'), item.getFilename()),
    });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

// One logger for the shell and the core (main/logging/logger.ts): rotating files in the OS logs folder,
// made on first use (app.getPath('logs') is set by then), each line echoed to stdout as before.
let shellLogger: TillLogger | null = null;
const shellLog = (): TillLogger =>
  (shellLogger ??= createTillLogger({
    dir: app.getPath('logs'),
    processName: 'shell',
    echo: (line) => void process.stdout.write(line),
  }));
const log = (message: string, fields?: Record<string, unknown>) => shellLog().log(message, fields);

const pages = () => BrowserWindow.getAllWindows().map((w) => w.webContents);

function createWindow(links: PageLinks): BrowserWindow {
  const options = secureWindowOptions(preloadPath);
  // The isolation flags are spelled out again where the window is made, so that a static checker
  // (Electronegativity, run in the proofs) sees them: it cannot follow secureWindowOptions().
  const win = new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!isNavigationAllowed(url, rendererIndexUrl)) event.preventDefault();
  });
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // Each load of the page (a reload too) gets a new port; the preload is listening before the page runs.
  win.webContents.on('dom-ready', () => links.pageLoaded(win.webContents));
  // A dead renderer is reloaded (a bounded number of times): the session lives in the core and comes back.
  const reloadsAt: number[] = [];
  win.webContents.on('render-process-gone', (_event, details) => {
    const decision = afterRendererGone(details.reason, reloadsAt, Date.now());
    log('renderer gone', { reason: details.reason, exitCode: details.exitCode, ...decision });
    if (decision.action !== 'reload' || win.isDestroyed()) return;
    reloadsAt.push(Date.now());
    win.webContents.reload();
  });
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
    servePrintBroker();
    serveAppScheme(rendererDir);
    const core = new CoreSupervisor<MessagePortMain>({
      // The core process uses Electron's net.fetch for the Region (core-bootstrap.ts).
      launch: electronCoreLauncher(
        coreEntry,
        ['--data-dir', tillDataDir(app), '--secrets', 'broker', '--logs-dir', app.getPath('logs')],
        log,
      ),
      log,
      // The core's seal/open requests for its device key: safeStorage exists in the main process only.
      secrets: deviceCipher(),
      onReady: (generation) => links.coreReady(generation, pages()),
      onDown: () => links.coreDown(pages()),
    });
    const links = new PageLinks(core, (url) => isAppUrl(url, rendererIndexUrl));
    // Updates download in the background and install after the day's Z-closure or on a manager's request,
    // never during a sale nor with anything awaiting the Region (updater.ts, decideInstall). The feed is the
    // build's (resources/app-update.yml) unless this till sets one (update.configure) or the environment does.
    const updates = core
      .start()
      .then(async () => {
        const set = await core.call('update.feed', {});
        const override =
          process.env.ATOUTS_UPDATE_URL ??
          (set.ok ? (set.value as { feedUrl: string | null }).feedUrl : null);
        const updateLog = {
          info: (message: string, data?: Record<string, unknown>) => shellLog().log(message, data),
          warn: (message: string, data?: Record<string, unknown>) => shellLog().warn(message, data),
        };
        const auto = setupAutoUpdate({
          feedUrl: override,
          bakedFeed: existsSync(join(process.resourcesPath, 'app-update.yml')),
          isPackaged: app.isPackaged,
          isSaleInProgress: () => core.saleInProgress(),
          log: updateLog,
        });
        const stopWatch = watchInstallMoments(auto, core, updateLog);
        return { stop: () => (stopWatch(), auto.stop()), state: () => auto.state() };
      })
      .catch((error: unknown) => {
        log('updates not started', { error: String(error) });
        return { stop: () => undefined, state: () => null };
      });
    // À propos shows the updater's state; only our page asks.
    ipcMain.handle(IPC_UPDATE_STATE, async (event) =>
      isAppUrl(event.sender.getURL(), rendererIndexUrl) ? (await updates).state() : null,
    );
    let win = createWindow(links);
    app.on('second-instance', () => {
      if (win.isDestroyed()) win = createWindow(links);
      if (win.isMinimized()) win.restore();
      win.focus();
    });
    app.on('window-all-closed', () => app.quit());
    // The core closes its journal (SHUTDOWN entry) before the app goes: quitting waits for it once.
    let coreStopped = false;
    app.on('before-quit', (event) => {
      if (coreStopped) return;
      event.preventDefault();
      void updates.then((u) => u.stop());
      void core.stop().finally(() => {
        coreStopped = true;
        app.quit();
      });
    });
  });
}
