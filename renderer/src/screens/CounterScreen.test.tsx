// @vitest-environment happy-dom
// The counter's sale state, as a component (issue 13's money bug lived here: a new scan kept the previous
// youth's price and part). The till and the shell are faked at the contract's boundary (window.till's
// invoke/on, the shell's scan routing); everything in between is the real React code.
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DebitOutcome, PassCard, Tariff, TillStatus } from '../../../preload/contract';
import {
  fakeShell,
  fakeTill,
  heldCalls,
  mountUi,
  type FakeCall,
  ok,
  typeInto,
  unmountAll,
} from '../../../test/support/renderer-harness';
import { initI18n } from '../i18n';
import type { ScanTarget } from '../shell/shell-context';
import { CounterScreen } from './CounterScreen';

const card = (scanId: string, givenName: string, balanceCents = 2000): PassCard => ({
  scanId,
  beneficiary: { id: `B-${scanId}`, givenName, familyName: 'Queue', birthDate: '2007-03-14', age: 19 },
  season: 2026,
  membership: 'active',
  wallets: [{ wallet: 'CINEMA', balanceCents, categories: ['CINEMA'] }],
  tokenExpiresAt: '2026-11-29T12:00:00.000Z',
  source: 'online',
});

interface World {
  container: HTMLElement;
  scan(text: string): Promise<void>;
  debits: unknown[];
}

async function mount(opts: {
  tariffs?: Tariff[];
  cards: Record<string, PassCard>;
  printerSettings?: FakeCall;
}): Promise<World> {
  const debits: unknown[] = [];
  const till = fakeTill({
    'tariff.list': () => ok(opts.tariffs ?? []),
    ...(opts.printerSettings
      ? { 'printer.settings': (input: unknown) => opts.printerSettings!('printer.settings', input) }
      : {}),
    'pass.scan': (input) => {
      const c = opts.cards[(input as { text: string }).text];
      return ok(c ? { kind: 'pass', card: c } : { kind: 'refused', code: 'TOKEN_INVALID' });
    },
    'debit.submit': (input) => {
      debits.push(input);
      const d = input as { priceCents: number; amountCents: number; category: 'CINEMA'; item: 'SEANCE' };
      const outcome: DebitOutcome = {
        debitId: `d${debits.length}`,
        deviceSeq: debits.length,
        status: 'accepted',
        category: d.category,
        item: d.item,
        priceCents: d.priceCents,
        amountCents: d.amountCents,
        remainderCents: d.priceCents - d.amountCents,
        walletBalanceCents: 0,
        occurredAt: '2026-11-29T10:00:00.000Z',
      };
      return ok(outcome);
    },
  });
  let target: ScanTarget | null = null;
  const shell = fakeShell({
    status: {
      partner: { id: 'P-1', name: 'Cinéma', siret: '1', accreditations: ['CINEMA'], status: 'active' },
    } as TillStatus,
    setScanTarget: (fn) => {
      target = fn;
    },
    isManager: false,
  });
  const { container } = await mountUi(
    <CounterScreen
      initialScan={null}
      onInitialScanTaken={() => undefined}
      onCouponScanned={() => undefined}
    />,
    { till, shell },
  );
  return {
    container,
    debits,
    scan: async (text) => {
      await act(async () => target?.({ text, source: 'wedge' }));
    },
  };
}

const field = (w: World, name: string) =>
  w.container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

async function key(k: string): Promise<void> {
  await act(async () => {
    (document.activeElement ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', { key: k, bubbles: true }),
    );
  });
}

beforeAll(() => {
  initI18n('fr');
});

afterEach(unmountAll);

describe('the sale form, one per scanned pass', () => {
  it("a new scan starts from an empty price and part: nothing of the previous youth's sale carries over", async () => {
    const w = await mount({ cards: { A: card('s-A', 'Alice'), B: card('s-B', 'Bruno') } });
    await w.scan('A');
    await typeInto(field(w, 'price'), '12');
    expect(field(w, 'amount').value).toBe('12,00');
    await typeInto(field(w, 'amount'), '15,00');
    expect(w.container.querySelector('[data-warning]')).not.toBeNull();

    await w.scan('B');
    expect(w.container.querySelector('.holder')?.textContent).toBe('Bruno Queue');
    expect(field(w, 'price').value).toBe('');
    expect(field(w, 'amount').value).toBe('');
    expect(w.container.querySelector('[data-warning]')).toBeNull();
    await typeInto(field(w, 'price'), '4,00');
    expect(field(w, 'amount').value).toBe('4,00');
    expect(w.debits).toEqual([]);
  });

  it('a number key picks a tariff wherever the focus is, and the part is proposed at once', async () => {
    const tariffs: Tariff[] = [
      { id: 'plein', label: 'Plein', category: 'CINEMA', item: 'SEANCE', priceCents: 950 },
      { id: 'reduit', label: 'Réduit', category: 'CINEMA', item: 'SEANCE', priceCents: 700 },
    ];
    const w = await mount({ tariffs, cards: { C: card('s-C', 'Chloé', 800) } });
    await w.scan('C');
    (document.activeElement as HTMLElement | null)?.blur();
    await key('1');
    expect(field(w, 'price').value).toBe('9,50');
    // The wallet holds 8,00 €: the part proposed is all of it, the youth pays the rest.
    expect(field(w, 'amount').value).toBe('8,00');
    expect(w.container.querySelector('[data-split]')?.textContent).toContain('reste à payer : 1,50');
    await key('2');
    expect(field(w, 'price').value).toBe('7,00');
    expect(field(w, 'amount').value).toBe('7,00');
  });

  it('above the balance the split line names the maximum before Enter, and nothing is sent', async () => {
    const w = await mount({ cards: { E: card('s-E', 'Emma', 1300) } });
    await w.scan('E');
    await typeInto(field(w, 'price'), '20,00');
    await typeInto(field(w, 'amount'), '15,00');
    expect(w.container.querySelector('[data-warning]')?.textContent).toContain('13,00');
    await act(async () => {
      w.container.querySelector('form')!.requestSubmit();
    });
    expect(w.debits).toEqual([]);
    expect(w.container.querySelector('form .banner-refused')?.textContent).toContain('13,00');
  });

  it("a pass scanned while the paid sale's printer is looked up keeps its card: the late answer opens no old receipt", async () => {
    const { held, hold } = heldCalls();
    const w = await mount({
      cards: { A: card('s-A', 'Alice'), B: card('s-B', 'Bruno') },
      printerSettings: hold,
    });
    await w.scan('A');
    await typeInto(field(w, 'price'), '9,50');
    await act(async () => {
      w.container.querySelector('form')!.requestSubmit();
    });
    expect(w.debits).toHaveLength(1);
    expect(held.map((c) => c.name)).toEqual(['printer.settings']);

    await w.scan('B');
    const system = { kind: 'system', deviceName: null, host: null, port: 9100, width: 80, autoPrint: true };
    await act(async () => held[0]!.answer(ok(system)));
    expect(w.container.querySelector('.holder')?.textContent).toBe('Bruno Queue');
    expect(w.container.querySelector('.receipt-screen')).toBeNull();
  });
});
