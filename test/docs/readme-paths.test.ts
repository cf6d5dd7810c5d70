// The README names files and folders (the folder table, the debit's path across the processes): a rename
// that leaves the README behind fails here, so "a debit, file by file" stays true.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const TOP = [
  'main',
  'renderer',
  'preload',
  'protocol',
  'native',
  'region-server',
  'test',
  'docs',
  'scripts',
  'bench',
  'build',
  'eslint',
];

/** Every repository path the text names: a known top folder, then segments; a trailing `/` names a folder. */
function namedPaths(text: string): string[] {
  const pattern = new RegExp(`(?<![\\w./-])(?:${TOP.join('|')})/[\\w.@*-]+(?:/[\\w.@*-]+)*/?`, 'g');
  return [...new Set(text.match(pattern) ?? [])]
    .map((p) => p.replace(/[.]$/, ''))
    .filter((p) => !p.includes('*'));
}

describe('README: every file and folder it names exists', () => {
  it('finds the names it should (the parser is not blind)', () => {
    expect(
      namedPaths('see `main/debit/engine.ts`, main/journal/ and test/e2e. Not ../shared/docs/x.md'),
    ).toEqual(['main/debit/engine.ts', 'main/journal/', 'test/e2e']);
    expect(namedPaths(README).length).toBeGreaterThan(40);
  });

  it('names nothing that is gone', () => {
    expect(namedPaths(README).filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it("the debit's path across the processes names files that exist, in the diagram itself", () => {
    const start = README.indexOf('A debit, across the processes');
    const block = README.slice(
      README.indexOf('```', start),
      README.indexOf('```', README.indexOf('```', start) + 3),
    );
    const files = namedPaths(block);
    expect(files).toEqual(expect.arrayContaining(['main/debit/engine.ts', 'main/transport/dispatch.ts']));
    expect(files.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });
});
