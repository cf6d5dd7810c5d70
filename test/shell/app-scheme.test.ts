// The Electron side of app://till, with Electron's `protocol` module replaced at its boundary (no binary
// here): the scheme is registered once with exactly the policy's privileges, and protocol.handle gets the
// UI handler bound to the renderer folder and to the till host. Electron turns that handler's Response into
// the page's bytes (lib/browser/api/protocol.ts), which ui-request-handler.test.ts covers on the real build.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_INDEX_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES } from '../../main/shell/security-policy';
import { ensureRendererBuilt } from '../support/till-host';

const protocol = vi.hoisted(() => ({
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}));
vi.mock('electron', () => ({ protocol }));

const { registerAppSchemePrivileges, serveAppScheme } = await import('../../main/shell/app-scheme');

beforeEach(() => {
  protocol.registerSchemesAsPrivileged.mockClear();
  protocol.handle.mockClear();
});

describe('app://till in Electron', () => {
  it('registers the scheme with the privileges of the security policy, and nothing more', () => {
    registerAppSchemePrivileges();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
    ]);
  });

  it('answers the scheme with the UI handler over the renderer folder, for the till host only', async () => {
    serveAppScheme(ensureRendererBuilt());
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, handler] = protocol.handle.mock.calls[0] as [
      string,
      (request: Request) => Promise<Response>,
    ];
    expect(scheme).toBe('app');
    const page = await handler(new Request(APP_INDEX_URL));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<div id="root"></div>');
    expect((await handler(new Request('app://elsewhere/index.html'))).status).toBe(404);
  });
});
