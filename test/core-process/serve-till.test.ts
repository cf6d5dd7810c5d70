// The core's call answering at its lowest level: whatever arrives on a port, its caller gets a coded
// answer or the message is not a call at all; a result that structured clone refuses still answers.
import { describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/event-bus';
import type { Endpoint } from '../../main/core-process/endpoint';
import { answerCall } from '../../main/core-process/serve-till';
import type { Dispatch } from '../../main/transport/dispatch';

/** An endpoint that clones what it posts as a MessagePort or the fork channel would (and throws where they throw). */
function cloningEndpoint(): { endpoint: Endpoint; posted: unknown[] } {
  const posted: unknown[] = [];
  return {
    posted,
    endpoint: {
      post: (m) => void posted.push(structuredClone(m)),
      onMessage: () => undefined,
      onClose: () => undefined,
      close: () => undefined,
    },
  };
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('answering a call on a port', () => {
  it('dispatches a well-formed call and answers with its id', async () => {
    const calls: [string, unknown][] = [];
    const dispatch: Dispatch = async (name, input) => (
      calls.push([name, input]),
      { ok: true, value: { echoed: name } }
    );
    const { endpoint, posted } = cloningEndpoint();
    expect(
      answerCall({ dispatch, events: new EventBus() }, endpoint, {
        kind: 'call',
        id: 3,
        name: 'till.status',
        input: { a: 1 },
      }),
    ).toBe(true);
    await settle();
    expect(calls).toEqual([['till.status', { a: 1 }]]);
    expect(posted).toEqual([
      { kind: 'result', id: 3, result: { ok: true, value: { echoed: 'till.status' } } },
    ]);
  });

  it('answers INPUT_INVALID to a malformed call that names its id, and leaves other messages to the caller', async () => {
    const dispatch: Dispatch = async () => {
      throw new Error('must not be called');
    };
    const { endpoint, posted } = cloningEndpoint();
    const till = { dispatch, events: new EventBus() };
    expect(answerCall(till, endpoint, { kind: 'call', id: 4, name: 'x'.repeat(65), input: {} })).toBe(true);
    expect(answerCall(till, endpoint, { kind: 'call', id: -1, name: 'till.status' })).toBe(false);
    expect(answerCall(till, endpoint, { kind: 'connect' })).toBe(false);
    expect(answerCall(till, endpoint, 'junk')).toBe(false);
    await settle();
    expect(posted).toEqual([
      {
        kind: 'result',
        id: 4,
        result: { ok: false, error: { code: 'INPUT_INVALID', detail: 'malformed call message' } },
      },
    ]);
  });

  it('answers INTERNAL when the result cannot be cloned, and when dispatch itself fails', async () => {
    const { endpoint, posted } = cloningEndpoint();
    const uncloneable: Dispatch = async () => ({ ok: true, value: { run: () => 1 } });
    answerCall({ dispatch: uncloneable, events: new EventBus() }, endpoint, {
      kind: 'call',
      id: 5,
      name: 'till.status',
      input: {},
    });
    const broken: Dispatch = () => Promise.reject(new Error('bug'));
    answerCall({ dispatch: broken, events: new EventBus() }, endpoint, {
      kind: 'call',
      id: 6,
      name: 'till.status',
      input: {},
    });
    await settle();
    expect(posted).toMatchObject([
      { kind: 'result', id: 5, result: { ok: false, error: { code: 'INTERNAL' } } },
      { kind: 'result', id: 6, result: { ok: false, error: { code: 'INTERNAL' } } },
    ]);
  });
});
