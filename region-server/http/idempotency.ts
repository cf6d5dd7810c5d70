// Exactly-once writes: the till's `id` is a permanent key. The first definite answer is stored in the
// same transaction as the write it describes; a replay gets those bytes again, and the same id with
// another request is a conflict. Answers that are not final (404 of a debit that may still arrive,
// validation errors) are not stored, so a later retry can still succeed.
import { createHash } from 'node:crypto';
import type { Outcome } from '../domain/problem';
import type { Region } from '../domain/region';
import { outcomeAnswer, problemAnswer } from './problem-reply';
import type { Answer } from './problem-reply';

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fingerprint(route: string, partnerId: string, body: unknown): string {
  return createHash('sha256').update(canonical({ route, partnerId, body })).digest('hex');
}

export const isFinal = (a: Answer): boolean => (a.status >= 200 && a.status < 300) || a.status === 422;

/**
 * Runs `write` at most once per `id`, atomically with the record of its answer.
 * `replayed` says whether the answer comes from the record. `final` says which answers are stored:
 * a write that records something even when it refuses (a conflicting anchor) must store that refusal too.
 */
export function once<T>(
  region: Region,
  id: string,
  print: string,
  successStatus: number,
  write: () => Outcome<T>,
  final: (a: Answer) => boolean = isFinal,
): Answer & { replayed: boolean } {
  return region.db.transaction(() => {
    const prior = region.db
      .prepare('SELECT fingerprint, status, content_type, body FROM idempotency WHERE id = ?')
      .get(id) as { fingerprint: string; status: number; content_type: string; body: string } | undefined;
    if (prior) {
      if (prior.fingerprint !== print) {
        return {
          ...problemAnswer({
            status: 409,
            code: 'IDEMPOTENCY_CONFLICT',
            detail: `id ${id} was used for another request`,
          }),
          replayed: false,
        };
      }
      return { status: prior.status, contentType: prior.content_type, body: prior.body, replayed: true };
    }
    const answer = outcomeAnswer(write(), successStatus);
    if (final(answer)) {
      region.db
        .prepare(
          'INSERT INTO idempotency (id, fingerprint, status, content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(id, print, answer.status, answer.contentType, answer.body, region.nowIso());
    }
    return { ...answer, replayed: false };
  })();
}
