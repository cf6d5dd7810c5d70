// pass.scan: one parser for every input channel. Online, the Region's live record; offline, the token
// verified with the cached keys and its balance snapshot.
import { COUPON_CATEGORIES, WALLETS, type Category, type Wallet } from '../../../protocol/catalogue';
import { decodeToken, verifyToken } from '../../../protocol/pass-token';
import type { ScanOutcome, TillError } from '../../../preload/contract';
import { buildPassCard } from '../../pass/pass-card';
import { TOKEN_SKEW_MS } from '../../debit/rules';
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';
import type { RegionOutcome } from '../../region/client';
import type { RegionLink } from '../../region/region-link';
import type { ScanRegistry } from '../../pass/scan-registry';

/**
 * How long a cashier with a queue waits for the Region to resolve a pass before the till reads the pass with
 * its cached keys and applies the offline policy. Resolving is read-only, so a late answer is simply dropped.
 */
export const SCAN_WAIT_MS = 2500;

async function withinWait<T>(request: Promise<RegionOutcome<T>>, waitMs: number): Promise<RegionOutcome<T>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<RegionOutcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'unknown', detail: `no answer within ${waitMs} ms` }), waitMs);
  });
  try {
    return await Promise.race([request, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Whether the till's clock lies in a token's validity window, with the contract's skew allowance. */
export function tillClockAgrees(nowMs: number, iatSec: number, expSec: number): boolean {
  return nowMs >= iatSec * 1000 - TOKEN_SKEW_MS && nowMs <= expSec * 1000 + TOKEN_SKEW_MS;
}

/** Offline, the cached keys read the pass; a debit starts from the scan kept here. */
export type PassHandlerDeps = Pick<TillContext, 'journal' | 'now' | 'region' | 'observe' | 'tuning'> & {
  readonly link: Pick<RegionLink, 'config' | 'keys'>;
  readonly scans: Pick<ScanRegistry, 'add'>;
};

export async function scanPass(ctx: PassHandlerDeps, text: string): Promise<ScanOutcome> {
  const decoded = decodeToken(text);
  if (!decoded.ok) return { kind: 'refused', code: decoded.code, reason: decoded.reason };
  const accreditations = ctx.link.config()?.partner.accreditations ?? [];
  // A coupon shown at the counter is not unreadable: it is redeemed on the coupons screen, where this partner
  // may take coupons at all (sport and artistic practice only).
  if (decoded.token.kind === 'coupon') {
    return accreditations.some((c) => (COUPON_CATEGORIES as readonly Category[]).includes(c))
      ? { kind: 'coupon' }
      : { kind: 'refused', code: 'NOT_ACCREDITED', reason: 'COUPON_NOT_ACCEPTED_HERE' };
  }
  // The journal knows which tokens already paid (or may have paid) here, offline ones the Region has not heard
  // of yet included: such a token is refused at the scan, before any card opens, not only at Valider.
  if (ctx.journal.debits.isJtiUsed(decoded.token.claims.jti))
    return { kind: 'refused', code: 'TOKEN_USED', reason: 'USED_ON_THIS_TILL' };
  const resolved = ctx.observe(
    await withinWait(ctx.region().resolvePass(text), ctx.tuning.scanWaitMs ?? SCAN_WAIT_MS),
  );
  if (resolved.kind === 'refused') return { kind: 'refused', code: resolved.code as TillError['code'] };
  const nowMs = ctx.now();
  if (resolved.kind === 'ok') {
    const r = resolved.value;
    const balances = Object.fromEntries(WALLETS.map((w) => [w, 0])) as Record<Wallet, number>;
    for (const w of r.wallets) balances[w.wallet] = w.balanceCents;
    const claims = decoded.token.claims;
    // The Region has just found this token valid by its own clock. If ours puts the moment outside the
    // token's window, our clock is off: say so now, rather than let the debit fail for a vaguer reason.
    if (!tillClockAgrees(nowMs, claims.iat, claims.exp)) {
      return {
        kind: 'refused',
        code: 'CLOCK_SKEW',
        reason: nowMs > claims.exp * 1000 ? 'TILL_AHEAD' : 'TILL_BEHIND',
      };
    }
    const scan = ctx.scans.add({
      token: text,
      jti: claims.jti,
      beneficiaryId: r.beneficiary.id,
      season: r.season,
      membership: r.membership,
      balances,
      expMs: claims.exp * 1000,
      iatMs: claims.iat * 1000,
      source: 'online',
    });
    ctx.journal.persons.upsert(r.beneficiary);
    return {
      kind: 'pass',
      card: buildPassCard(
        {
          scanId: scan.scanId,
          beneficiary: r.beneficiary,
          season: r.season,
          membership: r.membership,
          balances,
          expMs: scan.expMs,
          source: 'online',
        },
        accreditations,
        nowMs,
      ),
    };
  }
  // The Region did not answer: the pass can still be read with the cached keys, for the offline policy.
  const keys = ctx.link.keys();
  if (!keys) return { kind: 'refused', code: 'OFFLINE_KEYS_MISSING' };
  const verified = verifyToken(text, keys.keys, Math.floor(nowMs / 1000));
  if (!verified.ok) return { kind: 'refused', code: verified.code, reason: verified.reason };
  if (verified.token.kind !== 'pass')
    return { kind: 'refused', code: 'TOKEN_INVALID', reason: 'COUPON_NOT_PASS' };
  const claims = verified.token.claims;
  const beneficiary = {
    id: claims.sub,
    givenName: claims.givenName,
    familyName: claims.familyName,
    birthDate: claims.birthDate,
  };
  const scan = ctx.scans.add({
    token: text,
    jti: claims.jti,
    beneficiaryId: claims.sub,
    season: claims.season,
    // A token is issued only to a member; offline, the snapshot is all the till knows.
    membership: 'active',
    balances: { ...claims.balances },
    expMs: claims.exp * 1000,
    iatMs: claims.iat * 1000,
    source: 'offline',
  });
  ctx.journal.persons.upsert(beneficiary);
  return {
    kind: 'pass',
    card: buildPassCard(
      {
        scanId: scan.scanId,
        beneficiary,
        season: claims.season,
        membership: 'active',
        balances: scan.balances,
        expMs: scan.expMs,
        source: 'offline',
      },
      accreditations,
      nowMs,
    ),
  };
}

export function passHandlers(ctx: PassHandlerDeps): Pick<Handlers, 'pass.scan'> {
  return { 'pass.scan': (input) => scanPass(ctx, input.text) };
}
