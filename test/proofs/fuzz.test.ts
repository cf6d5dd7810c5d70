// Security proof: bounded fuzzing of everything that parses input from outside the till — the pass and
// coupon token parser, the hand-typed coupon code, the two HID report decoders, and every contract input
// schema through the real dispatch of a real till core. No input may crash them, and every refusal must
// carry a code from its declared list. FUZZ_RUNS sets the cases per target (CI: 5,000; the long variant,
// `npm run proof:fuzz`, runs 100,000).
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createTill, type Till } from '../../main/core/till';
import { fileKeyCipher } from '../../main/secrets/secret-store';
import { createDispatch } from '../../main/transport/dispatch';
import { createBootKeyboardDecoder, encodeBootKeyboardReports } from '../../native/hid/boot-keyboard';
import {
  createPosAssembler,
  decodePosReport,
  encodePosReports,
  POS_LAYOUTS,
} from '../../native/hid/pos-report';
import { calls, ERROR_CODES } from '../../preload/contract';
import { base45Decode, base45Encode } from '../../protocol/base45';
import { normalizeCouponCode } from '../../protocol/coupon-code';
import {
  decodeToken,
  generateSigningKey,
  mintCouponToken,
  mintPassToken,
  publicJwk,
  verifyToken,
  type TokenReason,
} from '../../protocol/pass-token';
import { makeTempDir } from '../support/tmp';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() & 0x7fffffff);
const params = { numRuns: RUNS, seed: SEED };
// Each target is bounded by its case count, not by time; the timeout only stops a hang.
const TIMEOUT_MS = Math.max(60_000, RUNS * 5);

const REASONS: readonly TokenReason[] = [
  'EMPTY',
  'TOO_LONG',
  'PREFIX',
  'BASE45',
  'CBOR',
  'NOT_SIGN1',
  'HEADER',
  'ALG',
  'TYP',
  'KID_MISSING',
  'KID_UNKNOWN',
  'SIGNATURE',
  'CLAIMS',
  'LIFETIME',
  'NOT_YET_VALID',
  'EXPIRED',
];
const NOW = 1_760_000_000;
const key = generateSigningKey('fuzz-1');
const published = [publicJwk(key)];
const validPass = mintPassToken(
  {
    sub: 'B-2025-000001',
    iat: NOW,
    exp: NOW + 300,
    season: 2025,
    givenName: 'Léa',
    familyName: 'Martin',
    birthDate: '2007-03-14',
    balances: { SPECTACLE: 3000, CINEMA: 2000, PRATIQUE: 3000, LOCAL: 500 },
  },
  key,
);
const validCoupon = mintCouponToken(
  {
    sub: 'B-2025-000001',
    iat: NOW,
    exp: NOW + 86_400,
    couponId: 'C-1',
    partnerId: 'P-1',
    category: 'SPORT',
    amountCents: 2500,
    code: 'CP-ABCD-EFGH',
  },
  key,
);
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function expectTokenResultShape(r: ReturnType<typeof decodeToken>): void {
  if (r.ok) return;
  expect(['TOKEN_INVALID', 'TOKEN_EXPIRED']).toContain(r.code);
  expect(REASONS).toContain(r.reason);
}

/** A valid token with one edit: a character replaced, inserted or removed. */
const mutatedToken = (base: string) =>
  fc
    .tuple(
      fc.nat({ max: base.length - 1 }),
      fc.constantFrom(...BASE45.split('')),
      fc.constantFrom('replace', 'insert', 'delete'),
    )
    .map(([at, ch, op]) => {
      if (op === 'replace') return base.slice(0, at) + ch + base.slice(at + 1);
      if (op === 'insert') return base.slice(0, at) + ch + base.slice(at);
      return base.slice(0, at) + base.slice(at + 1);
    });

/** A valid token's bytes with some bytes changed, re-encoded as Base45 (reaches CBOR and COSE checks). */
const byteFlippedToken = (base: string, prefix: string) => {
  const bytes = base45Decode(base.slice(prefix.length));
  if (!bytes) throw new Error('the fixture token does not decode');
  return fc
    .array(fc.tuple(fc.nat({ max: bytes.length - 1 }), fc.integer({ min: 1, max: 255 })), {
      minLength: 1,
      maxLength: 4,
    })
    .map((edits) => {
      const copy = Uint8Array.from(bytes);
      for (const [at, x] of edits) copy[at] = (copy[at] ?? 0) ^ x;
      return prefix + base45Encode(copy);
    });
};

describe(`token parser fuzz (${RUNS} cases per target, seed ${SEED})`, () => {
  it(
    'never throws on arbitrary text and refuses it with a known code and reason',
    () => {
      const text = fc.oneof(
        fc.string({ maxLength: 1200 }),
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc
          .tuple(
            fc.constantFrom('ATN1:', 'ATC1:'),
            fc.string({ unit: fc.constantFrom(...BASE45.split('')), maxLength: 1100 }),
          )
          .map(([p, s]) => p + s),
      );
      fc.assert(
        fc.property(text, (t) => {
          expectTokenResultShape(decodeToken(t));
          expectTokenResultShape(verifyToken(t, published, NOW));
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'never accepts an edited pass or coupon unless the edit left the signed claims unchanged',
    () => {
      const decoded = decodeToken(validPass);
      if (!decoded.ok) throw new Error('fixture');
      const decodedCoupon = decodeToken(validCoupon);
      if (!decodedCoupon.ok) throw new Error('fixture');
      const cases = fc.oneof(
        mutatedToken(validPass).map((t) => ({ t, original: decoded.token.claims as unknown })),
        byteFlippedToken(validPass, 'ATN1:').map((t) => ({ t, original: decoded.token.claims as unknown })),
        mutatedToken(validCoupon).map((t) => ({ t, original: decodedCoupon.token.claims as unknown })),
        byteFlippedToken(validCoupon, 'ATC1:').map((t) => ({
          t,
          original: decodedCoupon.token.claims as unknown,
        })),
      );
      fc.assert(
        fc.property(cases, ({ t, original }) => {
          const r = verifyToken(t, published, NOW);
          expectTokenResultShape(r);
          if (r.ok) expect(r.token.claims).toEqual(original);
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );
});

describe('coupon code parser fuzz', () => {
  it(
    'answers a canonical code or null, and is idempotent on what it accepts',
    () => {
      const typed = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({
          unit: fc.constantFrom(
            ...'CPcp-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz '.split(''),
          ),
          maxLength: 16,
        }),
      );
      fc.assert(
        fc.property(typed, (s) => {
          const code = normalizeCouponCode(s);
          if (code === null) return;
          expect(code).toMatch(/^CP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
          expect(normalizeCouponCode(code)).toBe(code);
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );
});

describe('HID report decoder fuzz', () => {
  const report = fc.uint8Array({ maxLength: 80 });
  const timed = fc.array(fc.tuple(report, fc.nat({ max: 500 })), { maxLength: 12 });

  it(
    'the POS report decoder and assembler refuse garbage with their codes, never throw',
    () => {
      const posCodes = [
        'WRONG_REPORT_ID',
        'REPORT_TOO_SHORT',
        'LENGTH_OVERFLOW',
        'FRAGMENT_TIMEOUT',
        'TOO_LONG',
      ];
      fc.assert(
        fc.property(fc.constantFrom(...POS_LAYOUTS), timed, (layout, reports) => {
          const assembler = createPosAssembler(layout);
          let at = 0;
          for (const [bytes, gap] of reports) {
            at += gap;
            const single = decodePosReport(bytes, layout);
            if (!single.ok) expect(posCodes).toContain(single.code);
            for (const e of [...assembler.push(bytes, at), ...assembler.expire(at)]) {
              if (e.kind === 'error') expect(posCodes).toContain(e.code);
              if (e.kind === 'complete') expect(typeof e.text).toBe('string');
            }
          }
        }),
        params,
      );
    },
    TIMEOUT_MS,
  );

  it(
    'a real bar code interleaved after garbage still decodes whole (POS)',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...POS_LAYOUTS), fc.array(report, { maxLength: 4 }), (layout, junk) => {
          const assembler = createPosAssembler(layout);
          for (const j of junk) assembler.push(j, 0);
          // A pause longer than any fragment timeout separates the junk from the real scan.
          const completed = encodePosReports(validPass, layout).flatMap((r) => assembler.push(r, 60_000));
          expect(
            completed.filter((e) => e.kind === 'complete').map((e) => (e.kind === 'complete' ? e.text : '')),
          ).toEqual([validPass]);
        }),
        { ...params, numRuns: Math.max(100, Math.floor(RUNS / 10)) },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'the boot keyboard decoder refuses garbage with its codes, never throws',
    () => {
      const keyboardCodes = ['KEY_TIMEOUT', 'UNMAPPED_USAGE', 'REPORT_TOO_SHORT', 'TOO_LONG'];
      fc.assert(
        fc.property(
          fc.option(fc.integer({ min: 0, max: 255 }), { nil: null }),
          timed,
          (reportId, reports) => {
            const decoder = createBootKeyboardDecoder({ reportId, maxLength: 64 });
            let at = 0;
            for (const [bytes, gap] of reports) {
              at += gap;
              for (const e of [...decoder.push(bytes, at), ...decoder.expire(at)]) {
                if (e.kind === 'error') expect(keyboardCodes).toContain(e.code);
                else expect(e.text.length).toBeLessThanOrEqual(64);
              }
            }
          },
        ),
        params,
      );
      // And the decoder still reads a real scan afterwards.
      const decoder = createBootKeyboardDecoder();
      const events = encodeBootKeyboardReports('ATN1:ABC').flatMap((r, i) => decoder.push(r, i));
      expect(events).toEqual([expect.objectContaining({ kind: 'scan', text: 'ATN1:ABC' })]);
    },
    TIMEOUT_MS,
  );
});

describe('contract input fuzz through the real dispatch', () => {
  const tmp = makeTempDir('fuzz');
  let till: Till;
  const internal: string[] = [];

  beforeAll(() => {
    till = createTill({
      dataDir: join(tmp.dir, 'data'),
      cipher: fileKeyCipher(join(tmp.dir, 'key')),
      regionTimeoutMs: 200,
      immediateRetryDelaysMs: [],
    });
  });
  afterAll(() => {
    till?.close();
    tmp.remove();
  });

  /** Objects with the schema's own keys (so inputs get past the shape and into the fields), or anything. */
  function inputsFor(schema: z.ZodType) {
    const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
    const value = fc.jsonValue({ maxDepth: 3 });
    const field = fc.oneof(
      value,
      fc.string({ maxLength: 80 }),
      fc.integer(),
      fc.uuid(),
      fc.constantFrom('CINEMA', 'SEANCE', 'paste', 'manager', '2025-10-03', '2025-10'),
    );
    const shaped =
      keys.length === 0
        ? fc.constant({})
        : fc.record(Object.fromEntries(keys.map((k) => [k, field])), { requiredKeys: [] });
    return fc.oneof(value, shaped, fc.anything({ maxDepth: 2 }));
  }

  it(
    'answers every call, at every role, with a value or a coded refusal — never a throw, never INTERNAL',
    async () => {
      const codes = new Set<string>(ERROR_CODES);
      const names = Object.keys(calls) as (keyof typeof calls)[];
      const perCall = Math.max(50, Math.floor(RUNS / 2));
      for (const role of ['none', 'manager'] as const) {
        const dispatch = createDispatch(till.handlers, {
          currentRole: () => role,
          onInternalError: (name, error) => internal.push(`${name}: ${String(error)}`),
        });
        for (const name of names) {
          await fc.assert(
            fc.asyncProperty(inputsFor(calls[name].input), async (input) => {
              const r = await dispatch(name, input);
              if (!r.ok) expect(codes.has(r.error.code), `${name} answered ${r.error.code}`).toBe(true);
            }),
            { ...params, numRuns: perCall },
          );
        }
        // Unknown call names are refused by name.
        await fc.assert(
          fc.asyncProperty(fc.string({ maxLength: 40 }), fc.jsonValue(), async (name, input) => {
            const r = await dispatch(name, input);
            if (!r.ok) expect(codes.has(r.error.code)).toBe(true);
            else expect(Object.keys(calls)).toContain(name);
          }),
          { ...params, numRuns: perCall },
        );
      }
      expect(internal).toEqual([]);
    },
    TIMEOUT_MS * 20,
  );
});
