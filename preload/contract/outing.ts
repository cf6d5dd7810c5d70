// Sorties collectives (§2.3): a school or club brings a group; each youth *may* pay their share with
// their wallet, never by obligation. The cashier opens the outing once, then scans pass after pass.
import { z } from 'zod';
import type { ArtDiscipline, Category, Item } from '../../protocol/catalogue';
import type { DebitOutcome } from './debit';
import { ERROR_CODES, type ErrorCode } from './errors';
import { call } from './define';
import { categorySchema, centsSchema, disciplineSchema, idSchema, itemSchema, uuidSchema } from './schemas';

/** Why a pass goes to the "à régler autrement" list: a refusal's code, or the youth's choice not to use Atouts. */
export type OtherwiseCode = ErrorCode | 'NOT_USED';

export interface OutingPassView {
  /** The debit made (null for a pass settled otherwise). */
  debitId: string | null;
  status: DebitOutcome['status'] | 'otherwise';
  amountCents: number;
  code: OtherwiseCode | null;
  /** The youth's name while the journal keeps it (personal data, outside the chain), else null. */
  name: string | null;
}

export interface OutingView {
  outingId: string;
  title: string;
  category: Category;
  item: Item;
  sessions: number | null;
  discipline: ArtDiscipline | null;
  priceCents: number;
  openedAt: string;
  closedAt: string | null;
  passes: OutingPassView[];
  /** Paid with Atouts (accepted, offline-accepted or still pending). */
  atoutsCents: number;
  debitCount: number;
  otherwiseCount: number;
  /** What the group leader pays: the price for every pass, less the Atouts parts. */
  leaderPaysCents: number;
}

export interface OutingPassResult {
  outing: OutingView;
  /** The debit's outcome when one was made. */
  outcome: DebitOutcome | null;
  /** Set when the pass went to the "à régler autrement" list. */
  otherwise: OtherwiseCode | null;
}

const otherwiseCodeSchema = z.custom<OtherwiseCode>(
  (v) => v === 'NOT_USED' || (ERROR_CODES as readonly unknown[]).includes(v),
  'an error code or NOT_USED',
);

export const outingCalls = {
  'outing.open': call<OutingView>()(
    z
      .object({
        title: z.string().trim().min(1).max(120),
        category: categorySchema,
        item: itemSchema,
        sessions: z.number().int().min(1).max(1000).optional(),
        discipline: disciplineSchema.optional(),
        priceCents: centsSchema.min(1),
      })
      .strict(),
    'cashier',
  ),
  /** The outing open on this till, if any (it survives a restart: it lives in the journal). */
  'outing.current': call<OutingView | null>()(z.object({}).strict(), 'cashier'),
  /** A youth's Atouts part (0: they choose not to use Atouts); a refusal goes to the list without stopping the run. */
  'outing.pass': call<OutingPassResult>()(
    z.object({ outingId: uuidSchema, scanId: idSchema, amountCents: centsSchema }).strict(),
    'cashier',
  ),
  /** A pass refused at the scan (no card): straight to the "à régler autrement" list. */
  'outing.otherwise': call<OutingView>()(
    z
      .object({ outingId: uuidSchema, code: otherwiseCodeSchema, name: z.string().max(200).optional() })
      .strict(),
    'cashier',
  ),
  'outing.close': call<OutingView>()(z.object({ outingId: uuidSchema }).strict(), 'cashier'),
};
