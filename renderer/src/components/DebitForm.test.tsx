// @vitest-environment happy-dom
// Where a refusal sends the cashier in the sale form (use-refusal-focus): the till's refusal to the field its
// code names once its banner shows, the form's own check to the field it chose. Valider waits while the
// debit is sent. The till is faked at the contract's boundary, its debit answer held until the test lets it go.
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PassCard } from '../../../preload/contract';
import {
  fakeTill,
  heldCalls,
  mountUi,
  typeInto,
  unmountAll,
  type HeldCall,
  type Mounted,
} from '../../../test/support/renderer-harness';
import { initI18n } from '../i18n';
import { DebitForm } from './DebitForm';

const card: PassCard = {
  scanId: 's-1',
  beneficiary: { id: 'B-1', givenName: 'Inès', familyName: 'Refus', birthDate: '2007-03-14', age: 19 },
  season: 2026,
  membership: 'active',
  wallets: [{ wallet: 'CINEMA', balanceCents: 2000, categories: ['CINEMA'] }],
  tokenExpiresAt: '2026-11-29T12:00:00.000Z',
  source: 'offline',
};

let ui: Mounted;

async function mount(): Promise<{ held: HeldCall[] }> {
  const { held, hold } = heldCalls();
  ui = await mountUi(
    <DebitForm
      card={card}
      accreditations={['CINEMA']}
      tariffs={[]}
      onCancel={() => undefined}
      onDone={() => undefined}
    />,
    { till: fakeTill({}, hold) },
  );
  return { held };
}

const field = (name: string) => ui.container.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const valider = () => ui.container.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const banner = () => ui.container.querySelector('[role="alert"].banner-refused');

async function submit(): Promise<void> {
  field('price').focus();
  await act(async () => ui.container.querySelector('form')!.requestSubmit());
}

beforeAll(() => {
  initI18n('fr');
});

afterEach(unmountAll);

describe('the sale form, refused', () => {
  it("waits while the debit is sent, then goes to the field the till's refusal names", async () => {
    const w = await mount();
    await typeInto(field('price'), '9,50');
    await submit();
    expect(w.held).toHaveLength(1);
    expect(valider().disabled).toBe(true);
    expect(valider().textContent).toBe('Envoi à la Région…');

    await act(async () => w.held[0]?.answer({ ok: false, error: { code: 'OFFLINE_LIMIT_EXCEEDED' } }));
    expect(banner()?.getAttribute('data-code')).toBe('OFFLINE_LIMIT_EXCEEDED');
    expect(document.activeElement).toBe(field('amount'));
    expect(valider().disabled).toBe(false);
  });

  it('its own check goes to the field it chose, not to the one the code would name', async () => {
    const w = await mount();
    await typeInto(field('price'), '9,50');
    await typeInto(field('amount'), 'neuf');
    await submit();
    expect(w.held).toHaveLength(0);
    // INPUT_INVALID would name the price; the price is fine, the part is what to type again.
    expect(banner()?.getAttribute('data-code')).toBe('INPUT_INVALID');
    expect(document.activeElement).toBe(field('amount'));
  });
});
