import { readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../../test/support/journal-fixtures';
import { journalForTest } from '../../test/support/journal-for-tests';

/** Whether a string is anywhere in the journal's files (main file and WAL), in UTF-8. */
function onDisk(path: string, text: string): boolean {
  const needle = Buffer.from(text, 'utf8');
  return [path, `${path}-wal`].some((p) => existsSync(p) && readFileSync(p).includes(needle));
}

const person = (id: string, familyName: string) => ({
  id,
  givenName: 'Zéphyrine',
  familyName,
  birthDate: '2008-04-05',
});

describe('persons', () => {
  it('are kept outside the chain and refreshed when seen again', () => {
    const clock = manualClock('2026-03-01T10:00:00Z');
    const t = journalForTest({ now: clock.now });
    t.journal.persons.upsert({ ...person('b1', 'Quennevillard'), extra: 'ignored' } as ReturnType<
      typeof person
    >);
    clock.set('2026-03-05T10:00:00Z');
    t.journal.persons.upsert({ ...person('b1', 'Quennevillard-Roy') });
    expect(t.journal.persons.get('b1')).toEqual({
      id: 'b1',
      givenName: 'Zéphyrine',
      familyName: 'Quennevillard-Roy',
      birthDate: '2008-04-05',
      lastSeenAt: '2026-03-05T10:00:00.000Z',
    });
    expect(t.journal.head().seq).toBe(0);
  });

  it('not seen since a date are purged, leaving no trace in the files, and the chain still verifies', () => {
    const clock = manualClock('2026-01-10T10:00:00Z');
    const t = journalForTest({ now: clock.now });
    t.journal.persons.upsert(person('old', 'Vieuxnomdefamille'));
    t.journal.append({
      kind: 'DEBIT_REQUESTED',
      payload: {
        debitId: 'd',
        category: 'CINEMA',
        item: 'SEANCE',
        priceCents: 1,
        amountCents: 1,
        mode: 'online',
        jti: 'j',
        beneficiaryId: 'old',
        occurredAt: '2026-01-10T10:00:00Z',
        tokenExp: 1,
      },
    });
    clock.set('2026-03-10T10:00:00Z');
    t.journal.persons.upsert(person('new', 'Jeunenomdefamille'));
    expect(onDisk(t.path, 'Vieuxnomdefamille')).toBe(true);
    expect(t.journal.persons.purgeBefore('2026-02-01')).toBe(1);
    expect(t.journal.persons.get('old')).toBeUndefined();
    expect(t.journal.persons.get('new')?.familyName).toBe('Jeunenomdefamille');
    expect(onDisk(t.path, 'Vieuxnomdefamille')).toBe(false);
    expect(t.journal.verify()).toMatchObject({ ok: true, count: 1 });
  });

  it('are all purged at the end of a partnership, the file compacted', () => {
    const t = journalForTest();
    for (let i = 0; i < 200; i += 1) t.journal.persons.upsert(person(`b${i}`, `Nomdefamille${i}x`));
    t.journal.append({ kind: 'STARTUP', payload: {} });
    expect(t.journal.persons.purgeAll()).toBe(200);
    expect(t.journal.persons.get('b1')).toBeUndefined();
    expect(onDisk(t.path, 'Nomdefamille')).toBe(false);
    expect(onDisk(t.path, 'Zéphyrine')).toBe(false);
    expect(t.journal.verify()).toMatchObject({ ok: true, count: 1 });
  });
});
