// Security proof: Electronegativity (Doyensec's static checker for Electron apps) over the shell, the
// preload and the renderer: no HIGH or MEDIUM finding at all. It reads source text, so the shell spells
// the isolation flags out where it makes the window (beside secureWindowOptions(), which the table tests
// check); the LOW findings accepted, and why, are listed in ACCEPTED and in docs/proofs.md.
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../main/shell/security-policy';
import { makeTempDir } from '../support/tmp';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin', 'electronegativity');
const ELECTRON_VERSION = (
  JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

interface Finding {
  issue: string;
  severity: string;
  confidence: string;
  file: string;
  location: string;
  sample: string;
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field.trim());
      field = '';
    } else if (c === '\n') {
      row.push(field.trim());
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field || row.length > 0) rows.push([...row, field.trim()]);
  return rows;
}

/** One scan over the folders together, so that its global checks see the handlers wherever they are set. */
function scan(folders: readonly string[]): Finding[] {
  const tmp = makeTempDir('eneg');
  try {
    const app = join(tmp.dir, 'app');
    for (const folder of folders)
      cpSync(join(ROOT, folder), join(app, folder), {
        recursive: true,
        filter: (src) => !/\.test\.tsx?$/.test(src),
      });
    const out = join(tmp.dir, 'findings.csv');
    const run = spawnSync(BIN, ['-i', app, '-o', out, '-e', ELECTRON_VERSION, '-r', '-v', 'false'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    if (run.status !== 0) throw new Error(`electronegativity failed: ${run.stderr}`);
    const [, ...rows] = parseCsv(readFileSync(out, 'utf8'));
    return rows
      .filter((r) => r.length >= 6 && /^[A-Z_]+_CHECK$/.test(r[0] ?? ''))
      .map(([issue = '', severity = '', confidence = '', file = '', location = '', sample = '']) => ({
        issue,
        severity,
        confidence,
        file,
        location,
        sample,
      }));
  } finally {
    tmp.remove();
  }
}

/** Findings accepted, with the reason (kept in step with docs/proofs.md). */
const ACCEPTED: Record<string, string> = {
  CSP_GLOBAL_CHECK:
    "LOW: the shell sends the CSP as a response header (main/security/csp.ts), which the checker cannot parse; the page's copy allows 'wasm-unsafe-eval' for the webcam decoder only",
};

describe(`Electronegativity over main/shell, preload and renderer (Electron ${ELECTRON_VERSION})`, () => {
  const findings = scan(['main/shell', 'main/security', 'preload', 'renderer']);

  it('finds no HIGH or MEDIUM issue', () => {
    expect(findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')).toEqual([]);
  });

  it('finds nothing beyond the accepted, explained list', () => {
    expect(findings.filter((f) => !(f.issue in ACCEPTED))).toEqual([]);
  });

  it('the options behind that window are the isolated ones', () => {
    expect(secureWindowOptions('/app/preload.cjs').webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    // Whitespace removed, so the check reads the code and not its line layout (a formatter may wrap it).
    const shell = readFileSync(join(ROOT, 'main', 'shell', 'shell.ts'), 'utf8').replace(/\s+/g, '');
    expect(shell).toContain(
      'newBrowserWindow({...options,webPreferences:{...options.webPreferences,contextIsolation:true,sandbox:true,nodeIntegration:false',
    );
    expect(shell).toContain("setWindowOpenHandler(()=>({action:'deny'}))");
    expect(shell).toContain('setPermissionRequestHandler');
    expect(shell).toContain("'will-navigate'");
  });
});
