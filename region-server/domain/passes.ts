// Resolving a scanned pass: who it belongs to and the live balances. Does not consume the token.
import { verifyToken } from '../../protocol/pass-token';
import { getBeneficiary, walletsOf } from './beneficiaries';
import type { ResolvedPass } from '../../protocol/passes';
import { ok, refuse } from './problem';
import type { Outcome } from './problem';
import type { Region } from './region';

export function resolvePass(region: Region, token: string): Outcome<ResolvedPass> {
  const verified = verifyToken(token, region.keys.publicKeys(), Math.floor(region.now() / 1000));
  if (!verified.ok) return refuse(verified.code, verified.reason);
  if (verified.token.kind !== 'pass') return refuse('TOKEN_INVALID', 'a coupon token is not a pass');
  const claims = verified.token.claims;
  if (region.db.prepare('SELECT 1 FROM debits WHERE jti = ?').get(claims.jti))
    return refuse('TOKEN_USED', 'this token already paid a debit');
  const b = getBeneficiary(region, claims.sub);
  if (!b) return refuse('TOKEN_INVALID', 'token for an unknown beneficiary');
  if (b.membership !== 'active') return refuse('MEMBERSHIP_INACTIVE', 'membership not active');
  return ok({
    beneficiary: { id: b.id, givenName: b.givenName, familyName: b.familyName, birthDate: b.birthDate },
    season: b.season,
    membership: b.membership,
    wallets: walletsOf(region, b.id),
    token: { jti: claims.jti, exp: new Date(claims.exp * 1000).toISOString() },
  });
}
