// How a call of the contract is declared: an input schema (validated by both transports before the core
// sees anything), a phantom output type, and the role the session must hold.
import type { z } from 'zod';

export type Role = 'none' | 'cashier' | 'manager';

export interface CallSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Who may make the call: 'none' needs no staff session (status, enrolment, login). */
  readonly role: Role;
  /** Phantom: carries the output type only. */
  readonly output?: O;
}

export function call<O>() {
  return <I extends z.ZodType>(input: I, role: Role = 'cashier'): CallSpec<I, O> => ({ input, role });
}

export type CallTable = Record<string, CallSpec>;
