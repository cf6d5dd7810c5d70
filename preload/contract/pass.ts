// Reading a pass: whatever the scanner path, the text goes to one parser in the core.
import { z } from 'zod';
import type { Category, Wallet } from '../../protocol/catalogue';
import type { ErrorCode } from './errors';
import { call } from './define';
import { scanSourceSchema, scanTextSchema } from './schemas';

export interface WalletView {
  wallet: Wallet;
  balanceCents: number;
  /** The categories of this wallet the partner is accredited for (never empty in a card). */
  categories: Category[];
}

export interface PassCard {
  /** Handle for the debit that follows; the token itself stays in the core. */
  scanId: string;
  beneficiary: { id: string; givenName: string; familyName: string; birthDate: string; age: number };
  season: number;
  membership: 'active' | 'inactive';
  /** Only the wallets this partner may debit. */
  wallets: WalletView[];
  tokenExpiresAt: string;
  /** 'offline': balances are the token's snapshot, verified with cached keys. */
  source: 'online' | 'offline';
}

export type ScanOutcome =
  | { kind: 'pass'; card: PassCard }
  /** A prepayment coupon's QR code: the UI opens it on the coupons screen, which resolves it. */
  | { kind: 'coupon' }
  | { kind: 'refused'; code: ErrorCode; reason?: string };

export const passCalls = {
  'pass.scan': call<ScanOutcome>()(
    z.object({ text: scanTextSchema, source: scanSourceSchema }).strict(),
    'cashier',
  ),
};
