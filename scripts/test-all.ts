// `npm test`: every check of the project, in order — lint, typecheck, build, then every vitest suite
// (unit, integration against the real Region server, end-to-end in headless Chromium). Ends with one line
// `N passed, N failed` over all of them, also written to test-results/summary.txt for CI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { findChromium, HOW_TO_GET_CHROMIUM } from '../test/support/chromium';

const chrome = findChromium();
if (!chrome) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
process.env.CHROME_PATH = chrome;

interface Step {
  name: string;
  command: string;
  args: string[];
}

const steps: Step[] = [
  { name: 'lint', command: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  {
    name: 'format (prettier --check)',
    command: 'npx',
    args: ['prettier', '--check', '.', '--log-level', 'warn'],
  },
  { name: 'typecheck (core, no DOM)', command: 'npx', args: ['tsc', '-p', 'tsconfig.json', '--noEmit'] },
  {
    name: 'typecheck (preload, no DOM, no Node)',
    command: 'npx',
    args: ['tsc', '-p', 'tsconfig.preload.json', '--noEmit'],
  },
  { name: 'typecheck (tests)', command: 'npx', args: ['tsc', '-p', 'tsconfig.test.json', '--noEmit'] },
  { name: 'typecheck (renderer)', command: 'npx', args: ['tsc', '-p', 'tsconfig.renderer.json', '--noEmit'] },
  { name: 'build', command: 'node', args: ['scripts/build.mjs'] },
];

mkdirSync('test-results', { recursive: true });
let passed = 0;
let failed = 0;
const failures: string[] = [];

for (const step of steps) {
  console.log(`\n── ${step.name}`);
  const run = spawnSync(step.command, step.args, { stdio: 'inherit' });
  if (run.status === 0) passed += 1;
  else {
    failed += 1;
    failures.push(step.name);
  }
}

console.log('\n── vitest (unit, integration, end-to-end)');
const report = 'test-results/vitest.json';
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    stdio: 'inherit',
    env: process.env,
  },
);
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests?: number;
    numTodoTests?: number;
    testResults: { name: string; status: string; message?: string; assertionResults: unknown[] }[];
  };
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A test file that failed to load has no assertions: count it, or a broken import would pass silently.
  for (const file of json.testResults) {
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      failures.push(`load ${file.name}`);
    }
  }
  if (json.numFailedTests > 0) failures.push(`${json.numFailedTests} vitest test(s)`);
} else {
  failed += 1;
  failures.push(`vitest exited ${vitest.status} without a report`);
}
if (vitest.status !== 0 && failures.length === 0) {
  failed += 1;
  failures.push(`vitest exited ${vitest.status}`);
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync('test-results/summary.txt', `${summary}\n`);
if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${summary}`);
process.exit(failed === 0 ? 0 : 1);
