// @ts-check
// Two rules over eslint/layers.mjs:
// - layers/allowed-imports: every import (static, `export … from`, dynamic `import()`, `require()`,
//   `import type`) is checked against the table: which unit the target belongs to, or which package
//   (with its subpaths: 'electron/main' is 'electron', 'node:fs/promises' is 'fs').
// - layers/no-cycle: no file reaches itself through its relative imports. The graph is read from the
//   tree once per lint run (TypeScript's preProcessFile: imports, re-exports, dynamic imports); the
//   linted file's own edges come from its AST, so a probe or an unsaved edit is judged as written.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import {
  electronPackages,
  mainMayAlsoImport,
  mainOrder,
  regionServerMayAlsoImport,
  regionServerOrder,
  testFile,
  testTooling,
  units,
} from './layers.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodeBuiltins = new Set(builtinModules);
const sourceExtensions = ['.ts', '.tsx', '.mts', '.mjs', '.js'];
const skippedFolders = new Set([
  'node_modules',
  'dist',
  'release',
  'out',
  'coverage',
  '.git',
  'test-results',
]);

/** The unit a file (path relative to the root, '/'-separated) belongs to. @param {string} rel */
export function unitOf(rel) {
  if (testFile.test(rel) || testTooling.test(rel)) return 'test';
  const parts = rel.split('/');
  const [top, second] = parts;
  if (top === 'main') return parts.length > 2 ? `main/${second}` : 'main/?';
  if (top === 'region-server') return parts.length > 2 ? `region-server/${second}` : 'region-server/.';
  if (top === 'preload') return second === 'contract' ? 'preload/contract' : 'preload';
  if (top && ['protocol', 'renderer', 'native', 'scripts', 'build', 'bench'].includes(top)) return top;
  return 'root';
}

const productUnits = [
  ...mainOrder.map((f) => `main/${f}`),
  ...regionServerOrder.map((f) => `region-server/${f}`),
  ...Object.keys(units).filter((u) => !['scripts', 'build', 'bench', 'test', 'root'].includes(u)),
];

/**
 * Whether unit `from` may import unit `to`; else why not.
 * @param {string} from @param {string} to @returns {string | null}
 */
export function unitRefusal(from, to) {
  if (from === to) return null;
  if (to === 'test')
    return from === 'test' || from === 'bench' ? null : `${from} is product code: it never imports test code`;
  for (const [prefix, order, also] of /** @type {const} */ ([
    ['main/', mainOrder, mainMayAlsoImport],
    ['region-server/', regionServerOrder, regionServerMayAlsoImport],
  ])) {
    if (!from.startsWith(prefix)) continue;
    const rank = order.indexOf(from.slice(prefix.length));
    if (rank < 0) return `${from} is not placed in eslint/layers.mjs`;
    if (to.startsWith(prefix)) {
      const target = order.indexOf(to.slice(prefix.length));
      if (target < 0) return `${to} is not placed in eslint/layers.mjs`;
      return target < rank
        ? null
        : `${from} sits below ${to} in eslint/layers.mjs (a folder imports only those before it)`;
    }
    const startsAt = /** @type {Record<string, string>} */ (also)[to];
    if (startsAt === undefined) return `${from} may not import ${to}`;
    return rank >= order.indexOf(startsAt)
      ? null
      : `${to} is reached only from ${prefix}${startsAt} up (eslint/layers.mjs)`;
  }
  const rule = units[from];
  if (!rule) return `${from} is not placed in eslint/layers.mjs`;
  if (rule.units === 'all') return null;
  if (rule.units === 'product')
    return productUnits.includes(to) || to === 'build' || to === 'scripts'
      ? null
      : `${from} may not import ${to}`;
  return rule.units.includes(to) ? null : `${from} may not import ${to}: ${rule.why}`;
}

/** 'electron/main' → 'electron', '@scope/pkg/x' → '@scope/pkg', 'node:fs/promises' → 'node:fs'. @param {string} spec */
function packageOf(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? spec);
}

/**
 * Whether unit `from` may import the package named by `spec`; else why not.
 * @param {string} from @param {string} spec @returns {string | null}
 */
export function packageRefusal(from, spec) {
  const pkg = packageOf(spec);
  const bare = pkg.startsWith('node:') ? pkg.slice(5) : pkg;
  const isNode = pkg.startsWith('node:') || nodeBuiltins.has(bare);
  const isElectron = electronPackages.includes(pkg);
  const rule = units[from];
  const electronAllowed = from === 'main/shell' || rule?.electron === true;
  if (isElectron && !electronAllowed) return `only main/shell/ and preload/ import ${pkg}`;
  if (!rule) return null; // main/ and region-server/ folders: any package but Electron
  if (rule.packages === 'any') return null;
  if (rule.packages === 'any-but-node')
    return isNode ? `${from} is a web page: no Node built-in (${spec})` : null;
  return rule.packages.includes(pkg) || rule.packages.includes(bare)
    ? null
    : `${from} may import only ${rule.packages.join(', ')}: ${rule.why}`;
}

/** @param {string} fromFile absolute @param {string} spec @returns {string | null} absolute target file */
function resolveRelative(fromFile, spec) {
  const base = path.resolve(path.dirname(fromFile), spec);
  const candidates = [
    base,
    ...sourceExtensions.map((e) => base + e),
    ...sourceExtensions.map((e) => path.join(base, `index${e}`)),
  ];
  if (base.endsWith('.js')) candidates.push(base.slice(0, -3) + '.ts');
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** @param {string} file absolute */
const relOf = (file) => path.relative(root, file).split(path.sep).join('/');

/** @type {Map<string, string[]> | null} */
let diskGraph = null;
let graphReadAt = 0;
/** A long-lived linter (an editor's) reads the tree again after this; one CLI run reads it about once. */
const GRAPH_MAX_AGE_MS = 30_000;

/** Every source file's relative imports, read once. @returns {Map<string, string[]>} */
function graph() {
  if (diskGraph && Date.now() - graphReadAt < GRAPH_MAX_AGE_MS) return diskGraph;
  graphReadAt = Date.now();
  diskGraph = new Map();
  /** @param {string} dir */
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (skippedFolders.has(entry.name) || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (sourceExtensions.some((e) => entry.name.endsWith(e)) && !entry.name.endsWith('.d.ts')) {
        const { importedFiles } = ts.preProcessFile(readFileSync(full, 'utf8'), true, true);
        const targets = importedFiles.map((i) => i.fileName).filter((s) => s.startsWith('.'));
        /** @type {Map<string, string[]>} */ (diskGraph).set(
          full,
          targets.map((s) => resolveRelative(full, s)).filter((t) => t !== null),
        );
      }
    }
  };
  walk(root);
  return diskGraph;
}

/** The path from `start` back to `goal`, if there is one. @param {string} start @param {string} goal */
function pathBack(start, goal) {
  const g = graph();
  /** @type {Map<string, string | null>} */
  const cameFrom = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const at = /** @type {string} */ (queue.shift());
    if (at === goal) {
      const chain = [];
      for (let x = /** @type {string | null} */ (at); x !== null; x = cameFrom.get(x) ?? null)
        chain.unshift(relOf(x));
      return chain;
    }
    for (const next of g.get(at) ?? []) {
      if (!cameFrom.has(next)) {
        cameFrom.set(next, at);
        queue.push(next);
      }
    }
  }
  return null;
}

/**
 * Calls `check(node, spec)` for each import-like node with a literal source.
 * @param {(node: import('estree').Node, spec: string) => void} check
 */
function importVisitors(check) {
  /** @param {import('estree').Node} node @param {unknown} source */
  const visit = (node, source) => {
    const s =
      /** @type {{ type?: string, value?: unknown, quasis?: { value: { cooked?: string | null } }[], expressions?: unknown[] } | null} */ (
        source
      );
    if (s?.type === 'Literal' && typeof s.value === 'string') check(node, s.value);
    else if (s?.type === 'TemplateLiteral' && s.expressions?.length === 0 && s.quasis?.[0])
      check(node, s.quasis[0].value.cooked ?? '');
  };
  return {
    /** @param {import('estree').ImportDeclaration} node */
    ImportDeclaration: (node) => visit(node, node.source),
    /** @param {import('estree').ExportNamedDeclaration} node */
    ExportNamedDeclaration: (node) => visit(node, node.source),
    /** @param {import('estree').ExportAllDeclaration} node */
    ExportAllDeclaration: (node) => visit(node, node.source),
    /** @param {import('estree').ImportExpression} node */
    ImportExpression: (node) => visit(node, node.source),
    /** @param {import('estree').CallExpression} node */
    CallExpression: (node) => {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') visit(node, node.arguments[0]);
    },
    /** `import x = require('…')` and `typeof import('…')` in types. @param {any} node */
    TSExternalModuleReference: (node) => visit(node, node.expression),
    /** @param {any} node */
    TSImportType: (node) =>
      visit(node, node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument),
  };
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: { type: 'problem', docs: { description: 'imports follow eslint/layers.mjs' }, schema: [] },
  create(context) {
    const file = context.filename;
    const from = unitOf(relOf(file));
    return importVisitors((node, spec) => {
      let reason;
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        reason = unitRefusal(from, unitOf(relOf(target)));
      } else {
        reason = packageRefusal(from, spec);
      }
      if (reason) context.report({ node, message: `'${spec}': ${reason}.` });
    });
  },
};

/** @type {import('eslint').Rule.RuleModule} */
const noCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'no module reaches itself through its imports' },
    schema: [],
  },
  create(context) {
    const file = path.resolve(context.filename);
    /** @type {{ node: import('estree').Node, spec: string, target: string }[]} */
    const edges = [];
    return {
      ...importVisitors((node, spec) => {
        if (!spec.startsWith('.')) return;
        const base = path.resolve(path.dirname(file), spec);
        const self = [base, ...sourceExtensions.map((e) => base + e)].includes(file);
        const target = self ? file : resolveRelative(file, spec);
        if (target) edges.push({ node, spec, target });
      }),
      'Program:exit'() {
        for (const { node, spec, target } of edges) {
          const chain = target === file ? [relOf(file)] : pathBack(target, file);
          if (chain)
            context.report({
              node,
              message: `'${spec}' closes a cycle: ${[relOf(file), ...chain].join(' → ')}.`,
            });
        }
      },
    };
  },
};

export default {
  meta: { name: 'layers' },
  rules: { 'allowed-imports': allowedImports, 'no-cycle': noCycle },
};
