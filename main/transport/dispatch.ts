// The one dispatch table both transports (Electron IPC, browser-mode HTTP) call through.
// Every input is validated against the contract's schema before a handler sees it, the session's role is
// checked, and every failure leaves as an error value with a code, never as a thrown exception.
import {
  calls,
  TillError,
  type CallName,
  type CallOutput,
  type CallResult,
  type Calls,
} from '../../preload/contract';
import type { Role } from '../../preload/contract/define';
import { storageError } from '../journal/storage-errors';
import type { z } from 'zod';

export type Handler<K extends CallName> = (
  input: z.output<Calls[K]['input']>,
) => Promise<CallOutput<K>> | CallOutput<K>;
export type Handlers = { [K in CallName]: Handler<K> };

export interface DispatchOptions {
  /** The role of the staff session now open ('none' when nobody is logged in). */
  currentRole: () => Role;
  /** Called with unexpected errors (bugs): they are logged, and the caller gets INTERNAL. */
  onInternalError?: (name: string, error: unknown) => void;
}

export type Dispatch = (name: string, input: unknown) => Promise<CallResult<unknown>>;

const ROLE_RANK: Record<Role, number> = { none: 0, cashier: 1, manager: 2 };

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(calls, name);
}

export function createDispatch(handlers: Handlers, options: DispatchOptions): Dispatch {
  return async (name, input) => {
    if (!isCallName(name)) return { ok: false, error: { code: 'UNKNOWN_CALL', detail: name.slice(0, 64) } };
    const spec = calls[name];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(input)'}: ${first.message}` : 'invalid';
      return { ok: false, error: { code: 'INPUT_INVALID', detail: where } };
    }
    const role = options.currentRole();
    if (ROLE_RANK[role] < ROLE_RANK[spec.role]) {
      return {
        ok: false,
        error: { code: role === 'none' ? 'NOT_LOGGED_IN' : 'ROLE_REQUIRED', params: { role: spec.role } },
      };
    }
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown> | unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof TillError) return { ok: false, error: error.toValue() };
      // A full or read-only disk can surface from any store a handler writes (scans, outbox, settings).
      const storage = storageError(error);
      if (storage) return { ok: false, error: storage.toValue() };
      options.onInternalError?.(name, error);
      return { ok: false, error: { code: 'INTERNAL' } };
    }
  };
}
