// @vitest-environment happy-dom
// useCall, as a screen uses it: the till is faked at the contract's boundary (invoke), answers held until
// the test lets them go, so busy can be seen while a call is in flight.
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallName, CallResult, TillApi } from '../../preload/contract';
import { TillApiContext } from './till-context';
import { useCall, type TillCall } from './use-call';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Pending {
  name: CallName;
  answer(result: CallResult<unknown>): void;
  fail(error: Error): void;
}

let root: Root | null = null;

function mount(): { call(): TillCall; pending: Pending[] } {
  const pending: Pending[] = [];
  const till: TillApi = {
    transport: 'http',
    on: () => () => undefined,
    invoke: ((name: CallName) =>
      new Promise<CallResult<unknown>>((resolve, reject) => {
        pending.push({ name, answer: resolve, fail: reject });
      })) as TillApi['invoke'],
  };
  let latest: TillCall | null = null;
  function Probe() {
    latest = useCall();
    return null;
  }
  const container = document.createElement('div');
  root = createRoot(container);
  act(() => {
    root?.render(
      <TillApiContext.Provider value={till}>
        <Probe />
      </TillApiContext.Provider>,
    );
  });
  return {
    call: () => {
      if (!latest) throw new Error('not rendered');
      return latest;
    },
    pending,
  };
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
});

describe('useCall', () => {
  it('is busy while a run is in flight, and gives the value back', async () => {
    const w = mount();
    let value: unknown = 'unset';
    act(() => {
      void w
        .call()
        .run('closure.list', {})
        .then((v) => (value = v));
    });
    expect(w.call().busy).toBe(true);
    await act(async () => w.pending[0]?.answer({ ok: true, value: [] }));
    expect(w.call().busy).toBe(false);
    expect(value).toEqual([]);
    expect(w.call().error).toBeNull();
  });

  it('keeps a refusal for the banner, and clears it when the next call starts', async () => {
    const w = mount();
    let value: unknown = 'unset';
    act(() => {
      void w
        .call()
        .run('closure.closeDay', {})
        .then((v) => (value = v));
    });
    await act(async () => w.pending[0]?.answer({ ok: false, error: { code: 'DISK_FULL' } }));
    expect(value).toBeNull();
    expect(w.call().error).toEqual({ code: 'DISK_FULL' });
    act(() => void w.call().run('closure.list', {}));
    expect(w.call().error).toBeNull();
    await act(async () => w.pending[1]?.answer({ ok: true, value: [] }));
  });

  it('reports a transport that throws as CORE_UNAVAILABLE and is no longer busy', async () => {
    const w = mount();
    act(() => void w.call().run('closure.list', {}));
    await act(async () => w.pending[0]?.fail(new Error('port closed')));
    expect(w.call().busy).toBe(false);
    expect(w.call().error).toEqual({ code: 'CORE_UNAVAILABLE' });
  });

  it('load leaves the buttons enabled; busy counts overlapping runs', async () => {
    const w = mount();
    act(() => void w.call().load('statement.list', {}));
    expect(w.call().busy).toBe(false);
    act(() => {
      void w.call().run('closure.list', {});
      void w.call().run('statement.list', {});
    });
    await act(async () => w.pending[1]?.answer({ ok: true, value: [] }));
    expect(w.call().busy).toBe(true);
    await act(async () => w.pending[2]?.answer({ ok: true, value: [] }));
    expect(w.call().busy).toBe(false);
    await act(async () => w.pending[0]?.answer({ ok: true, value: [] }));
  });

  it('drops an answer that arrives after the screen is gone', async () => {
    const w = mount();
    let value: unknown = 'unset';
    act(() => {
      void w
        .call()
        .run('closure.list', {})
        .then((v) => (value = v));
    });
    act(() => root?.unmount());
    root = null;
    await act(async () => w.pending[0]?.answer({ ok: false, error: { code: 'DISK_FULL' } }));
    expect(value).toBeNull();
  });

  it('attempt hands back the whole result: a refusal to act on, and undefined once the screen is gone', async () => {
    const w = mount();
    let result: unknown = 'unset';
    act(() => {
      void w
        .call()
        .attempt('coupon.resolve', { text: 'X' })
        .then((r) => (result = r));
    });
    expect(w.call().busy).toBe(true);
    await act(async () => w.pending[0]?.answer({ ok: false, error: { code: 'TOKEN_INVALID' } }));
    expect(result).toEqual({ ok: false, error: { code: 'TOKEN_INVALID' } });
    expect(w.call().error).toEqual({ code: 'TOKEN_INVALID' });
    expect(w.call().busy).toBe(false);
    act(() => {
      void w
        .call()
        .attempt('coupon.resolve', { text: 'Y' })
        .then((r) => (result = r));
    });
    act(() => root?.unmount());
    root = null;
    await act(async () => w.pending[1]?.answer({ ok: false, error: { code: 'TOKEN_INVALID' } }));
    expect(result).toBeUndefined();
  });
});
