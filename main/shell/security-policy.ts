// The Electron shell's security decisions as small pure functions, table-tested (test/shell/*).
// No electron import here: the decisions are data in, data out.

/** The app's own page: a file inside the packaged renderer folder. */
export function isAppUrl(url: string, rendererIndexUrl: string): boolean {
  try {
    const candidate = new URL(url);
    const app = new URL(rendererIndexUrl);
    if (candidate.protocol !== 'file:' || app.protocol !== 'file:') return false;
    const appDir = app.pathname.slice(0, app.pathname.lastIndexOf('/') + 1);
    return candidate.host === app.host && candidate.pathname.startsWith(appDir) && !candidate.pathname.includes('/../');
  } catch {
    return false;
  }
}

/** Navigation away from the app's page is never allowed: the till shows only itself. */
export function isNavigationAllowed(targetUrl: string, rendererIndexUrl: string): boolean {
  try {
    const target = new URL(targetUrl);
    const app = new URL(rendererIndexUrl);
    // In-page navigation (a hash change) stays on the same document.
    return target.protocol === 'file:' && target.pathname === app.pathname && target.host === app.host;
  } catch {
    return false;
  }
}

export type PermissionDecision = 'allow' | 'deny';

/**
 * Only the camera (webcam scanner), only for the app's own page. Everything else — notifications,
 * geolocation, microphone, USB/HID from the page, clipboard reads — is denied.
 */
export function decidePermission(permission: string, requestingUrl: string, rendererIndexUrl: string, mediaTypes: readonly string[] = []): PermissionDecision {
  if (!isAppUrl(requestingUrl, rendererIndexUrl)) return 'deny';
  if (permission === 'media') return mediaTypes.length > 0 && mediaTypes.every((t) => t === 'video') ? 'allow' : 'deny';
  return 'deny';
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
