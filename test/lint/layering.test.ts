// The layering is enforced by the lint (eslint/layers.mjs), and this proves the lint refuses what it must: it
// lints small files placed (virtually) in each folder with the project's own eslint.config.js.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const layering = 'layers/allowed-imports';

describe('import boundaries', () => {
  it.each([
    [
      'renderer/src/bad.ts',
      "import { createTill } from '../../main/core/till';\nexport const x = createTill;\n",
    ],
    [
      'renderer/src/bad.ts',
      "import { HidScannerService } from '../../native/hid/scanner-service';\nexport const x = HidScannerService;\n",
    ],
    ['renderer/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['main/core/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['native/hid/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/core/bad.ts', "import { x } from '../../region-server/domain/ids';\nexport const y = x;\n"],
    [
      'region-server/domain/bad.ts',
      "import { createTill } from '../../main/core/till';\nexport const y = createTill;\n",
    ],
    ['region-server/domain/bad.ts', "import { app } from 'electron';\nexport const y = app;\n"],
    ['protocol/bad.ts', "import { createTill } from '../main/core/till';\nexport const y = createTill;\n"],
    // The holes a review found (issue 18), each passed the lint before eslint/layers.mjs:
    ['renderer/src/bad.ts', "export async function f() {\n  return import('../../main/core/till');\n}\n"],
    [
      'renderer/src/bad.ts',
      "import { ipcRenderer } from 'electron/renderer';\nexport const x = ipcRenderer;\n",
    ],
    ['main/core/bad.ts', "import { app } from 'electron/main';\nexport const x = app;\n"],
    ['main/core/bad.ts', "import { startShell } from '../shell/shell';\nexport const x = startShell;\n"],
    ['main/shell/bad.ts', "import { App } from '../../renderer/src/App';\nexport const x = App;\n"],
    [
      'main/shell/bad.ts',
      "import { buildApp } from '../../region-server/http/app';\nexport const x = buildApp;\n",
    ],
    [
      'preload/bad.ts',
      "import { openJournal } from '../main/journal/journal';\nexport const x = openJournal;\n",
    ],
    ['main/journal/bad.ts', "import { tempDir } from '../../test/support/tmp';\nexport const x = tempDir;\n"],
    [
      'native/hid/bad.ts',
      "import { createTill } from '../../main/core/till';\nexport const x = createTill;\n",
    ],
    [
      'main/journal/bad.ts',
      "import type { TillContext } from '../core/context';\nexport type X = TillContext;\n",
    ],
    ['protocol/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    // …and the forms an import can take: re-exports, require, a package's subpath, a later folder.
    ['main/journal/bad.ts', "export { createTill } from '../core/till';\n"],
    ['main/journal/bad.ts', "export * from '../core/till';\n"],
    ['main/debit/bad.ts', "import type { Outbox } from '../outbox/outbox';\nexport type X = Outbox;\n"],
    [
      'main/outbox/bad.ts',
      "import type { TillContext } from '../core/context';\nexport type X = TillContext;\n",
    ],
    ['main/region/bad.ts', "import { x } from '../reconciliation/statement-schemas';\nexport const y = x;\n"],
    [
      'main/core/bad.ts',
      "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const x = require('electron');\n",
    ],
    ['protocol/bad.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n"],
    ['protocol/bad.ts', "import axios from 'axios';\nexport const x = axios;\n"],
    ['preload/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['preload/contract/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'scripts/bad.ts',
      "import { startRegionServer } from '../test/support/region-server';\nexport const x = startRegionServer;\n",
    ],
    ['region-server/domain/bad.ts', "import { buildApp } from '../http/app';\nexport const x = buildApp;\n"],
    [
      'main/journal/bad.ts',
      "import { nodeHidBackend } from '../../native/hid';\nexport const x = nodeHidBackend;\n",
    ],
    [
      'main/newfolder/bad.ts',
      "import { openJournal } from '../journal/journal';\nexport const x = openJournal;\n",
    ],
  ])('%s refuses: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain(layering);
  });

  it.each([
    [
      'renderer/src/ok.ts',
      "import type { TillApi } from '../../preload/contract';\nexport type X = TillApi;\n",
    ],
    [
      'renderer/src/ok.ts',
      "import { CATEGORIES } from '../../protocol/catalogue';\nexport const x = CATEGORIES;\n",
    ],
    ['main/shell/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/shell/ok.ts', "import { app } from 'electron/main';\nexport const x = app;\n"],
    ['preload/ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['main/core/ok.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['main/core/ok.ts', "import { openJournal } from '../journal/journal';\nexport const x = openJournal;\n"],
    ['main/outbox/ok.ts', "export { debitOutcome } from '../debit/outcome-view';\n"],
    [
      'main/core/ok.ts',
      "import { nodeHidBackend } from '../../native/hid';\nexport const x = nodeHidBackend;\n",
    ],
    [
      'protocol/ok.ts',
      "import { createHash } from 'node:crypto';\nimport { z } from 'zod';\nexport const x = [createHash, z];\n",
    ],
    [
      'main/journal/ok.test.ts',
      "import { tempDir } from '../../test/support/tmp';\nexport const x = tempDir;\n",
    ],
    [
      'test/support/ok.ts',
      "import { createTill } from '../../main/core/till';\nexport const x = createTill;\n",
    ],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain(layering);
  });

  it('refuses what protocol/ would use of the network or the DOM', async () => {
    expect(
      await ruleIds('protocol/bad.ts', "export const x = () => fetch('https://example.org');\n"),
    ).toContain('no-restricted-globals');
    expect(await ruleIds('protocol/bad.ts', 'export const x = () => window.location.href;\n')).toContain(
      'no-restricted-globals',
    );
  });
});

describe('cycles', () => {
  // A probe replaces a real file's imports with its own: the lint judges the file as written.
  it('refuses a module that reaches itself', async () => {
    const code = "import { openJournal } from './journal';\nexport const x = openJournal;\n";
    expect(await ruleIds('main/journal/chain-hash.ts', code)).toContain('layers/no-cycle');
  });

  it('refuses a file importing itself', async () => {
    expect(await ruleIds('main/journal/self.ts', "export { x } from './self';\n")).toContain(
      'layers/no-cycle',
    );
  });

  it('allows an import that goes one way', async () => {
    expect(
      await ruleIds(
        'main/journal/probe.ts',
        "import { openJournal } from './journal';\nexport const x = openJournal;\n",
      ),
    ).not.toContain('layers/no-cycle');
  });

  it('refuses a folder cycle: every folder of main/ imports only the folders placed before it', async () => {
    // journal → core would close journal → core → journal: the order refuses the upward edge.
    expect(
      await ruleIds(
        'main/journal/bad.ts',
        "import { createTill } from '../core/till';\nexport const x = createTill;\n",
      ),
    ).toContain(layering);
  });
});

describe('durable writes', () => {
  const bare = [
    "import { writeFileSync } from 'node:fs';\nwriteFileSync('/tmp/key', 'k');\n",
    "import { writeFileSync as w } from 'fs';\nw('/tmp/key', 'k');\n",
    "import { writeFile } from 'node:fs/promises';\nawait writeFile('/tmp/key', 'k');\n",
    "import { appendFileSync } from 'node:fs';\nappendFileSync('/tmp/key', 'k');\n",
    "import * as fs from 'node:fs';\nfs.writeFileSync('/tmp/key', 'k');\n",
    "import fs from 'node:fs';\nawait fs.promises.writeFile('/tmp/key', 'k');\n",
  ];
  it.each(
    bare.flatMap((code) =>
      ['main/secrets/bad.ts', 'main/cli/bad.ts', 'native/hid/bad.ts'].map((file) => [file, code]),
    ),
  )('%s refuses a bare write: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-syntax');
  });

  it.each([
    [
      'main/secrets/ok.ts',
      "import { writeFileDurably } from '../files/durable-write';\nwriteFileDurably('/tmp/key', 'k');\n",
    ],
    [
      'main/files/ok.ts',
      "import { openSync, writeSync } from 'node:fs';\nwriteSync(openSync('/tmp/k', 'wx'), 'k');\n",
    ],
    [
      'main/secrets/bad.test.ts',
      "import { writeFileSync } from 'node:fs';\nwriteFileSync('/tmp/key', 'k');\n",
    ],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-syntax');
  });
});
