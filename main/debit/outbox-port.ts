// What the debit engine and the resend of a debit ask of the outbox and of its request store. Declared on
// the debit's side so the outbox depends on the debit, never the reverse (eslint/layers.mjs: debit <
// outbox): outbox/outbox.ts and outbox/request-store.ts satisfy these by their shape.

export interface VoidRequestBody {
  debitId: string;
  reason: string;
  occurredAt: string;
  cashierId: string;
}

/** The rows a debit needs resent with it: its pass token, a void's reason and instant. */
export interface DebitRequests {
  putToken(debitId: string, token: string): void;
  token(debitId: string): string | undefined;
  putVoid(voidId: string, body: VoidRequestBody): void;
  voidBody(voidId: string): VoidRequestBody | undefined;
  forget(...ids: string[]): void;
}

/** A debit being answered while the cashier waits is claimed, so the outbox does not send it twice. */
export interface OutboxClaims {
  claim(id: string): void;
  release(id: string): void;
  kick(): void;
}
