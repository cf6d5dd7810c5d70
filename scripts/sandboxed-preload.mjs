// The preload as Electron runs it in a sandboxed renderer (webPreferences.sandbox: true), read from
// electron/electron's source:
// - lib/sandboxed_renderer/init.ts: the only modules its `require` serves are `loadedModules`
//   (electron, electron/common, electron/renderer, events, node:events) and `loadableModules`
//   (timers, node:timers, url, node:url); anything else throws `module not found: <name>`
//   (lib/sandboxed_renderer/preload.ts, preloadRequire). `electron` itself exposes only the renderer
//   modules of lib/sandboxed_renderer/api/module-list.ts (contextBridge, ipcRenderer, webFrame, …).
// - lib/sandboxed_renderer/preload.ts, runPreloadScript: the file's text is compiled as the body of a
//   function whose parameters are ['require', 'process', 'exports', 'module', ...exposeGlobals], and
//   init.ts's exposeGlobals are Buffer, global, setImmediate, clearImmediate. There is no __filename,
//   no __dirname and no import.meta.
// So the preload is bundled on its own: no banner, browser platform (a Node built-in fails to resolve),
// and its text is checked after the build.
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

export const SANDBOXED_PRELOAD_MODULES = Object.freeze([
  'electron',
  'electron/common',
  'electron/renderer',
  'events',
  'node:events',
  'timers',
  'node:timers',
  'url',
  'node:url',
]);

export const SANDBOXED_PRELOAD_PARAMETERS = Object.freeze([
  'require',
  'process',
  'exports',
  'module',
  'Buffer',
  'global',
  'setImmediate',
  'clearImmediate',
]);

const REQUIRE_CALL = /\brequire\s*\(\s*(?:(["'`])([^"'`\\]*)\1\s*\))?/g;
const NOT_IN_A_SANDBOXED_PRELOAD = ['__filename', '__dirname', 'import.meta'];

/**
 * What in a built preload would fail in Electron's sandbox: a require() of a module outside the list,
 * a require() whose argument is not a plain string literal (it could be anything at run time), or a
 * name the preload function does not have. Empty when the bundle is fine.
 * @param {string} code
 * @returns {string[]}
 */
export function sandboxedPreloadProblems(code) {
  const problems = [];
  for (const match of code.matchAll(REQUIRE_CALL)) {
    const name = match[2];
    if (name === undefined) problems.push(`require() with a computed argument at offset ${match.index}`);
    else if (!SANDBOXED_PRELOAD_MODULES.includes(name))
      problems.push(`require('${name}') is not served to a sandboxed preload`);
  }
  for (const name of NOT_IN_A_SANDBOXED_PRELOAD) {
    if (new RegExp(`(?<![\\w$.])${name.replace('.', '\\.')}(?![\\w$])`).test(code))
      problems.push(`${name} does not exist in a sandboxed preload`);
  }
  return problems;
}

/**
 * Bundles the preload and refuses (throws) a bundle Electron's sandbox could not run.
 * @param {{ entry?: string, outfile: string }} options
 */
export async function buildSandboxedPreload({ entry = 'preload/preload.ts', outfile }) {
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    sourcemap: false,
    logLevel: 'warning',
    external: ['electron'],
    metafile: true,
  });
  // esbuild's own list of what the bundle still imports, and the text itself (which also catches a
  // require that esbuild did not see as an import, e.g. one built from a string).
  const externals = Object.values(result.metafile.outputs).flatMap((output) =>
    output.imports.filter((i) => i.external).map((i) => i.path),
  );
  const problems = [
    ...externals
      .filter((name) => !SANDBOXED_PRELOAD_MODULES.includes(name))
      .map((name) => `imports '${name}', not served to a sandboxed preload`),
    ...sandboxedPreloadProblems(readFileSync(outfile, 'utf8')),
  ];
  if (problems.length > 0)
    throw new Error(`${outfile} would not run as a sandboxed Electron preload:\n- ${problems.join('\n- ')}`);
}
