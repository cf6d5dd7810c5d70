// ../shared/docs/rules.md, case by case (issue 17, "Done when"): each case of the page is named by a test.
// The cases no other test covered are tested here against the reference Region (the wallets' amounts, the
// PRATIQUE wallet shared by sport and art, several partial payments with the rest paid by the youth); the
// table below names, for every other case, the test that covers it, and fails when the page or that test
// changes so that they no longer match.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WALLETS, WALLET_INITIAL_CENTS, walletOf } from '../../protocol/catalogue';
import { regionForTests } from '../support/region-for-tests';
import { youthWithPass } from '../support/region-server';
import { engineForTests } from '../engine/engine-for-tests';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Beside the repository in the team's layout, not in a clone of it alone: the page check needs it.
const RULES_PATH = join(ROOT, '..', 'shared', 'docs', 'rules.md');

const region = regionForTests();
const f = engineForTests(region, { accreditations: ['SPECTACLE', 'CINEMA', 'SPORT', 'ARTISTIC'] });

/** A new youth at the Region; each call of the answer scans a fresh pass of theirs and gives the card it opens. */
async function youthAtTheCounter(person: { givenName: string; familyName: string; birthDate: string }) {
  const youth = await region.admin.createBeneficiary(person);
  return async () => {
    const scan = await f.call('pass.scan', {
      text: await region.admin.mintPass({ beneficiaryId: youth.id }),
      source: 'paste',
    });
    if (scan.kind !== 'pass') throw new Error(JSON.stringify(scan));
    return scan.card;
  };
}

describe('rules.md: the wallets a till debits (III 3.2.1)', () => {
  it('SPECTACLE 30 €, CINEMA 20 €, PRATIQUE 30 €, LOCAL 5 € per season, as a new youth shows them at the till; ROLLON is no till wallet', async () => {
    expect(WALLET_INITIAL_CENTS).toEqual({ SPECTACLE: 3000, CINEMA: 2000, PRATIQUE: 3000, LOCAL: 500 });
    expect(WALLETS as readonly string[]).not.toContain('ROLLON');
    const youth = await youthWithPass(region, {
      givenName: 'Jules',
      familyName: 'Vasseur',
      birthDate: '2005-05-05',
    });
    const scan = await f.call('pass.scan', { text: youth.token, source: 'paste' });
    if (scan.kind !== 'pass') throw new Error(JSON.stringify(scan));
    expect(Object.fromEntries(scan.card.wallets.map((w) => [w.wallet, w.balanceCents]))).toEqual({
      SPECTACLE: 3000,
      CINEMA: 2000,
      PRATIQUE: 3000,
    });
  }, 30_000);

  it('PRATIQUE is one wallet for sport and artistic practice: a licence leaves less for a cycle', async () => {
    expect(walletOf('SPORT')).toBe('PRATIQUE');
    expect(walletOf('ARTISTIC')).toBe('PRATIQUE');
    const pass = await youthAtTheCounter({
      givenName: 'Maëlle',
      familyName: 'Hamon',
      birthDate: '2004-04-04',
    });
    const licence = await f.call('debit.submit', {
      scanId: (await pass()).scanId,
      category: 'SPORT',
      item: 'LICENCE',
      priceCents: 4500,
      amountCents: 2000,
    });
    expect(licence).toMatchObject({ status: 'accepted', walletBalanceCents: 1000 });
    const card = await pass();
    expect(card.wallets.find((w) => w.wallet === 'PRATIQUE')).toMatchObject({
      balanceCents: 1000,
      categories: ['SPORT', 'ARTISTIC'],
    });
    expect(
      await f.fail('debit.submit', {
        scanId: card.scanId,
        category: 'ARTISTIC',
        item: 'CYCLE',
        sessions: 5,
        discipline: 'THEATRE',
        priceCents: 9000,
        amountCents: 1500,
      }),
    ).toBe('INSUFFICIENT_BALANCE');
  }, 30_000);

  it('a wallet pays in one or several payments, all or part of a price, the youth paying the rest; never more than the price (no cash back)', async () => {
    const pass = await youthAtTheCounter({
      givenName: 'Nolan',
      familyName: 'Pichon',
      birthDate: '2003-03-03',
    });
    const scanId = async () => (await pass()).scanId;
    expect(
      await f.call('debit.submit', {
        scanId: await scanId(),
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 950,
        amountCents: 700,
      }),
    ).toMatchObject({ status: 'accepted', remainderCents: 250, walletBalanceCents: 1300 });
    expect(
      await f.call('debit.submit', {
        scanId: await scanId(),
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 800,
        amountCents: 800,
      }),
    ).toMatchObject({ status: 'accepted', remainderCents: 0, walletBalanceCents: 500 });
    expect(
      await f.fail('debit.submit', {
        scanId: await scanId(),
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 400,
        amountCents: 500,
      }),
    ).toBe('AMOUNT_INVALID');
    expect(
      await f.fail('debit.submit', {
        scanId: await scanId(),
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 950,
        amountCents: 600,
      }),
    ).toBe('INSUFFICIENT_BALANCE');
  }, 30_000);
});

/** Every case of rules.md: a phrase of the page, and the test (file, title) that covers it. */
const CASES: readonly { rule: string; file: string; test: string }[] = [
  {
    rule: '1 July of year N to 30 June of year N+1, in Europe/Paris',
    file: 'region-server/test/debits.test.ts',
    test: 'draws the season line at 30 June 23:59:59 / 1 July 00:00 Paris time',
  },
  {
    rule: 'advantages are usable until 30 June N+1 at 23:59:59 Paris time',
    file: 'main/debit/rules.test.ts',
    test: "['the last second of the season'",
  },
  {
    rule: 'A youth can join\n  until 31 May N+1',
    file: 'region-server/test/regulation.test.ts',
    test: 'takes memberships from 1 July to 31 May, Paris time, and never from the future',
  },
  {
    rule: '15–25 years old',
    file: 'region-server/test/regulation.test.ts',
    test: 'admits 15 to 25 in completed years on the day of joining',
  },
  {
    rule: '(one membership per season)',
    file: 'region-server/test/regulation.test.ts',
    test: 'takes one membership per person and season, however the name is typed',
  },
  {
    rule: 'Lycée pupils under 15 may be admitted',
    file: 'region-server/test/regulation.test.ts',
    test: 'admits a lycée pupil under 15 only with Atouts Livre eligibility',
  },
  {
    rule: 'the till must show\n  who the pass belongs to (name, date of birth)',
    file: 'test/e2e/counter-screens.e2e.test.ts',
    test: 'counter: scan → card → partial cinema debit → success → receipt',
  },
  {
    rule: '| SPECTACLE | 30 € |',
    file: 'test/regulation/rules.test.ts',
    test: 'SPECTACLE 30 €, CINEMA 20 €, PRATIQUE 30 €, LOCAL 5 € per season',
  },
  { rule: '**not** confectionery or drinks', file: 'main/debit/rules.test.ts', test: "['confectionery'" },
  {
    rule: 'a cycle of **at least 5 sessions**',
    file: 'main/debit/rules.test.ts',
    test: "['a cycle of 4 sessions'",
  },
  {
    rule: '(music/choir, dance, circus, theatre, puppetry, visual arts)',
    file: 'test/engine/cycle-discipline.test.ts',
    test: 'is required, chained with the debit, printed on the receipt and exported',
  },
  {
    rule: 'Pratique sportive **or** Pratique artistique',
    file: 'test/regulation/rules.test.ts',
    test: 'PRATIQUE is one wallet for sport and artistic practice',
  },
  {
    rule: '**not a till operation**',
    file: 'test/regulation/rules.test.ts',
    test: 'ROLLON is no till wallet',
  },
  {
    rule: 'A wallet is used only in its own category',
    file: 'main/debit/rules.test.ts',
    test: "['a category the partner lacks'",
  },
  {
    rule: 'in one or several payments, for all or part of a price',
    file: 'test/regulation/rules.test.ts',
    test: 'a wallet pays in one or several payments',
  },
  { rule: 'No cash back, no refund', file: 'main/debit/rules.test.ts', test: "['more than the price'" },
  {
    rule: 'must tell the youth clearly what was billed (a receipt)',
    file: 'test/e2e/counter-screens.e2e.test.ts',
    test: 'counter: scan → card → partial cinema debit → success → receipt',
  },
  { rule: 'the partner applies it at once', file: 'main/debit/rules.test.ts', test: "['an expired token'" },
  {
    rule: 'only sport/artistic partners accept coupons',
    file: 'renderer/src/shell/keys.test.ts',
    test: 'hides Bons (F2) where the partner cannot hold coupons',
  },
  {
    rule: 'it reserves all or part\n  of the wallet for one named, accredited partner',
    file: 'test/engine/desk.test.ts',
    test: 'resolves a coupon by short code and token, redeems it once through the journal',
  },
  {
    rule: 'A group outing may be paid with the wallet only if the youth chooses to',
    file: 'test/e2e/regulation.e2e.test.ts',
    test: 'runs 12 passes in a row, 2 refused to the "à régler autrement" list',
  },
  {
    rule: 'A partner may hold several accreditations; the Region can withdraw one at any time',
    file: 'test/proofs/forged-tokens.test.ts',
    test: 'a category withdrawn mid-day is refused at the next debit; a suspended partner is refused',
  },
  {
    rule: 'a debit in a category the partner is not accredited for',
    file: 'region-server/test/debits.test.ts',
    test: 'refuses once an accreditation is withdrawn',
  },
  {
    rule: 'a transaction\n  not recorded or recorded wrongly',
    file: 'test/proofs/crash.e2e.test.ts',
    test: '20 kills: no acknowledged debit lost or duplicated, integrity_check ok, no gap',
  },
  { rule: 'not recorded within the QR code', file: 'main/debit/rules.test.ts', test: "['after the season'" },
  {
    rule: 'Transactions are counted per calendar month up to its last day',
    file: 'region-server/test/coupons-offers-statements.test.ts',
    test: 'counts accepted, not voided debits per Paris month; closes, pays, and sets contestUntil',
  },
  {
    rule: 'A partner contests an amount within 30 days of receiving the payment',
    file: 'test/e2e/regulation.e2e.test.ts',
    test: "shows the days left and produces the French letter naming the Region's moved and phantom debits",
  },
  {
    rule: 'the organiser offers a credit note\n  (avoir)',
    file: 'test/e2e/regulation.e2e.test.ts',
    test: 'the manager issues one per youth from the journal; the counter redeems one in part, then the rest',
  },
  {
    rule: 'it must be complete, ordered and tamper-evident',
    file: 'main/journal/verify.test.ts',
    test: 'names an entry edited and re-hashed with the public recipe',
  },
  {
    rule: 'records who actually came',
    file: 'test/e2e/counter-screens.e2e.test.ts',
    test: 'bons plans: pick the offer, scan to check in, who came and who did not',
  },
  {
    rule: '**destroy every file of personal data when the partnership ends**',
    file: 'test/proofs/wipe.test.ts',
    test: 'after wipe, no file under the data folder holds a name, a birth date or a token',
  },
];

describe('rules.md: every case is named by a test', () => {
  it.skipIf(!existsSync(RULES_PATH))(
    'the page still says each case the table names (whitespace folded, as Markdown does)',
    () => {
      const page = readFileSync(RULES_PATH, 'utf8').replace(/\s+/g, ' ');
      expect(CASES.map((c) => c.rule.replace(/\s+/g, ' ')).filter((rule) => !page.includes(rule))).toEqual(
        [],
      );
    },
  );

  it.each(CASES.map((c) => [c.rule.replace(/\s+/g, ' '), c]))('%s', (_name, c) => {
    // The named test still exists where the table says.
    // Whitespace removed on both sides: a formatter may wrap a title's call or table row, never its words.
    const bare = (text: string): string => text.replace(/\s+/g, '');
    const source = bare(readFileSync(join(ROOT, c.file), 'utf8'));
    expect(c.test.length).toBeGreaterThan(10);
    expect(source).toContain(bare(c.test));
  });
});
