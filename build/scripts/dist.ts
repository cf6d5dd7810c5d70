// `npm run dist:win|mac|linux`: packages the built app with electron-builder.yml. Run through tsx, so the
// TypeScript hooks in build/hooks load in-process.
// Usage: tsx build/scripts/dist.ts <win|mac|linux> [--dir]
//        tsx build/scripts/dist.ts native   (better-sqlite3 for the installed Electron, to run `electron .`)
import { build, Platform } from 'electron-builder';
import { existsSync } from 'node:fs';
import { BUILT_APP_FILES, electronSqliteForInstalledElectron, realDeps } from '../hooks/pack-hooks';

const PLATFORMS = { win: Platform.WINDOWS, mac: Platform.MAC, linux: Platform.LINUX } as const;
const [which, ...flags] = process.argv.slice(2);

if (which === 'native') {
  // The Electron build sits next to the Node one (dist/native/electron-<abi>-<platform>-<arch>/), so npm test
  // keeps working after it; see main/sqlite/sqlite-binding.ts.
  const result = await electronSqliteForInstalledElectron(process.cwd(), realDeps, true);
  if (!result.ok) console.error(`[${result.code}] ${result.detail}`);
  process.exit(result.ok ? 0 : 1);
}
if (which !== 'win' && which !== 'mac' && which !== 'linux') {
  console.error('usage: tsx build/scripts/dist.ts <win|mac|linux> [--dir] | native');
  process.exit(2);
}
const missing = BUILT_APP_FILES.filter((f) => !existsSync(f));
if (missing.length > 0) {
  console.error(`missing ${missing.join(', ')}: run "npm run build" first`);
  process.exit(1);
}
// The update feed written into the installer is only a default: the till checks its configured feedUrl.
// `.invalid` (RFC 2606) can never resolve, so an unset URL cannot point tills at a stranger's server.
process.env['ATOUTS_UPDATE_URL'] ??= 'https://updates.atouts-caisse.invalid/';

const target = PLATFORMS[which];
await build({
  config: 'electron-builder.yml',
  targets: flags.includes('--dir') ? target.createTarget('dir') : target.createTarget(),
  publish: 'never',
});
