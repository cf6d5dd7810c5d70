// @vitest-environment happy-dom
// The Clôtures screen's two actions share one busy flag (useCall): while the day's closure is under way,
// neither button nor Alt+Z starts another call, and the till's refusal shows in the screen's banner. The
// till is faked at the contract's boundary (invoke), its closeDay answers held until the test lets them go.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallResult, ClosureView, TillApi, TillStatus } from '../../../../preload/contract';
import { initI18n } from '../../i18n';
import { TillApiContext } from '../../till-context';
import { ShellContext, type ShellApi } from '../../shell/shell-context';
import { ClosuresScreen } from '../ClosuresScreen';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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

let root: Root | null = null;
let container: HTMLElement | null = null;

/** The screen on a fake till: lists answer at once (empty), each closeDay waits in `held`. */
async function mount(): Promise<{ held: ((r: CallResult<ClosureView>) => void)[] }> {
  const held: ((r: CallResult<ClosureView>) => void)[] = [];
  const till: TillApi = {
    transport: 'http',
    on: () => () => undefined,
    invoke: ((name: CallName) => {
      if (name === 'closure.closeDay')
        return new Promise<CallResult<ClosureView>>((resolve) => held.push(resolve));
      if (name === 'closure.list' || name === 'statement.list')
        return Promise.resolve({ ok: true, value: [] });
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    }) as TillApi['invoke'],
  };
  const shell: ShellApi = {
    status: {} as TillStatus,
    refreshStatus: () => undefined,
    beep: () => undefined,
    setScanTarget: () => undefined,
    isManager: true,
    applySettings: () => undefined,
  };
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root?.render(
      <TillApiContext.Provider value={till}>
        <ShellContext.Provider value={shell}>
          <ClosuresScreen />
        </ShellContext.Provider>
      </TillApiContext.Provider>,
    );
  });
  return { held };
}

function button(name: string): HTMLButtonElement {
  const found = [...(container?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const banner = () => container?.querySelector('[role="alert"]') ?? null;

async function altZ(): Promise<void> {
  await act(async () => {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', altKey: true }));
  });
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

    await act(async () => w.held[0]?.({ ok: false, error: { code: 'CLOSURE_PENDING_DEBITS' } }));
    expect(banner()?.getAttribute('data-code')).toBe('CLOSURE_PENDING_DEBITS');
    expect(banner()?.textContent).toContain('des paiements attendent encore la confirmation de la Région');
    expect(button(CLOSE).disabled).toBe(false);
    expect(button(RECONCILE).disabled).toBe(false);
  });

  it('clears the refusal when the next closure starts, and says what it closed', async () => {
    const w = await mount();
    await altZ();
    await act(async () => w.held[0]?.({ ok: false, error: { code: 'CLOSURE_PENDING_DEBITS' } }));
    expect(banner()).not.toBeNull();

    await altZ();
    expect(w.held).toHaveLength(2);
    expect(banner()).toBeNull();
    await act(async () => w.held[1]?.({ ok: true, value: closure }));
    expect(container?.querySelector('[data-closure]')?.getAttribute('data-closure')).toBe('2026-11-28');
    expect(button(CLOSE).disabled).toBe(false);
  });
});
