// The till as the core process serves it: calls that arrive on an endpoint (a renderer's MessagePort in
// Electron, the supervisor's channel in browser mode) go through the one dispatch table, and every event
// goes back out on each endpoint. Messages are validated before dispatch sees them.
import type { CallResult } from '../../preload/contract';
import type { PortReply } from '../../preload/contract/ipc';
import type { EventBus } from '../core/event-bus';
import type { Dispatch } from '../transport/dispatch';
import type { Endpoint } from './endpoint';
import { callIdOf, parsePortCall } from './messages';

export interface ServableTill {
  dispatch: Dispatch;
  events: EventBus;
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

const reply = (endpoint: Endpoint, message: PortReply): void => endpoint.post(message);

/** A result that cannot cross (a value structured clone refuses) still answers its caller, coded. */
function replyResult(endpoint: Endpoint, id: number, result: CallResult<unknown>): void {
  try {
    reply(endpoint, { kind: 'result', id, result });
  } catch (error) {
    reply(endpoint, {
      kind: 'result',
      id,
      result: {
        ok: false,
        error: { code: 'INTERNAL', detail: `result not transferable: ${String(error).slice(0, 120)}` },
      },
    });
  }
}

/**
 * Answers one message if it is a call (or a malformed one that names an id). Returns false when the
 * message is something else, for the caller to route.
 */
export function answerCall(till: ServableTill, endpoint: Endpoint, data: unknown): boolean {
  const call = parsePortCall(data);
  if (!call) {
    const id =
      typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'call'
        ? callIdOf(data)
        : null;
    if (id === null) return false;
    reply(endpoint, {
      kind: 'result',
      id,
      result: {
        ok: false,
        error: { code: 'INPUT_INVALID', detail: 'malformed call message' },
      } satisfies CallResult<never>,
    });
    return true;
  }
  void till
    .dispatch(call.name, call.input)
    // dispatch turns every failure into a value; this only guards against a bug in dispatch itself.
    .catch((): CallResult<never> => ({ ok: false, error: { code: 'INTERNAL' } }))
    .then((result) => replyResult(endpoint, call.id, result));
  return true;
}

/** Pushes every event of the till to the endpoint until the returned function is called. */
export function forwardEvents(till: ServableTill, endpoint: Endpoint): () => void {
  return till.events.subscribe((event, payload) => reply(endpoint, { kind: 'event', event, payload }));
}

/**
 * A renderer's port: calls in, results and events out, for as long as the page holds its end. The page
 * gets the till's status at once, so a UI that reconnects after a core restart learns that its staff
 * session is gone (the session lives in the core's memory) and shows the login screen.
 */
export function servePort(till: ServableTill & { status(): unknown }, port: Endpoint, log: Log): void {
  const stop = forwardEvents(till, port);
  port.onClose(stop);
  port.onMessage((data) => {
    if (!answerCall(till, port, data)) log('port message ignored: not a call');
  });
  reply(port, { kind: 'event', event: 'status', payload: till.status() });
}
