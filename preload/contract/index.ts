// The contract between the UI and the till: every call and every pushed event.
// Both transports (Electron IPC and browser mode's HTTP + SSE) dispatch through one table built from
// `calls`, so a call added here exists in both, validated the same way.
import { z } from 'zod';
import type { CallResult } from './errors';
import type { CallSpec } from './define';
import { tillCalls, type TillStatus } from './till';
import { passCalls } from './pass';
import { debitCalls, debitMoreCalls, type DebitOutcome } from './debit';
import { couponCalls } from './coupon';
import { offerCalls } from './offer';
import { journalCalls } from './journal';
import { reconciliationCalls } from './reconciliation';
import { settingsCalls } from './settings';
import { staffCalls } from './staff';
import { tariffCalls } from './tariff';
import { contestCalls } from './contest';
import { outingCalls } from './outing';
import { avoirCalls } from './avoir';
import { scanSourceSchema } from './schemas';
import {
  aboutCalls,
  manageCalls,
  printerCalls,
  restoreCalls,
  updateCalls,
  type ProgressEvent,
  type UpdateRequestEvent,
} from './manage';

export const calls = {
  ...tillCalls,
  ...staffCalls,
  ...passCalls,
  ...debitCalls,
  ...debitMoreCalls,
  ...couponCalls,
  ...offerCalls,
  ...journalCalls,
  ...reconciliationCalls,
  ...settingsCalls,
  ...tariffCalls,
  ...contestCalls,
  ...outingCalls,
  ...avoirCalls,
  ...manageCalls,
  ...printerCalls,
  ...updateCalls,
  ...restoreCalls,
  ...aboutCalls,
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
export type CallInput<K extends CallName> = z.input<Calls[K]['input']>;
export type CallOutput<K extends CallName> = Calls[K] extends CallSpec<z.ZodType, infer O> ? O : never;

/** Scanner text from a channel the core owns (USB HID), pushed to the UI; see also pass.scan. */
export const scanEventSchema = z.object({
  text: z.string().max(4096),
  source: scanSourceSchema,
  receivedAt: z.string(),
  durationMs: z.number().min(0),
});
export type ScanEvent = z.infer<typeof scanEventSchema>;

export interface Events {
  scan: ScanEvent;
  status: TillStatus;
  debit: DebitOutcome;
  /** A manager's long task under way (preload/contract/manage.ts). */
  progress: ProgressEvent;
  /** A manager asked for the downloaded update now (the shell's updater listens). */
  update: UpdateRequestEvent;
}
export type EventName = keyof Events;
export { EVENT_NAME_LIST as EVENT_NAMES } from './ipc';

/** What `window.till` is, in both hosts. */
export interface TillApi {
  invoke<K extends CallName>(name: K, input: CallInput<K>): Promise<CallResult<CallOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
  readonly transport: 'electron' | 'http';
}

export type { CallResult } from './errors';
export * from './errors';
export type * from './till';
export type * from './pass';
export type * from './debit';
export type * from './coupon';
export type * from './offer';
export type * from './tariff';
export type * from './journal';
export type * from './reconciliation';
export type * from './settings';
export type * from './staff';
export type * from './contest';
export type * from './outing';
export type * from './avoir';
export type * from './manage';
export type { ScanSource } from './schemas';
