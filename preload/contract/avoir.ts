// Avoirs (§2.4): when an event is cancelled the Region does not re-credit the youth; the organiser offers
// a credit note for a later service of the same kind. An avoir is the partner's own credit, never Atouts
// money: it never enters a wallet, a debit or an Atouts total.
import { z } from 'zod';
import type { Category } from '../../protocol/catalogue';
import { call } from './define';
import { centsSchema, daySchema, uuidSchema } from './schemas';

export interface AvoirView {
  avoirId: string;
  /** Printed on the avoir and typed (or scanned) at redemption: AV-XXXX-XXXX. */
  code: string;
  /** The kind of service it is for: the cancelled debits' category. */
  category: Category;
  amountCents: number;
  remainingCents: number;
  issuedAt: string;
  /** The cancelled event's debits it answers for. */
  debitIds: string[];
  beneficiaryId: string;
  /** The youth's name while the journal keeps it (personal data, outside the chain). */
  name: string | null;
  redemptions: { redemptionId: string; at: string; amountCents: number }[];
}

/** A period's avoirs, shown and printed apart from the Atouts totals. */
export interface AvoirTotals {
  issuedCount: number;
  issuedCents: number;
  redeemedCount: number;
  redeemedCents: number;
}

/** Crockford base32 without I, L, O, U: nothing a cashier can misread. */
export const avoirCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^AV-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);

export const avoirCalls = {
  /** One avoir per youth among the picked debits of the cancelled event (their Atouts parts). */
  'avoir.issue': call<AvoirView[]>()(
    z.object({ debitIds: z.array(uuidSchema).min(1).max(1000) }).strict(),
    'manager',
  ),
  'avoir.get': call<AvoirView>()(z.object({ code: avoirCodeSchema }).strict(), 'cashier'),
  /** Spends all or part of an avoir; AVOIR_EXHAUSTED past what remains. */
  'avoir.redeem': call<AvoirView>()(
    z.object({ code: avoirCodeSchema, amountCents: centsSchema.min(1) }).strict(),
    'cashier',
  ),
  'avoir.list': call<AvoirView[]>()(z.object({}).strict(), 'manager'),
  /** Issues and redemptions of a span of Paris days as CSV (the accountant's separate section, never Atouts). */
  'avoir.export': call<{ name: string; text: string }>()(
    z.object({ fromDay: daySchema, toDay: daySchema }).strict(),
    'manager',
  ),
};
