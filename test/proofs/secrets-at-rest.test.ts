// Security proof: the device token the Region issues at enrolment is never written in clear. A whole till
// session runs (enrolment, log in, debits, one answer lost and resent by the outbox, a void, a restart),
// then every file of the data folder — journal, WAL, anything else — and every log line the core wrote
// are searched for the token, raw and in the encodings a careless write would use.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher, type SecretCipher } from '../../main/secrets/secret-store';
import { regionForTests } from '../support/region-for-tests';
import { anotherLea, youthWithPass } from '../support/region-server';
import { enrolAndLogIn, logInManager, must, sell } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

const region = regionForTests();
const tmp = makeTempDir('secrets');
const dataDir = join(tmp.dir, 'data');
const sealed: string[] = [];
const logLines: string[] = [];

/** The real cipher, noting what it was asked to seal: that is how the test learns the device token. */
function recordingCipher(): SecretCipher {
  const real = fileKeyCipher(join(tmp.dir, 'key'));
  return {
    encrypt(plain) {
      sealed.push(plain);
      return real.encrypt(plain);
    },
    decrypt: (text) => real.decrypt(text),
  };
}

function open(): Till {
  return createTill({
    dataDir,
    cipher: recordingCipher(),
    log: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
    immediateRetryDelaysMs: [10],
    regionTimeoutMs: 2000,
    outbox: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 50 },
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

afterAll(() => tmp.remove());

describe('the device token at rest', () => {
  it('appears in no file of the data folder and in no log line after a full session', async () => {
    let till = open();
    await enrolAndLogIn(till, region, { partnerName: 'Cinéma Secret', pin: '2468' });
    const debit = async () => {
      const youth = await youthWithPass(region, anotherLea());
      return sell(till, youth.token, { priceCents: 900, amountCents: 500 });
    };
    const first = await debit();
    expect(first.status).toBe('accepted');
    await must(till, 'debit.void', { debitId: first.debitId, reason: 'séance annulée' });
    await region.admin.setFaults({ dropAfterCommitRate: 1 });
    expect((await debit()).status).toBe('pending');
    await region.admin.setFaults({});
    expect(await till.outbox.drain({ timeoutMs: 20_000, maxPauseMs: 50 })).toBe(0);
    till.close();
    till = open();
    await logInManager(till, '2468');
    expect((await debit()).status).toBe('accepted');
    till.close();

    const token = sealed.find((s) => s.length >= 16);
    expect(token, 'the device token went through the cipher').toBeDefined();
    const forms = [
      token!,
      Buffer.from(token!).toString('base64'),
      Buffer.from(token!).toString('base64url'),
      Buffer.from(token!).toString('hex'),
    ];
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('journal.sqlite'))).toBe(true);
    const leaks: string[] = [];
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const form of forms)
        if (bytes.includes(Buffer.from(form)) || bytes.includes(Buffer.from(form, 'utf16le')))
          leaks.push(`${file}: ${form.slice(0, 6)}…`);
    }
    for (const line of [...logLines, region.logs()])
      for (const form of forms) if (line.includes(form)) leaks.push(`log: ${line.slice(0, 80)}`);
    expect(leaks).toEqual([]);
    // The test would see a leak: the token is in the cipher's input, and a sealed copy is on disk.
    expect(logLines.length + files.length).toBeGreaterThan(0);
  });
});
