// The Electron shell, driven by Playwright's Electron driver, where an Electron binary exists. This
// project's build machines cannot download Electron (ELECTRON_SKIP_BINARY_DOWNLOAD=1): there the test says
// plainly that it was skipped and why.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { makeTempDir } from '../support/tmp';
import { electronBinary } from '../../scripts/electron-binary';


const binary = electronBinary();
if (!binary) {
  console.warn('SKIPPED electron.e2e: no Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1); the shell is typechecked and its security decisions are table-tested instead.');
}

describe('Electron shell', () => {
  it.skipIf(!binary)('opens one secure window showing the till, with no Node in the page', async () => {
    const tmp = makeTempDir('electron');
    const app = await electron.launch({
      executablePath: binary!,
      args: [join(process.cwd(), 'dist/main/shell.cjs')],
      env: { ...process.env, ATOUTS_TILL_DATA_DIR: join(tmp.dir, 'data') },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('h1');
      expect(await page.title()).toBe('Atouts Caisse');
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (window as unknown as { till?: { invoke?: unknown } }).till?.invoke)).toBe('function');
      const opened = await page.evaluate(() => window.open('https://example.org') === null);
      expect(opened).toBe(true);
    } finally {
      await app.close();
      tmp.remove();
    }
  });
});
