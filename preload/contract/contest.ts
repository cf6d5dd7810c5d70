// Contesting a paid month's reimbursement (§4.3.2): the letter the manager signs and sends by registered post.
import { z } from 'zod';
import { call } from './define';
import { monthSchema } from './schemas';

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

export const contestCalls = {
  /** Reconciles the month afresh and drafts the letter; CONTEST_NOT_DUE (not paid, nothing differs), CONTEST_DEADLINE_PASSED. */
  'contest.letter': call<ContestLetterView>()(z.object({ month: monthSchema }).strict(), 'manager'),
};
