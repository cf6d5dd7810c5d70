// @vitest-environment happy-dom
// Gestion runs one task at a time (screens/manage/use-manage-tasks.ts, over useCall): while a task's call is
// in flight every task button is disabled and Enter in a form starts nothing; a refusal shows in the banner,
// and the next task clears it. The till is faked at the contract's boundary: the tasks' calls are held until
// the test answers them; the sections' own loads answer at once.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallName, CallResult, ClosureView, TillApi } from '../../../preload/contract';
import { initI18n } from '../i18n';
import { TillApiContext } from '../till-context';
import { ManageScreen } from './ManageScreen';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const closure: ClosureView = {
  seq: 9,
  kind: 'DAY_CLOSED',
  period: '2026-11-28',
  count: 1,
  periodTotalCents: 700,
  grandTotalCents: 700,
  totals: [],
  lastSeq: 8,
  lastHash: 'ab',
  at: '2026-11-28T22:00:00.000Z',
  corrections: [],
};

interface Held {
  name: CallName;
  answer(result: CallResult<unknown>): Promise<void>;
}

interface World {
  root: Root;
  container: HTMLElement;
  /** The task calls made so far, in order, each waiting for its answer. */
  held: Held[];
}

let world: World | null = null;

async function mount(): Promise<World> {
  const held: Held[] = [];
  const loads: Partial<Record<CallName, unknown>> = {
    'closure.list': [closure],
    'update.feed': { feedUrl: null },
    'staff.list': [],
  };
  const till: TillApi = {
    transport: 'http',
    on: () => () => undefined,
    invoke: ((name: CallName) => {
      if (name in loads) return Promise.resolve({ ok: true, value: loads[name] });
      if (name === 'manage.backupStatus' || name === 'manage.privacy')
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CALL' } });
      return new Promise<CallResult<unknown>>((resolve) => {
        held.push({ name, answer: (r) => act(async () => resolve(r)) });
      });
    }) as TillApi['invoke'],
  };
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  await act(async () => {
    root.render(
      <TillApiContext.Provider value={till}>
        <ManageScreen />
      </TillApiContext.Provider>,
    );
  });
  world = { root, container, held };
  return world;
}

const button = (w: World, section: string, text: string): HTMLButtonElement => {
  const found = [
    ...w.container.querySelectorAll<HTMLButtonElement>(`[aria-labelledby="${section}"] button`),
  ].find((b) => b.textContent === text);
  if (!found) throw new Error(`no button "${text}" in ${section}`);
  return found;
};
const verifyButton = (w: World) => button(w, 'manage-verify', 'Vérifier le journal');
/** The buttons that start a task (the archive check waits for a file, the wipe's steps are not tasks). */
const taskButtons = (w: World) => [
  ...w.container.querySelectorAll<HTMLButtonElement>(
    '[aria-labelledby="manage-exports"] button, [aria-labelledby="manage-verify"] button, [aria-labelledby="manage-backup"] button, [aria-labelledby="manage-diagnostic"] button, [aria-labelledby="manage-privacy"] button, [aria-labelledby="manage-update"] button',
  ),
];
const banner = (w: World) => w.container.querySelector('[role="alert"]');

async function click(b: HTMLButtonElement): Promise<void> {
  await act(async () => b.click());
}

beforeAll(() => {
  initI18n('fr');
});

afterEach(() => {
  act(() => world?.root.unmount());
  world?.container.remove();
  world = null;
});

describe('Gestion, one task at a time', () => {
  it('disables every task button while a call runs, and Enter in a form starts nothing meanwhile', async () => {
    const w = await mount();
    expect(taskButtons(w).length).toBeGreaterThan(8);
    expect(taskButtons(w).filter((b) => b.disabled)).toEqual([]);

    await click(verifyButton(w));
    expect(w.held.map((h) => h.name)).toEqual(['journal.verify']);
    expect(taskButtons(w).filter((b) => !b.disabled)).toEqual([]);
    await act(async () =>
      w.container.querySelector<HTMLFormElement>('[aria-labelledby="manage-exports"] form')!.requestSubmit(),
    );
    expect(w.held.map((h) => h.name)).toEqual(['journal.verify']);

    await w.held[0]!.answer({ ok: true, value: { ok: true, count: 12 } });
    expect(taskButtons(w).filter((b) => b.disabled)).toEqual([]);
    expect(w.container.querySelector('[role="status"][data-task="journal.verify"]')?.textContent).toContain(
      '12',
    );
  });

  it('shows the refusal in the banner, and clears it (and the buttons) when the next task starts', async () => {
    const w = await mount();
    await click(button(w, 'manage-diagnostic', 'Exporter un diagnostic'));
    await w.held[0]!.answer({ ok: false, error: { code: 'DISK_FULL' } });
    expect(banner(w)?.getAttribute('data-code')).toBe('DISK_FULL');
    expect(verifyButton(w).disabled).toBe(false);

    await click(verifyButton(w));
    expect(banner(w)).toBeNull();
    expect(verifyButton(w).disabled).toBe(true);
    await w.held[1]!.answer({ ok: false, error: { code: 'CORE_UNAVAILABLE' } });
    expect(banner(w)?.getAttribute('data-code')).toBe('CORE_UNAVAILABLE');
    expect(verifyButton(w).disabled).toBe(false);
  });
});
