import { describe, expect, it } from 'vitest';
import { guardApiRequest, guardStaticRequest } from './request-guard';

const config = { port: 4321, secret: 's3cret-value' };
const good = {
  method: 'POST',
  host: '127.0.0.1:4321',
  origin: 'http://127.0.0.1:4321',
  secret: 's3cret-value',
  fetchSite: 'same-origin',
};

describe('browser-mode request guard', () => {
  it.each([
    ['our own page', good, true, undefined],
    [
      'localhost alias',
      { ...good, host: 'localhost:4321', origin: 'http://localhost:4321' },
      true,
      undefined,
    ],
    [
      'GET without Origin (same-origin fetch)',
      { ...good, method: 'GET', origin: undefined },
      true,
      undefined,
    ],
    ['no secret', { ...good, secret: undefined }, false, 401],
    ['wrong secret', { ...good, secret: 's3cret-valuf' }, false, 401],
    ['secret of another length', { ...good, secret: 's3cret' }, false, 401],
    ['another origin', { ...good, origin: 'http://evil.example' }, false, 403],
    ['another port on loopback', { ...good, origin: 'http://127.0.0.1:9999' }, false, 403],
    ['POST without Origin', { ...good, origin: undefined }, false, 403],
    ['cross-site fetch', { ...good, fetchSite: 'cross-site' }, false, 403],
    ['DNS rebinding Host', { ...good, host: 'evil.example:4321' }, false, 421],
    ['no Host', { ...good, host: undefined }, false, 421],
  ])('%s', (_name, input, ok, status) => {
    const decision = guardApiRequest(input, config);
    expect(decision.ok).toBe(ok);
    if (!decision.ok) expect(decision.status).toBe(status);
  });

  it('serves static files only to our own host name', () => {
    expect(guardStaticRequest('127.0.0.1:4321', 4321).ok).toBe(true);
    expect(guardStaticRequest('attacker.example:4321', 4321).ok).toBe(false);
  });
});
