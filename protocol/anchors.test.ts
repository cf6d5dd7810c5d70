import { describe, expect, it } from 'vitest';
import { AnchorRequest, archiveKeyValidAt, Ed25519PublicJwk, jwkThumbprint } from './anchors';
import type { ArchiveKeyRecord } from './anchors';

// RFC 8037, appendix A.2 and A.3: the example Ed25519 key and its RFC 7638 thumbprint.
const RFC_KEY = { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' } as const;

describe('archive keys on the wire', () => {
  it('computes the RFC 7638 thumbprint of RFC 8037’s example key', () => {
    expect(jwkThumbprint(RFC_KEY)).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('takes a public key and refuses one that carries its private half', () => {
    expect(Ed25519PublicJwk.safeParse(RFC_KEY).success).toBe(true);
    expect(
      Ed25519PublicJwk.safeParse({ ...RFC_KEY, d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A' }).success,
    ).toBe(false);
    expect(Ed25519PublicJwk.safeParse({ ...RFC_KEY, crv: 'X25519' }).success).toBe(false);
  });

  it('names the key valid at a moment, the bounds as [validFrom, validUntil)', () => {
    const key = (x: string, validFrom: string, validUntil: string | null): ArchiveKeyRecord => ({
      thumbprint: x,
      jwk: { ...RFC_KEY, x: x.padEnd(43, 'A') },
      validFrom,
      validUntil,
    });
    const keys = [
      key('old', '2025-10-01T00:00:00.000Z', '2025-11-05T09:00:00.000Z'),
      key('new', '2025-11-05T09:00:00.000Z', null),
    ];
    expect(archiveKeyValidAt(keys, '2025-09-30T23:59:59.999Z')).toBeNull();
    expect(archiveKeyValidAt(keys, '2025-10-01T00:00:00.000Z')?.thumbprint).toBe('old');
    expect(archiveKeyValidAt(keys, '2025-11-05T08:59:59.999Z')?.thumbprint).toBe('old');
    expect(archiveKeyValidAt(keys, '2025-11-05T09:00:00.000Z')?.thumbprint).toBe('new');
    expect(archiveKeyValidAt(keys, '2030-01-01T00:00:00.000Z')?.thumbprint).toBe('new');
  });
});

describe('anchor requests', () => {
  const base = { id: 'a1', seq: 3, hash: 'a'.repeat(64), at: '2025-10-03T16:00:00.000Z', kind: 'sync' };
  it('carries a closure exactly when it is a closure anchor', () => {
    expect(AnchorRequest.safeParse(base).success).toBe(true);
    const closure = { period: '2025-10', kind: 'month', count: 2, totalCents: 900, grandTotalCents: 1800 };
    expect(AnchorRequest.safeParse({ ...base, kind: 'closure', closure }).success).toBe(true);
    expect(AnchorRequest.safeParse({ ...base, kind: 'closure' }).success).toBe(false);
    expect(AnchorRequest.safeParse({ ...base, closure }).success).toBe(false);
    expect(
      AnchorRequest.safeParse({ ...base, kind: 'closure', closure: { ...closure, period: '2025-10-03' } })
        .success,
    ).toBe(false);
  });

  it('wants a lower-case SHA-256 hex hash and a UTC instant', () => {
    expect(AnchorRequest.safeParse({ ...base, hash: 'A'.repeat(64) }).success).toBe(false);
    expect(AnchorRequest.safeParse({ ...base, hash: 'a'.repeat(63) }).success).toBe(false);
    expect(AnchorRequest.safeParse({ ...base, at: '2025-10-03T18:00:00+02:00' }).success).toBe(false);
  });
});
