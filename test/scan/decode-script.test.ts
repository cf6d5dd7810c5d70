// The decoders and `npm run decode` on the generated fixture set, run as partners and support would.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { makeTempDir } from '../support/tmp';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNodeQrDecoder, readImage, readPng } from '../../scripts/decode';
import { makeQrFixtures, type QrFixtureSet } from '../../scripts/fixtures/make-qr-fixtures';

let fixtures: QrFixtureSet;

beforeAll(() => {
  fixtures = makeQrFixtures();
}, 120_000);

describe('QR decoders under Node', () => {
  it('zxing-wasm reads every clean, small, rotated and inverted pass exactly', async () => {
    const decoder = await loadNodeQrDecoder('zxing-wasm');
    const chosen = fixtures.images.filter((i) =>
      ['clean', 'small', 'rotation-45', 'inverted', 'perspective'].includes(i.variant),
    );
    for (const image of chosen) {
      const png = readPng(join(fixtures.dir, image.file));
      expect(png, image.file).not.toBeNull();
      if (png) expect(await decoder.decode(png), image.file).toBe(image.expected);
    }
  });

  it('zxing-js reads a clean code but not a dark-mode screen', async () => {
    const decoder = await loadNodeQrDecoder('zxing-js');
    const clean = fixtures.images.find((i) => i.variant === 'clean');
    const inverted = fixtures.images.find((i) => i.variant === 'inverted');
    if (!clean || !inverted) throw new Error('fixture set incomplete');
    expect(
      await decoder.decode(
        readPng(join(fixtures.dir, clean.file)) ?? { data: new Uint8Array(), width: 0, height: 0 },
      ),
    ).toBe(clean.expected);
    expect(
      await decoder.decode(
        readPng(join(fixtures.dir, inverted.file)) ?? { data: new Uint8Array(), width: 0, height: 0 },
      ),
    ).toBeNull();
  });

  it('returns null for a frame with no code in it', async () => {
    const decoder = await loadNodeQrDecoder();
    expect(
      await decoder.decode({ data: new Uint8ClampedArray(64 * 48 * 4).fill(128), width: 64, height: 48 }),
    ).toBeNull();
  });
});

describe('npm run decode', () => {
  it('prints one line per file: the text, or ERROR and a code', async () => {
    const clean = fixtures.images.find((i) => i.variant === 'clean');
    if (!clean) throw new Error('fixture set incomplete');
    const files = [join(fixtures.dir, clean.file), 'does-not-exist.png', 'package.json'];
    const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/decode.ts', ...files], {
      cwd: process.cwd(),
    });
    const err = await run.then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stdout.split('\n')).toEqual([
      `${files[0]}\t${clean.expected}`,
      'does-not-exist.png\tERROR FILE_NOT_FOUND',
      'package.json\tERROR UNSUPPORTED_IMAGE',
      '',
    ]);
  });
});

describe('npm run decode reads JPEG photos too', () => {
  it('decodes a pass QR saved as JPEG (clean and turned 45°), and says UNSUPPORTED_IMAGE for a broken one', async () => {
    const tmp = makeTempDir('decode-jpeg');
    try {
      const files: string[] = [];
      const expected: string[] = [];
      for (const variant of ['clean', 'rotation-45']) {
        const fixture = fixtures.images.find((i) => i.variant === variant);
        const png = fixture && readPng(join(fixtures.dir, fixture.file));
        if (!fixture || !png) throw new Error(`fixture ${variant} missing`);
        // A phone's compression, made now from the generated pass: quality 70 blurs the modules' edges.
        const encoded = jpeg.encode(
          {
            data: Buffer.from(png.data.buffer, png.data.byteOffset, png.data.byteLength),
            width: png.width,
            height: png.height,
          },
          70,
        );
        const file = join(tmp.dir, `${variant}.JPG`);
        writeFileSync(file, encoded.data);
        expect(readImage(file)?.width).toBe(png.width);
        files.push(file);
        expected.push(fixture.expected);
      }
      const broken = join(tmp.dir, 'broken.jpg');
      writeFileSync(broken, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
      const run = promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', 'scripts/decode.ts', ...files, broken],
        { cwd: process.cwd() },
      );
      const err = await run.then(
        () => null,
        (e: { code: number; stdout: string }) => e,
      );
      expect(err?.code).toBe(1);
      expect(err?.stdout.split('\n')).toEqual([
        `${files[0]}\t${expected[0]}`,
        `${files[1]}\t${expected[1]}`,
        `${broken}\tERROR UNSUPPORTED_IMAGE`,
        '',
      ]);
    } finally {
      tmp.remove();
    }
  });
});
