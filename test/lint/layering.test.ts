// The layering is enforced by the lint, and this proves the lint refuses what it must: it lints small
// files placed (virtually) in each folder with the project's own eslint.config.js.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('import boundaries', () => {
  it.each([
    ['renderer/src/bad.ts', "import { createTill } from '../../main/core/till';\nexport const x = createTill;\n"],
    ['renderer/src/bad.ts', "import { HidScannerService } from '../../native/hid/scanner-service';\nexport const x = HidScannerService;\n"],
    ['renderer/src/bad.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['renderer/src/bad.ts', "import fs from 'fs';\nexport const x = fs;\n"],
    ['renderer/src/bad.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n"],
    ['main/core/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['native/hid/bad.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['main/core/bad.ts', "import { x } from '../../region-server/domain/ids';\nexport const y = x;\n"],
    ['region-server/domain/bad.ts', "import { createTill } from '../../main/core/till';\nexport const y = createTill;\n"],
    ['region-server/domain/bad.ts', "import { app } from 'electron';\nexport const y = app;\n"],
    ['protocol/bad.ts', "import { createTill } from '../main/core/till';\nexport const y = createTill;\n"],
  ])('%s refuses: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['renderer/src/ok.ts', "import type { TillApi } from '../../preload/contract';\nexport type X = TillApi;\n"],
    ['renderer/src/ok.ts', "import { CATEGORIES } from '../../protocol/catalogue';\nexport const x = CATEGORIES;\n"],
    ['main/shell/ok.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['preload/ok.ts', "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n"],
    ['main/core/ok.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-imports');
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
  it.each(bare.flatMap((code) => ['main/secrets/bad.ts', 'main/cli/bad.ts', 'native/hid/bad.ts'].map((file) => [file, code])))('%s refuses a bare write: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('no-restricted-syntax');
  });

  it.each([
    ['main/secrets/ok.ts', "import { writeFileDurably } from '../files/durable-write';\nwriteFileDurably('/tmp/key', 'k');\n"],
    ['main/files/ok.ts', "import { openSync, writeSync } from 'node:fs';\nwriteSync(openSync('/tmp/k', 'wx'), 'k');\n"],
    ['main/secrets/bad.test.ts', "import { writeFileSync } from 'node:fs';\nwriteFileSync('/tmp/key', 'k');\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await ruleIds(file, code)).not.toContain('no-restricted-syntax');
  });
});
