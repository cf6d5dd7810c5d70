import { describe, expect, it } from 'vitest';
import { decidePermission, isAppUrl, isNavigationAllowed, secureWindowOptions } from '../../main/shell/security-policy';

const index = 'file:///opt/atouts/resources/app.asar/dist/renderer/index.html';

describe('Electron shell security decisions', () => {
  it.each([
    [index, true],
    ['file:///opt/atouts/resources/app.asar/dist/renderer/assets/index.js', true],
    ['file:///etc/passwd', false],
    ['file:///opt/atouts/resources/app.asar/dist/renderer/../../secret.html', false],
    ['https://evil.example/index.html', false],
    ['http://127.0.0.1:3000/', false],
    ['not a url', false],
  ])('isAppUrl(%s) = %s', (url, expected) => {
    expect(isAppUrl(url, index)).toBe(expected);
  });

  it.each([
    [`${index}#counter`, true],
    ['https://www.normandie.fr/', false],
    ['file:///tmp/other.html', false],
    ['javascript:alert(1)', false],
  ])('navigation to %s allowed = %s', (url, expected) => {
    expect(isNavigationAllowed(url, index)).toBe(expected);
  });

  it.each([
    ['media', index, ['video'], 'allow'],
    ['media', index, ['audio'], 'deny'],
    ['media', index, ['video', 'audio'], 'deny'],
    ['media', 'https://evil.example/', ['video'], 'deny'],
    ['notifications', index, [], 'deny'],
    ['geolocation', index, [], 'deny'],
    ['hid', index, [], 'deny'],
    ['clipboard-read', index, [], 'deny'],
    ['openExternal', index, [], 'deny'],
  ])('permission %s from %s (%j) → %s', (permission, url, media, expected) => {
    expect(decidePermission(permission, url, index, media)).toBe(expected);
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
