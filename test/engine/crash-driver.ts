// A till process for the crash test: it opens the real core on a data folder (its outbox resends what a
// previous life left pending), logs in, and makes debits one after another until it is killed. It prints
// `ACK <debitId>` only after the core returned "accepted", i.e. after the answer was committed: those
// are the debits the test holds it to.
//   node --import tsx test/engine/crash-driver.ts --data <dir> --key <file> --admin-url <url> --admin-key <key> --pin <pin>
import { parseArgs } from 'node:util';
import { createTill } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { AdminClient } from '../support/region-server';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    key: { type: 'string' },
    'admin-url': { type: 'string' },
    'admin-key': { type: 'string' },
    pin: { type: 'string' },
  },
});
const need = (name: keyof typeof values): string => {
  const v = values[name];
  if (typeof v !== 'string') throw new Error(`--${name} is required`);
  return v;
};

const till = createTill({
  dataDir: need('data'),
  cipher: fileKeyCipher(need('key')),
  immediateRetryDelaysMs: [10, 20],
  regionTimeoutMs: 2000,
  outbox: { backoff: { baseMs: 10, maxMs: 100 }, idleMs: 50, concurrency: 4 },
});
const admin = new AdminClient(need('admin-url'), need('admin-key'));

async function main(): Promise<void> {
  const staff = await till.dispatch('staff.list', {});
  if (!staff.ok) throw new Error(staff.error.code);
  const manager = (staff.value as { id: string; role: string }[]).find((s) => s.role === 'manager');
  const login = await till.dispatch('staff.login', { staffId: manager?.id, pin: need('pin') });
  if (!login.ok) throw new Error(login.error.code);
  process.stdout.write('READY\n');
  for (let i = 0; ; i += 1) {
    const youth = await admin.createBeneficiary({
      givenName: 'Crash',
      familyName: `Test${process.pid}-${i}`,
      birthDate: '2006-05-05',
    });
    const token = await admin.mintPass({ beneficiaryId: youth.id });
    const scan = await till.dispatch('pass.scan', { text: token, source: 'paste' });
    if (!scan.ok || (scan.value as { kind: string }).kind !== 'pass') continue;
    const scanId = (scan.value as { card: { scanId: string } }).card.scanId;
    const outcome = await till.dispatch('debit.submit', {
      scanId,
      category: 'CINEMA',
      item: 'SEANCE',
      priceCents: 800,
      amountCents: 300 + (i % 7) * 10,
    });
    if (outcome.ok) {
      const o = outcome.value as { debitId: string; status: string };
      process.stdout.write(`${o.status === 'accepted' ? 'ACK' : 'SENT'} ${o.debitId}\n`);
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
