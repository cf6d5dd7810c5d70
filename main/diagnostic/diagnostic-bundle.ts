// "Exporter un diagnostic" (issue 16): the one zip a support person asks for. It holds the log files, the
// versions (app, Electron, Chromium, Node, journal schema), the settings without secrets, the journal's
// verification, the pending counts, the last refusals and unknown outcomes from the Region, and the
// scanners. What it must never hold: the device token, PIN hashes, the archive key, names, birth dates or
// pass tokens. So it is built from an allow-list of facts (DiagnosticFacts), never from a dump of the
// settings table, and the log files it carries are the redacted ones (main/logging/).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';

export interface DiagnosticFacts {
  createdAt: string;
  versions: Record<string, string | number | null>;
  status: Record<string, unknown>;
  settings: Record<string, unknown>;
  verify: Record<string, unknown>;
  pending: Record<string, number>;
  regionErrors: { seq: number; kind: string; at: string; code: string | null }[];
  scanners: unknown[];
  staff: { managers: number; cashiers: number; locked: number };
}

/** Log files beyond this are left out (the newest kept): a zip for an e-mail, not an archive. */
const LOG_BYTES_MAX = 20 * 1024 * 1024;

function logFiles(dir: string | null): { name: string; bytes: Uint8Array }[] {
  if (!dir || !existsSync(dir)) return [];
  const files = readdirSync(dir)
    .map((name) => ({ name, path: join(dir, name) }))
    .filter((f) => statSync(f.path).isFile())
    .map((f) => ({ ...f, mtime: statSync(f.path).mtimeMs, size: statSync(f.path).size }))
    .sort((a, b) => b.mtime - a.mtime);
  const out: { name: string; bytes: Uint8Array }[] = [];
  let total = 0;
  for (const f of files) {
    if (total + f.size > LOG_BYTES_MAX) break;
    total += f.size;
    out.push({ name: f.name, bytes: readFileSync(f.path) });
  }
  return out;
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** The zip's bytes. */
export function diagnosticZip(facts: DiagnosticFacts, logsDir: string | null): Uint8Array {
  const files: Record<string, Uint8Array> = {
    'README.txt': strToU8(
      [
        'Atouts Caisse — diagnostic',
        `Créé le ${facts.createdAt}`,
        '',
        'versions.json      versions de la caisse, d’Electron, de Chromium, de Node et du schéma du journal',
        'status.json        état de la caisse (enrôlement, Région joignable, politique hors ligne)',
        'settings.json      réglages (sans secret : ni jeton, ni code PIN, ni clé)',
        'journal-verify.json  vérification de la chaîne du journal',
        'pending.json       ce qui attend la Région',
        'region-errors.json derniers refus et réponses inconnues de la Région',
        'scanners.json      lecteurs connus',
        'logs/              journaux techniques (sans nom, date de naissance, jeton ni code PIN)',
        '',
      ].join('\n'),
    ),
    'versions.json': json(facts.versions),
    'status.json': json(facts.status),
    'settings.json': json({ ...facts.settings, staff: facts.staff }),
    'journal-verify.json': json(facts.verify),
    'pending.json': json(facts.pending),
    'region-errors.json': json(facts.regionErrors),
    'scanners.json': json(facts.scanners),
  };
  for (const log of logFiles(logsDir)) files[`logs/${log.name}`] = log.bytes;
  return zipSync(files, { level: 6, mtime: new Date(facts.createdAt) });
}
