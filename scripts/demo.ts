// `npm run demo [-- --partner cinema|theatre|multi|basket|music|flers-agglo] [--port N]`
// Starts the reference Region server with a seeded demo (partners, youths, coupons, a bon plan), enrols
// this till for one partner, writes scannable demo QR codes (PNG + terminal), and opens the till:
// in Electron where a binary exists, otherwise in browser mode at a printed URL.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { createTill } from '../main/core/till';
import { fileKeyCipher } from '../main/secrets/secret-store';
import { createInterface } from 'node:readline';
import type { Tariff } from '../preload/contract/tariff';
import { launchRegionServer } from '../region-server/launch';
import { serveBrowserArgs, tillUrlOf } from './browser-till';
import { electronBinary } from './electron-binary';
import { electronSqliteForInstalledElectron, realDeps } from '../build/hooks/pack-hooks';
import type { DemoFacts } from '../region-server/seed/demo-seed';

const { values } = parseArgs({
  options: {
    partner: { type: 'string', default: 'cinema' },
    port: { type: 'string', default: '0' },
    'browser-only': { type: 'boolean', default: false },
    /** Reuse dist/ as it is (development). */
    'skip-build': { type: 'boolean', default: false },
  },
});

const ROOT = resolve('.');
const DEMO = join(ROOT, '.demo');
// Names only: the till adds the role ("Claire Dubois (responsable)").
const MANAGER = { name: 'Claire Dubois', pin: '1234' };
const CASHIER = { name: 'Karim Haddad', pin: '0000' };
// The usual prices a manager would set in Réglages → Tarifs, those of the partner's categories.
const DEMO_TARIFFS: Tariff[] = [
  { id: 'plein', label: 'Plein', category: 'CINEMA', item: 'SEANCE', priceCents: 950 },
  { id: 'reduit', label: 'Réduit', category: 'CINEMA', item: 'SEANCE', priceCents: 700 },
  { id: 'abo10', label: 'Abonnement 10 places', category: 'CINEMA', item: 'ABONNEMENT', priceCents: 6500 },
  { id: 'place', label: 'Place', category: 'SPECTACLE', item: 'PLACE', priceCents: 1800 },
  { id: 'licence', label: 'Licence', category: 'SPORT', item: 'LICENCE', priceCents: 4500 },
  { id: 'adhesion', label: 'Adhésion', category: 'LOCAL', item: 'ADHESION', priceCents: 500 },
];
const tariffs = (accreditations: readonly string[]) =>
  DEMO_TARIFFS.filter((t) => accreditations.includes(t.category));

function must<T>(
  r: { ok: true; value: T } | { ok: false; error: { code: string; detail?: string } },
  what: string,
): T {
  if (!r.ok) throw new Error(`${what}: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}

if (!values['skip-build']) console.log('Building the till…');
if (
  !values['skip-build'] &&
  spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0
)
  process.exit(1);

rmSync(DEMO, { recursive: true, force: true });
mkdirSync(join(DEMO, 'qr'), { recursive: true });
console.log('Starting the reference Region server with the demo seed…');
const region = await launchRegionServer({
  seed: 'demo',
  dbPath: join(DEMO, 'region.sqlite'),
  logLevel: 'warn',
});
const facts = JSON.parse(readFileSync(join(DEMO, 'region.sqlite.demo.json'), 'utf8')) as DemoFacts;
const partner = facts.partners.find((p) => p.key === values.partner) ?? facts.partners[0]!;

const electronPath = electronBinary();
const useElectron = electronPath !== null && !values['browser-only'];

async function writeDemoTokens(): Promise<string[]> {
  const lines: string[] = [];
  for (const youth of facts.beneficiaries) {
    const token = await region.admin.mintPass({ beneficiaryId: youth.id, ttlSeconds: 600 });
    const file = join(
      DEMO,
      'qr',
      `${youth.givenName}-${youth.familyName}`.normalize('NFD').replace(/[^\w-]/g, '') + '.png',
    );
    await QRCode.toFile(file, token, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
    lines.push(`${youth.givenName} ${youth.familyName}${youth.note ? ` (${youth.note})` : ''}\t${token}`);
  }
  for (const coupon of facts.coupons) {
    await QRCode.toFile(join(DEMO, 'qr', `coupon-${coupon.code}.png`), coupon.token, { margin: 4, scale: 6 });
    lines.push(`coupon ${coupon.code}\t${coupon.token}`);
  }
  writeFileSync(join(DEMO, 'tokens.txt'), `${lines.join('\n')}\n`);
  return lines;
}

const tokens = await writeDemoTokens();
// A pass QR code lives 10 minutes (pass-tokens.md): fresh ones are written every 8 minutes.
setInterval(() => void writeDemoTokens().catch(() => undefined), 8 * 60_000).unref();

let stopTill: () => Promise<void> = async () => undefined;
if (useElectron) {
  // The window's core loads Electron's own build of better-sqlite3 (main/sqlite/sqlite-binding.ts), made
  // once next to Node's; this Node process keeps using node_modules' build.
  const native = await electronSqliteForInstalledElectron(ROOT, realDeps);
  if (!native.ok) {
    console.error(`[${native.code}] ${native.detail}: run "npm run demo -- --browser-only" meanwhile`);
    process.exit(1);
  }
  const { activationCode: code } = await region.admin.newActivationCode(partner.id);
  console.log(
    `\nEnrol the till in its window with: Region ${region.url}, partner ${partner.id}, activation code ${code}`,
  );
  const child = spawn(electronPath, [join(ROOT, 'dist/main/shell.cjs')], {
    stdio: 'inherit',
    env: { ...process.env, ATOUTS_TILL_DATA_DIR: join(DEMO, 'till-electron') },
  });
  child.on('exit', () => void shutdown());
} else {
  // Enrolment and staff are set up once, in process; then the till runs as a partner's does: a host process
  // (main/host/serve-browser.ts) serving the UI and forking the core into a process of its own.
  const dataDir = join(DEMO, 'till');
  const keyFile = join(DEMO, 'host.key');
  const till = createTill({ dataDir, cipher: fileKeyCipher(keyFile), hidBackend: null });
  try {
    must(
      await till.dispatch('till.enroll', {
        regionUrl: region.url,
        partnerId: partner.id,
        activationCode: partner.activationCode,
        deviceName: 'Caisse 1',
        managerName: MANAGER.name,
        managerPin: MANAGER.pin,
      }),
      'enrolment',
    );
    const staff = must(await till.dispatch('staff.list', {}), 'staff') as { id: string }[];
    must(await till.dispatch('staff.login', { staffId: staff[0]!.id, pin: MANAGER.pin }), 'login');
    must(
      await till.dispatch('staff.add', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin }),
      'add cashier',
    );
    must(await till.dispatch('tariff.set', { tariffs: tariffs(partner.accreditations) }), 'tariffs');
    must(await till.dispatch('staff.logout', {}), 'logout');
  } finally {
    till.close();
  }
  const host = spawn(
    process.execPath,
    serveBrowserArgs({
      dataDir,
      keyFile,
      staticDir: join(ROOT, 'dist/renderer'),
      port: values.port,
      hid: process.env.ATOUTS_NO_HID !== '1',
    }),
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((ok, fail) => {
    host.once('exit', (code) => fail(new Error(`the till's host stopped (exit ${code})`)));
    createInterface({ input: host.stdout! }).on('line', (line) => {
      const url = tillUrlOf(line);
      if (url) ok(url);
    });
  });
  host.on('exit', () => void shutdown());
  stopTill = async () => {
    if (host.exitCode !== null) return;
    const exited = new Promise((done) => host.once('exit', done));
    host.kill('SIGTERM');
    await exited;
  };
  console.log(
    `\nTill enrolled for « ${partner.name} » (${partner.accreditations.join(', ')}), tariffs on the keys 1–${tariffs(partner.accreditations).length}.`,
  );
  console.log(`Staff: ${MANAGER.name} PIN ${MANAGER.pin} — ${CASHIER.name} PIN ${CASHIER.pin}`);
  console.log(`\nOpen the till in a browser (Chromium, Firefox…):\n\n  ${url}\n`);
}

const first = tokens[0]!.split('\t');
console.log(
  `Pass of ${first[0]} (valid 10 minutes; fresh ones are rewritten in .demo/tokens.txt and .demo/qr/*.png every 8 minutes):`,
);
console.log(await QRCode.toString(first[1]!, { type: 'terminal', small: true }));
console.log(`To paste instead of scanning:\n${first[1]}\n`);
const lea = facts.beneficiaries[0]!;
// The admin key stays off every command line (ps shows them to any local user): a file of its own, read
// into the environment of the one command that needs it.
const adminKeyFile = join(DEMO, 'region-admin.key');
writeFileSync(adminKeyFile, `${region.adminKey}\n`, { mode: 0o600 });
console.log(`A fresh pass at any time (the Région's admin tool on this demo server):`);
console.log(
  `  REGION_ADMIN_KEY="$(cat .demo/region-admin.key)" npm run -s region -- mint-pass --beneficiary ${lea.id} --url ${region.url}\n`,
);
console.log(
  'Other partners: npm run demo -- --partner theatre|multi|basket|music|flers-agglo. Stop with Ctrl+C.',
);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopTill();
  await region.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
