// A receipt printed to a network ESC/POS printer, checked on a loopback fake printer that records the bytes
// and reads them back as a printer would (test/support/fake-printer.ts): the text lines, the code page that
// makes "é" and "€" print, the cut, both paper widths, "HORS LIGNE" for an offline sale, and a printer that
// is not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../preload/contract';
import { readJob, startFakePrinter } from '../../test/support/fake-printer';
import { COLUMNS, escposReceipt } from './escpos-receipt';
import { sendToNetworkPrinter } from './network-printer';
import { TillError } from '../../preload/contract/errors';

const receipt: Receipt = {
  partnerName: 'Cinéma Le Café des Images',
  partnerSiret: '12345678900011',
  deviceName: 'Caisse 1',
  deviceSeq: 42,
  debitId: '0b9d3c8e-4f1a-4e7b-9c2d-5a6b7c8d9e0f',
  occurredAt: '2026-11-27T19:05:00.000Z',
  category: 'CINEMA',
  item: 'SEANCE',
  priceCents: 950,
  amountCents: 700,
  remainderCents: 250,
  walletBalanceCents: 1300,
  holderInitials: 'L. M.',
  status: 'accepted',
  mode: 'online',
};

let printer: Awaited<ReturnType<typeof startFakePrinter>>;
beforeAll(async () => {
  printer = await startFakePrinter();
});
afterAll(() => printer.close());

describe('an 80 mm receipt on a network printer', () => {
  it('arrives whole: the lines, in CP858 (é, €), bold where it matters, then a full cut', async () => {
    await sendToNetworkPrinter(
      { host: printer.host, port: printer.port },
      escposReceipt({ ...receipt, cashierName: 'Karim Haddad' }, 80),
    );
    await expect.poll(() => printer.jobs.length).toBe(1);
    const job = readJob(printer.jobs[0]!.bytes);
    expect(job.initialised).toBe(true);
    expect(job.codepages).toEqual(['cp858']);
    expect(job.cuts).toEqual(['full']);
    const lines = job.lines.filter((l) => l.length > 0);
    expect(lines).toEqual([
      'Cinéma Le Café des Images',
      'SIRET 12345678900011',
      'Atouts Culture & Sport',
      'Caisse : Caisse 1',
      'Caisse tenue par : Karim Haddad',
      'Le 27/11/2026 à 20:05',
      'Paiement n° 42',
      'Réf. 0b9d3c8e-4f1a-4e7b-9c2d-5a6b7c8d9e0f',
      'Bénéficiaire : L. M.',
      'Cinéma - Séance',
      expect.stringMatching(/^Prix {2,}9,50 €$/),
      expect.stringMatching(/^Part Atouts {2,}7,00 €$/),
      expect.stringMatching(/^Reste à payer {2,}2,50 €$/),
      expect.stringMatching(/^Nouveau solde {2,}13,00 €$/),
    ]);
    expect(job.boldLines).toEqual(
      expect.arrayContaining([
        'Cinéma Le Café des Images',
        expect.stringMatching(/^Part Atouts/),
        expect.stringMatching(/^Reste à payer/),
      ]),
    );
    // The cut is the last command, after the last line.
    const bytes = printer.jobs[0]!.bytes;
    expect(bytes.lastIndexOf(Buffer.from([0x1d, 0x56]))).toBeGreaterThan(
      bytes.lastIndexOf(Buffer.from('13,00', 'latin1')),
    );
    // "é" and "€" went as CP858 bytes, not as UTF-8.
    expect(bytes.includes(Buffer.from('é', 'utf8'))).toBe(false);
    expect(bytes.includes(Buffer.from([0xd5]))).toBe(true);
  });

  it('fits 58 mm paper in 32 columns, and says HORS LIGNE for an offline sale', () => {
    const job = readJob(
      Buffer.from(escposReceipt({ ...receipt, mode: 'offline', walletBalanceCents: null }, 58)),
    );
    for (const line of job.lines) expect(line.length).toBeLessThanOrEqual(COLUMNS[58]);
    expect(job.lines).toContain('HORS LIGNE');
    expect(job.lines.some((l) => l.startsWith('Nouveau solde'))).toBe(false);
    expect(job.lines.some((l) => l.startsWith('Caisse tenue par'))).toBe(false);
    expect(job.lines.find((l) => l.startsWith('Reste à payer'))).toMatch(/2,50 €$/);
  });

  it('names the youth by first name (with the initials) and the cashier the receipt carries', () => {
    const job = readJob(
      Buffer.from(escposReceipt({ ...receipt, holderFirstName: 'Léa', cashierName: 'Claire Dubois' }, 80)),
    );
    expect(job.lines).toEqual(
      expect.arrayContaining(['Bénéficiaire : Léa (L. M.)', 'Caisse tenue par : Claire Dubois']),
    );
  });

  it('says PRINTER_UNREACHABLE when nothing listens', async () => {
    const closed = await startFakePrinter();
    const port = closed.port;
    await closed.close();
    const error = await sendToNetworkPrinter(
      { host: '127.0.0.1', port },
      new Uint8Array([0x1b, 0x40]),
      2000,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TillError);
    expect((error as TillError).code).toBe('PRINTER_UNREACHABLE');
  });
});
