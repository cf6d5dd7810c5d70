import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  decidePermission,
  decidePermissionCheck,
  isAppUrl,
  isNavigationAllowed,
  secureWindowOptions,
} from '../../main/shell/security-policy';

const index = APP_INDEX_URL;

describe('Electron shell security decisions', () => {
  it('the page is app://till/index.html', () => {
    expect(index).toBe('app://till/index.html');
  });

  it.each([
    [index, true],
    ['app://till/assets/index-abc.js', true],
    ['app://till/assets/zxing_reader.wasm', true],
    ['app://till/', true],
    ['app://other/index.html', false],
    ['app://till:8080/index.html', false],
    ['app://evil@till/index.html', false],
    ['app://till.evil.example/index.html', false],
    ['file:///opt/atouts/resources/app.asar/dist/renderer/index.html', false],
    ['file:///etc/passwd', false],
    ['https://evil.example/index.html', false],
    ['https://till/index.html', false],
    ['http://127.0.0.1:3000/', false],
    ['not a url', false],
    ['', false],
  ])('isAppUrl(%s) = %s', (url, expected) => {
    expect(isAppUrl(url, index)).toBe(expected);
  });

  it('fails closed when the configured page is not on app://', () => {
    expect(isAppUrl('file:///x/index.html', 'file:///x/index.html')).toBe(false);
    expect(isNavigationAllowed('https://till/index.html', 'https://till/index.html')).toBe(false);
  });

  it.each([
    [index, true],
    [`${index}#counter`, true],
    [`${index}#k=abc`, true],
    ['app://till/other.html', false],
    ['app://till/assets/index-abc.js', false],
    ['app://other/index.html', false],
    ['https://www.normandie.fr/', false],
    ['file:///tmp/other.html', false],
    ['file:///opt/atouts/resources/app.asar/dist/renderer/index.html', false],
    ['javascript:alert(1)', false],
  ])('navigation to %s allowed = %s', (url, expected) => {
    expect(isNavigationAllowed(url, index)).toBe(expected);
  });

  it.each([
    ['media', index, ['video'], 'allow'],
    ['media', `${index}#counter`, ['video'], 'allow'],
    ['media', index, ['audio'], 'deny'],
    ['media', index, ['video', 'audio'], 'deny'],
    ['media', index, [], 'deny'],
    ['media', 'https://evil.example/', ['video'], 'deny'],
    ['media', 'app://other/index.html', ['video'], 'deny'],
    ['media', 'file:///opt/atouts/resources/app.asar/dist/renderer/index.html', ['video'], 'deny'],
    ['notifications', index, [], 'deny'],
    ['geolocation', index, [], 'deny'],
    ['hid', index, [], 'deny'],
    ['clipboard-read', index, [], 'deny'],
    ['openExternal', index, [], 'deny'],
  ])('permission %s from %s (%j) → %s', (permission, url, media, expected) => {
    expect(decidePermission(permission, url, index, media)).toBe(expected);
  });

  // The check handler gets one details.mediaType ('video' | 'audio' | 'unknown', electron docs/api/session.md,
  // setPermissionCheckHandler): it granted the microphone while it passed ['video'] whatever was asked.
  it.each([
    ['media', index, 'video', 'allow'],
    ['media', index, 'audio', 'deny'],
    ['media', index, 'unknown', 'deny'],
    ['media', index, undefined, 'deny'],
    ['media', 'https://evil.example/', 'video', 'deny'],
    ['notifications', index, undefined, 'deny'],
    ['hid', index, undefined, 'deny'],
    ['clipboard-read', index, undefined, 'deny'],
  ])('permission check %s from %s (mediaType %s) → %s', (permission, url, mediaType, expected) => {
    expect(decidePermissionCheck(permission, url, index, mediaType)).toBe(expected);
  });

  it('app:// gets exactly the privileges the UI needs, none that widen its reach', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      stream: true,
      codeCache: true,
    });
    // bypassCSP would exempt app:// resources from the page's CSP; corsEnabled lets other origins read them.
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('allowServiceWorkers');
  });

  it('window options isolate the page from Node', () => {
    const { webPreferences } = secureWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/preload.cjs',
    });
  });
});
