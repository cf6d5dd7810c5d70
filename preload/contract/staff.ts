// Staff sessions: who is at the till. Every journal entry records who did it.
import { z } from 'zod';
import type { StaffView } from './till';
import { call } from './define';
import { emptyInput, idSchema } from './schemas';

export const pinSchema = z.string().regex(/^\d{4,8}$/);
/** The PIN length the enrolment and staff forms ask of a manager (4 digits stay accepted for cashiers). */
export const MANAGER_PIN_DIGITS = 6;

/** A staff member with wrong PINs on record: waiting for `retryAt`, or locked until a manager unlocks. */
export interface StaffLockoutView {
  staffId: string;
  failures: number;
  locked: boolean;
  retryAt: string | null;
}

export const staffCalls = {
  'staff.list': call<StaffView[]>()(emptyInput, 'none'),
  'staff.login': call<StaffView>()(z.object({ staffId: idSchema, pin: pinSchema }).strict(), 'none'),
  'staff.logout': call<null>()(emptyInput, 'cashier'),
  /** Members with wrong PINs on record (manager's view). */
  'staff.lockouts': call<StaffLockoutView[]>()(emptyInput, 'manager'),
  /** A manager clears a member's wrong PINs, locked or waiting; journalled. */
  'staff.unlock': call<StaffLockoutView>()(z.object({ staffId: idSchema }).strict(), 'manager'),
  'staff.add': call<StaffView>()(
    z
      .object({
        name: z.string().trim().min(1).max(60),
        role: z.enum(['cashier', 'manager']),
        pin: pinSchema,
      })
      .strict(),
    'manager',
  ),
};
