// Request bodies at the trust boundary. Shapes only: business rules (amounts, items, categories)
// are checked by the domain so that each gets its own code rather than a generic 400. The bodies a till
// sends are defined once with the till, in protocol/ (debits.ts, statements.ts, anchors.ts).
import { z } from 'zod';
import { CATEGORIES } from '../../protocol/catalogue';
import { Instant as instant } from '../../protocol/debits';

const text = (max: number) => z.string().min(1).max(max);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const AnchorsQuery = z.object({
  fromSeq: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export { AnchorRequest, ArchiveKeyPut } from '../../protocol/anchors';
export { CouponRedeemBody, DebitBody, VoidBody } from '../../protocol/debits';
export { Month as MonthParam } from '../../protocol/statements';
export { ResolvePassBody } from '../../protocol/passes';
export { EnrollBody } from '../../protocol/partners';
export { CouponResolveBody } from '../../protocol/coupons';
export { CheckinBody } from '../../protocol/offers';

export const DebitsQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const CouponsQuery = z.object({
  status: z.enum(['reserved', 'redeemed', 'cancelled', 'expired']).optional(),
});

// Admin
const category = z.enum(CATEGORIES);
const birthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const AdminPartnerBody = z.object({
  name: text(200),
  siret: z.string().regex(/^\d{14}$/),
  accreditations: z.array(category),
});
export const AdminPatchPartnerBody = z.object({
  accreditations: z.array(category).optional(),
  status: z.enum(['active', 'suspended']).optional(),
});
export const AdminBeneficiaryBody = z.object({
  givenName: text(100),
  familyName: text(100),
  birthDate,
  season: z.number().int().min(2000).max(2100).optional(),
  /** When the youth joined: 1 July N to 31 May N+1 (domain/membership.ts for the default). */
  joinedAt: instant.optional(),
  lyceen: z.boolean().optional(),
  atoutsLivreEligible: z.boolean().optional(),
  membership: z.enum(['active', 'inactive']).optional(),
  wallets: z.object({ SPECTACLE: count, CINEMA: count, PRATIQUE: count, LOCAL: count }).partial().optional(),
});
export const AdminPatchBeneficiaryBody = z.object({ membership: z.enum(['active', 'inactive']) });
export const AdminMintPassBody = z.object({
  beneficiaryId: text(32),
  iat: count.optional(),
  ttlSeconds: z.number().int().min(1).max(600).optional(),
});
export const AdminCouponBody = z.object({
  beneficiaryId: text(32),
  partnerId: text(64),
  category: z.enum(['SPORT', 'ARTISTIC']),
  amountCents: z.number().int(),
  expiresAt: instant.optional(),
});
export const AdminOfferBody = z.object({
  partnerId: text(64),
  title: text(200),
  startsAt: instant,
  endsAt: instant,
  places: z.number().int().min(1).max(100_000),
  designation: z.enum(['registration', 'draw', 'invitation']),
});
export const AdminParticipantBody = z.object({
  beneficiaryId: text(32),
  status: z.enum(['registered', 'winner', 'checked_in', 'cancelled']).default('registered'),
});
export const AdminPayBody = z.object({ paidAt: instant.optional() }).default({});
/** Re-dating a recorded debit (the back office's misfiled line, issue 17). */
export const AdminRedateDebitBody = z.object({ occurredAt: instant });
export const AdminClockBody = z.object({ now: instant.nullable() });
export const AdminFaultsBody = z.object({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  errorRate: z.number().min(0).max(1).optional(),
  dropAfterCommitRate: z.number().min(0).max(1).optional(),
});
export const AdminOfflineBody = z.object({
  enabled: z.boolean().optional(),
  floorLimitCents: count.optional(),
  maxOfflineHours: count.optional(),
});
