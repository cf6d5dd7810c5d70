// Calls about the till itself: its state and its enrolment with the Region.
import { z } from 'zod';
import type { Category } from '../../protocol/catalogue';
import { call } from './define';
import { emptyInput } from './schemas';

export interface PartnerView {
  id: string;
  name: string;
  siret: string;
  accreditations: Category[];
  status: 'active' | 'suspended';
}

export interface StaffView {
  id: string;
  name: string;
  role: 'cashier' | 'manager';
}

export interface OfflinePolicyView {
  enabled: boolean;
  floorLimitCents: number;
  maxOfflineHours: number;
}

export interface TillStatus {
  enrolled: boolean;
  regionUrl: string | null;
  deviceId: string | null;
  deviceName: string | null;
  partner: PartnerView | null;
  /** Whether the last call to the Region got an answer. */
  online: boolean;
  /** Debits, voids and check-ins the Region has not confirmed yet: what the outbox still has to send. */
  pendingCount: number;
  staff: StaffView | null;
  offlinePolicy: OfflinePolicyView | null;
  /** Measured against GET /v1/health, in ms (positive: the till is ahead). */
  clockSkewMs: number | null;
  /**
   * Whether the sealed device token opens: `unreadable` (its key lost, e.g. by a power cut) means the till
   * cannot talk to the Region as itself and must be enrolled again (`till.reenroll`); its journal stays.
   */
  deviceSecret: 'none' | 'ok' | 'unreadable';
  /** How the device token is protected on this computer. */
  secretProtection: SecretProtectionView;
}

/**
 * Where the key that seals the device token lives: the OS keychain (Electron's safeStorage), or an
 * owner-only key file outside the data folder, and why (browser mode and the CLI have no keychain;
 * on Linux, safeStorage's `basic_text` backend is a hardcoded password, not encryption).
 */
export type SecretProtectionView =
  | { store: 'os-keychain'; backend: string | null }
  | { store: 'owner-only-file'; reason: 'NO_OS_KEYCHAIN' | 'KEYCHAIN_BASIC_TEXT' };

export const tillCalls = {
  'till.status': call<TillStatus>()(emptyInput, 'none'),
  'till.enroll': call<TillStatus>()(
    z
      .object({
        regionUrl: z.url({ protocol: /^https?$/ }).max(200),
        partnerId: z.string().min(1).max(64),
        activationCode: z.string().min(1).max(64),
        deviceName: z.string().min(1).max(64),
        /** The first manager of this till, created with the enrolment. */
        managerName: z.string().trim().min(1).max(60),
        managerPin: z.string().regex(/^\d{4,8}$/),
      })
      .strict(),
    'none',
  ),
  /**
   * A till whose device token cannot be opened enrols again as the same device, with a new activation
   * code from the Region and a manager's PIN of this till; the journal, staff and settings stay.
   */
  'till.reenroll': call<TillStatus>()(
    z
      .object({
        activationCode: z.string().min(1).max(64),
        managerId: z.string().min(1).max(64),
        managerPin: z.string().regex(/^\d{4,8}$/),
      })
      .strict(),
    'none',
  ),
};
