import { expect, it } from 'vitest';
import { patchSettings } from './settings-patch';

it('takes the fields a call names, null included, and keeps the ones it leaves out or leaves undefined', () => {
  const current = { host: '192.0.2.10' as string | null, port: 9100, width: 80, autoPrint: true };
  expect(patchSettings(current, { host: null, port: undefined, width: 58 })).toEqual({
    host: null,
    port: 9100,
    width: 58,
    autoPrint: true,
  });
  expect(current).toEqual({ host: '192.0.2.10', port: 9100, width: 80, autoPrint: true });
});
