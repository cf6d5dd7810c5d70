// @vitest-environment happy-dom
// The Clôtures screen's two actions share one busy flag (useCall): while the day's closure is under way,
// neither button nor Alt+Z starts another call, and the till's refusal shows in the screen's banner. The
// till is faked at the contract's boundary (invoke), its closeDay answers held until the test lets them go.
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClosureView } from '../../../../preload/contract';
import {
  fakeShell,
  fakeTill,
  heldCalls,
  mountUi,
  ok,
  unmountAll,
  type HeldCall,
  type Mounted,
} from '../../../../test/support/renderer-harness';
import { initI18n } from '../../i18n';
import { ClosuresScreen } from '../ClosuresScreen';

const CLOSE = 'Clôturer la journée (Alt+Z)';
const RECONCILE = 'Rapprocher avec la Région (Alt+R)';

const closure: ClosureView = {
  seq: 9,
  kind: 'DAY_CLOSED',
  period: '2026-11-28',
  count: 3,
  periodTotalCents: 2100,
  grandTotalCents: 2100,
  totals: [],
  lastSeq: 8,
  lastHash: 'h',
  at: '2026-11-29T06:00:00.000Z',
  corrections: [],
};

let ui: Mounted;

/** The screen on a fake till: lists answer at once (empty), each closeDay waits in `held`. */
async function mount(): Promise<{ held: HeldCall[] }> {
  const { held, hold } = heldCalls();
  const till = fakeTill({
    'closure.closeDay': (input) => hold('closure.closeDay', input),
    'closure.list': () => ok([]),
    'statement.list': () => ok([]),
  });
  ui = await mountUi(<ClosuresScreen />, { till, shell: fakeShell() });
  return { held };
}

function button(name: string): HTMLButtonElement {
  const found = [...ui.container.querySelectorAll('button')].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const banner = () => ui.container.querySelector('[role="alert"]');

async function altZ(): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', altKey: true }));
  });
}

beforeAll(() => {
  initI18n('fr');
});

afterEach(unmountAll);

describe('the Clôtures screen, through useCall', () => {
  it('disables both actions and Alt+Z while the day closes, then shows the refusal in its banner', async () => {
    const w = await mount();
    expect(button(CLOSE).disabled).toBe(false);

    await act(async () => button(CLOSE).click());
    expect(w.held).toHaveLength(1);
    expect(button(CLOSE).disabled).toBe(true);
    expect(button(RECONCILE).disabled).toBe(true);
    await altZ();
    expect(w.held).toHaveLength(1);

    await act(async () => w.held[0]?.answer({ ok: false, error: { code: 'CLOSURE_PENDING_DEBITS' } }));
    expect(banner()?.getAttribute('data-code')).toBe('CLOSURE_PENDING_DEBITS');
    expect(banner()?.textContent).toContain('des paiements attendent encore la confirmation de la Région');
    expect(button(CLOSE).disabled).toBe(false);
    expect(button(RECONCILE).disabled).toBe(false);
  });

  it('clears the refusal when the next closure starts, and says what it closed', async () => {
    const w = await mount();
    await altZ();
    await act(async () => w.held[0]?.answer({ ok: false, error: { code: 'CLOSURE_PENDING_DEBITS' } }));
    expect(banner()).not.toBeNull();

    await altZ();
    expect(w.held).toHaveLength(2);
    expect(banner()).toBeNull();
    await act(async () => w.held[1]?.answer({ ok: true, value: closure }));
    expect(ui.container.querySelector('[data-closure]')?.getAttribute('data-closure')).toBe('2026-11-28');
    expect(button(CLOSE).disabled).toBe(false);
  });
});
