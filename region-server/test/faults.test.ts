import { describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { debitBody, http, tillForTests } from './till-client';

const NOW = '2025-10-03T16:00:00.000Z';
const region = regionForTests({ now: NOW });
const cinema = tillForTests(region, ['CINEMA']);

async function postOrDrop(
  path: string,
  body: unknown,
): Promise<{ dropped: true } | { dropped: false; status: number; text: string }> {
  try {
    const r = await http(region.url, 'POST', path, { token: cinema.token, body });
    return { dropped: false, status: r.status, text: r.text };
  } catch {
    return { dropped: true };
  }
}

describe('fault injection', () => {
  it('drops the connection after commit; a retry of the same id gets the committed answer', async () => {
    const b = await region.admin.createBeneficiary({
      givenName: 'Enzo',
      familyName: 'Mercier',
      birthDate: '2009-10-19',
    });
    const body = debitBody({
      token: await region.admin.mintPass({ beneficiaryId: b.id }),
      occurredAt: NOW,
      amountCents: 600,
      priceCents: 900,
    });
    await region.admin.setFaults({ dropAfterCommitRate: 1 });
    const first = await postOrDrop('/v1/debits', body);
    expect(first.dropped).toBe(true);
    // The write happened although nobody heard the answer.
    expect((await region.admin.ledger()).filter((d) => d.id === body.id)).toHaveLength(1);
    await region.admin.setFaults({});
    const retry = await postOrDrop('/v1/debits', body);
    expect(retry).toMatchObject({ dropped: false, status: 201 });
    const retryAgain = await postOrDrop('/v1/debits', body);
    expect(retryAgain).toEqual(retry);
    expect((await region.admin.ledger()).filter((d) => d.id === body.id)).toHaveLength(1);
    expect(
      (await region.admin.beneficiary(b.id)).wallets.find((w) => w.wallet === 'CINEMA')?.balanceCents,
    ).toBe(1400);
  });

  it('answers 503 with Retry-After and changes nothing at an error rate of 1', async () => {
    const b = await region.admin.createBeneficiary({
      givenName: 'Zoé',
      familyName: "N'Diaye",
      birthDate: '2008-12-24',
    });
    await region.admin.setFaults({ errorRate: 1 });
    const response = await fetch(`${region.url}/v1/debits`, {
      method: 'POST',
      headers: { authorization: `Bearer ${cinema.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(
        debitBody({
          token: await region.admin.mintPass({ beneficiaryId: b.id }),
          occurredAt: NOW,
          amountCents: 600,
          priceCents: 900,
        }),
      ),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('1');
    expect(((await response.json()) as { code: string }).code).toBe('SERVICE_UNAVAILABLE');
    // Admin calls are not subject to faults.
    expect((await region.admin.ledger()).filter((d) => d.beneficiaryId === b.id)).toHaveLength(0);
    await region.admin.setFaults({});
  });

  it('holds /v1/ answers back by the injected latency', async () => {
    await region.admin.setFaults({ latencyMs: 60_000 });
    // With a minute of latency no answer can come within half a second: the request must be cut short.
    const held = fetch(`${region.url}/v1/health`, { signal: AbortSignal.timeout(500) });
    await expect(held).rejects.toThrow();
    await region.admin.setFaults({});
    expect((await http(region.url, 'GET', '/v1/health')).status).toBe(200);
  });
});

describe('durability', () => {
  it('keeps every debit, device and setting across a kill and restart', async () => {
    const b = await region.admin.createBeneficiary({
      givenName: 'Maël',
      familyName: 'Le Gall-Hébert',
      birthDate: '2006-08-08',
    });
    const r = await cinema.debit({ token: await region.admin.mintPass({ beneficiaryId: b.id }) });
    expect(r.status).toBe(201);
    region.kill();
    await region.restart();
    expect((await http(region.url, 'GET', '/v1/health')).json.time).toBe(NOW);
    expect((await cinema.call('GET', '/v1/partner')).status).toBe(200);
    expect((await region.admin.ledger()).find((d) => d.id === r.json.id)).toMatchObject({
      status: 'accepted',
    });
  });
});
