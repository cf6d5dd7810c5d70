// The Electron shell's security decisions as small pure functions, table-tested (test/shell/*).
// No electron import here: the decisions are data in, data out.

/**
 * The till's page is served from a privileged custom scheme, app://till/… (main/shell/app-scheme.ts), not
 * file://: with the grantFileProtocolExtraPrivileges fuse off, Chromium refuses a module script, a module
 * worker and a wasm fetch on file://, and a file:// page would share its origin with every local file.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'till';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The privileges of app:// (protocol.registerSchemesAsPrivileged; electron/electron
 * shell/browser/api/electron_api_protocol.cc, RegisterSchemesAsPrivileged): standard, so relative URLs
 * resolve and the page has a real origin with storage; secure, so it is a secure context (camera);
 * supportFetchAPI for the wasm fetch; stream; codeCache (only allowed with standard). Deliberately not
 * bypassCSP, not allowServiceWorkers, and not corsEnabled: that one lets OTHER origins read the scheme
 * (url::AddCorsEnabledScheme; the same-origin module script and worker do not need it).
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  stream: true,
  codeCache: true,
} as const;

/** The app's own origin and nothing else: app://till, no user info, no port, no other scheme. */
function isAppOrigin(url: URL, appIndex: URL): boolean {
  return (
    appIndex.protocol === `${APP_SCHEME}:` &&
    url.protocol === appIndex.protocol &&
    url.host === appIndex.host &&
    url.username === '' &&
    url.password === ''
  );
}

/** The app's own page or one of its files (app://till/…). */
export function isAppUrl(url: string, appIndexUrl: string): boolean {
  try {
    return isAppOrigin(new URL(url), new URL(appIndexUrl));
  } catch {
    return false;
  }
}

/** Navigation away from the app's page is never allowed: the till shows only itself. */
export function isNavigationAllowed(targetUrl: string, appIndexUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const app = new URL(appIndexUrl);
    // In-page navigation (a hash change) and a reload stay on the same document.
    return isAppOrigin(target, app) && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

export type PermissionDecision = 'allow' | 'deny';

/**
 * Only the camera (webcam scanner), only for the app's own page. Everything else — notifications,
 * geolocation, microphone, USB/HID from the page, clipboard reads — is denied.
 */
export function decidePermission(
  permission: string,
  requestingUrl: string,
  appIndexUrl: string,
  mediaTypes: readonly string[] = [],
): PermissionDecision {
  if (!isAppUrl(requestingUrl, appIndexUrl)) return 'deny';
  if (permission === 'media')
    return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video') ? 'allow' : 'deny';
  return 'deny';
}

/**
 * The permission *check* (session.setPermissionCheckHandler), which Chromium asks before and apart from any
 * request: its details carry one `mediaType`, 'video', 'audio' or 'unknown' (electron docs/api/session.md).
 * Only a camera check passes; a microphone or unknown media check is denied like everything else.
 */
export function decidePermissionCheck(
  permission: string,
  requestingUrl: string,
  appIndexUrl: string,
  mediaType: string | undefined,
): PermissionDecision {
  return decidePermission(permission, requestingUrl, appIndexUrl, mediaType === undefined ? [] : [mediaType]);
}

/** Options of the one window the till opens. */
export function secureWindowOptions(preloadPath: string) {
  return {
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 640,
    show: false,
    title: 'Atouts Caisse',
    backgroundColor: '#f5f7fa',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      // No middle-click new windows (window.open is denied anyway, this stops the event at the source).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  } as const;
}
