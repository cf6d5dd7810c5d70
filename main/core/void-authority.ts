// Whose authority a void is made under. A manager's session voids on its own; on a cashier's session a
// manager types their PIN for this one void (the override): the PIN is checked by the staff directory, so
// whatever it enforces on logins (lockout included) applies here too, and the session stays the cashier's.
import { TillError, type StaffView, type VoidOverride } from '../../preload/contract';
import type { StaffDirectory } from '../staff/staff-directory';

export interface VoidAuthority {
  /** The manager who authorised a void made on someone else's session; absent when the session is a manager's. */
  authorisedBy?: string;
}

export function voidAuthority(
  session: StaffView | null,
  staff: Pick<StaffDirectory, 'authenticate'>,
  override: VoidOverride | undefined,
): VoidAuthority {
  if (!session) throw new TillError('NOT_LOGGED_IN');
  if (!override) {
    if (session.role !== 'manager')
      throw new TillError('ROLE_REQUIRED', 'a void needs a manager or a manager override', {
        role: 'manager',
      });
    return {};
  }
  let who: StaffView;
  try {
    who = staff.authenticate(override.staffId, override.pin);
  } catch (error) {
    // A wrong PIN says "the manager's PIN" (not the cashier's); any other refusal (a lockout) passes as is.
    if (error instanceof TillError && error.code === 'PIN_INVALID')
      throw new TillError('OVERRIDE_PIN_INVALID');
    throw error;
  }
  if (who.role !== 'manager') throw new TillError('OVERRIDE_NOT_MANAGER', `${who.id} is a ${who.role}`);
  return who.id === session.id ? {} : { authorisedBy: who.id };
}
