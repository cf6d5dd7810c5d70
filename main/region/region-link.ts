// The till's relationship with the Region: where it is, who this device is, the device token (sealed),
// the cached public keys and offline policy (kept durably so tokens verify while offline), and whether
// the last call got through.
import { TillError, type PartnerView, type SecretProtectionView } from '../../preload/contract';
import type { Journal, JsonValue } from '../journal/journal';
import type { SecretCipher } from '../secrets/secret-store';
import { RegionClient, type RegionFetch } from './client';
import type { KeysAnswer } from '../../protocol/passes';

export interface RegionConfig {
  url: string;
  deviceId: string;
  deviceName: string;
  partner: PartnerView;
  /** The device token, sealed by the SecretCipher: never in clear on disk. */
  sealedToken: string;
}

export interface CachedKeys extends KeysAnswer {
  fetchedAt: string;
}

const CONFIG_KEY = 'region.config';
const KEYS_KEY = 'region.keys';

/** Settings hold plain JSON data; these records are plain data by construction. */
const asJson = (value: object): JsonValue => value as unknown as JsonValue;

export interface RegionLinkOptions {
  /** Electron's net.fetch in the app; Node's http adapter when absent. */
  fetch?: RegionFetch | undefined;
  /** Told (without the secret) why the device token did not open. */
  onSecretUnreadable?: (detail: string) => void;
}

/** Browser mode and the CLI: a key file, no OS keychain. */
const NO_KEYCHAIN: SecretProtectionView = { store: 'owner-only-file', reason: 'NO_OS_KEYCHAIN' };

export class RegionLink {
  private client: RegionClient | null = null;
  /** The opened device token: undefined until tried, null when it cannot be opened. */
  private token: string | null | undefined;
  online = false;
  clockSkewMs: number | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly cipher: SecretCipher,
    private readonly timeoutMs: number,
    private readonly options: RegionLinkOptions = {},
  ) {}

  config(): RegionConfig | null {
    return this.journal.settings.get<RegionConfig>(CONFIG_KEY) ?? null;
  }

  keys(): CachedKeys | null {
    return this.journal.settings.get<CachedKeys>(KEYS_KEY) ?? null;
  }

  get secretProtection(): SecretProtectionView {
    return this.cipher.protection ?? NO_KEYCHAIN;
  }

  /** Throws REGION_URL_INSECURE for an address that is neither https:// nor loopback. */
  anonymous(url: string): RegionClient {
    return new RegionClient({ baseUrl: url, timeoutMs: this.timeoutMs, fetch: this.options.fetch });
  }

  saveEnrolment(config: Omit<RegionConfig, 'sealedToken'>, token: string): void {
    const sealed: RegionConfig = { ...config, sealedToken: this.cipher.encrypt(token) };
    this.journal.settings.set(CONFIG_KEY, asJson(sealed));
    this.client = null;
    this.token = token;
  }

  updatePartner(partner: PartnerView): void {
    const config = this.config();
    if (!config) return;
    this.journal.settings.set(CONFIG_KEY, asJson({ ...config, partner }));
  }

  saveKeys(keys: KeysAnswer, fetchedAt: string): void {
    this.journal.settings.set(KEYS_KEY, asJson({ ...keys, fetchedAt }));
  }

  /**
   * Whether the device token opens. A key file emptied by a power cut, a damaged one, or an OS keychain
   * that changed all make it `unreadable`: a state the till reports and the UI shows, never a crash.
   */
  secretState(): 'none' | 'ok' | 'unreadable' {
    const config = this.config();
    if (!config) return 'none';
    return this.openToken(config) === null ? 'unreadable' : 'ok';
  }

  /** The authenticated client; null before enrolment and while the device token cannot be opened. */
  authenticated(): RegionClient | null {
    if (this.client) return this.client;
    const config = this.config();
    if (!config) return null;
    const token = this.openToken(config);
    if (token === null) return null;
    this.client = new RegionClient({
      baseUrl: config.url,
      token,
      timeoutMs: this.timeoutMs,
      fetch: this.options.fetch,
    });
    return this.client;
  }

  /** The authenticated client, or the coded reason there is none (NOT_ENROLLED, DEVICE_SECRET_UNREADABLE). */
  requireAuthenticated(): RegionClient {
    const client = this.authenticated();
    if (client) return client;
    throw new TillError(this.config() ? 'DEVICE_SECRET_UNREADABLE' : 'NOT_ENROLLED');
  }

  private openToken(config: RegionConfig): string | null {
    if (this.token !== undefined) return this.token;
    try {
      this.token = this.cipher.decrypt(config.sealedToken);
    } catch (error) {
      this.token = null;
      this.options.onSecretUnreadable?.(error instanceof Error ? error.message : String(error));
    }
    return this.token;
  }
}
