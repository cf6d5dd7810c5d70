// What an installer would contain, computed the way electron-builder does it (app-builder-lib's
// fileMatcher.ts): the app's files are those the `files` patterns select, in order, plus electron-builder's
// default exclusions; node_modules holds the production dependency closure only, filtered by the
// exclusion ("!") patterns of `files` alone.
import type { Configuration } from 'electron-builder';
import { excludedExts, excludedNames } from 'app-builder-lib/out/fileMatcher';
import { Minimatch } from 'minimatch';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const DEFAULT_EXCLUSIONS = [
  `!**/*.{${excludedExts},pdb}`,
  '!**/._*',
  '!**/electron-builder.{yaml,yml,json,json5,toml,ts}',
  `!**/{${excludedNames}}`,
];

/** The `files` patterns of a loaded configuration: its loader turns the list into one file set ({ filter: [...] }) rooted at the app. */
export function filesPatterns(config: Configuration): string[] {
  const sets = config.files == null ? [] : Array.isArray(config.files) ? config.files : [config.files];
  return sets.flatMap((set) =>
    typeof set === 'string' ? [set] : set.from == null || set.from === '.' ? [set.filter ?? []].flat() : [],
  );
}

/** Applies ordered electron-builder patterns: the last pattern that matches a path decides. */
export function selectByPatterns(paths: readonly string[], patterns: readonly string[]): string[] {
  const matchers = patterns.map((p) => {
    const negated = p.startsWith('!');
    const body = negated ? p.slice(1) : p;
    return {
      negated,
      exact: new Minimatch(body, { dot: true }),
      inside: new Minimatch(`${body}/**/*`, { dot: true }),
    };
  });
  return paths.filter((path) => {
    let included = false;
    for (const m of matchers) {
      if (m.exact.match(path) || m.inside.match(path)) included = !m.negated;
    }
    return included;
  });
}

export function appFiles(candidates: readonly string[], filesPatterns: readonly string[]): string[] {
  const patterns = [...filesPatterns];
  if (!patterns.includes('package.json')) patterns.push('package.json');
  const appOnly = candidates.filter((p) => !p.split('/').includes('node_modules'));
  return selectByPatterns(appOnly, [...patterns, ...DEFAULT_EXCLUSIONS]);
}

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The production dependency closure: package name → its folder, resolved like Node does. */
export function productionClosure(projectDir: string): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (name: string, fromDir: string, optional: boolean) => {
    const dir = resolvePackageDir(name, fromDir);
    if (!dir) {
      if (optional) return;
      throw new Error(`production dependency ${name} is not installed (from ${fromDir})`);
    }
    if ([...found.values()].includes(dir)) return;
    found.set(found.has(name) ? `${name}@${relative(projectDir, dir)}` : name, dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
    for (const dep of Object.keys(manifest.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(manifest.optionalDependencies ?? {})) visit(dep, dir, true);
  };
  const root = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as Manifest;
  for (const dep of Object.keys(root.dependencies ?? {})) visit(dep, projectDir, false);
  for (const dep of Object.keys(root.optionalDependencies ?? {})) visit(dep, projectDir, true);
  return found;
}

function resolvePackageDir(name: string, fromDir: string): string | null {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return null;
  }
}

/** Every file that would ship from node_modules, as paths relative to the project. */
export function nodeModuleFiles(projectDir: string, filesPatterns: readonly string[]): string[] {
  const exclusions = filesPatterns.filter((p) => p.startsWith('!'));
  const all: string[] = [];
  for (const dir of productionClosure(projectDir).values()) {
    for (const file of walk(dir, (name) => name !== 'node_modules'))
      all.push(relative(projectDir, file).split('\\').join('/'));
  }
  return selectByPatterns(all, ['**/*', ...exclusions, ...DEFAULT_EXCLUSIONS]);
}

export function walk(dir: string, enter: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (enter(entry.name)) out.push(...walk(path, enter));
    } else out.push(path);
  }
  return out;
}
