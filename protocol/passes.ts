// Passes, wallets and the keys that sign them, on the wire (region-api.md, "Device" and "Passes"): what
// the reference server answers and the till reads, defined once for both sides.
import { z } from 'zod';
import { WALLETS } from './catalogue';
import { PublicJwk } from './signing-keys';

/** `POST /v1/passes/resolve`. */
export const ResolvePassBody = z.object({ token: z.string().max(4096) });
export type ResolvePassBody = z.infer<typeof ResolvePassBody>;

export const WalletBalance = z.object({ wallet: z.enum(WALLETS), balanceCents: z.number().int() });
export type WalletBalance = z.infer<typeof WalletBalance>;

/** A youth as a resolved pass or a coupon names them. */
export const Youth = z.object({
  id: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  birthDate: z.string(),
});
export type Youth = z.infer<typeof Youth>;

/** `200` answer to a pass resolution: who, their season and membership, their wallets now. */
export const ResolvedPass = z.object({
  beneficiary: Youth,
  season: z.number().int(),
  membership: z.enum(['active', 'inactive']),
  wallets: z.array(WalletBalance),
  token: z.object({ jti: z.string(), exp: z.union([z.string(), z.number()]) }),
});
export type ResolvedPass = z.infer<typeof ResolvedPass>;

/** The Region's policy for debits a till accepts while it cannot reach it. */
export const OfflinePolicy = z.object({
  enabled: z.boolean(),
  floorLimitCents: z.number().int().min(0),
  maxOfflineHours: z.number().int().min(0),
});
export type OfflinePolicy = z.infer<typeof OfflinePolicy>;

/** `GET /v1/keys`: the pass-signing keys, the offline policy and the season. */
export const KeysAnswer = z.object({
  keys: z.array(PublicJwk),
  offline: OfflinePolicy,
  season: z.object({ year: z.number().int(), start: z.string(), end: z.string() }),
});
export type KeysAnswer = z.infer<typeof KeysAnswer>;
