// Staff sessions: who is at the till. Every journal entry records who did it.
import { z } from 'zod';
import type { StaffView } from './till';
import { call } from './define';
import { emptyInput, idSchema } from './schemas';

export const pinSchema = z.string().regex(/^\d{4,8}$/);

export const staffCalls = {
  'staff.list': call<StaffView[]>()(emptyInput, 'none'),
  'staff.login': call<StaffView>()(z.object({ staffId: idSchema, pin: pinSchema }).strict(), 'none'),
  'staff.logout': call<null>()(emptyInput, 'cashier'),
  'staff.add': call<StaffView>()(
    z.object({ name: z.string().trim().min(1).max(60), role: z.enum(['cashier', 'manager']), pin: pinSchema }).strict(),
    'manager',
  ),
};
