// @vitest-environment happy-dom
// useCall, as a screen uses it: the till is faked at the contract's boundary (invoke), answers held until
// the test lets them go, so busy can be seen while a call is in flight.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeTill, heldCalls, mountUi, unmountAll, type Mounted } from '../../test/support/renderer-harness';
import { useCall, type TillCall } from './use-call';

async function mount(): Promise<{
  call(): TillCall;
  held: ReturnType<typeof heldCalls>['held'];
  ui: Mounted;
}> {
  const { held, hold } = heldCalls();
  let latest: TillCall | null = null;
  function Probe() {
    latest = useCall();
    return null;
  }
  const ui = await mountUi(<Probe />, { till: fakeTill({}, hold) });
  return {
    call: () => {
      if (!latest) throw new Error('not rendered');
      return latest;
    },
    held,
    ui,
  };
}

/** Starts a call the way a click handler does, and keeps what its promise gives back ('unset' until then). */
function started<T>(start: () => Promise<T>): { value: T | 'unset' } {
  const kept: { value: T | 'unset' } = { value: 'unset' };
  act(() => {
    void start().then((v) => (kept.value = v));
  });
  return kept;
}

afterEach(unmountAll);

describe('useCall', () => {
  it('is busy while a run is in flight, and gives the value back', async () => {
    const w = await mount();
    const value = started(() => w.call().run('closure.list', {}));
    expect(w.call().busy).toBe(true);
    await act(async () => w.held[0]?.answer({ ok: true, value: [] }));
    expect(w.call().busy).toBe(false);
    expect(value.value).toEqual([]);
    expect(w.call().error).toBeNull();
  });

  it('keeps a refusal for the banner, and clears it when the next call starts', async () => {
    const w = await mount();
    const value = started(() => w.call().run('closure.closeDay', {}));
    await act(async () => w.held[0]?.answer({ ok: false, error: { code: 'DISK_FULL' } }));
    expect(value.value).toBeNull();
    expect(w.call().error).toEqual({ code: 'DISK_FULL' });
    act(() => void w.call().run('closure.list', {}));
    expect(w.call().error).toBeNull();
    await act(async () => w.held[1]?.answer({ ok: true, value: [] }));
  });

  it('reports a transport that throws as CORE_UNAVAILABLE and is no longer busy', async () => {
    const w = await mount();
    act(() => void w.call().run('closure.list', {}));
    await act(async () => w.held[0]?.fail(new Error('port closed')));
    expect(w.call().busy).toBe(false);
    expect(w.call().error).toEqual({ code: 'CORE_UNAVAILABLE' });
  });

  it('load leaves the buttons enabled; busy counts overlapping runs', async () => {
    const w = await mount();
    act(() => void w.call().load('statement.list', {}));
    expect(w.call().busy).toBe(false);
    act(() => {
      void w.call().run('closure.list', {});
      void w.call().run('statement.list', {});
    });
    await act(async () => w.held[1]?.answer({ ok: true, value: [] }));
    expect(w.call().busy).toBe(true);
    await act(async () => w.held[2]?.answer({ ok: true, value: [] }));
    expect(w.call().busy).toBe(false);
    await act(async () => w.held[0]?.answer({ ok: true, value: [] }));
  });

  it('drops an answer that arrives after the screen is gone', async () => {
    const w = await mount();
    const value = started(() => w.call().run('closure.list', {}));
    w.ui.unmount();
    await act(async () => w.held[0]?.answer({ ok: false, error: { code: 'DISK_FULL' } }));
    expect(value.value).toBeNull();
  });

  it('attempt hands back the whole result: a refusal to act on, and undefined once the screen is gone', async () => {
    const w = await mount();
    const result = started(() => w.call().attempt('coupon.resolve', { text: 'X' }));
    expect(w.call().busy).toBe(true);
    await act(async () => w.held[0]?.answer({ ok: false, error: { code: 'TOKEN_INVALID' } }));
    expect(result.value).toEqual({ ok: false, error: { code: 'TOKEN_INVALID' } });
    expect(w.call().error).toEqual({ code: 'TOKEN_INVALID' });
    expect(w.call().busy).toBe(false);
    const late = started(() => w.call().attempt('coupon.resolve', { text: 'Y' }));
    w.ui.unmount();
    await act(async () => w.held[1]?.answer({ ok: false, error: { code: 'TOKEN_INVALID' } }));
    expect(late.value).toBeUndefined();
  });
});
