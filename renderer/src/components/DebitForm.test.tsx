// @vitest-environment happy-dom
// Where a refusal sends the cashier in the sale form (use-refusal-focus): the till's refusal to the field its
// code names once its banner shows, the form's own check to the field it chose. Valider waits while the
// debit is sent. The till is faked at the contract's boundary, its debit answer held until the test lets it go.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, DebitOutcome, PassCard, TillApi } from '../../../preload/contract';
import { initI18n } from '../i18n';
import { TillApiContext } from '../till-context';
import { DebitForm } from './DebitForm';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const card: PassCard = {
  scanId: 's-1',
  beneficiary: { id: 'B-1', givenName: 'Inès', familyName: 'Refus', birthDate: '2007-03-14', age: 19 },
  season: 2026,
  membership: 'active',
  wallets: [{ wallet: 'CINEMA', balanceCents: 2000, categories: ['CINEMA'] }],
  tokenExpiresAt: '2026-11-29T12:00:00.000Z',
  source: 'offline',
};

let root: Root | null = null;
let container: HTMLElement | null = null;

async function mount(): Promise<{ held: ((r: CallResult<DebitOutcome>) => void)[] }> {
  const held: ((r: CallResult<DebitOutcome>) => void)[] = [];
  const till: TillApi = {
    transport: 'http',
    on: () => () => undefined,
    invoke: (() =>
      new Promise<CallResult<DebitOutcome>>((resolve) => held.push(resolve))) as TillApi['invoke'],
  };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root?.render(
      <TillApiContext.Provider value={till}>
        <DebitForm
          card={card}
          accreditations={['CINEMA']}
          tariffs={[]}
          onCancel={() => undefined}
          onDone={() => undefined}
        />
      </TillApiContext.Provider>,
    );
  });
  return { held };
}

const field = (name: string) => container!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const valider = () => container!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
const banner = () => container!.querySelector('[role="alert"].banner-refused');

async function type(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function submit(): Promise<void> {
  field('price').focus();
  await act(async () => container!.querySelector('form')!.requestSubmit());
}

beforeAll(() => {
  initI18n('fr');
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  root = null;
  container = null;
});

describe('the sale form, refused', () => {
  it("waits while the debit is sent, then goes to the field the till's refusal names", async () => {
    const w = await mount();
    await type(field('price'), '9,50');
    await submit();
    expect(w.held).toHaveLength(1);
    expect(valider().disabled).toBe(true);
    expect(valider().textContent).toBe('Envoi à la Région…');

    await act(async () => w.held[0]?.({ ok: false, error: { code: 'OFFLINE_LIMIT_EXCEEDED' } }));
    expect(banner()?.getAttribute('data-code')).toBe('OFFLINE_LIMIT_EXCEEDED');
    expect(document.activeElement).toBe(field('amount'));
    expect(valider().disabled).toBe(false);
  });

  it('its own check goes to the field it chose, not to the one the code would name', async () => {
    const w = await mount();
    await type(field('price'), '9,50');
    await type(field('amount'), 'neuf');
    await submit();
    expect(w.held).toHaveLength(0);
    // INPUT_INVALID would name the price; the price is fine, the part is what to type again.
    expect(banner()?.getAttribute('data-code')).toBe('INPUT_INVALID');
    expect(document.activeElement).toBe(field('amount'));
  });
});
