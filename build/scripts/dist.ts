// `npm run dist:win|mac|linux`: packages the built app with electron-builder.yml. Run through tsx, so the
// TypeScript hooks in build/hooks load in-process.
// Usage: tsx build/scripts/dist.ts <win|mac|linux> [--dir]
//        tsx build/scripts/dist.ts restore   (gives Node its better-sqlite3 back after an interrupted run)
import { build, Platform } from 'electron-builder';
import { existsSync } from 'node:fs';
import { BUILT_APP_FILES, restoreNodeBuild } from '../hooks/pack-hooks';

const PLATFORMS = { win: Platform.WINDOWS, mac: Platform.MAC, linux: Platform.LINUX } as const;
const [which, ...flags] = process.argv.slice(2);

if (which === 'restore') {
  console.log(restoreNodeBuild(process.cwd()) ? 'restored the Node build of better-sqlite3' : 'nothing to restore');
  process.exit(0);
}
if (which !== 'win' && which !== 'mac' && which !== 'linux') {
  console.error('usage: tsx build/scripts/dist.ts <win|mac|linux> [--dir]');
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

// An interrupted build must not leave developers with an Electron-only better-sqlite3.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    restoreNodeBuild(process.cwd());
    process.exit(130);
  });
}

const target = PLATFORMS[which];
try {
  await build({
    config: 'electron-builder.yml',
    targets: flags.includes('--dir') ? target.createTarget('dir') : target.createTarget(),
    publish: 'never',
  });
} finally {
  restoreNodeBuild(process.cwd());
}
