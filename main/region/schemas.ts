// What the till accepts from the Region server: every answer is validated here, at the trust boundary,
// before the core uses it. Unknown extra fields are allowed (the contract may grow). The shapes the
// reference server shares with the till are in protocol/ (debits.ts, statements.ts, anchors.ts).
import { z } from 'zod';
import { CATEGORIES, WALLETS } from '../../protocol/catalogue';
import { PublicJwk } from '../../protocol/signing-keys';

const category = z.enum(CATEGORIES);

export const partnerSchema = z.object({
  id: z.string(),
  name: z.string(),
  siret: z.string(),
  accreditations: z.array(category),
  status: z.enum(['active', 'suspended']),
});
export type RegionPartner = z.infer<typeof partnerSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  token: z.string().min(16),
  partner: partnerSchema,
});

export const offlinePolicySchema = z.object({
  enabled: z.boolean(),
  floorLimitCents: z.number().int().min(0),
  maxOfflineHours: z.number().min(0),
});
export type OfflinePolicy = z.infer<typeof offlinePolicySchema>;

export const keysResponseSchema = z.object({
  keys: z.array(PublicJwk),
  offline: offlinePolicySchema,
  season: z.object({ year: z.number().int(), start: z.string(), end: z.string() }),
});
export type KeysResponse = z.infer<typeof keysResponseSchema>;

export const healthSchema = z.object({ status: z.string(), time: z.string() });

export const beneficiarySchema = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
});

export const resolvePassSchema = z.object({
  beneficiary: beneficiarySchema,
  season: z.number().int(),
  membership: z.enum(['active', 'inactive']),
  wallets: z.array(z.object({ wallet: z.enum(WALLETS), balanceCents: z.number().int() })),
  token: z.object({ jti: z.string(), exp: z.union([z.string(), z.number()]) }),
});
export type ResolvedPass = z.infer<typeof resolvePassSchema>;

export const problemSchema = z.object({
  code: z.string(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: z.number().optional(),
});

export const couponSchema = z.object({
  id: z.string(),
  code: z.string(),
  category: z.enum(['SPORT', 'ARTISTIC']),
  amountCents: z.number().int(),
  status: z.enum(['reserved', 'redeemed', 'cancelled', 'expired']),
  beneficiary: z.object({ id: z.string(), givenName: z.string(), familyName: z.string(), birthDate: z.string().optional() }),
  expiresAt: z.string(),
});
export type RegionCoupon = z.infer<typeof couponSchema>;
export const couponListSchema = z.object({ items: z.array(couponSchema) });
export const couponResolveSchema = z.object({ coupon: couponSchema });
export const couponRedeemedSchema = z.object({ couponId: z.string(), debitId: z.string(), status: z.literal('redeemed'), amountCents: z.number().int() });

export const offerSchema = z.object({
  id: z.string(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  places: z.number().int(),
  designation: z.enum(['registration', 'draw', 'invitation']),
});
export const participantSchema = z.object({
  beneficiaryId: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  status: z.enum(['registered', 'winner', 'checked_in', 'cancelled']),
});
export const checkinSchema = z.object({ status: z.literal('checked_in'), participant: participantSchema });
