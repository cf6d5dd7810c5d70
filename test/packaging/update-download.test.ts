// The download half of an update, with electron-updater's own code (NsisUpdater, the generic provider, its
// SHA-512 check and cache) against a loopback feed laid out as `npm run dist:win` publishes it (latest.yml and
// the installer), driven by setupAutoUpdate. Faked at the lowest boundary only, what needs the Electron binary:
// the app adapter (electron's `app`: version, paths, quit) and the HTTP executor (electron's `net.request`,
// replaced by Node's http.request through builder-util-runtime's HttpExecutor, the base class of electron-
// updater's own ElectronHttpExecutor).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { writeFileDurably } from '../../main/files/durable-write';
import {
  createServer,
  request,
  type ClientRequest,
  type IncomingMessage,
  type RequestOptions,
  type Server,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import {
  configureRequestOptions,
  configureRequestUrl,
  HttpExecutor,
  type DownloadOptions,
} from 'builder-util-runtime';
import { NsisUpdater, type AppUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupAutoUpdate, type UpdaterPort } from '../../main/shell/updater';
import { makeTempDir } from '../support/tmp';

/** electron-updater's ElectronHttpExecutor (out/electronHttpExecutor.js) with Node's http.request for net.request. */
class NodeExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback);
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      );
    });
  }
}

const tmp = makeTempDir('update-download');
const installer = randomBytes(300_000);
const sha512 = (b: Buffer) => createHash('sha512').update(b).digest('base64');
let server: Server;
let feedUrl: string;
let served: string[] = [];
let latestYml = '';

function latest(version: string, file: string, digest: string): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${digest}`,
    `    size: ${installer.length}`,
    `path: ${file}`,
    `sha512: ${digest}`,
    "releaseDate: '2026-11-28T10:00:00.000Z'",
    '',
  ].join('\n');
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    served.push(path);
    // The channel file is named for the platform the updater runs on (latest.yml on Windows, latest-linux.yml
    // here): the feed serves the same metadata under each.
    if (/\/latest(-linux|-mac)?\.yml$/.test(path)) {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      res.end(latestYml);
    } else if (path.endsWith('/atouts-caisse-0.2.0-win-x64.exe')) {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': installer.length });
      res.end(installer);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/atouts-caisse`;
  // What electron-builder bakes into resources/ from electron-builder.yml's publish and win.signtoolOptions.
  writeFileDurably(
    join(tmp.dir, 'app-update.yml'),
    [
      'provider: generic',
      `url: ${feedUrl}`,
      'updaterCacheDirName: atouts-caisse-updater',
      'publisherName:',
      '  - Région Normandie',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  tmp.remove();
});

const verifiedWith: string[][] = [];

function realUpdater(cacheName: string): AppUpdater {
  const app = {
    version: '0.1.0',
    name: 'Atouts Caisse',
    isPackaged: true,
    appUpdateConfigPath: join(tmp.dir, 'app-update.yml'),
    userDataPath: join(tmp.dir, 'userData'),
    baseCachePath: join(tmp.dir, cacheName),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: () => undefined,
  };
  const updater = new NsisUpdater(null, app);
  (updater as unknown as { httpExecutor: HttpExecutor<ClientRequest> }).httpExecutor = new NodeExecutor();
  // Authenticode is Windows' own check (PowerShell Get-AuthenticodeSignature); here the download alone is tested.
  updater.verifyUpdateCodeSignature = (publisherNames: string[]) => {
    verifiedWith.push(publisherNames);
    return Promise.resolve(null);
  };
  updater.logger = null;
  return updater;
}

const log = { info: () => undefined, warn: () => undefined };

/** The till's automatic updates over that updater, as a packaged till with no sale in progress runs them. */
function autoUpdateWith(
  updater: AppUpdater,
  feed: Pick<Parameters<typeof setupAutoUpdate>[0], 'feedUrl' | 'bakedFeed'>,
): ReturnType<typeof setupAutoUpdate> {
  return setupAutoUpdate({
    ...feed,
    isPackaged: true,
    isSaleInProgress: () => false,
    log,
    loadUpdater: async () => updater as unknown as UpdaterPort,
    checkEveryMs: 3_600_000,
  });
}

describe('an update downloaded from a loopback feed by electron-updater', () => {
  it('reads the baked feed, finds the newer version, downloads it in the background, checks its SHA-512 and publisher, and is ready to install', async () => {
    latestYml = latest('0.2.0', 'atouts-caisse-0.2.0-win-x64.exe', sha512(installer));
    served = [];
    const updater = realUpdater('cache-ok');
    const downloaded = new Promise<{ version: string; downloadedFile: string }>((resolve) =>
      updater.once('update-downloaded', resolve),
    );
    // No feed set on the till: electron-updater reads app-update.yml, the one baked at build time.
    const auto = autoUpdateWith(updater, { feedUrl: null, bakedFeed: true });
    try {
      const info = await downloaded;
      expect(info.version).toBe('0.2.0');
      expect(auto.state()).toEqual({ status: 'ready', version: '0.2.0' });
      expect(readFileSync(info.downloadedFile).equals(installer)).toBe(true);
      // The installer is checked against the publisher electron-builder baked (signtoolOptions.publisherName).
      expect(verifiedWith).toEqual([['Région Normandie']]);
      // A differential download is tried first (the .blockmap; none here, 404), then the whole installer.
      expect(served.filter((p) => !/\/latest(-linux|-mac)?\.yml$/.test(p))).toEqual([
        '/atouts-caisse/atouts-caisse-0.2.0-win-x64.exe.blockmap',
        '/atouts-caisse/atouts-caisse-0.2.0-win-x64.exe',
      ]);
    } finally {
      auto.stop();
    }
  });

  it('refuses an installer whose SHA-512 is not the one the feed announced, and installs nothing', async () => {
    latestYml = latest('0.2.0', 'atouts-caisse-0.2.0-win-x64.exe', sha512(Buffer.from('another installer')));
    const updater = realUpdater('cache-bad');
    const failed = new Promise<Error>((resolve) => updater.once('error', resolve));
    const auto = autoUpdateWith(updater, { feedUrl });
    try {
      expect((await failed).message).toMatch(/sha512 checksum mismatch/);
      await expect.poll(() => auto.state().status).toBe('failed');
      expect(
        existsSync(
          join(tmp.dir, 'cache-bad', 'atouts-caisse-updater', 'pending', 'atouts-caisse-0.2.0-win-x64.exe'),
        ),
      ).toBe(false);
    } finally {
      auto.stop();
    }
  });

  it('stays idle when the feed has nothing newer', async () => {
    latestYml = latest('0.1.0', 'atouts-caisse-0.1.0-win-x64.exe', sha512(installer));
    served = [];
    const updater = realUpdater('cache-same');
    const auto = autoUpdateWith(updater, { feedUrl });
    try {
      expect(await auto.checkNow()).toEqual({ status: 'idle' });
      expect(served.length).toBeGreaterThan(0);
      expect(served.every((p) => /\/latest(-linux|-mac)?\.yml$/.test(p))).toBe(true);
    } finally {
      auto.stop();
    }
  });
});
