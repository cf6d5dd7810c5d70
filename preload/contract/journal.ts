// The journal as the partner sees it: debits with filters and totals, any entry with its chain position,
// verification, closures.
import { z } from 'zod';
import type { Category } from '../../protocol/catalogue';
import type { DebitOutcome, DebitStatus } from './debit';
import { call } from './define';
import type { AvoirTotals } from './avoir';
import { categorySchema, daySchema, emptyInput, idSchema, monthSchema } from './schemas';

export { VOID_REASONS, VOID_REASON_CODES, type VoidReason, type VoidReasonCode } from './void-reasons';

export interface JournalDebitRow extends DebitOutcome {
  kind: 'debit' | 'coupon';
  cashierId: string | null;
  mode: 'online' | 'offline';
  /** Whether the Region has confirmed this debit's final state. */
  regionConfirmed: boolean;
  holderName: string | null;
  /** For a void asked for or made: who asked (the session), the manager who authorised it on a cashier's session, why. */
  voidRequest?: { cashierId: string | null; authorisedBy: string | null; reason: string; at: string };
}

export interface JournalListView {
  rows: JournalDebitRow[];
  totals: { category: Category; count: number; amountCents: number }[];
  pendingCount: number;
}

export interface EntryView {
  seq: number;
  kind: string;
  at: string;
  cashierId: string | null;
  payload: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export interface VerifyView {
  ok: boolean;
  count: number;
  brokenSeq?: number;
  problem?: string;
  /**
   * The journal against the heads the Region anchored (null: not enrolled, or the Region did not answer):
   * "conforme à la Région jusqu'à l'écriture n° confirmedUpTo", or the first contradiction.
   */
  region?: {
    ok: boolean;
    confirmedUpTo: number;
    anchors: number;
    findings: { problem: 'TRUNCATED' | 'REWRITTEN' | 'CONFLICT_RECORDED'; seq: number }[];
  } | null;
}

export interface ClosureView {
  seq: number;
  kind: 'DAY_CLOSED' | 'MONTH_CLOSED';
  period: string;
  count: number;
  periodTotalCents: number;
  grandTotalCents: number;
  totals: { category: Category; count: number; amountCents: number }[];
  lastSeq: number;
  lastHash: string;
  at: string;
  /** The period's avoirs: the partner's own credit, a section apart, never in the Atouts totals. */
  avoirs?: AvoirTotals;
  /** Lines recorded after their own period was sealed (a void the next day…), counted in this closure's totals. */
  corrections: { seq: number; period: string; category: Category; count: number; amountCents: number }[];
}

export const journalCalls = {
  'journal.list': call<JournalListView>()(
    z
      .object({
        fromDay: daySchema.optional(),
        toDay: daySchema.optional(),
        category: categorySchema.optional(),
        cashierId: idSchema.optional(),
        status: z
          .enum(['accepted', 'offline_accepted', 'refused', 'pending', 'voided'] satisfies DebitStatus[])
          .optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
    'cashier',
  ),
  'journal.entry': call<EntryView>()(z.object({ seq: z.number().int().min(1) }).strict(), 'cashier'),
  'journal.verify': call<VerifyView>()(emptyInput, 'manager'),
  'closure.closeDay': call<ClosureView>()(z.object({ day: daySchema.optional() }).strict(), 'manager'),
  'closure.closeMonth': call<ClosureView>()(z.object({ month: monthSchema }).strict(), 'manager'),
  'closure.list': call<ClosureView[]>()(emptyInput, 'cashier'),
};
