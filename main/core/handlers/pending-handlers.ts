// Calls of the contract whose core side is being built. Each answers UNKNOWN_CALL until its module
// replaces it here. (Every call is implemented today; the group stays as the place for the next ones.)
import type { Handlers } from '../../transport/dispatch';

type Pending = never;

export function pendingHandlers(): Pick<Handlers, Pending> {
  return {};
}
