// The Region's Ed25519 signing keys. The newest key signs; every key not retired stays published
// so that tokens signed before a rotation still verify on tills that cached the keys.
import { generateSigningKey, publicJwk } from '../../protocol/pass-token';
import type { Jwk } from '../../protocol/pass-token';
import type { Db } from '../db/open-database';

interface KeyRow {
  kid: string;
  jwk: string;
}

export class KeyStore {
  private published: Jwk[] = [];
  private signing: Jwk | null = null;

  constructor(private readonly db: Db) {
    this.load();
  }

  private load(): void {
    const rows = this.db
      .prepare('SELECT kid, jwk FROM signing_keys WHERE retired_at IS NULL ORDER BY created_at, rowid')
      .all() as KeyRow[];
    const keys = rows.map((r) => JSON.parse(r.jwk) as Jwk);
    this.signing = keys.at(-1) ?? null;
    this.published = keys.map(publicJwk);
  }

  /** Makes a first key if there is none. */
  ensureKey(nowIso: string): void {
    if (!this.signing) this.rotate(nowIso);
  }

  /** A new signing key; the previous ones stay published. */
  rotate(nowIso: string): Jwk {
    const count = (this.db.prepare('SELECT COUNT(*) AS n FROM signing_keys').get() as { n: number }).n;
    const key = generateSigningKey(`rn-${nowIso.slice(0, 4)}-${count + 1}`);
    this.db
      .prepare('INSERT INTO signing_keys (kid, jwk, created_at) VALUES (?, ?, ?)')
      .run(key.kid, JSON.stringify(key), nowIso);
    this.load();
    return publicJwk(key);
  }

  /** Stops publishing a key: tokens signed with it no longer verify. */
  retire(kid: string, nowIso: string): boolean {
    const info = this.db
      .prepare('UPDATE signing_keys SET retired_at = ? WHERE kid = ? AND retired_at IS NULL')
      .run(nowIso, kid);
    this.load();
    return info.changes > 0;
  }

  publicKeys(): readonly Jwk[] {
    return this.published;
  }

  signingKey(): Jwk {
    if (!this.signing) throw new Error('no signing key: call ensureKey first');
    return this.signing;
  }
}
