import type { Configuration, TargetConfiguration } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
let config: Configuration;

// Loaded and validated by electron-builder's own loader and JSON schema, as `electron-builder` would.
beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
  await validateConfiguration(config, new DebugLogger(false));
});

type Targets = Configuration['win'] extends infer W ? (W extends { target?: infer T } ? T : never) : never;

function targetsOf(targets: Targets | undefined): Array<{ name: string; arch: string[] }> {
  const list = targets == null ? [] : Array.isArray(targets) ? targets : [targets];
  return list.map((t: string | TargetConfiguration) =>
    typeof t === 'string'
      ? { name: t, arch: [] }
      : { name: t.target, arch: t.arch == null ? [] : Array.isArray(t.arch) ? t.arch : [t.arch] },
  );
}

describe('electron-builder.yml', () => {
  it('names the product and its id', () => {
    expect(config.appId).toBe('fr.normandie.atouts.caisse');
    expect(config.productName).toBe('Atouts Caisse');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      productName?: string;
      main?: string;
    };
    // Electron names the userData folder after package.json's productName: both must agree.
    expect(pkg.productName).toBe(config.productName);
    expect(pkg.main).toBe('dist/main/shell.cjs');
  });

  it('builds NSIS for Windows, dmg and zip for macOS, AppImage and deb for Linux', () => {
    expect(targetsOf(config.win?.target)).toEqual([{ name: 'nsis', arch: ['x64'] }]);
    expect(targetsOf(config.mac?.target)).toEqual([
      { name: 'dmg', arch: ['x64', 'arm64'] },
      { name: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(targetsOf(config.linux?.target).map((t) => t.name)).toEqual(['AppImage', 'deb']);
  });

  it('offers a per-machine install in French and English, and never deletes the journal on uninstall', () => {
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false, // with oneClick off: the install-mode page offers "all users"
      allowElevation: true,
      installerLanguages: ['fr_FR', 'en_US'],
      multiLanguageInstaller: true,
      language: '1036',
      deleteAppDataOnUninstall: false,
    });
  });

  it('points at icons and resources that exist', () => {
    const files = [
      config.win?.icon,
      config.mac?.icon,
      config.mac?.entitlements,
      config.nsis?.installerIcon,
      config.deb?.afterInstall,
      config.deb?.afterRemove,
    ];
    for (const file of files) {
      expect(file, 'configured').toBeTypeOf('string');
      expect(existsSync(join(root, String(file))), String(file)).toBe(true);
    }
    expect(statSync(join(root, String(config.linux?.icon))).isDirectory()).toBe(true);
    expect(existsSync(join(root, 'build/icons/512x512.png'))).toBe(true);
  });

  it('installs the scanners udev rule with the deb, and depends on libusb', () => {
    expect(config.deb?.fpm).toContain(
      'build/linux/70-atouts-scanners.rules=/usr/lib/udev/rules.d/70-atouts-scanners.rules',
    );
    expect(config.deb?.depends).toContain('libusb-1.0-0');
    expect(config.deb?.depends).toContain('libgtk-3-0'); // setting depends replaces electron-builder's defaults
  });

  it('sets every Electron fuse the hardening asks for', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs an asar with native addons unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
  });

  it('rebuilds native modules only through its own hook', async () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
    expect(config.beforePack).toBe('./build/hooks/pack-hooks.ts');
    expect(config.afterPack).toBe('./build/hooks/pack-hooks.ts');
    const hooks = await import('../../build/hooks/pack-hooks');
    expect(typeof hooks.beforePack).toBe('function');
    expect(typeof hooks.afterPack).toBe('function');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
    };
    // Never at install time: developers and CI run better-sqlite3 under Node.
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
      expect(pkg.scripts?.[script] ?? '').not.toMatch(/electron-rebuild|@electron\/rebuild|install-app-deps/);
    }
  });

  it('publishes update metadata for a generic feed', () => {
    const publish = Array.isArray(config.publish) ? config.publish[0] : config.publish;
    expect(publish).toMatchObject({ provider: 'generic', url: '${env.ATOUTS_UPDATE_URL}' });
    // Windows updates install only when signed by the Région (electron-updater checks app-update.yml's publisherName).
    expect(config.win?.signtoolOptions?.publisherName).toEqual(['Région Normandie']);
    // macOS updates install from the zip, never from the dmg.
    expect(targetsOf(config.mac?.target).map((t) => t.name)).toContain('zip');
  });
});
