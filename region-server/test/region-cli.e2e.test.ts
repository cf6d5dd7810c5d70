import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  BinaryBitmap,
  DecodeHintType,
  HybridBinarizer,
  QRCodeReader,
  RGBLuminanceSource,
} from '@zxing/library';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { regionForTests } from '../../test/support/region-for-tests';
import { makeTempDir } from '../../test/support/tmp';
import { verifyToken } from '../../protocol/pass-token';
import { parseActivation } from '../../protocol/activation-qr';
import type { Jwk } from '../../protocol/pass-token';
import { enrolTill } from './till-client';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = join(ROOT, 'region-server', 'cli', 'region.ts');

const region = regionForTests({ now: '2025-10-03T16:00:00.000Z' });
const temp = makeTempDir('region-cli');
afterAll(() => temp.remove());

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run(
    process.execPath,
    ['--import', 'tsx', CLI, ...args, '--url', region.url, '--admin-key', region.adminKey],
    { cwd: ROOT },
  );
}

function readQr(path: string): string {
  const png = PNG.sync.read(readFileSync(path));
  const luminance = new Uint8ClampedArray(png.width * png.height);
  for (let i = 0; i < luminance.length; i++) {
    const [r, g, b] = [png.data[i * 4] ?? 0, png.data[i * 4 + 1] ?? 0, png.data[i * 4 + 2] ?? 0];
    luminance[i] = Math.round(0.299 * r + 0.587 * g + 0.114 * b);
  }
  const bitmap = new BinaryBitmap(
    new HybridBinarizer(new RGBLuminanceSource(luminance, png.width, png.height)),
  );
  // The PNG is the generated code itself: read it as a pure barcode. Left to find the code as in a camera
  // frame, @zxing/library misses about one clean token-sized code in five (measured: 55 of 300).
  return new QRCodeReader().decode(bitmap, new Map([[DecodeHintType.PURE_BARCODE, true]])).getText();
}

describe('npm run region', () => {
  it('creates a beneficiary and mints a pass as a terminal QR code and a PNG a QR reader decodes', async () => {
    const created = JSON.parse(
      (
        await cli(
          'create-beneficiary',
          '--given-name',
          'Inès',
          '--family-name',
          'Benali',
          '--birth-date',
          '2008-09-09',
        )
      ).stdout,
    ) as { id: string };
    expect(created.id).toMatch(/^B-2025-/);
    const png = join(temp.dir, 'pass.png');
    const { stdout } = await cli('mint-pass', '--beneficiary', created.id, '--png', png);
    expect(stdout).toMatch(/[▀▄█]/);
    const result = JSON.parse(stdout.slice(stdout.indexOf('{'))) as { token: string; png: string };
    expect(result.token.startsWith('ATN1:')).toBe(true);
    expect(readQr(png)).toBe(result.token);
    const till = await enrolTill(region, ['CINEMA']);
    const keys = (await till.call('GET', '/v1/keys')).json.keys as Jwk[];
    expect(verifyToken(readQr(png), keys, Date.parse('2025-10-03T16:00:00.000Z') / 1000).ok).toBe(true);
  });

  it('prints an activation QR code (docs/activation-qr.md) that a QR reader decodes and a till parses', async () => {
    const partner = JSON.parse(
      (
        await cli(
          'create-partner',
          '--name',
          'Cinéma Le Rex',
          '--siret',
          '12345678900011',
          '--accreditations',
          'cinema',
        )
      ).stdout,
    ) as { id: string };
    const png = join(temp.dir, 'activation.png');
    const { stdout } = await cli(
      'activation-code',
      '--partner',
      partner.id,
      '--png',
      png,
      '--public-url',
      'https://atouts.example.org/',
    );
    expect(stdout).toMatch(/[▀▄█]/);
    const result = JSON.parse(stdout.slice(stdout.indexOf('{'))) as {
      activationCode: string;
      activationQr: string;
    };
    expect(readQr(png)).toBe(result.activationQr);
    expect(parseActivation(readQr(png))).toEqual({
      ok: true,
      activation: {
        regionUrl: 'https://atouts.example.org',
        partnerId: partner.id,
        activationCode: result.activationCode,
      },
    });
    // Without --qr or --png the answer stays plain JSON for scripts.
    expect(JSON.parse((await cli('activation-code', '--partner', partner.id)).stdout)).toEqual({
      activationCode: expect.stringMatching(/^ACT-/),
    });
  });

  it('drives partners, coupons, months, clock and faults', async () => {
    const partner = JSON.parse(
      (
        await cli(
          'create-partner',
          '--name',
          'Basket',
          '--siret',
          '12345678900099',
          '--accreditations',
          'sport',
        )
      ).stdout,
    ) as { id: string; activationCode: string };
    expect(partner.activationCode).toMatch(/^ACT-/);
    const b = JSON.parse(
      (
        await cli(
          'create-beneficiary',
          '--given-name',
          'Lucas',
          '--family-name',
          'Girard',
          '--birth-date',
          '2005-12-17',
        )
      ).stdout,
    ) as { id: string };
    const coupon = JSON.parse(
      (
        await cli(
          'create-coupon',
          '--beneficiary',
          b.id,
          '--partner',
          partner.id,
          '--category',
          'SPORT',
          '--amount',
          '2000',
        )
      ).stdout,
    ) as { code: string };
    expect(coupon.code).toMatch(/^CP-/);
    expect(JSON.parse((await cli('clock', '2025-11-05T10:00:00.000Z')).stdout)).toMatchObject({
      now: '2025-11-05T10:00:00.000Z',
    });
    expect(JSON.parse((await cli('close-month', '2025-10')).stdout)).toMatchObject({ month: '2025-10' });
    expect(
      JSON.parse((await cli('pay-month', '2025-10', '--paid-at', '2025-11-10T00:00:00.000Z')).stdout),
    ).toMatchObject({ contestUntil: '2025-12-10T00:00:00.000Z' });
    expect(JSON.parse((await cli('faults', '--latency-ms', '5')).stdout)).toEqual({
      latencyMs: 5,
      errorRate: 0,
      dropAfterCommitRate: 0,
    });
    expect(JSON.parse((await cli('faults')).stdout)).toEqual({
      latencyMs: 0,
      errorRate: 0,
      dropAfterCommitRate: 0,
    });
    await expect(cli('create-coupon', '--beneficiary', b.id)).rejects.toMatchObject({
      stderr: expect.stringContaining('is required'),
    });
  });

  it('applies the membership rules and shows a device as an auditor sees it', async () => {
    await cli('clock', '2025-10-03T16:00:00.000Z');
    const young = [
      'create-beneficiary',
      '--given-name',
      'Jade',
      '--family-name',
      'Lambert',
      '--birth-date',
      '2011-01-20',
    ];
    await expect(cli(...young, '--lyceen')).rejects.toMatchObject({
      stderr: expect.stringContaining('ATOUTS_LIVRE_REQUIRED'),
    });
    expect(JSON.parse((await cli(...young, '--lyceen', '--atouts-livre')).stdout)).toMatchObject({
      season: 2025,
      joinedAt: '2025-10-03T16:00:00.000Z',
    });
    await expect(cli(...young, '--lyceen', '--atouts-livre')).rejects.toMatchObject({
      stderr: expect.stringContaining('ALREADY_MEMBER'),
    });

    const till = await enrolTill(region, ['CINEMA']);
    expect(
      (
        await till.call('POST', '/v1/devices/anchors', {
          id: 'cli-anchor',
          seq: 7,
          hash: '7'.repeat(64),
          at: '2025-10-03T15:59:00.000Z',
          kind: 'sync',
        })
      ).status,
    ).toBe(201);
    const device = JSON.parse((await cli('device', '--id', till.deviceId)).stdout) as {
      device: { id: string };
      anchors: { seq: number }[];
      archiveKeys: unknown[];
    };
    expect(device).toMatchObject({
      device: { id: till.deviceId },
      anchors: [{ seq: 7, hash: '7'.repeat(64) }],
      archiveKeys: [],
    });
  });
});
