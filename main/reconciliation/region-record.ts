// The Region's side of a month: every page of GET /v1/debits within the month's Paris bounds, and the
// month's line of GET /v1/statements. Any answer that is not a definite 2xx stops the run: a partial
// record would report differences that do not exist.
import { parisMonthBounds } from '../../protocol/paris-time';
import { TillError } from '../../preload/contract/errors';
import type { RegionOutcome } from '../region/client';
import type { DebitView } from '../../protocol/debits';
import type { Statement } from '../../protocol/statements';

/** What reconciliation needs of the Region; the RegionClient is one. */
export interface RegionRecordSource {
  listDebits(q: {
    from: string;
    to: string;
    cursor?: string;
    limit?: number;
  }): Promise<RegionOutcome<{ items: DebitView[]; nextCursor?: string | null | undefined }>>;
  statements(): Promise<RegionOutcome<Statement[]>>;
}

export interface RegionMonthRecord {
  debits: DebitView[];
  statement: Statement | null;
}

/** The contract's largest page. */
export const PAGE_LIMIT = 500;

function unwrap<T>(outcome: RegionOutcome<T>, what: string): T {
  if (outcome.kind === 'ok') return outcome.value;
  if (outcome.kind === 'refused')
    throw new TillError(outcome.code as TillError['code'], `${what}: ${outcome.detail ?? outcome.code}`);
  throw new TillError(
    'REGION_UNREACHABLE',
    `${what}: ${outcome.kind === 'unknown' ? outcome.detail : `retry in ${outcome.retryAfterMs} ms`}`,
  );
}

/**
 * `whileWaiting` runs once per page while that page's request is in flight: the caller reads its
 * journal in slices there, so a month's 100 round trips to the Region overlap the local work.
 */
export async function fetchRegionMonth(
  source: RegionRecordSource,
  month: string,
  whileWaiting?: () => void,
): Promise<RegionMonthRecord> {
  const { start, end } = parisMonthBounds(month);
  const debits = await fetchRegionDebits(
    source,
    { from: new Date(start).toISOString(), to: new Date(end).toISOString() },
    whileWaiting,
  );
  const statements = unwrap(await source.statements(), 'GET /v1/statements');
  return { debits, statement: statements.find((s) => s.month === month) ?? null };
}

/** Every page of GET /v1/debits between two instants. */
export async function fetchRegionDebits(
  source: RegionRecordSource,
  range: { from: string; to: string },
  whileWaiting?: () => void,
): Promise<DebitView[]> {
  const debits: DebitView[] = [];
  const cursors = new Set<string>();
  for (let cursor: string | undefined; ;) {
    const request = source.listDebits({ ...range, limit: PAGE_LIMIT, ...(cursor ? { cursor } : {}) });
    if (whileWaiting) {
      // One turn of the event loop lets the request reach the socket before the synchronous slice runs.
      await new Promise<void>((resolve) => setImmediate(resolve));
      whileWaiting();
    }
    const page = unwrap(await request, 'GET /v1/debits');
    for (const item of page.items) debits.push(item);
    const next = page.nextCursor ?? undefined;
    if (!next) return debits;
    // A server that hands back a cursor twice would loop for ever.
    if (cursors.has(next))
      throw new TillError('REGION_UNREACHABLE', 'GET /v1/debits: the Region repeated a cursor');
    cursors.add(next);
    cursor = next;
  }
}
