import { describe, expect, it } from 'vitest';
import { TillError } from '../../preload/contract';
import type { Role } from '../../preload/contract/define';
import { createDispatch, type Handlers } from './dispatch';

function dispatchWith(role: Role, overrides: Partial<Handlers> = {}) {
  const handlers = {
    'till.status': () => ({ enrolled: false }),
    'debit.submit': (input: unknown) => ({ echoed: input }),
    'staff.add': () => {
      throw new TillError('PIN_INVALID');
    },
    'pass.scan': () => {
      throw new Error('bug');
    },
    ...overrides,
  } as unknown as Handlers;
  const internal: string[] = [];
  return {
    dispatch: createDispatch(handlers, { currentRole: () => role, onInternalError: (n) => internal.push(n) }),
    internal,
  };
}

const debit = { scanId: 'abc-123', category: 'CINEMA', item: 'SEANCE', priceCents: 950, amountCents: 700 };

describe('the one dispatch table', () => {
  it('refuses a call the contract does not have', async () => {
    expect(await dispatchWith('manager').dispatch('shell.exec', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CALL', detail: 'shell.exec' },
    });
  });

  it('validates input before the handler sees it', async () => {
    const { dispatch } = dispatchWith('cashier');
    const r = await dispatch('debit.submit', { ...debit, amountCents: 7.5 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('INPUT_INVALID');
    const extra = await dispatch('debit.submit', { ...debit, walletOverride: true });
    expect(extra.ok).toBe(false);
  });

  it('passes validated input through', async () => {
    expect(await dispatchWith('cashier').dispatch('debit.submit', debit)).toEqual({
      ok: true,
      value: { echoed: debit },
    });
  });

  it('checks the session role', async () => {
    const none = await dispatchWith('none').dispatch('debit.submit', debit);
    expect(none).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
    const cashier = await dispatchWith('cashier').dispatch('staff.add', {
      name: 'X',
      role: 'cashier',
      pin: '1234',
    });
    expect(cashier).toMatchObject({ ok: false, error: { code: 'ROLE_REQUIRED' } });
    expect(await dispatchWith('none').dispatch('till.status', {})).toMatchObject({ ok: true });
  });

  it('turns a TillError into its code and a bug into INTERNAL', async () => {
    const manager = dispatchWith('manager');
    expect(await manager.dispatch('staff.add', { name: 'X', role: 'cashier', pin: '1234' })).toEqual({
      ok: false,
      error: { code: 'PIN_INVALID' },
    });
    expect(await manager.dispatch('pass.scan', { text: 'x', source: 'paste' })).toEqual({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(manager.internal).toEqual(['pass.scan']);
  });
});
