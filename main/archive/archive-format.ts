// The signed archive of a period, as a file: JSON, UTF-8. Everything but `signature` is signed, as its
// canonical JSON (main/journal/chain-hash.ts recipe), with the device's Ed25519 key:
//   entries    every journal entry from the first one written in the period to the last one, exactly as
//              stored (each re-hashes to its own hash and links to the one before);
//   closures   the day and month closures among them (kind, period, seq, hash);
//   chain      the hash before the first entry, the last entry's, and the journal's head when archived.
import { z } from 'zod';
import { ENTRY_KINDS } from '../journal/journal';

export const ARCHIVE_FORMAT = 'atouts-till-archive/1';

const hash = z.string().regex(/^[0-9a-f]{64}$/);
const jsonValue: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.string(),
    z.number(),
    z.boolean(),
    z.null(),
    z.array(jsonValue),
    z.record(z.string(), jsonValue),
  ]),
);

export const archivedEntrySchema = z.object({
  seq: z.number().int().min(1),
  deviceId: z.string().nullable(),
  kind: z.enum(ENTRY_KINDS),
  at: z.string(),
  cashierId: z.string().nullable(),
  payload: z.record(z.string(), jsonValue),
  prevHash: hash,
  hash,
});

export const archiveSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  deviceId: z.string(),
  period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
  createdAt: z.string(),
  entries: z.array(archivedEntrySchema).min(1),
  closures: z.array(
    z.object({
      kind: z.enum(['DAY_CLOSED', 'MONTH_CLOSED']),
      period: z.string(),
      seq: z.number().int(),
      hash,
    }),
  ),
  chain: z.object({
    firstSeq: z.number().int(),
    lastSeq: z.number().int(),
    prevHash: hash,
    lastHash: hash,
    head: z.object({ seq: z.number().int(), hash }),
  }),
  key: z.object({ alg: z.literal('Ed25519'), keyId: z.string(), publicKey: z.string() }),
  signature: z.string(),
});

export type SignedArchive = z.infer<typeof archiveSchema>;
export type UnsignedArchive = Omit<SignedArchive, 'signature'>;
