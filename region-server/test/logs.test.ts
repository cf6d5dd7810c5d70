import { describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { enrolTill } from './till-client';

const region = regionForTests({ logLevel: 'info', now: '2025-10-03T16:00:00.000Z' });

describe('logs', () => {
  it('are JSON lines with a request id, and carry no token, device token or name', async () => {
    const till = await enrolTill(region, ['CINEMA']);
    const b = await region.admin.createBeneficiary({
      givenName: 'Apolline',
      familyName: 'Vauquelin',
      birthDate: '2008-03-14',
    });
    const pass = await region.admin.mintPass({ beneficiaryId: b.id });
    expect((await till.call('POST', '/v1/passes/resolve', { token: pass })).status).toBe(200);
    expect((await till.debit({ token: pass })).status).toBe(201);
    expect((await till.call('POST', '/v1/passes/resolve', { token: 'ATN1:GARBAGE' })).status).toBe(422);
    // The log is written asynchronously: wait until the debit's line is there, not for a fixed time.
    await expect.poll(() => region.logs().includes('"/v1/debits"'), { timeout: 5_000 }).toBe(true);

    const lines = region
      .logs()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { reqId?: string; req?: { path?: string } });
    const debitLog = lines.find((l) => l.req?.path === '/v1/debits');
    expect(debitLog?.reqId).toMatch(/^[0-9a-f-]{36}$/);
    const text = region.logs();
    for (const secret of [pass, pass.slice(5, 40), till.token, 'Apolline', 'Vauquelin', 'GARBAGE'])
      expect(text).not.toContain(secret);
  });
});
