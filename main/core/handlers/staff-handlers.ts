// Staff sessions: login with a PIN, logout, adding staff (manager only). Logins are journal entries.
import type { Handlers } from '../../transport/dispatch';
import type { TillContext } from '../context';

export function staffHandlers(ctx: TillContext): Pick<Handlers, 'staff.list' | 'staff.login' | 'staff.logout' | 'staff.add'> {
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
  };
}
