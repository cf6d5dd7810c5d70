// Staff sessions: login with a PIN, logout, adding staff and clearing a member's wrong PINs (manager
// only). Logins, wrong PINs, locks and unlocks are journal entries (staff-directory.ts, pin-lockout.ts).
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';

type StaffCalls =
  'staff.list' | 'staff.login' | 'staff.logout' | 'staff.add' | 'staff.lockouts' | 'staff.unlock';

export type StaffHandlerDeps = Pick<
  TillContext,
  'journal' | 'staff' | 'session' | 'setSession' | 'cashierId' | 'publishStatus'
>;

export function staffHandlers(ctx: StaffHandlerDeps): Pick<Handlers, StaffCalls> {
  return {
    'staff.list': () => ctx.staff.views(),
    'staff.login': (input) => {
      const who = ctx.staff.authenticate(input.staffId, input.pin);
      ctx.setSession(who);
      ctx.journal.append({ kind: 'LOGIN', cashierId: who.id, payload: { staffId: who.id, role: who.role } });
      ctx.publishStatus();
      return who;
    },
    'staff.logout': () => {
      const who = ctx.session();
      if (who) ctx.journal.append({ kind: 'LOGOUT', cashierId: who.id, payload: { staffId: who.id } });
      ctx.setSession(null);
      ctx.publishStatus();
      return null;
    },
    'staff.add': (input) => ctx.staff.add(input.name, input.role, input.pin),
    'staff.lockouts': () => ctx.staff.lockouts(),
    'staff.unlock': (input) => ctx.staff.unlock(input.staffId, ctx.cashierId()),
  };
}
