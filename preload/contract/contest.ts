// Contesting a paid month's reimbursement (§4.3.2): the letter the manager signs and sends by registered post.
import { z } from 'zod';
import { call } from './define';
import { emptyInput, monthSchema } from './schemas';

export interface ContestLetterView {
  month: string;
  fileName: string;
  /** The PDF, base64: both transports carry JSON. */
  pdfBase64: string;
  /** The CONTEST_LETTER_PRODUCED entry that records it. */
  entrySeq: number;
  producedAt: string;
  receivedCents: number;
  recordedCents: number;
  lineCount: number;
  contestUntil: string;
  daysLeft: number;
}

/** A paid month still contestable, as the journal knows it (no Region needed): the manager's reminder. */
export interface ContestReminder {
  month: string;
  contestUntil: string;
  daysLeft: number;
  /** Open differences at the month's last reconciliation. */
  openCount: number;
  /** When the letter was produced, if it was. */
  letterAt: string | null;
}

export const contestCalls = {
  /** Every paid month with a difference or a letter whose 30 days are not over, from the journal alone. */
  'contest.reminders': call<ContestReminder[]>()(emptyInput, 'manager'),
  /** Reconciles the month afresh and drafts the letter; CONTEST_NOT_DUE (not paid, nothing differs), CONTEST_DEADLINE_PASSED. */
  'contest.letter': call<ContestLetterView>()(z.object({ month: monthSchema }).strict(), 'manager'),
};
