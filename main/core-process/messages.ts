// What crosses between the core process and its parent (Electron's main process, or the browser-mode
// supervisor) and between the core and a renderer's MessagePort. The renderer's messages (PortCall /
// PortReply) are the contract's, in preload/contract/ipc.ts; the rest is this module's. Everything the core
// receives is validated here: a port reaches the core from a web page, and a bug on either side must end as
// a coded answer, not as an exception in the core.
import { z } from 'zod';
import {
  ERROR_CODES,
  type ErrorCode,
  type SecretProtectionView,
  type TillErrorValue,
} from '../../preload/contract';
import { EVENT_NAME_LIST, type PortCall, type PortReply } from '../../preload/contract/ipc';

const MAX_CALL_ID = Number.MAX_SAFE_INTEGER;

const portCallSchema = z.object({
  kind: z.literal('call'),
  id: z.number().int().min(0).max(MAX_CALL_ID),
  name: z.string().max(64),
  input: z.unknown(),
});

/** A renderer's (or the supervisor's) call, or null when the message is not one. */
export function parsePortCall(data: unknown): PortCall | null {
  const parsed = portCallSchema.safeParse(data);
  return parsed.success
    ? { kind: 'call', id: parsed.data.id, name: parsed.data.name, input: parsed.data.input }
    : null;
}

/** The id of a malformed message that still names one, so its caller gets a coded answer instead of silence. */
export function callIdOf(data: unknown): number | null {
  if (typeof data !== 'object' || data === null || !('id' in data)) return null;
  const id = (data as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/** Seal or open one secret with the main process's OS keychain (Electron's safeStorage lives there only). */
export interface SecretRequest {
  kind: 'secret';
  id: number;
  op: 'seal' | 'open';
  text: string;
}

const protectionSchema = z.union([
  z.object({ store: z.literal('os-keychain'), backend: z.string().nullable() }),
  z.object({
    store: z.literal('owner-only-file'),
    reason: z.enum(['NO_OS_KEYCHAIN', 'KEYCHAIN_BASIC_TEXT']),
  }),
]);

const errorCodeSchema = z.custom<ErrorCode>(
  (v) => typeof v === 'string' && (ERROR_CODES as readonly string[]).includes(v),
);

const secretAnswerSchema = z.union([
  z.object({
    kind: z.literal('secret-answer'),
    id: z.number().int(),
    ok: z.literal(true),
    text: z.string(),
    protection: protectionSchema.optional(),
  }),
  z.object({
    kind: z.literal('secret-answer'),
    id: z.number().int(),
    ok: z.literal(false),
    code: errorCodeSchema,
  }),
]);

export type SecretAnswer =
  | { kind: 'secret-answer'; id: number; ok: true; text: string; protection?: SecretProtectionView }
  | { kind: 'secret-answer'; id: number; ok: false; code: ErrorCode };

/** Parent → core, besides PortCalls relayed over the parent channel (browser mode). */
export type ParentControl =
  /** Electron: serve the MessagePort transferred with this message (one per window load). */
  | { kind: 'connect' }
  | SecretAnswer
  /** Close the till cleanly (journal SHUTDOWN) and exit. */
  | { kind: 'stop' };

const parentControlSchema = z.union([
  z.object({ kind: z.literal('connect') }),
  secretAnswerSchema,
  z.object({ kind: z.literal('stop') }),
]);

export function parseParentControl(data: unknown): ParentControl | null {
  const parsed = parentControlSchema.safeParse(data);
  return parsed.success ? (parsed.data as ParentControl) : null;
}

/** Core → parent, besides PortReplies (answers to relayed calls, and every event). */
export type CoreNotice =
  | { kind: 'ready'; pid: number }
  /** The till could not open (read-only or full media, a broken journal…): the parent retries later. */
  | { kind: 'start-failed'; error: TillErrorValue }
  /** Whether a sale is under way (an open scan, a payment awaiting the Region): the updater waits for false. */
  | { kind: 'sale'; inProgress: boolean }
  | SecretRequest;

export type FromCore = CoreNotice | PortReply;

const errorValueSchema = z.object({
  code: errorCodeSchema,
  detail: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

const fromCoreSchema = z.union([
  z.object({ kind: z.literal('ready'), pid: z.number().int() }),
  z.object({ kind: z.literal('start-failed'), error: errorValueSchema }),
  z.object({ kind: z.literal('sale'), inProgress: z.boolean() }),
  z.object({
    kind: z.literal('secret'),
    id: z.number().int(),
    op: z.enum(['seal', 'open']),
    text: z.string(),
  }),
  z.object({ kind: z.literal('result'), id: z.number().int(), result: z.unknown() }),
  z.object({ kind: z.literal('event'), event: z.enum(EVENT_NAME_LIST), payload: z.unknown() }),
]);

/** The parent checks the core's messages too: a half-written core (a bad build) must not crash the shell. */
export function parseFromCore(data: unknown): FromCore | null {
  const parsed = fromCoreSchema.safeParse(data);
  return parsed.success ? (parsed.data as FromCore) : null;
}
