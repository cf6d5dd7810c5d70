// Issue 15 item 4, as an attacker who holds the browser-mode URL would try it: every six-digit PIN in
// order, over real HTTP to the real host in front of a real till core. The core's clock is injected:
// when the till says "wait", the test moves the clock instead of sleeping. The guessing stops at the
// lock, the right PIN no longer opens the session, and only a manager's unlock does.
import { request } from 'node:http';
import { expect, it } from 'vitest';
import { SECRET_HEADER } from '../../main/host/browser-host';
import { hostedCoreForTests } from '../support/till-for-tests';

const SECRET = '0c6f1e2d3b4a59687786950a4b3c2d1e';
let nowMs = Date.parse('2026-03-10T09:00:00.000Z');
const { till, host } = hostedCoreForTests({
  secret: SECRET,
  till: { now: () => nowMs, sessionClock: () => nowMs },
});

type Answer =
  | { ok: true; value: unknown }
  | { ok: false; error: { code: string; params?: Record<string, string | number> } };

function call(name: string, input: unknown): Promise<Answer> {
  const own = `127.0.0.1:${host.port}`;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        path: `/api/call/${name}`,
        method: 'POST',
        headers: {
          host: own,
          origin: `http://${own}`,
          [SECRET_HEADER]: SECRET,
          'content-type': 'application/json',
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve(JSON.parse(text) as Answer));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify({ input }));
  });
}

it('brute force through the browser host stops at the lock; waits are honoured by the clock, not sleeps', async () => {
  const claire = till.context.staff.add('Claire', 'manager', '000017');
  const karim = till.context.staff.add('Karim', 'manager', '246810');
  let checked = 0;
  let waitedMs = 0;
  let last: Answer | undefined;
  for (let candidate = 0; candidate < 1_000_000;) {
    const pin = String(candidate).padStart(6, '0');
    last = await call('staff.login', { staffId: claire.id, pin });
    if (!last.ok && last.error.code === 'PIN_RETRY_LATER') {
      // An early try is refused before the PIN is looked at: wait as told (on the till's clock) and retry it.
      const seconds = Number(last.error.params?.['seconds']);
      expect(seconds).toBeGreaterThan(0);
      nowMs += seconds * 1000;
      waitedMs += seconds * 1000;
      continue;
    }
    if (!last.ok && last.error.code === 'STAFF_LOCKED') break;
    expect(last).toEqual({ ok: false, error: { code: 'PIN_INVALID' } });
    checked += 1;
    candidate += 1;
  }
  // Ten PINs were ever compared (000000..000009), then the lock: the right one (000017) was never reached.
  expect(checked).toBe(10);
  expect(last).toMatchObject({ ok: false, error: { code: 'STAFF_LOCKED' } });
  expect(waitedMs).toBe((30 + 60 + 120 + 240 + 480) * 1000);
  nowMs += 30 * 86_400_000;
  expect(await call('staff.login', { staffId: claire.id, pin: '000017' })).toMatchObject({
    ok: false,
    error: { code: 'STAFF_LOCKED' },
  });
  expect(till.journal.list({ kinds: ['LOGIN_FAILED'] })).toHaveLength(10);
  expect(till.journal.list({ kinds: ['STAFF_LOCKED'] }).map((e) => e.payload)).toEqual([
    { staffId: claire.id, failures: 10 },
  ]);

  // Nobody logged in cannot unlock; another manager can.
  expect(await call('staff.unlock', { staffId: claire.id })).toMatchObject({
    ok: false,
    error: { code: 'NOT_LOGGED_IN' },
  });
  expect(await call('staff.login', { staffId: karim.id, pin: '246810' })).toMatchObject({ ok: true });
  expect(await call('staff.lockouts', {})).toEqual({
    ok: true,
    value: [{ staffId: claire.id, failures: 10, locked: true, retryAt: null }],
  });
  expect(await call('staff.unlock', { staffId: claire.id })).toMatchObject({
    ok: true,
    value: { locked: false, failures: 0 },
  });
  expect(await call('staff.logout', {})).toMatchObject({ ok: true });
  expect(await call('staff.login', { staffId: claire.id, pin: '000017' })).toMatchObject({
    ok: true,
    value: { id: claire.id },
  });
});

it("ends the core's session after ten idle minutes, whatever the page does", async () => {
  const [manager] = till.context.staff.views();
  expect((await call('staff.login', { staffId: manager!.id, pin: '000017' })).ok).toBe(true);
  nowMs += 9 * 60_000;
  expect((await call('journal.verify', {})).ok).toBe(true);
  nowMs += 10 * 60_000;
  expect(await call('journal.verify', {})).toMatchObject({ ok: false, error: { code: 'NOT_LOGGED_IN' } });
  expect(till.status().staff).toBeNull();
  const logout = till.journal.list({ kinds: ['LOGOUT'], order: 'desc', limit: 1 })[0];
  expect(logout).toMatchObject({
    cashierId: manager!.id,
    payload: { staffId: manager!.id, reason: 'idle' },
    at: new Date(nowMs).toISOString(),
  });
});
