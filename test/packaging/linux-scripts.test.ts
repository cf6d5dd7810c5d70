// The deb's maintainer scripts are electron-builder's own templates plus the udev reload, nothing else.
// electron-userland/electron-builder, packages/app-builder-lib:
// - templates/linux/after-install.tpl, after-remove.tpl, apparmor-profile.tpl: the /usr/bin link
//   (update-alternatives, or ln -sf), chrome-sandbox mode 4755 where unprivileged user namespaces do not
//   work (0755 where they do), and the AppArmor profile Ubuntu 24.04+ needs to let Chromium's sandbox use
//   user namespaces. Without them the installed till does not start there.
// - src/targets/linux/FpmTarget.ts (createScripts, writeConfigFile): a configured afterInstall/afterRemove
//   REPLACES the template and is rendered with the same `${macro}` replacer (an unknown macro throws) and
//   the same options: executable and sanitizedProductName, single-quote-escaped for bash, then the linux
//   options; the AppArmor profile is always rendered from its template and copied to resources/.
// The rendered scripts are run by bash against stub commands to see what they would do as root.
import type { Configuration } from 'electron-builder';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { sanitizeFileName } from 'builder-util/out/filename';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/tmp';

const root = join(import.meta.dirname, '../..');
const templates = join(root, 'node_modules/app-builder-lib/templates/linux');
const BASH = '/bin/bash';
let config: Configuration;
let macros: Record<string, unknown>;
let exe: string;
let opt: string;

const bashSingleQuoteEscape = (value: string) => value.replace(/'/g, "'\\''");

/** FpmTarget.ts writeConfigFile's replacer. */
function render(template: string, options: Record<string, unknown>): string {
  return template.replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
    if (name in options) return String(options[name]);
    throw new Error(`Macro ${name} is not defined`);
  });
}

beforeAll(async () => {
  config = await getConfig(root, 'electron-builder.yml', null);
  exe = sanitizeFileName(String(config.linux?.executableName));
  const product = sanitizeFileName(String(config.productName));
  macros = {
    executable: bashSingleQuoteEscape(exe),
    sanitizedProductName: bashSingleQuoteEscape(product),
    productFilename: exe,
    ...config.linux,
  };
  opt = `/opt/${product}`;
});

const ours = (kind: 'afterInstall' | 'afterRemove') =>
  readFileSync(join(root, String(config.deb?.[kind])), 'utf8');
const template = (file: string) => readFileSync(join(templates, file), 'utf8');

describe('deb maintainer scripts: electron-builder templates plus the udev rule', () => {
  it.each([
    ['afterInstall', 'after-install.tpl'],
    ['afterRemove', 'after-remove.tpl'],
  ] as const)('%s is %s of the installed electron-builder, unchanged, then only udev lines', (kind, file) => {
    const text = ours(kind);
    expect(text.startsWith(template(file))).toBe(true);
    const added = text
      .slice(template(file).length)
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
    expect(added.length).toBeGreaterThan(0);
    for (const line of added) expect(line, line).toMatch(/udevadm|^\s*fi$/);
  });

  it('renders the /usr/bin link, the chrome-sandbox mode and the AppArmor install', () => {
    const text = render(ours('afterInstall'), macros);
    expect(exe).toBe('atouts-caisse');
    expect(text).toContain(
      `update-alternatives --install '/usr/bin/${exe}' '${exe}' '${opt}/${exe}' 100 || ln -sf '${opt}/${exe}' '/usr/bin/${exe}'`,
    );
    expect(text).toContain(`ln -sf '${opt}/${exe}' '/usr/bin/${exe}'`);
    expect(text).toMatch(
      new RegExp(
        `unshare --user true; }; then\\n\\s*# .*\\n\\s*chmod 4755 '${opt}/chrome-sandbox' \\|\\| true`,
      ),
    );
    expect(text).toContain(`chmod 0755 '${opt}/chrome-sandbox'`);
    expect(text).toContain(`APPARMOR_PROFILE_SOURCE='${opt}/resources/apparmor-profile'`);
    expect(text).toContain(`APPARMOR_PROFILE_TARGET='/etc/apparmor.d/${exe}'`);
    expect(text).toContain(
      'apparmor_parser --replace --write-cache --skip-read-cache "$APPARMOR_PROFILE_TARGET"',
    );
    expect(text).toContain('udevadm control --reload-rules');
    expect(text).not.toMatch(/\$\{(executable|sanitizedProductName)\}/);
  });

  it('renders the removal of the link, the AppArmor profile and the udev reload', () => {
    const text = render(ours('afterRemove'), macros);
    expect(text).toContain(`update-alternatives --remove '${exe}' '${opt}/${exe}'`);
    expect(text).toContain(`rm -f '/usr/bin/${exe}'`);
    expect(text).toContain(`APPARMOR_PROFILE_DEST='/etc/apparmor.d/${exe}'`);
    expect(text).toContain('apparmor_parser --remove "$APPARMOR_PROFILE_DEST"');
    expect(text).toContain('udevadm control --reload-rules');
  });

  it("keeps electron-builder's AppArmor profile, which lets the app's own binary use user namespaces", () => {
    expect(config.deb).not.toHaveProperty('appArmorProfile');
    const profile = render(template('apparmor-profile.tpl'), {
      ...macros,
      executable: exe,
      sanitizedProductName: opt.slice('/opt/'.length),
    });
    expect(profile).toContain('abi <abi/4.0>');
    expect(profile).toContain(`profile "${exe}" "${opt}/${exe}" flags=(unconfined) {`);
    expect(profile).toMatch(/^\s*userns,$/m);
  });

  it('an unknown macro in our scripts would stop electron-builder: there is none', () => {
    expect(() => render(ours('afterInstall'), macros)).not.toThrow();
    expect(() => render(ours('afterRemove'), macros)).not.toThrow();
    expect(() => render('x ${nope}', macros)).toThrow('Macro nope is not defined');
  });
});

describe('the rendered scripts, run by bash against stub commands', () => {
  const tmp = makeTempDir('deb-scripts');
  const stubs = join(tmp.dir, 'bin');
  const scripts: Record<string, string> = {};
  beforeAll(() => {
    expect(existsSync(BASH)).toBe(true);
    mkdirSync(stubs, { recursive: true });
    const names = [
      'update-alternatives',
      'ln',
      'rm',
      'chmod',
      'unshare',
      'apparmor_status',
      'apparmor_parser',
      'cp',
      'udevadm',
      'readlink',
      'update-mime-database',
      'update-desktop-database',
    ];
    for (const name of names) {
      writeFileSync(
        join(stubs, name),
        `#!/bin/sh\necho "\${0##*/} $*" >> "$STUB_LOG"\ncase "\${0##*/}" in\n  unshare) exit "$UNSHARE_RC" ;;\n  apparmor_status) exit "$APPARMOR_RC" ;;\nesac\nexit 0\n`,
      );
      chmodSync(join(stubs, name), 0o755);
    }
    for (const kind of ['afterInstall', 'afterRemove'] as const) {
      scripts[kind] = join(tmp.dir, `${kind}.sh`);
      writeFileSync(scripts[kind], render(ours(kind), macros));
    }
  });
  afterAll(() => tmp.remove());

  function run(
    kind: 'afterInstall' | 'afterRemove',
    env: { UNSHARE_RC: string; APPARMOR_RC: string },
  ): string[] {
    const log = join(tmp.dir, `${kind}-${env.UNSHARE_RC}-${env.APPARMOR_RC}.log`);
    writeFileSync(log, '');
    const result = spawnSync(BASH, [scripts[kind]!], {
      env: { PATH: stubs, STUB_LOG: log, ...env },
      encoding: 'utf8',
    });
    expect(result.stderr).not.toMatch(/command not found/);
    expect(result.status).toBe(0);
    return readFileSync(log, 'utf8').trim().split('\n');
  }

  it('parses as bash', () => {
    for (const script of Object.values(scripts)) expect(spawnSync(BASH, ['-n', script]).status).toBe(0);
  });

  it('without working user namespaces: links /usr/bin, makes chrome-sandbox setuid 4755, reloads udev', () => {
    const calls = run('afterInstall', { UNSHARE_RC: '1', APPARMOR_RC: '1' });
    expect(calls).toContain(`update-alternatives --install /usr/bin/${exe} ${exe} ${opt}/${exe} 100`);
    expect(calls).toContain(`chmod 4755 ${opt}/chrome-sandbox`);
    expect(calls).toContain('udevadm control --reload-rules');
    expect(calls).toContain('udevadm trigger --subsystem-match=hidraw --subsystem-match=usb');
    expect(calls.some((c) => c.startsWith('cp '))).toBe(false);
  });

  it('with user namespaces and AppArmor (Ubuntu 24.04+): chrome-sandbox 0755 and the profile installed', () => {
    const calls = run('afterInstall', { UNSHARE_RC: '0', APPARMOR_RC: '0' });
    expect(calls).toContain(`chmod 0755 ${opt}/chrome-sandbox`);
    expect(calls).toContain(`apparmor_parser --skip-kernel-load --debug ${opt}/resources/apparmor-profile`);
    expect(calls).toContain(`cp -f ${opt}/resources/apparmor-profile /etc/apparmor.d/${exe}`);
  });

  it('on removal: drops the /usr/bin link and reloads udev', () => {
    const calls = run('afterRemove', { UNSHARE_RC: '0', APPARMOR_RC: '0' });
    expect(calls).toContain(`update-alternatives --remove ${exe} ${opt}/${exe}`);
    expect(calls).toContain('udevadm control --reload-rules');
  });
});
