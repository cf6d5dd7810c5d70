// The files a manager takes out of the till for a period (issue 16): the debits CSV, a closure's PDF and
// the signed archive. One function each, called by the contract (main/core/handlers/manage-handlers.ts)
// and by `npm run till -- archive …` (main/cli/archive.ts), so both give the same bytes.
import { createHash } from 'node:crypto';
import { parisDayBounds, parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import type { ExportedFile, ExportPeriod } from '../../preload/contract/manage';
import { buildArchive, parisPeriod, type ArchivePeriod } from '../archive/build-archive';
import type { Journal } from '../journal/journal';
import { closurePdf, type ClosurePdfMeta } from './closure-pdf';
import { debitsCsv } from './debits-csv';
import { avoirTotalsOfPeriod } from './avoir-ledger';
import type { SecretCipher } from '../secrets/secret-store';

export type Progress = (done: number, total: number) => void;

/** Rows between two progress reports (and two turns of the event loop) while a CSV is made. */
const CSV_ROWS_PER_STEP = 2000;

/** A day, a month or a range of Paris days as the instants the journal is queried with. */
export function exportPeriodBounds(period: ExportPeriod): ArchivePeriod {
  if (period.kind !== 'range') return parisPeriod(period.kind === 'day' ? period.day : period.month);
  if (period.to < period.from)
    throw new TillError('INPUT_INVALID', `the range ends (${period.to}) before it starts (${period.from})`);
  return {
    label: `${period.from}_${period.to}`,
    from: new Date(parisDayBounds(period.from).start).toISOString(),
    to: new Date(parisDayBounds(period.to).end).toISOString(),
  };
}

/** The bytes of a file with what the UI needs to save it and the manager to check it. */
export function exportedFile(name: string, mime: string, data: string | Uint8Array): ExportedFile {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return {
    name,
    mime,
    base64: bytes.toString('base64'),
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Every debit whose time falls in the period, whatever its status, in request order. */
export async function exportDebitsCsv(
  journal: Journal,
  period: ArchivePeriod,
  onProgress?: Progress,
): Promise<{ name: string; text: string; count: number }> {
  const debits = journal.debits.list({ fromAt: period.from, toAt: period.to });
  // Built in steps so a month of a busy cinema reports its progress and leaves other calls room.
  let text = '';
  for (let i = 0; i < debits.length || i === 0; i += CSV_ROWS_PER_STEP) {
    const slice = debits.slice(i, i + CSV_ROWS_PER_STEP);
    text += i === 0 ? debitsCsv(slice) : debitsCsv(slice, { header: false });
    onProgress?.(Math.min(i + CSV_ROWS_PER_STEP, debits.length), debits.length);
    if (i + CSV_ROWS_PER_STEP < debits.length) await yieldToLoop();
  }
  return { name: `atouts-debits-${period.label}.csv`, text, count: debits.length };
}

/** The PDF of a day's Z-closure (YYYY-MM-DD) or a month's closure (YYYY-MM); PERIOD_NOT_CLOSED when not made. */
export async function exportClosurePdf(
  journal: Journal,
  period: string,
  meta: ClosurePdfMeta,
): Promise<{ name: string; bytes: Buffer; seq: number }> {
  const kind = /^\d{4}-\d{2}$/.test(period) ? 'month' : 'day';
  if (
    kind === 'month'
      ? !Number.isFinite(parisMonthBounds(period).start)
      : !Number.isFinite(parisDayBounds(period).start)
  )
    throw new TillError('INPUT_INVALID', `not a day or a month: ${period}`);
  const entry = journal.closure(kind, period);
  if (!entry) throw new TillError('PERIOD_NOT_CLOSED', `${period} is not closed in this journal`, { period });
  return {
    name: `atouts-cloture-${period}.pdf`,
    bytes: await closurePdf(entry, { ...meta, avoirs: avoirTotalsOfPeriod(journal, period) }),
    seq: entry.seq,
  };
}

/** The signed archive of a day or a month (recorded in the journal as an EXPORTED entry). */
export function exportArchive(
  journal: Journal,
  period: string,
  now: () => Date,
  cipher: SecretCipher | null,
) {
  const { archive, text } = buildArchive(journal, parisPeriod(period), now, cipher);
  return { name: `atouts-archive-${archive.deviceId}-${period}.json`, text, archive };
}
