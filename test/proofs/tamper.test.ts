// Issue 15 "Proofs to add": the tamper suite. A real till (enrolled with the real reference Region over
// loopback) writes a real journal: debits, a void, a Z-closure of the day once it has ended, later entries,
// and anchors its head at the Region. Each tamper then works on its own copy of the file, with a second
// SQLite connection and the triggers dropped (what anyone holding the file can do), and `till journal
// verify` — the real command — must name the first entry touched. Truncating the tail and re-hashing the
// chain leave a file consistent with itself: those are caught by `journal verify --against-region` (the
// Region's anchors, issue 15 item 2), and the test shows verify alone passes them.
// The table (tamper → detected by → first entry named) is printed and copied into docs/proofs.md.
import type Database from 'better-sqlite3';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { COMMANDS } from '../../main/cli/registry';
import { runCli } from '../../main/cli/dispatch';
import { createTill } from '../../main/core/till';
import { canonicalJson, chainHash, entryJson } from '../../main/journal/chain-hash';
import type { JsonObject } from '../../main/journal/json-value';
import { openJournal } from '../../main/journal/journal';
import type { EntryRow } from '../../main/journal/verify';
import { tamperConnection } from '../support/journal-fixtures';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { TillError } from '../../preload/contract';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { enrolAndLogIn, must as mustOn, sell } from '../support/till-calls';
import { makeTempDir } from '../support/tmp';

const tmp = makeTempDir('tamper');
const original = join(tmp.dir, 'original', 'journal.sqlite');
const region = regionForTests();

type Row = EntryRow;

/** Facts about the original journal the tampers aim at. */
const at = { debit: 0, accepted: 0, closure: 0, afterClosure: 0, last: 0 };
/** The last entry the Region holds as an anchor. */
let anchored = 0;
const adminKeyFile = join(tmp.dir, 'region-admin.key');

beforeAll(async () => {
  let nowMs = Date.now();
  const dataDir = join(tmp.dir, 'original');
  const till = createTill({
    dataDir,
    cipher: fileKeyCipher(join(tmp.dir, 'key')),
    now: () => nowMs,
    immediateRetryDelaysMs: [10],
    outbox: { backoff: { baseMs: 10, maxMs: 50 }, idleMs: 50 },
  });
  const must = <T>(name: string, input: unknown): Promise<T> => mustOn<T>(till, name, input);
  const { managerId } = await enrolAndLogIn(till, region, {
    partnerName: 'Cinéma du Port',
    accreditations: ['CINEMA', 'SPECTACLE'],
    pin: '246810',
  });
  const debits: string[] = [];
  for (let i = 0; i < 4; i++) {
    const youth = await youthWithPass(region, {
      givenName: 'Léa',
      familyName: `Martin-${i}`,
      birthDate: `2007-03-1${i}`,
    });
    const d = await sell(till, youth.token, { priceCents: 900, amountCents: 400 + i * 100 });
    expect(d.status).toBe('accepted');
    debits.push(d.debitId);
  }
  await must('debit.void', { debitId: debits[3], reasonCode: 'DUPLICATE' });
  // The outbox carries the void to the Region; the day is closed once it is answered.
  for (let i = 0; i < 200 && till.journal.debits.get(debits[3]!)?.status !== 'voided'; i++)
    await new Promise((r) => setTimeout(r, 25));
  expect(till.journal.debits.get(debits[3]!)?.status).toBe('voided');
  // The day ends; its Z is made the next morning.
  nowMs += 86_400_000;
  const z = await must<{ seq: number }>('closure.closeDay', {});
  await must('staff.logout', {});
  await must('staff.login', { staffId: managerId, pin: '246810' });
  // The head goes to the Region (the outbox does it after each delivered batch; here at once).
  await till.context.anchors.flush();
  anchored = till.journal.head().seq;
  till.close();
  writeFileSync(adminKeyFile, region.adminKey, { mode: 0o600 });

  const j = openJournal(original, { readOnly: true });
  const entries = j.list({});
  at.debit = entries.find((e) => e.kind === 'DEBIT_REQUESTED')!.seq;
  at.accepted = entries.find((e) => e.kind === 'DEBIT_ACCEPTED')!.seq;
  at.closure = z.seq;
  at.afterClosure = z.seq + 1;
  at.last = j.head().seq;
  expect(j.verify()).toMatchObject({ ok: true, count: at.last });
  j.close();
}, 60_000);

afterAll(() => tmp.remove());

function rowAt(db: Database.Database, seq: number): Row {
  return db.prepare('SELECT * FROM entries WHERE seq = ?').get(seq) as Row;
}

const hashOf = (r: Row, prevHash: string) =>
  chainHash(
    prevHash,
    entryJson(
      { seq: r.seq, deviceId: r.device_id, kind: r.kind, at: r.at, cashierId: r.cashier_id },
      r.payload,
      'storage',
    ),
  );

/** Re-seals the entries from `fromSeq` (to `toSeq`), then the head: what someone who knows the public recipe does. */
function rechain(db: Database.Database, fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER): void {
  let prev = fromSeq === 1 ? '0'.repeat(64) : rowAt(db, fromSeq - 1).hash;
  const rows = db
    .prepare('SELECT * FROM entries WHERE seq >= ? AND seq <= ? ORDER BY seq')
    .all(fromSeq, toSeq) as Row[];
  for (const r of rows) {
    const hash = hashOf({ ...r }, prev);
    db.prepare('UPDATE entries SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
    prev = hash;
  }
  const last = rows.at(-1);
  if (toSeq === Number.MAX_SAFE_INTEGER)
    db.prepare('UPDATE chain_head SET seq = ?, hash = ?').run(last?.seq ?? fromSeq - 1, prev);
}

/** Rewrites an entry's payload in canonical form (without re-hashing). */
const editPayload = (db: Database.Database, seq: number, edit: (p: JsonObject) => void) => {
  const payload = JSON.parse(rowAt(db, seq).payload) as JsonObject;
  edit(payload);
  db.prepare('UPDATE entries SET payload = ? WHERE seq = ?').run(canonicalJson(payload), seq);
};
const editAmount = (db: Database.Database, seq: number, cents: number) =>
  editPayload(db, seq, (p) => (p['amountCents'] = cents));

const shift = (db: Database.Database, from: number, delta: number) => {
  db.prepare('UPDATE entries SET seq = -seq WHERE seq >= ?').run(from);
  db.prepare('UPDATE entries SET seq = -seq + ? WHERE seq < 0').run(delta);
};

interface Case {
  tamper: string;
  apply(db: Database.Database): void;
  /** What verify alone must say (the problem and the first entry named), or what the Region's anchors say when verify alone cannot tell. */
  expected: { problem: string; seq: () => number } | { region: string; after: () => number };
}

const CASES: Case[] = [
  {
    tamper: 'edit an amount (DEBIT_REQUESTED payload)',
    apply: (db) => editAmount(db, at.debit, 1400),
    expected: { problem: 'EDITED', seq: () => at.debit },
  },
  {
    tamper: 'edit an amount and re-hash that entry',
    apply: (db) => {
      editAmount(db, at.debit, 1400);
      const r = rowAt(db, at.debit);
      db.prepare('UPDATE entries SET hash = ? WHERE seq = ?').run(hashOf(r, r.prev_hash), at.debit);
    },
    expected: { problem: 'EDITED', seq: () => at.debit },
  },
  {
    tamper: 'delete an entry',
    apply: (db) => db.prepare('DELETE FROM entries WHERE seq = ?').run(at.accepted),
    expected: { problem: 'GAP', seq: () => at.accepted },
  },
  {
    tamper: 'delete an entry and renumber the rest',
    apply: (db) => {
      db.prepare('DELETE FROM entries WHERE seq = ?').run(at.accepted);
      shift(db, at.accepted + 1, -1);
    },
    expected: { problem: 'DELETED', seq: () => at.accepted },
  },
  {
    tamper: 'swap two neighbours',
    apply: (db) => {
      db.prepare('UPDATE entries SET seq = -1 WHERE seq = ?').run(at.debit);
      db.prepare('UPDATE entries SET seq = ? WHERE seq = ?').run(at.debit, at.accepted);
      db.prepare('UPDATE entries SET seq = ? WHERE seq = -1').run(at.accepted);
    },
    expected: { problem: 'REORDERED', seq: () => at.debit },
  },
  {
    tamper: 'insert a sealed entry (a forged LOGIN)',
    apply: (db) => {
      shift(db, at.accepted + 1, 1);
      const prev = rowAt(db, at.accepted);
      const forged: Row = {
        ...prev,
        seq: at.accepted + 1,
        kind: 'LOGIN',
        payload: '{"staffId":"S-forged"}',
        prev_hash: prev.hash,
        hash: '',
      };
      forged.hash = hashOf(forged, prev.hash);
      db.prepare(
        'INSERT INTO entries (seq, device_id, kind, at, cashier_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        forged.seq,
        forged.device_id,
        forged.kind,
        forged.at,
        forged.cashier_id,
        forged.payload,
        forged.prev_hash,
        forged.hash,
      );
    },
    expected: { problem: 'INSERTED', seq: () => at.accepted + 1 },
  },
  {
    tamper: 'truncate the tail, head left as it was',
    apply: (db) => db.prepare('DELETE FROM entries WHERE seq > ?').run(at.closure),
    expected: { problem: 'DELETED', seq: () => at.closure + 1 },
  },
  {
    tamper: 'truncate the tail and move the head back',
    apply: (db) => {
      db.prepare('DELETE FROM entries WHERE seq > ?').run(at.closure);
      db.prepare('UPDATE chain_head SET seq = ?, hash = ?').run(at.closure, rowAt(db, at.closure).hash);
    },
    expected: { region: 'TRUNCATED', after: () => at.closure },
  },
  {
    tamper: 'edit a sealed debit and re-hash the whole chain',
    apply: (db) => {
      editAmount(db, at.debit, 1400);
      db.prepare('UPDATE debits SET amount_cents = 1400 WHERE request_seq = ?').run(at.debit);
      rechain(db, at.debit);
    },
    expected: { problem: 'CLOSURE_MISMATCH', seq: () => at.closure },
  },
  {
    tamper: 'edit a sealed debit, re-hash the whole chain and recompute the closure too',
    apply: (db) => {
      editAmount(db, at.debit, 1400);
      db.prepare('UPDATE debits SET amount_cents = 1400 WHERE request_seq = ?').run(at.debit);
      db.prepare('UPDATE closures SET grand_total_cents = grand_total_cents + 1000').run();
      rechain(db, at.debit, at.closure - 1);
      editPayload(db, at.closure, (p) => {
        const totals = p['totals'] as Record<string, { count: number; amountCents: number }>;
        totals['CINEMA']!.amountCents += 1000;
        p['periodTotalCents'] = (p['periodTotalCents'] as number) + 1000;
        p['grandTotalCents'] = (p['grandTotalCents'] as number) + 1000;
        p['lastHash'] = rowAt(db, at.closure - 1).hash;
      });
      rechain(db, at.closure);
    },
    expected: { region: 'REWRITTEN', after: () => at.debit - 1 },
  },
  {
    tamper: 'edit an entry after the last closure and re-hash the chain from there',
    apply: (db) => {
      const r = rowAt(db, at.afterClosure);
      db.prepare('UPDATE entries SET cashier_id = ? WHERE seq = ?').run('S-someone-else', r.seq);
      rechain(db, at.afterClosure);
    },
    expected: { region: 'REWRITTEN', after: () => at.afterClosure - 1 },
  },
  {
    tamper: 'rewrite the debits projection (+10 € each)',
    apply: (db) => db.prepare('UPDATE debits SET amount_cents = amount_cents + 1000').run(),
    expected: { problem: 'PROJECTION_MISMATCH', seq: () => at.debit },
  },
  {
    tamper: 'change the head hash',
    apply: (db) => db.prepare(`UPDATE chain_head SET hash = '${'a'.repeat(64)}'`).run(),
    expected: { problem: 'HEAD_MISMATCH', seq: () => at.last },
  },
  {
    tamper: 'drop the head row',
    apply: (db) => db.prepare('DELETE FROM chain_head').run(),
    expected: { problem: 'HEAD_MISSING', seq: () => at.last },
  },
];

it('catches every tamper it can with `journal verify` alone, names the first entry, and says which need the Region', async () => {
  const table: string[][] = [];
  for (const [i, c] of CASES.entries()) {
    const dir = join(tmp.dir, `case-${i}`);
    mkdirSync(dir);
    const path = join(dir, 'journal.sqlite');
    copyFileSync(original, path);
    const db = tamperConnection(path);
    try {
      db.transaction(() => c.apply(db))();
    } finally {
      db.close();
    }
    const out: string[] = [];
    const code = await runCli(COMMANDS, ['journal', 'verify', '--db', path], {
      out: (l) => out.push(l),
      err: (l) => out.push(l),
      now: () => new Date(),
    });
    const verdict = out.join('\n');
    const broken = /BROKEN at entry (\d+): (\w+)/.exec(verdict);
    if ('region' in c.expected) {
      // Consistent with itself: verify alone passes it...
      expect([code, verdict]).toEqual([0, expect.stringMatching(/^OK /)]);
      // ...the Region's anchors do not.
      const against: string[] = [];
      const regionCode = await runCli(
        COMMANDS,
        ['journal', 'verify', '--db', path, '--against-region', region.url, '--admin-key-file', adminKeyFile],
        { out: (l) => against.push(l), err: (l) => against.push(l), now: () => new Date() },
      );
      const finding = /^(\w+) at entry (\d+)/m.exec(against.join('\n'));
      expect({ regionCode, problem: finding?.[1] }).toEqual({ regionCode: 1, problem: c.expected.region });
      const seq = Number(finding![2]);
      expect(seq).toBeGreaterThan(c.expected.after());
      expect(seq).toBeLessThanOrEqual(anchored);
      table.push([
        c.tamper,
        `\`journal verify --against-region\`: ${finding![1]} (verify alone: OK)`,
        `entry ${seq}`,
      ]);
    } else {
      expect({ code, problem: broken?.[2], seq: Number(broken?.[1]) }).toEqual({
        code: 1,
        problem: c.expected.problem,
        seq: c.expected.seq(),
      });
      table.push([c.tamper, `\`journal verify\`: ${broken![2]}`, `entry ${broken![1]}`]);
    }
  }
  // The till refuses to start on a journal without its head, with a code the UI shows.
  const headless = join(tmp.dir, `case-${CASES.findIndex((c) => c.tamper === 'drop the head row')}`);
  let refusal: unknown;
  try {
    createTill({ dataDir: headless, cipher: fileKeyCipher(join(tmp.dir, 'key')) }).close();
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(TillError);
  expect((refusal as TillError).code).toBe('JOURNAL_HEAD_MISSING');

  const lines = [
    '| tamper | detected by | first entry named |',
    '|---|---|---|',
    ...table.map((r) => `| ${r.join(' | ')} |`),
  ];
  console.log(
    `tamper suite over a journal of ${at.last} entries (debit at ${at.debit}, Z at ${at.closure}, anchored up to ${anchored}):\n${lines.join('\n')}`,
  );
}, 120_000);
