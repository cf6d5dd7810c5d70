// @ts-check
// The layering of the till is enforced here, not by convention:
// - the renderer is a sandboxed web page: it reaches the till only through the contract (preload/contract),
//   never main/, native/, the Region server or any Node built-in;
// - only the thin Electron shell (main/shell/) and the preload bridge may import 'electron';
// - the till and the reference Region server meet over HTTP only: neither imports the other.
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** @param {string[]} groups @param {string} message */
const forbid = (groups, message) => ({ group: groups, message });

const notElectron = { name: 'electron', message: 'Only main/shell/ and preload/ may import electron.' };
const tillFolders = ['**/main/**', '**/preload/**', '**/renderer/**', '**/native/**'];

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'release/**', 'out/**', 'test/fixtures/**', '**/*.cjs', 'coverage/**'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [notElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer is a web page: no Node built-ins.' }))],
          patterns: [
            forbid(['**/main/**', '**/native/**', '**/region-server/**'], 'The renderer talks to the till only through preload/contract.'),
            forbid(['**/preload/preload*', '**/preload/bridge*'], 'The renderer uses window.till, not the preload bridge itself.'),
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts', 'native/**/*.ts', 'protocol/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [notElectron],
          patterns: [
            forbid(['**/region-server/**'], 'The till meets the Region server over HTTP only.'),
            forbid(['**/renderer/**'], 'The core never imports the UI.'),
          ],
        },
      ],
    },
  },
  {
    files: ['protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [notElectron],
          patterns: [forbid([...tillFolders, '**/region-server/**'], 'protocol/ is the published format: it imports neither side.')],
        },
      ],
    },
  },
  {
    // Files the till depends on are written durably (main/files/durable-write.ts: temp file, fsync,
    // rename, folder fsync): a bare write can leave an empty key file after a power cut.
    files: ['main/**/*.ts', 'native/**/*.ts', 'preload/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.e2e.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value=/^(node:)?fs(.promises)?$/] > ImportSpecifier[imported.name=/^(writeFileSync|writeFile|appendFileSync|appendFile)$/]",
          message: 'Write files the till depends on with writeFileDurably (main/files/durable-write.ts).',
        },
        {
          selector: 'MemberExpression[property.name=/^(writeFileSync|writeFile|appendFileSync|appendFile)$/]',
          message: 'Write files the till depends on with writeFileDurably (main/files/durable-write.ts).',
        },
      ],
    },
  },
  {
    files: ['region-server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [notElectron],
          patterns: [forbid(tillFolders, 'The Region server never imports the till: they meet over HTTP only.')],
        },
      ],
    },
  },
);
