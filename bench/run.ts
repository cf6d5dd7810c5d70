// `npm run bench [-- --quick] [--json <file>] [--only <prefix>]`: runs every bench/*.bench.ts, prints one
// table, and writes {"figures":[{name,value,unit,target?,ok?}]} with --json. Figures are measured side by
// side in one run (ratios against bare baselines where one exists): this machine is shared and noisy.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { meetsTarget, type Bench, type Figure } from './figure';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
    only: { type: 'string' },
  },
});

const dir = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !values.only || f.startsWith(values.only))
  .sort();

const results: (Figure & { ok?: boolean })[] = [];
const failures: string[] = [];
for (const file of files) {
  const started = Date.now();
  process.stderr.write(`bench ${file}…\n`);
  try {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default: Bench };
    const figures = await mod.default({ quick: values.quick });
    for (const f of figures) {
      const ok = meetsTarget(f.value, f.target);
      results.push(ok === undefined ? f : { ...f, ok });
    }
  } catch (error) {
    failures.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.stderr.write(`bench ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

const rows = results.map((f) => [
  f.name,
  f.value.toFixed(f.value >= 100 ? 0 : 3),
  f.unit,
  f.target ?? '',
  f.ok === undefined ? '' : f.ok ? 'ok' : 'MISSED',
]);
const widths = [0, 1, 2, 3, 4].map((i) =>
  Math.max(...[['figure', 'value', 'unit', 'target', ''], ...rows].map((r) => String(r[i]).length)),
);
const line = (r: string[]) =>
  r.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join('  ');
console.log(line(['figure', 'value', 'unit', 'target', '']));
for (const r of rows) console.log(line(r));
for (const f of failures) console.log(`FAILED ${f}`);
if (values.json) writeFileSync(values.json, `${JSON.stringify({ figures: results }, null, 2)}\n`);
process.exit(failures.length === 0 ? 0 : 1);
