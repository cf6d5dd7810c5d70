// @vitest-environment happy-dom
// Gestion runs one task at a time (screens/manage/use-manage-tasks.ts, over useCall): while a task's call is
// in flight every task button is disabled and Enter in a form starts nothing; a refusal shows in the banner,
// and the next task clears it. The till is faked at the contract's boundary: the tasks' calls are held until
// the test answers them; the sections' own loads answer at once.
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CallResult, ClosureView } from '../../../preload/contract';
import {
  fakeTill,
  heldCalls,
  mountUi,
  ok,
  unknownCall,
  unmountAll,
  type HeldCall,
} from '../../../test/support/renderer-harness';
import { initI18n } from '../i18n';
import { ManageScreen } from './ManageScreen';

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

interface World {
  container: HTMLElement;
  /** The task calls made so far, in order, each waiting for its answer. */
  held: HeldCall[];
}

async function mount(): Promise<World> {
  const { held, hold } = heldCalls();
  const till = fakeTill(
    {
      'closure.list': () => ok([closure]),
      'update.feed': () => ok({ feedUrl: null }),
      'staff.list': () => ok([]),
      'manage.backupStatus': unknownCall,
      'manage.privacy': unknownCall,
    },
    hold,
  );
  const { container } = await mountUi(<ManageScreen />, { till });
  return { container, held };
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

async function answer(call: HeldCall | undefined, result: CallResult<unknown>): Promise<void> {
  await act(async () => call!.answer(result));
}

async function click(b: HTMLButtonElement): Promise<void> {
  await act(async () => b.click());
}

beforeAll(() => {
  initI18n('fr');
});

afterEach(unmountAll);

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

    await answer(w.held[0], { ok: true, value: { ok: true, count: 12 } });
    expect(taskButtons(w).filter((b) => b.disabled)).toEqual([]);
    expect(w.container.querySelector('[role="status"][data-task="journal.verify"]')?.textContent).toContain(
      '12',
    );
  });

  it('shows the refusal in the banner, and clears it (and the buttons) when the next task starts', async () => {
    const w = await mount();
    await click(button(w, 'manage-diagnostic', 'Exporter un diagnostic'));
    await answer(w.held[0], { ok: false, error: { code: 'DISK_FULL' } });
    expect(banner(w)?.getAttribute('data-code')).toBe('DISK_FULL');
    expect(verifyButton(w).disabled).toBe(false);

    await click(verifyButton(w));
    expect(banner(w)).toBeNull();
    expect(verifyButton(w).disabled).toBe(true);
    await answer(w.held[1], { ok: false, error: { code: 'CORE_UNAVAILABLE' } });
    expect(banner(w)?.getAttribute('data-code')).toBe('CORE_UNAVAILABLE');
    expect(verifyButton(w).disabled).toBe(false);
  });
});
