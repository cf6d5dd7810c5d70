// @ts-check
// The layering of the till is enforced here, not by convention. The table of who may import whom is data,
// in eslint/layers.mjs; eslint/layering-plugin.mjs applies it to every import (static, `export … from`,
// dynamic `import()`, `require()`, `import type`, Electron's subpaths) and refuses module cycles:
// - the renderer is a sandboxed web page: it reaches the till only through the contract (preload/contract),
//   never main/, native/, the Region server or any Node built-in;
// - only the thin Electron shell (main/shell/) and the preload bridge may import 'electron';
// - main/'s folders are ordered (journal < debit < outbox < core < … < shell): no folder imports a later one;
// - the till and the reference Region server meet over HTTP only: neither imports the other;
// - product code never imports test code.
import tseslint from 'typescript-eslint';
import layers from './eslint/layering-plugin.mjs';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'release/**',
      'out/**',
      'test/fixtures/**',
      '**/*.cjs',
      'coverage/**',
      '.cache/**',
    ],
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
    plugins: { layers },
    rules: {
      'layers/allowed-imports': 'error',
      'layers/no-cycle': 'error',
    },
  },
  {
    // protocol/ is the published format: no network, no DOM (its tsconfig has no DOM lib either).
    files: ['protocol/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['fetch', 'XMLHttpRequest', 'WebSocket', 'window', 'document', 'navigator', 'localStorage'].map(
          (name) => ({ name, message: 'protocol/ is a format: no network, no DOM.' }),
        ),
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
          selector:
            'ImportDeclaration[source.value=/^(node:)?fs(.promises)?$/] > ImportSpecifier[imported.name=/^(writeFileSync|writeFile|appendFileSync|appendFile)$/]',
          message: 'Write files the till depends on with writeFileDurably (main/files/durable-write.ts).',
        },
        {
          selector: 'MemberExpression[property.name=/^(writeFileSync|writeFile|appendFileSync|appendFile)$/]',
          message: 'Write files the till depends on with writeFileDurably (main/files/durable-write.ts).',
        },
      ],
    },
  },
);
