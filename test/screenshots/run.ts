// `npm run screenshots`: the README's pictures. The e2e flows that reach each screen take theirs when
// ATOUTS_SCREENSHOTS=1 (see test/support/readme-shots.ts); the counter's states at both till screen sizes come
// from counter-states.ts. Never part of `npm test`, which must leave the tracked files untouched.
import { spawnSync } from 'node:child_process';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../support/chromium';

const chrome = findChromium();
if (!chrome) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
const env = { ...process.env, CHROME_PATH: chrome, ATOUTS_SCREENSHOTS: '1' };
const steps: [string, string[]][] = [
  ['npx', ['vite', 'build', '--logLevel', 'warn']],
  [
    'npx',
    [
      'vitest',
      'run',
      'test/e2e/first-debit.e2e.test.ts',
      'test/e2e/counter-screens.e2e.test.ts',
      'test/e2e/receipt-print.e2e.test.ts',
    ],
  ],
  [process.execPath, ['--import', 'tsx', 'test/screenshots/counter-states.ts']],
];
for (const [command, args] of steps) {
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log('screenshots written to docs/screenshots/');
