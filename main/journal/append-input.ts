// What an append is asked for, checked and put in the form that is hashed and stored, before any write.
import { TillError } from '../../preload/contract/errors';
import { VOID_REASON_CODES } from '../../preload/contract/journal';
import { CanonicalJsonError, canonicalJson } from './chain-hash';
import { isProjectedKind, parseProjectedPayload } from './debit-payloads';
import { isEntryKind, type EntryKind } from './entry-kinds';
import type { JsonObject } from './json-value';
import { normaliseAt, type AppendInput } from './journal-entry';

export interface PreparedAppend {
  kind: EntryKind;
  payload: JsonObject;
  payloadJson: string;
  cashierId: string | null;
  at: string;
}

/** INPUT_INVALID for an unknown kind, a payload that is not canonical JSON or that its kind's schema refuses. */
export function prepareAppend(input: AppendInput, now: () => Date): PreparedAppend {
  if (!isEntryKind(input.kind))
    throw new TillError('INPUT_INVALID', `unknown entry kind: ${String(input.kind)}`);
  if (input.payload === null || typeof input.payload !== 'object' || Array.isArray(input.payload)) {
    throw new TillError('INPUT_INVALID', `${input.kind}: the payload must be an object`);
  }
  let payloadJson: string;
  try {
    payloadJson = canonicalJson(input.payload as JsonObject);
  } catch (error) {
    if (error instanceof CanonicalJsonError)
      throw new TillError('INPUT_INVALID', `${input.kind} payload: ${error.message}`);
    throw error;
  }
  // What is hashed is what is stored and what is returned: the payload as read back from its canonical text.
  const payload = JSON.parse(payloadJson) as JsonObject;
  if (isProjectedKind(input.kind)) parseProjectedPayload(input.kind, payload, 'INPUT_INVALID');
  // The chain keeps a void's reason as a code only: free text may name a youth (it goes to voidNotes).
  if (
    input.kind === 'VOID_REQUESTED' &&
    !(VOID_REASON_CODES as readonly unknown[]).includes(payload['reason'])
  ) {
    throw new TillError(
      'INPUT_INVALID',
      `VOID_REQUESTED reason must be one of ${VOID_REASON_CODES.join(', ')}`,
    );
  }
  return {
    kind: input.kind,
    payload,
    payloadJson,
    cashierId: input.cashierId ?? null,
    at: input.at !== undefined ? normaliseAt(input.at) : now().toISOString(),
  };
}
