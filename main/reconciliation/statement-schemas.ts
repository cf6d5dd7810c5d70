// The Region's monthly statements (region-api.md "Statements"), validated at the trust boundary like
// every other answer. Kept beside the reconciliation that reads them; the Region client imports them.
import { z } from 'zod';
import { regionDebitSchema } from '../region/schemas';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const instant = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'an ISO date-time');

export const regionStatementSchema = z.object({
  month,
  status: z.enum(['open', 'closed', 'paid']),
  debitCount: z.number().int().min(0),
  totalCents: z.number().int(),
  closedAt: instant.nullable(),
  paidAt: instant.nullable(),
  contestUntil: instant.nullable(),
});
export type RegionStatement = z.infer<typeof regionStatementSchema>;

export const regionStatementListSchema = z.array(regionStatementSchema);

export const regionStatementDetailSchema = regionStatementSchema.extend({ lines: z.array(regionDebitSchema) });
export type RegionStatementDetail = z.infer<typeof regionStatementDetailSchema>;
