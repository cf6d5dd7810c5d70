// The Region's monthly statements on the wire (region-api.md, "Statements"): what the reference server
// answers and the till reads, defined once for both sides. A statement counts a partner's accepted debits
// whose occurredAt falls in the month (Paris time); `contestUntil` is 30 days after payment.
import { z } from 'zod';
import { DebitView } from './debits';

export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month YYYY-MM');
const instant = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO date-time');

export const Statement = z.object({
  month: Month,
  status: z.enum(['open', 'closed', 'paid']),
  debitCount: z.number().int().min(0),
  totalCents: z.number().int(),
  closedAt: instant.nullable(),
  paidAt: instant.nullable(),
  contestUntil: instant.nullable(),
});
export type Statement = z.infer<typeof Statement>;

/** `GET /v1/statements`. */
export const StatementList = z.array(Statement);

/** `GET /v1/statements/{month}`: the statement and the debits it counts. */
export const StatementDetail = Statement.extend({ lines: z.array(DebitView) });
export type StatementDetail = z.infer<typeof StatementDetail>;
