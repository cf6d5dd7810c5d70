// The logger: what it scrubs, how it rotates, and the proof that a real till driven through enrolment,
// logins (a wrong PIN too), scans of passes with names, debits, a refusal, a coupon code and an internal error
// — every call logged with its input (call-log.ts) — writes no token, device token, PIN, name or birth date
// into any log file. Real Region server over loopback, real SQLite, real files.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTill, type Till } from '../core/till';
import { fileKeyCipher } from '../secrets/secret-store';
import type { DebitOutcome, ExportedFile, ScanOutcome, StaffView, TillStatus } from '../../preload/contract';
import { strFromU8, unzipSync } from 'fflate';
import { startRegionServer, type RegionHandle } from '../../test/support/region-server';
import { makeTempDir } from '../../test/support/tmp';
import { createTillLogger, REDACTED, RotatingFile, scrub, scrubText } from './logger';

describe('scrub', () => {
  it('replaces personal or secret fields whole, at any depth, and token shapes inside any text', () => {
    const out = scrub({
      call: 'staff.login',
      input: { staffId: 'S-1', pin: '246813' },
      nested: {
        holder: { givenName: 'Léa', familyName: 'Martin', birthDate: '2007-03-14' },
        list: [{ managerPin: '1357' }],
      },
      error: new Error(
        'refused ATN1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3DSPTLRT for dev_abcdefghijklmnopqrstuvwxyz012345',
      ),
      detail: 'Authorization: Bearer dev_QWERTYUIOPASDFGHJKLZX',
      coupon: 'code CP-7KQ2-X9MZ refused',
      count: 3,
    }) as Record<string, unknown>;
    expect(out['call']).toBe('staff.login');
    expect(out['count']).toBe(3);
    expect(JSON.stringify(out)).not.toMatch(
      /246813|1357|Léa|Martin|2007-03-14|ATN1:6B|dev_abc|dev_QWE|CP-7KQ2/,
    );
    expect((out['input'] as Record<string, unknown>)['pin']).toBe(REDACTED);
    expect((out['input'] as Record<string, unknown>)['staffId']).toBe('S-1');
    expect(scrubText('paid 7,00 € at 10:12')).toBe('paid 7,00 € at 10:12');
  });
});

describe('RotatingFile', () => {
  it('starts a new file past the size and keeps the given number of old ones', () => {
    const tmp = makeTempDir('log-rotate');
    try {
      const file = new RotatingFile(tmp.dir, 'till-core', 1000, 2);
      for (let i = 0; i < 100; i++) file.write(`${JSON.stringify({ i, pad: 'x'.repeat(80) })}\n`);
      file.close();
      const names = readdirSync(tmp.dir).sort();
      expect(names).toEqual(['till-core.1.log', 'till-core.2.log', 'till-core.log']);
      for (const n of names) expect(statSync(join(tmp.dir, n)).size).toBeLessThanOrEqual(1000);
      expect(statSync(join(tmp.dir, 'till-core.log')).mode & 0o777).toBe(0o600);
      // The newest line is in the current file.
      expect(readFileSync(join(tmp.dir, 'till-core.log'), 'utf8')).toContain('"i":99');
    } finally {
      tmp.remove();
    }
  });
});

describe('a real till logging every call', () => {
  let region: RegionHandle;
  let till: Till;
  const tmp = makeTempDir('log-till');
  const logsDir = join(tmp.dir, 'logs');
  const secrets: string[] = [];
  let deviceToken: string | null = null;
  let diagnostic: ExportedFile;

  beforeAll(async () => {
    region = await startRegionServer();
    const logger = createTillLogger({ dir: logsDir, processName: 'core' });
    till = createTill({
      dataDir: join(tmp.dir, 'data'),
      cipher: fileKeyCipher(join(tmp.dir, 'key')),
      log: logger.log,
      logsDir,
      // Reads the device token off the wire, to look for it in the logs afterwards.
      regionFetch: async (input, init) => {
        const auth = (input instanceof Request ? input.headers : new Headers(init?.headers)).get(
          'authorization',
        );
        if (auth?.startsWith('Bearer ')) deviceToken = auth.slice('Bearer '.length);
        return fetch(input, init);
      },
    });
    // The till logs each call itself (main/core/till.ts wraps its dispatch with call-log.ts).
    const dispatch = till.dispatch;
    const must = <T>(r: { ok: true; value: unknown } | { ok: false; error: { code: string } }): T => {
      if (!r.ok) throw new Error(r.error.code);
      return r.value as T;
    };
    const partner = await region.admin.createPartner({
      name: 'Cinéma Ariel',
      siret: '12345678900011',
      accreditations: ['CINEMA'],
    });
    must<TillStatus>(
      await dispatch('till.enroll', {
        regionUrl: region.url,
        partnerId: partner.id,
        activationCode: partner.activationCode,
        deviceName: 'Caisse 1',
        managerName: 'Claire Dubois-Lemaître',
        managerPin: '246813',
      }),
    );
    const [manager] = must<StaffView[]>(await dispatch('staff.list', {}));
    expect((await dispatch('staff.login', { staffId: manager!.id, pin: '975310' })).ok).toBe(false);
    must(await dispatch('staff.login', { staffId: manager!.id, pin: '246813' }));
    must(await dispatch('staff.add', { name: 'Karim Haddad-Benali', role: 'cashier', pin: '8642' }));
    for (const [given, family, birth, amount] of [
      ['Maëlle', 'Kowalczyk', '2008-04-12', 700],
      ['Théo', 'Durand-Séraphin', '2006-11-30', 9000],
    ] as const) {
      const youth = await region.admin.createBeneficiary({
        givenName: given,
        familyName: family,
        birthDate: birth,
      });
      const token = await region.admin.mintPass({ beneficiaryId: youth.id });
      const scan = must<ScanOutcome>(await dispatch('pass.scan', { text: token, source: 'paste' }));
      if (scan.kind !== 'pass') throw new Error(scan.kind);
      const r = await dispatch('debit.submit', {
        scanId: scan.card.scanId,
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: Math.max(950, amount),
        amountCents: amount,
      });
      if (r.ok) expect((r.value as DebitOutcome).status).toBe('accepted');
      // A refused debit (over the balance) logs its code.
      secrets.push(given, family, birth, token);
    }
    // A mistyped scan and coupon carry the raw text too.
    await dispatch('pass.scan', { text: `${secrets[3]!.slice(0, 40)}garbage`, source: 'typed' });
    await dispatch('coupon.lookup', { code: 'CP-7KQ2-X9MZ' });
    // A bug: the internal error is logged, its text scrubbed.
    logger.error('internal error', { call: 'test', error: new Error(`boom near ${secrets[3]}`) });
    secrets.push(
      partner.activationCode,
      '246813',
      '975310',
      '8642',
      'Claire',
      'Dubois-Lemaître',
      'Karim',
      'Haddad-Benali',
      'CP-7KQ2-X9MZ',
    );
    diagnostic = must<ExportedFile>(await dispatch('manage.diagnostic', {}));
    logger.close();
  }, 120_000);

  afterAll(async () => {
    till?.close();
    await region?.stop();
    tmp.remove();
  });

  it('writes lines, one JSON object each, naming every call and its outcome', () => {
    const text = readdirSync(logsDir)
      .map((n) => readFileSync(join(logsDir, n), 'utf8'))
      .join('');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.length).toBeGreaterThan(8);
    expect(lines.filter((l) => l['message'] === 'call').map((l) => l['call'])).toEqual(
      expect.arrayContaining(['till.enroll', 'staff.login', 'pass.scan', 'debit.submit']),
    );
    expect(lines.some((l) => l['call'] === 'staff.login' && l['code'] === 'PIN_INVALID')).toBe(true);
    expect(lines.every((l) => l['process'] === 'core' && typeof l['time'] === 'string')).toBe(true);
  });

  it('holds no token, device token, PIN, name or birth date', () => {
    const text = readdirSync(logsDir)
      .map((n) => readFileSync(join(logsDir, n), 'utf8'))
      .join('');
    expect(deviceToken).toMatch(/^dev_/);
    const hunted = [...secrets, deviceToken!];
    expect(hunted.length).toBeGreaterThan(15);
    for (const secret of hunted)
      expect(text.includes(secret), `the logs hold ${secret.slice(0, 10)}…`).toBe(false);
    // Nor a token's first characters, which a partial scan would show.
    expect(text).not.toContain(secrets[3]!.slice(0, 24));
  });

  it('travels in the diagnostic bundle, which holds none of those either', () => {
    const files = unzipSync(new Uint8Array(Buffer.from(diagnostic.base64, 'base64')));
    expect(Object.keys(files)).toContain('logs/till-core.log');
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    expect(all).toContain('"call":"debit.submit"');
    for (const secret of [...secrets, deviceToken!])
      expect(all.includes(secret), `the diagnostic holds ${secret.slice(0, 10)}…`).toBe(false);
  });
});
