// Everything a request handler needs, made once per server: no module-level state.
import { GroupCommit } from '../db/group-commit';
import type { Db } from '../db/open-database';
import { KeyStore } from './key-store';
import { Settings } from './settings';

export interface Region {
  db: Db;
  settings: Settings;
  keys: KeyStore;
  /** Batches the tills' writes into shared commits (see group-commit.ts). */
  commits: GroupCommit;
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
    commits: new GroupCommit(db),
    now: () => settings.now(),
    nowIso: () => new Date(settings.now()).toISOString(),
  };
  keys.ensureKey(region.nowIso());
  return region;
}
