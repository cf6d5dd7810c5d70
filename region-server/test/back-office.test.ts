// The back office's re-dating of a recorded debit (PATCH /admin/debits/{id}): the statement follows the
// line into its new month; an unknown debit is 404; a closed month, either side, is never changed.
import { describe, expect, it } from 'vitest';
import { AdminError } from '../../test/support/region-server';
import { regionForTests } from '../../test/support/region-for-tests';
import { anotherBirthDate, enrolTill } from './till-client';

const region = regionForTests({ now: '2026-10-10T10:00:00.000Z' });

describe('PATCH /admin/debits/{id}', () => {
  it('moves a debit into another month, statements and listing following; refuses unknown debits and closed months', async () => {
    const till = await enrolTill(region, ['CINEMA']);
    const youth = await region.admin.createBeneficiary({
      givenName: 'Léo',
      familyName: 'Renaud',
      birthDate: anotherBirthDate(),
    });
    const debit = await till.debit({
      token: await region.admin.mintPass({ beneficiaryId: youth.id }),
      amountCents: 500,
    });
    expect(debit.status).toBe(201);
    const id = String(debit.json.id);
    expect(await region.admin.redateDebit(id, '2026-11-03T10:00:00.000Z')).toEqual({
      id,
      occurredAt: '2026-11-03T10:00:00.000Z',
      month: '2026-11',
    });
    const statements = (await till.call('GET', '/v1/statements')).json as unknown as {
      month: string;
      debitCount: number;
    }[];
    expect(statements.find((s) => s.month === '2026-10')?.debitCount ?? 0).toBe(0);
    expect(statements.find((s) => s.month === '2026-11')?.debitCount).toBe(1);

    await expect(region.admin.redateDebit('no-such-debit', '2026-11-03T10:00:00.000Z')).rejects.toMatchObject(
      { status: 404 },
    );
    await region.admin.setClock('2026-12-10T10:00:00.000Z');
    await region.admin.closeMonth('2026-10');
    const refused = await region.admin.redateDebit(id, '2026-10-20T10:00:00.000Z').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AdminError);
    expect(refused).toMatchObject({ status: 422, body: { code: 'MONTH_CLOSED' } });
  }, 60_000);
});
