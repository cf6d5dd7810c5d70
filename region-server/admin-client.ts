// A typed client for the reference server's /admin calls (region-api.md, "own extras"), over fetch.
// Used by the `region` command-line tool and by every test through test/support/region-server.ts.
import type { AnchorItem, ArchiveKeyRecord } from '../protocol/anchors';
import type { Category } from '../protocol/catalogue';
import type { LedgerItem } from '../protocol/debits';
import type { WalletBalance } from '../protocol/passes';
import type { OfflinePolicy } from '../protocol/passes';
import type { Jwk } from '../protocol/signing-keys';
import type { z } from 'zod';
import type {
  AdminBeneficiaryBody,
  AdminCouponBody,
  AdminFaultsBody,
  AdminMintPassBody,
  AdminOfferBody,
  AdminOfflineBody,
  AdminParticipantBody,
  AdminPartnerBody,
  AdminPatchPartnerBody,
} from './http/schemas';

/** What a call sends is what the server parses it with (http/schemas.ts): one definition. */
type Body<T extends z.ZodType> = z.input<T>;

export type { Category, LedgerItem, WalletBalance };

export type Faults = Body<typeof AdminFaultsBody>;

export interface DeviceAudit {
  device: { id: string; partnerId: string; name: string; enrolledAt: string };
  partner: {
    id: string;
    name: string;
    siret: string;
    accreditations: Category[];
    status: 'active' | 'suspended';
  };
  archiveKeys: ArchiveKeyRecord[];
  /** Every anchor received, by seq then arrival, refused ones included (with `conflict`). */
  anchors: AnchorItem[];
  conflicts: AnchorItem[];
  restores: AnchorItem[];
}

/** An /admin call that did not answer 2xx. */
export class AdminError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`admin call failed with ${status}: ${JSON.stringify(body)}`);
    this.name = 'AdminError';
  }
}

export class AdminClient {
  constructor(
    readonly url: string,
    readonly adminKey: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: {
        'x-admin-key': this.adminKey,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) throw new AdminError(response.status, parsed);
    return parsed as T;
  }

  createPartner(input: Body<typeof AdminPartnerBody>): Promise<{ id: string; activationCode: string }> {
    return this.call('POST', '/admin/partners', input);
  }
  newActivationCode(partnerId: string): Promise<{ activationCode: string }> {
    return this.call('POST', `/admin/partners/${encodeURIComponent(partnerId)}/activation-codes`);
  }
  patchPartner(partnerId: string, patch: Body<typeof AdminPatchPartnerBody>): Promise<unknown> {
    return this.call('PATCH', `/admin/partners/${encodeURIComponent(partnerId)}`, patch);
  }
  /**
   * A youth's membership of a season, under the regulation's rules (aged 15–25 when joining, or a lycée
   * pupil under 15 eligible to Atouts Livre; joined 1 July–31 May; once per season per person): a broken
   * rule is an AdminError with AGE_NOT_ELIGIBLE, ATOUTS_LIVRE_REQUIRED, JOINING_CLOSED or ALREADY_MEMBER.
   */
  createBeneficiary(
    input: Body<typeof AdminBeneficiaryBody>,
  ): Promise<{ id: string; season: number; joinedAt: string; wallets: WalletBalance[] }> {
    return this.call('POST', '/admin/beneficiaries', input);
  }
  beneficiary(id: string): Promise<{
    id: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    season: number;
    membership: string;
    joinedAt: string | null;
    wallets: WalletBalance[];
  }> {
    return this.call('GET', `/admin/beneficiaries/${encodeURIComponent(id)}`);
  }
  setMembership(id: string, membership: 'active' | 'inactive'): Promise<unknown> {
    return this.call('PATCH', `/admin/beneficiaries/${encodeURIComponent(id)}`, { membership });
  }
  async mintPass(input: Body<typeof AdminMintPassBody>): Promise<string> {
    return (await this.call<{ token: string }>('POST', '/admin/tokens/pass', input)).token;
  }
  createCoupon(input: Body<typeof AdminCouponBody>): Promise<{
    id: string;
    code: string;
    token: string;
  }> {
    return this.call('POST', '/admin/coupons', input);
  }
  cancelCoupon(id: string): Promise<unknown> {
    return this.call('POST', `/admin/coupons/${encodeURIComponent(id)}/cancel`);
  }
  createOffer(input: Body<typeof AdminOfferBody>): Promise<{ id: string }> {
    return this.call('POST', '/admin/offers', input);
  }
  addParticipant(offerId: string, input: Body<typeof AdminParticipantBody>): Promise<unknown> {
    return this.call('POST', `/admin/offers/${encodeURIComponent(offerId)}/participants`, input);
  }
  /** The back office re-dates a recorded debit (a line misfiled into another month); refused in a closed month. */
  redateDebit(
    debitId: string,
    occurredAt: string,
  ): Promise<{ id: string; occurredAt: string; month: string }> {
    return this.call('PATCH', `/admin/debits/${encodeURIComponent(debitId)}`, { occurredAt });
  }
  closeMonth(month: string): Promise<{ month: string; closedAt: string }> {
    return this.call('POST', `/admin/months/${month}/close`);
  }
  payMonth(month: string, paidAt?: string): Promise<{ month: string; paidAt: string; contestUntil: string }> {
    return this.call('POST', `/admin/months/${month}/pay`, paidAt ? { paidAt } : {});
  }
  /** The auditor's view of a till: its partner, archive keys with validity times, anchors, conflicts and restores. */
  device(deviceId: string): Promise<DeviceAudit> {
    return this.call('GET', `/admin/devices/${encodeURIComponent(deviceId)}`);
  }
  async ledger(): Promise<LedgerItem[]> {
    return (await this.call<{ items: LedgerItem[] }>('GET', '/admin/ledger')).items;
  }
  /** Fixes the server's now at an instant (time stands still), or back to the real clock with null. */
  setClock(now: string | Date | null): Promise<{ now: string }> {
    return this.call('PUT', '/admin/clock', { now: now instanceof Date ? now.toISOString() : now });
  }
  /** Replaces every fault setting (unset ones go back to 0). */
  setFaults(faults: Faults): Promise<Required<Faults>> {
    return this.call('PUT', '/admin/faults', faults);
  }
  setOfflinePolicy(policy: Body<typeof AdminOfflineBody>): Promise<OfflinePolicy> {
    return this.call('PUT', '/admin/offline', policy);
  }
  async rotateKey(): Promise<Jwk> {
    return (await this.call<{ key: Jwk }>('POST', '/admin/keys/rotate')).key;
  }
  retireKey(kid: string): Promise<unknown> {
    return this.call('DELETE', `/admin/keys/${encodeURIComponent(kid)}`);
  }
}
