// Everything a request handler needs, made once per server: no module-level state.
import type { Db } from '../db/open-database';
import { KeyStore } from './key-store';
import { Settings } from './settings';

export interface Region {
  db: Db;
  settings: Settings;
  keys: KeyStore;
  /** The server's now in ms (the admin clock, or the real one). */
  now(): number;
  nowIso(): string;
}

export function makeRegion(db: Db): Region {
  const settings = new Settings(db);
  const keys = new KeyStore(db);
  const region: Region = {
    db,
    settings,
    keys,
    now: () => settings.now(),
    nowIso: () => new Date(settings.now()).toISOString(),
  };
  keys.ensureKey(region.nowIso());
  return region;
}
