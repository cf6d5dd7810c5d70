// The activation QR format (docs/activation-qr.md): round trips, what a scanner may do to the text, and
// everything else refused with a reason.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_PREFIX, encodeActivation, isActivationText, parseActivation } from './activation-qr';

const activation = {
  regionUrl: 'https://atouts.normandie.fr/api',
  partnerId: 'P-0042',
  activationCode: 'ACT-D4Q2-FZ4Y',
};

describe('the activation QR code', () => {
  it('round-trips, in characters any keyboard-wedge scanner types the same', () => {
    const text = encodeActivation(activation);
    expect(text.startsWith(ACTIVATION_PREFIX)).toBe(true);
    expect(text.slice(ACTIVATION_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(parseActivation(text)).toEqual({ ok: true, activation });
    // A scanner's trailing Enter or spaces, and a lower-case prefix (a scanner set to lower case letters).
    expect(parseActivation(`  ${text}\r\n`)).toEqual({ ok: true, activation });
    expect(isActivationText(text.replace('ATA1:', 'ata1:'))).toBe(true);
  });

  it('matches the documented example', () => {
    // docs/activation-qr.md, "Example".
    expect(
      encodeActivation({
        regionUrl: 'http://127.0.0.1:8080',
        partnerId: 'P-0001',
        activationCode: 'ACT-D4Q2-FZ4Y',
      }),
    ).toBe(
      'ATA1:eyJ2IjoxLCJyZWdpb24iOiJodHRwOi8vMTI3LjAuMC4xOjgwODAiLCJwYXJ0bmVyIjoiUC0wMDAxIiwiY29kZSI6IkFDVC1ENFEyLUZaNFkifQ',
    );
  });

  it('tells a pass or anything else from an activation, and refuses a malformed one', () => {
    expect(parseActivation('ATN1:6BFOXN*TS0BI$ZD.P9UOL97O4')).toEqual({
      ok: false,
      reason: 'NOT_ACTIVATION',
    });
    expect(parseActivation('P-0042')).toEqual({ ok: false, reason: 'NOT_ACTIVATION' });
    const b64 = (o: unknown) => `ATA1:${Buffer.from(JSON.stringify(o)).toString('base64url')}`;
    for (const bad of [
      'ATA1:',
      'ATA1:not base64!',
      b64({ v: 2, region: 'https://x.fr', partner: 'P-1', code: 'ACT-1234' }),
      b64({ v: 1, region: 'not a url', partner: 'P-1', code: 'ACT-1234' }),
      b64({ v: 1, region: 'https://x.fr', partner: 'P 1', code: 'ACT-1234' }),
      b64({ v: 1, region: 'https://x.fr', partner: 'P-1', code: 'ACT-1234', extra: true }),
      `ATA1:${'A'.repeat(700)}`,
    ]) {
      expect(parseActivation(bad), bad.slice(0, 30)).toEqual({ ok: false, reason: 'MALFORMED' });
    }
  });

  it('never throws, whatever is scanned', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const r = parseActivation(`ATA1:${s}`);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
