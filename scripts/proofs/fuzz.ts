// `npm run proof:fuzz [-- --runs 100000] [--seed N]`: the security fuzz's long variant — the same test file
// CI runs with 5,000 cases per target, with 100,000 cases per target (and per contract schema and role).
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '100000' }, seed: { type: 'string' } },
});
const env = { ...process.env, FUZZ_RUNS: values.runs, ...(values.seed ? { FUZZ_SEED: values.seed } : {}) };
const started = Date.now();
const run = spawnSync('npx', ['vitest', 'run', 'test/proofs/fuzz.test.ts'], { stdio: 'inherit', env });
console.log(
  `fuzz: ${values.runs} cases per target, ${((Date.now() - started) / 1000).toFixed(0)} s, ${run.status === 0 ? 'no crash, every refusal coded' : 'FAILED'}`,
);
process.exitCode = run.status ?? 1;
