// The till's relationship with the Region: where it is, who this device is, the device token (sealed),
// the cached public keys and offline policy (kept durably so tokens verify while offline), and whether
// the last call got through.
import type { PartnerView } from '../../preload/contract';
import type { Journal, JsonValue } from '../journal/journal';
import type { SecretCipher } from '../secrets/secret-store';
import { RegionClient } from './client';
import type { KeysResponse } from './schemas';

export interface RegionConfig {
  url: string;
  deviceId: string;
  deviceName: string;
  partner: PartnerView;
  /** The device token, sealed by the SecretCipher: never in clear on disk. */
  sealedToken: string;
}

export interface CachedKeys extends KeysResponse {
  fetchedAt: string;
}

const CONFIG_KEY = 'region.config';
const KEYS_KEY = 'region.keys';

/** Settings hold plain JSON data; these records are plain data by construction. */
const asJson = (value: object): JsonValue => value as unknown as JsonValue;

export class RegionLink {
  private client: RegionClient | null = null;
  online = false;
  clockSkewMs: number | null = null;

  constructor(
    private readonly journal: Journal,
    private readonly cipher: SecretCipher,
    private readonly timeoutMs: number,
  ) {}

  config(): RegionConfig | null {
    return this.journal.settings.get<RegionConfig>(CONFIG_KEY) ?? null;
  }

  keys(): CachedKeys | null {
    return this.journal.settings.get<CachedKeys>(KEYS_KEY) ?? null;
  }

  anonymous(url: string): RegionClient {
    return new RegionClient({ baseUrl: url, timeoutMs: this.timeoutMs });
  }

  saveEnrolment(config: Omit<RegionConfig, 'sealedToken'>, token: string): void {
    const sealed: RegionConfig = { ...config, sealedToken: this.cipher.encrypt(token) };
    this.journal.settings.set(CONFIG_KEY, asJson(sealed));
    this.client = null;
  }

  updatePartner(partner: PartnerView): void {
    const config = this.config();
    if (!config) return;
    this.journal.settings.set(CONFIG_KEY, asJson({ ...config, partner }));
  }

  saveKeys(keys: KeysResponse, fetchedAt: string): void {
    this.journal.settings.set(KEYS_KEY, asJson({ ...keys, fetchedAt }));
  }

  /** The authenticated client; null before enrolment. */
  authenticated(): RegionClient | null {
    if (this.client) return this.client;
    const config = this.config();
    if (!config) return null;
    this.client = new RegionClient({
      baseUrl: config.url,
      token: this.cipher.decrypt(config.sealedToken),
      timeoutMs: this.timeoutMs,
    });
    return this.client;
  }
}
