// Browser mode through its supervisor: the host process keeps the HTTP/SSE server, the core runs in a
// forked process. A SIGKILLed core comes back on its own; the page's URL (port and per-launch secret)
// still works, its open event stream stays open and receives the new core's status, and a clean stop of
// the host stops the core with it (SHUTDOWN journalled).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { JOURNAL_FILE_NAME } from '../../main/journal/wipe';
import { startTillHost, type TillHandle } from '../support/till-host';
import { makeTempDir } from '../support/tmp';
import { until } from './until';

let host: TillHandle;
const tmp = makeTempDir('browser-restart');
const dataDir = join(tmp.dir, 'data');

beforeAll(async () => {
  host = await startTillHost({ dataDir });
}, 90_000);

afterAll(async () => {
  await host?.stop();
  tmp.remove();
});

function api(path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  const secret = /#k=(.+)$/.exec(host.url)?.[1] ?? '';
  return fetch(`${host.origin}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'x-till-secret': secret, origin: host.origin, 'content-type': 'application/json' },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
}

const call = async (name: string, input: unknown = {}) =>
  (await (await api(`/api/call/${name}`, { method: 'POST', body: { input } })).json()) as {
    ok: boolean;
    value?: unknown;
    error?: { code: string };
  };

describe('browser mode with the core in its own process', () => {
  it('keeps the URL and the event stream across a core restart', async () => {
    expect(await call('till.status')).toMatchObject({ ok: true, value: { enrolled: false } });
    const firstCore = await until('the first core', () => host.corePid() ?? undefined);
    expect(firstCore).not.toBe(host.process.pid);

    const events = await api('/api/events');
    expect(events.status).toBe(200);
    const reader = events.body!.pipeThrough(new TextDecoderStream()).getReader();
    let streamed = '';
    void (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        streamed += value;
      }
    })().catch(() => undefined);

    process.kill(firstCore!, 'SIGKILL');
    const secondCore = await until('a new core', () => {
      const pid = host.corePid();
      return pid !== null && pid !== firstCore ? pid : undefined;
    });
    expect(secondCore).toBeGreaterThan(0);
    expect(host.logs()).toContain('"signal":"SIGKILL"');

    // Same URL, same secret, same stream: the relayed call reaches the new core.
    expect(await call('till.status')).toMatchObject({ ok: true, value: { enrolled: false, staff: null } });
    expect(await call('no.such.call')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    // The stream opened before the kill is still open and carries the new core's status.
    await until("the new core's status on the old stream", () =>
      /event: status\ndata: \{[^\n]*"staff":null/.test(streamed) ? true : undefined,
    );
    expect(streamed.startsWith(': connected')).toBe(true);
    await reader.cancel();

    await host.stop();
    const db = new Database(join(dataDir, JOURNAL_FILE_NAME), { readonly: true });
    try {
      const kinds = (db.prepare('SELECT kind FROM entries ORDER BY seq').all() as { kind: string }[]).map(
        (r) => r.kind,
      );
      // Two cores started; the killed one left no SHUTDOWN, the stopped one did.
      expect(kinds.filter((k) => k === 'STARTUP')).toHaveLength(2);
      expect(kinds.at(-1)).toBe('SHUTDOWN');
    } finally {
      db.close();
    }
  }, 90_000);
});
