// A sale on a served till (served-till.ts): a youth the Region server registers now, their pass scanned at
// the counter, a cinema seat part-paid from their wallet. For tests that need a debit on record before
// they look at what the till does with it (a receipt, a wipe, what awaits the Region).
import type { DebitOutcome, ScanOutcome } from '../../preload/contract';
import type { RegionHandle } from './region-server';
import type { ServedTill } from './served-till';

export type Youth = Parameters<RegionHandle['admin']['createBeneficiary']>[0];

/**
 * A 9,50 € cinema seat of which `amountCents` is paid from the youth's wallet: the till's outcome, whatever
 * the Region answered (a test that lets the network lose the answer gets the debit as it stands).
 */
export async function sellSeat(
  region: RegionHandle,
  served: ServedTill,
  youth: Youth,
  amountCents: number,
): Promise<DebitOutcome> {
  const { till, must } = served;
  const { id } = await region.admin.createBeneficiary(youth);
  const scan = must(
    await till.dispatch('pass.scan', {
      text: await region.admin.mintPass({ beneficiaryId: id }),
      source: 'paste',
    }),
  ) as ScanOutcome;
  if (scan.kind !== 'pass') throw new Error(`scan: ${scan.kind}`);
  return must(
    await till.dispatch('debit.submit', {
      scanId: scan.card.scanId,
      category: 'CINEMA',
      item: 'SEANCE',
      priceCents: 950,
      amountCents,
    }),
  ) as DebitOutcome;
}
