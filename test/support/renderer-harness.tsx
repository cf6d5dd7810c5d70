// The renderer's component tests drive real React code against fakes at its two boundaries: the till
// (window.till's contract: each call answered by name, or held until the test answers it) and the shell
// (status, beeps, scan routing). Mounting goes through act so that effects have run before a test looks.
import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { CallName, CallResult, TillApi, TillStatus } from '../../preload/contract';
import { ShellContext, type ShellApi } from '../../renderer/src/shell/shell-context';
import { TillApiContext } from '../../renderer/src/till-context';

// React warns (and flushes lazily) unless it is told that the tests wrap their updates in act.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

type Answered = CallResult<unknown> | Promise<CallResult<unknown>>;
export type FakeCall = (name: CallName, input: unknown) => Answered;

/** A call this till does not know: the screens treat it as they would any refusal. */
export const unknownCall = (): CallResult<unknown> => ({ ok: false, error: { code: 'UNKNOWN_CALL' } });

/** A till whose calls are answered by `answers`, by name; the others by `otherwise`. */
export function fakeTill(
  answers: Partial<Record<CallName, (input: unknown) => Answered>>,
  otherwise: FakeCall = unknownCall,
): TillApi {
  const invoke = (name: CallName, input: unknown): Promise<CallResult<unknown>> => {
    const answer = answers[name];
    return Promise.resolve(answer ? answer(input) : otherwise(name, input));
  };
  return { transport: 'http', on: () => () => undefined, invoke: invoke as TillApi['invoke'] };
}

/** The answer of a call that succeeded. */
export const ok = (value: unknown): CallResult<unknown> => ({ ok: true, value });

export interface HeldCall {
  name: CallName;
  input: unknown;
  answer(result: CallResult<unknown>): void;
  fail(error: Error): void;
}

/** Calls that wait until the test answers them (to see a screen while its call is in flight), in order. */
export function heldCalls(): { held: HeldCall[]; hold: FakeCall } {
  const held: HeldCall[] = [];
  const hold: FakeCall = (name, input) =>
    new Promise<CallResult<unknown>>((resolve, reject) => {
      held.push({ name, input, answer: resolve, fail: reject });
    });
  return { held, hold };
}

/** A shell with nothing to say: a manager, an empty status, beeps and scan routing that go nowhere. */
export function fakeShell(overrides: Partial<ShellApi> = {}): ShellApi {
  return {
    status: {} as TillStatus,
    refreshStatus: () => undefined,
    beep: () => undefined,
    setScanTarget: () => undefined,
    isManager: true,
    applySettings: () => undefined,
    ...overrides,
  };
}

export interface Mounted {
  container: HTMLElement;
  /** Unmounts now (a screen that is gone); the cleanup after the test then has nothing left to do. */
  unmount(): void;
}

const mounted: { root: Root; container: HTMLElement }[] = [];

/** Renders `ui` in the document inside the till's (and, if given, the shell's) provider. */
export async function mountUi(
  ui: ReactElement,
  fakes: { till: TillApi; shell?: ShellApi },
): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const entry = { root, container };
  mounted.push(entry);
  const inShell = fakes.shell ? <ShellContext.Provider value={fakes.shell}>{ui}</ShellContext.Provider> : ui;
  await act(async () => {
    root.render(<TillApiContext.Provider value={fakes.till}>{inShell}</TillApiContext.Provider>);
  });
  return { container, unmount: () => unmountEntry(entry) };
}

function unmountEntry(entry: { root: Root; container: HTMLElement }): void {
  const at = mounted.indexOf(entry);
  if (at < 0) return;
  mounted.splice(at, 1);
  act(() => entry.root.unmount());
  entry.container.remove();
}

/** For afterEach: unmounts whatever the test left mounted, so that no screen outlives its test. */
export function unmountAll(): void {
  for (const entry of [...mounted]) unmountEntry(entry);
}

/** Types into a controlled input the way the browser does: the value, then an input event React hears. */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
