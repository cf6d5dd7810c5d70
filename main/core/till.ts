// The till core: one object that owns the journal, the Region link, the staff session and the debit
// engine, and answers every call of the contract. It runs under plain Node (browser mode, tests, CLI)
// and inside Electron's main process alike: nothing here imports electron.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WALLETS, type Wallet } from '../../protocol/catalogue';
import { decodeToken, verifyToken } from '../../protocol/pass-token';
import { TillError, type ScanOutcome, type StaffView, type TillStatus } from '../../preload/contract';
import type { Role } from '../../preload/contract/define';
import { openJournal, type Journal } from '../journal/journal';
import { RegionLink } from '../region/region-link';
import type { RegionOutcome } from '../region/client';
import type { SecretCipher } from '../secrets/secret-store';
import { StaffDirectory } from '../staff/staff-directory';
import { ScanRegistry } from '../pass/scan-registry';
import { buildPassCard } from '../pass/pass-card';
import { DebitEngine } from '../debit/engine';
import { createDispatch, type Dispatch, type Handlers } from '../transport/dispatch';
import { EventBus } from './event-bus';

export interface TillOptions {
  dataDir: string;
  cipher: SecretCipher;
  now?: () => number;
  regionTimeoutMs?: number;
  events?: EventBus;
  log?: (message: string, fields?: Record<string, unknown>) => void;
  /** Pauses between immediate retries of an unknown debit outcome (tests shorten them). */
  immediateRetryDelaysMs?: readonly number[];
}

export interface Till {
  readonly journal: Journal;
  readonly events: EventBus;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  status(): TillStatus;
  close(): void;
}

export const JOURNAL_FILE = 'journal.sqlite';

function refusedCode(outcome: RegionOutcome<unknown>): TillError {
  if (outcome.kind === 'refused') return new TillError(outcome.code as TillError['code'], outcome.detail);
  return new TillError('REGION_UNREACHABLE', outcome.kind === 'unknown' ? outcome.detail : `HTTP ${outcome.status}`);
}

export function createTill(options: TillOptions): Till {
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  mkdirSync(options.dataDir, { recursive: true });
  const journal = openJournal(join(options.dataDir, JOURNAL_FILE), { now: () => new Date(now()) });
  const events = options.events ?? new EventBus();
  const link = new RegionLink(journal, options.cipher, options.regionTimeoutMs ?? 8000);
  const staff = new StaffDirectory(journal.settings);
  const scans = new ScanRegistry(now);
  let session: StaffView | null = null;

  const partner = () => link.config()?.partner ?? null;
  const requireRegion = () => {
    const client = link.authenticated();
    if (!client) throw new TillError('NOT_ENROLLED');
    return client;
  };
  const cashierId = () => session?.id ?? 'system';

  function status(): TillStatus {
    const config = link.config();
    const keys = link.keys();
    return {
      enrolled: config !== null,
      regionUrl: config?.url ?? null,
      deviceId: config?.deviceId ?? null,
      deviceName: config?.deviceName ?? null,
      partner: config?.partner ?? null,
      online: link.online,
      pendingCount: journal.debits.awaitingRegion().length,
      staff: session,
      offlinePolicy: keys?.offline ?? null,
      clockSkewMs: link.clockSkewMs,
    };
  }
  const publishStatus = () => events.emit('status', status());

  /** Note whether the Region answered; an unknown outcome or a retry means it is not reachable now. */
  function observe<T>(outcome: RegionOutcome<T>): RegionOutcome<T> {
    const online = outcome.kind === 'ok' || outcome.kind === 'refused';
    if (online !== link.online) {
      link.online = online;
      publishStatus();
    }
    return outcome;
  }

  async function refreshKeys(): Promise<void> {
    const client = link.authenticated();
    if (!client) return;
    const keys = observe(await client.keys());
    if (keys.kind !== 'ok') return;
    link.saveKeys(keys.value, new Date(now()).toISOString());
    journal.append({
      kind: 'KEYS_REFRESHED',
      cashierId: null,
      payload: { kids: keys.value.keys.map((k) => k.kid), offlineEnabled: keys.value.offline.enabled },
    });
  }

  const engine = new DebitEngine({
    journal,
    scans,
    region: requireRegion,
    accreditations: () => partner()?.accreditations ?? [],
    now,
    ...(options.immediateRetryDelaysMs ? { immediateRetryDelaysMs: options.immediateRetryDelaysMs } : {}),
    onOutcome: (outcome) => {
      events.emit('debit', outcome);
      publishStatus();
    },
  });

  async function scanPass(text: string): Promise<ScanOutcome> {
    const decoded = decodeToken(text);
    if (!decoded.ok) return { kind: 'refused', code: decoded.code, reason: decoded.reason };
    if (decoded.token.kind === 'coupon') {
      return { kind: 'refused', code: 'TOKEN_INVALID', reason: 'COUPON_NOT_PASS' };
    }
    const accreditations = partner()?.accreditations ?? [];
    const resolved = observe(await requireRegion().resolvePass(text));
    if (resolved.kind === 'refused') return { kind: 'refused', code: resolved.code as TillError['code'] };
    const nowMs = now();
    if (resolved.kind === 'ok') {
      const r = resolved.value;
      const balances = Object.fromEntries(WALLETS.map((w) => [w, 0])) as Record<Wallet, number>;
      for (const w of r.wallets) balances[w.wallet] = w.balanceCents;
      const claims = decoded.token.claims;
      const scan = scans.add({
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
      journal.persons.upsert(r.beneficiary);
      return {
        kind: 'pass',
        card: buildPassCard(
          { scanId: scan.scanId, beneficiary: r.beneficiary, season: r.season, membership: r.membership, balances, expMs: scan.expMs, source: 'online' },
          accreditations,
          nowMs,
        ),
      };
    }
    // The Region did not answer: the pass can still be read with the cached keys, for the offline policy.
    const keys = link.keys();
    if (!keys) return { kind: 'refused', code: 'OFFLINE_KEYS_MISSING' };
    const verified = verifyToken(text, keys.keys, Math.floor(nowMs / 1000));
    if (!verified.ok) return { kind: 'refused', code: verified.code, reason: verified.reason };
    if (verified.token.kind !== 'pass') return { kind: 'refused', code: 'TOKEN_INVALID', reason: 'COUPON_NOT_PASS' };
    const claims = verified.token.claims;
    const beneficiary = { id: claims.sub, givenName: claims.givenName, familyName: claims.familyName, birthDate: claims.birthDate };
    const scan = scans.add({
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
    journal.persons.upsert(beneficiary);
    return {
      kind: 'pass',
      card: buildPassCard(
        { scanId: scan.scanId, beneficiary, season: claims.season, membership: 'active', balances: scan.balances, expMs: scan.expMs, source: 'offline' },
        accreditations,
        nowMs,
      ),
    };
  }

  const handlers: Handlers = {
    'till.status': () => status(),
    'till.enroll': async (input) => {
      if (link.config()) throw new TillError('ALREADY_ENROLLED');
      const answer = observe(
        await link.anonymous(input.regionUrl).enroll({
          partnerId: input.partnerId,
          activationCode: input.activationCode,
          deviceName: input.deviceName,
        }),
      );
      if (answer.kind !== 'ok') throw refusedCode(answer);
      const { deviceId, token, partner: p } = answer.value;
      journal.setDeviceId(deviceId);
      link.saveEnrolment({ url: input.regionUrl, deviceId, deviceName: input.deviceName, partner: p }, token);
      const manager = staff.add(input.managerName, 'manager', input.managerPin);
      journal.append({
        kind: 'ENROLLED',
        cashierId: null,
        payload: { deviceId, partnerId: p.id, regionUrl: input.regionUrl, managerId: manager.id },
      });
      await refreshKeys();
      log('enrolled', { deviceId, partnerId: p.id });
      publishStatus();
      return status();
    },
    'staff.list': () => staff.views(),
    'staff.login': (input) => {
      const who = staff.authenticate(input.staffId, input.pin);
      session = who;
      journal.append({ kind: 'LOGIN', cashierId: who.id, payload: { staffId: who.id, role: who.role } });
      publishStatus();
      return who;
    },
    'staff.logout': () => {
      if (session) journal.append({ kind: 'LOGOUT', cashierId: session.id, payload: { staffId: session.id } });
      session = null;
      publishStatus();
      return null;
    },
    'staff.add': (input) => staff.add(input.name, input.role, input.pin),
    'pass.scan': (input) => scanPass(input.text),
    'debit.submit': (input) => engine.submit(input, cashierId()),
  };

  const dispatch = createDispatch(handlers, {
    currentRole: () => session?.role ?? 'none',
    onInternalError: (name, error) => log('internal error', { call: name, error: String(error) }),
  });

  journal.append({ kind: 'STARTUP', cashierId: null, payload: { pid: process.pid } });
  if (link.config()) void refreshKeys().catch(() => undefined);

  return {
    journal,
    events,
    handlers,
    dispatch,
    status,
    close() {
      journal.append({ kind: 'SHUTDOWN', cashierId: null, payload: {} });
      journal.close();
    },
  };
}

