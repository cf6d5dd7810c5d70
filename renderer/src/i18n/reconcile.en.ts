import type { ReconcileAction, ReconcileExplanation } from '../../../preload/contract';

export const reconcileEn: {
  explanation: Record<ReconcileExplanation, string>;
  action: Record<ReconcileAction, string>;
} = {
  explanation: {
    NOT_YET_SENT: 'Recorded on the till but not sent to the Region yet (it is in the outbox).',
    ACCEPTED_THEN_UNKNOWN_AT_REGION: 'The Region accepted this payment, but does not list it.',
    JOURNAL_LOST_DEBIT:
      'The Region has a payment of this till that its journal lacks: the journal may have been restored or replaced.',
    DEBIT_OF_OTHER_DEVICE: 'A payment made on another till of your organisation (for information).',
    AMOUNT_DIFFERS: 'The amount differs between the till and the Region.',
    CATEGORY_DIFFERS: 'The category differs between the till and the Region.',
    VOIDED_AT_REGION: 'The Region lists this payment as voided, while the till accepted it.',
    VOID_NOT_YET_SENT: 'Void recorded on the till but not sent to the Region yet.',
    VOID_UNKNOWN_AT_REGION: 'The till voided this payment, but the Region still counts it as accepted.',
    ANSWER_NOT_YET_RECORDED: "The Region's answer is not recorded on the till yet (being checked).",
    REFUSED_ON_TILL_ACCEPTED_AT_REGION: 'The till noted a refusal, but the Region accepted this payment.',
    STATEMENT_DIFFERS_FROM_REGION_LINES: "The monthly statement's total does not match the Region's lines.",
    STATEMENT_DIFFERS_FROM_TILL: "The monthly statement's total does not match the till's journal.",
    REGION_DATED_OTHER_MONTH:
      "The Region dates this payment in a different month from the till's journal (see the linked month).",
    NEVER_MADE_BY_THIS_TILL:
      'The Region attributes to this till a payment that its journal, verified intact, proves it never made.',
  },
  action: {
    WAIT_FOR_SYNC:
      'Nothing to do: the till sends it as soon as the Region answers. Check the connection if it lasts.',
    CONTEST_WITH_REGION: 'Contact the Region with the journal export to have its statement corrected.',
    RESTORE_JOURNAL_BACKUP: 'Delete nothing; contact support to restore the latest journal backup.',
    RECONCILE_ON_OTHER_DEVICE: 'Nothing to do here: reconcile it on the till that made it.',
    CHECK_VOID_WITH_REGION: 'Check the void with the Region before the month closes.',
    RESOLVE_BEFORE_MONTH_CLOSES: 'Settle it before the Region closes the month.',
    CONTEST_BEFORE_DEADLINE: 'Contest with the Region before the deadline (30 days after payment).',
    CONTEST_WINDOW_OVER: 'The 30-day contest window is over: the claim is void.',
  },
};
