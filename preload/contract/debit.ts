// Debiting a wallet: the cashier's request, and every outcome it can have.
import { z } from 'zod';
import type { ArtDiscipline, Category, Item } from '../../protocol/catalogue';
import type { ErrorCode } from './errors';
import { call } from './define';
import { categorySchema, centsSchema, disciplineSchema, idSchema, itemSchema } from './schemas';
import { pinSchema } from './staff';
import { VOID_REASONS } from './void-reasons';

/**
 * - accepted: the Region accepted it.
 * - offline_accepted: accepted by the till under the offline policy, to be sent.
 * - refused: a definite refusal (by a local rule or by the Region), with its code.
 * - pending: the outcome is unknown (timeout, 5xx, dropped connection): never "refused"; retried.
 * - voided: reversed.
 */
export type DebitStatus = 'accepted' | 'offline_accepted' | 'refused' | 'pending' | 'voided';

/** Paid: the wallet was debited, by the Region or under the offline policy (a receipt can be printed). */
export const isPaid = (status: DebitStatus): boolean =>
  status === 'accepted' || status === 'offline_accepted';

export interface DebitOutcome {
  debitId: string;
  deviceSeq: number;
  status: DebitStatus;
  code?: ErrorCode;
  category: Category;
  item: Item;
  priceCents: number;
  amountCents: number;
  /** What the youth pays on top: price - amount. */
  remainderCents: number;
  walletBalanceCents: number | null;
  occurredAt: string;
}

export const debitRequestSchema = z
  .object({
    scanId: idSchema,
    category: categorySchema,
    item: itemSchema,
    sessions: z.number().int().min(1).max(1000).optional(),
    discipline: disciplineSchema.optional(),
    priceCents: centsSchema,
    amountCents: centsSchema,
  })
  .strict();
export type DebitRequest = z.infer<typeof debitRequestSchema>;

export const debitCalls = {
  'debit.submit': call<DebitOutcome>()(debitRequestSchema, 'cashier'),
};

export interface Receipt {
  partnerName: string;
  partnerSiret: string;
  deviceName: string;
  deviceSeq: number;
  debitId: string;
  occurredAt: string;
  category: Category;
  item: Item;
  /** A cycle's artistic discipline, printed on the receipt. */
  discipline?: ArtDiscipline;
  priceCents: number;
  amountCents: number;
  remainderCents: number;
  walletBalanceCents: number | null;
  /** "L. M." — initials only: a receipt leaves the counter. */
  holderInitials: string;
  /** The youth's first name (issue 16's receipt names it); never the family name nor the birth date. Null once purged. */
  holderFirstName?: string | null;
  /** Who served: the staff member's name as the staff list has it. */
  cashierName?: string | null;
  status: DebitStatus;
  mode: 'online' | 'offline';
}

/** A manager's PIN typed on a cashier's session, for one action only. */
export const voidOverrideSchema = z.object({ staffId: idSchema, pin: pinSchema }).strict();
export type VoidOverride = z.infer<typeof voidOverrideSchema>;

export const debitMoreCalls = {
  'debit.get': call<DebitOutcome>()(z.object({ debitId: z.uuid() }).strict(), 'cashier'),
  /** A manager gives up on a pending debit: the till sends a void for its UUID until the Region confirms. */
  'debit.abandon': call<DebitOutcome>()(z.object({ debitId: z.uuid() }).strict(), 'manager'),
  /**
   * A manager voids an accepted debit of today, with a reason (the Region's window applies). On a cashier's
   * session a manager authorises this one void by typing their PIN (override); the session stays the cashier's.
   * The role is checked by the core: a cashier's session without an override gets ROLE_REQUIRED.
   * The journal keeps `reasonCode` (OTHER when only a text is given); `reason`, free text, is kept outside
   * the chain with the personal data and purged with it. One of the two is required.
   */
  'debit.void': call<DebitOutcome>()(
    z
      .object({
        debitId: z.uuid(),
        reasonCode: z.enum(VOID_REASONS).optional(),
        reason: z.string().trim().min(3).max(200).optional(),
        override: voidOverrideSchema.optional(),
      })
      .strict()
      .refine((v) => v.reasonCode !== undefined || v.reason !== undefined, {
        message: 'a reason code or a reason',
        path: ['reasonCode'],
      }),
    'cashier',
  ),
  'receipt.get': call<Receipt>()(z.object({ debitId: z.uuid() }).strict(), 'cashier'),
};
