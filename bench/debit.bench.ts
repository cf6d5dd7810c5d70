// debit.e2e_p50_ms / debit.e2e_p95_ms: a debit through the till core's dispatch table (local rules,
// durable journal intent, HTTP to the reference Region server on loopback, durable answer), from the
// call to the outcome. A pass is resolved before each debit, as at the counter, but not timed.
import { join } from 'node:path';
import { createTill } from '../main/core/till';
import { fileKeyCipher } from '../main/secrets/secret-store';
import { startRegionServer, youthWithPass } from '../test/support/region-server';
import { cinemaSeat } from '../test/engine/engine-fixture';
import { enrolAndLogIn, must } from '../test/support/till-calls';
import { makeTempDir } from '../test/support/tmp';
import { percentile, type Bench } from './figure';

const bench: Bench = async ({ quick }) => {
  const rounds = quick ? 40 : 300;
  const region = await startRegionServer();
  const tmp = makeTempDir('bench-debit');
  const till = createTill({ dataDir: join(tmp.dir, 'data'), cipher: fileKeyCipher(join(tmp.dir, 'key')) });
  try {
    await enrolAndLogIn(till, region, {
      partnerName: 'Cinéma Bench',
      deviceName: 'Bench',
      managerName: 'Bench',
      pin: '1234',
    });
    const timings: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const { token } = await youthWithPass(region, {
        givenName: 'Bench',
        familyName: `Youth${i}`,
        birthDate: '2006-01-01',
      });
      const scan = await must<{ kind: string; card: { scanId: string } }>(till, 'pass.scan', {
        text: token,
        source: 'paste',
      });
      const started = performance.now();
      const outcome = await must<{ status: string }>(
        till,
        'debit.submit',
        cinemaSeat(scan.card.scanId, 950, 700),
      );
      timings.push(performance.now() - started);
      if (outcome.status !== 'accepted') throw new Error(`debit ${i} ${outcome.status}`);
    }
    return [
      { name: 'debit.e2e_p50_ms', value: percentile(timings, 50), unit: 'ms' },
      { name: 'debit.e2e_p95_ms', value: percentile(timings, 95), unit: 'ms' },
    ];
  } finally {
    till.close();
    await region.stop();
    tmp.remove();
  }
};

export default bench;
