// What the till accepts from the Region server that only the till reads: every answer is validated at
// the trust boundary, before the core uses it, and unknown extra fields are allowed (the contract may
// grow). The shapes the reference server shares with the till are in protocol/ (partners.ts, passes.ts,
// debits.ts, coupons.ts, offers.ts, statements.ts, anchors.ts), read with the same schemas.
import { z } from 'zod';

export const healthSchema = z.object({ status: z.string(), time: z.string() });

export const problemSchema = z.object({
  code: z.string(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
});
