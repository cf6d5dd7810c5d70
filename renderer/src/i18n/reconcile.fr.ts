// One sentence per reconciliation explanation and action code, typed against the contract's lists:
// a code added there without its sentence fails the typecheck.
import type { ReconcileAction, ReconcileExplanation } from '../../../preload/contract';

export const reconcileFr: {
  explanation: Record<ReconcileExplanation, string>;
  action: Record<ReconcileAction, string>;
} = {
  explanation: {
    NOT_YET_SENT:
      "Paiement enregistré sur la caisse mais pas encore transmis à la Région (il est dans la file d'envoi).",
    ACCEPTED_THEN_UNKNOWN_AT_REGION:
      "La caisse a reçu l'acceptation de la Région, mais la Région ne liste pas ce paiement.",
    JOURNAL_LOST_DEBIT:
      "La Région a un paiement de cette caisse que son journal n'a pas : le journal a peut-être été restauré ou remplacé.",
    DEBIT_OF_OTHER_DEVICE: 'Paiement fait sur une autre caisse de votre structure (pour information).',
    AMOUNT_DIFFERS: 'Le montant diffère entre la caisse et la Région.',
    CATEGORY_DIFFERS: 'La catégorie diffère entre la caisse et la Région.',
    VOIDED_AT_REGION: "La Région indique ce paiement comme annulé, alors que la caisse l'a accepté.",
    VOID_NOT_YET_SENT: 'Annulation enregistrée sur la caisse mais pas encore transmise à la Région.',
    VOID_UNKNOWN_AT_REGION:
      'La caisse a annulé ce paiement, mais la Région le compte toujours comme accepté.',
    ANSWER_NOT_YET_RECORDED:
      "La réponse de la Région n'est pas encore enregistrée sur la caisse (vérification en cours).",
    REFUSED_ON_TILL_ACCEPTED_AT_REGION: 'La caisse a noté un refus, mais la Région a accepté ce paiement.',
    STATEMENT_DIFFERS_FROM_REGION_LINES:
      'Le total du relevé mensuel ne correspond pas aux lignes de la Région.',
    STATEMENT_DIFFERS_FROM_TILL: 'Le total du relevé mensuel ne correspond pas au journal de la caisse.',
    REGION_DATED_OTHER_MONTH:
      'La Région date ce paiement dans un autre mois que le journal de la caisse (voir le mois lié).',
    NEVER_MADE_BY_THIS_TILL:
      'La Région attribue à cette caisse un paiement que son journal, vérifié intact, prouve ne jamais avoir fait.',
  },
  action: {
    WAIT_FOR_SYNC:
      "Rien à faire : la caisse l'enverra dès que la Région répond. Vérifiez la connexion si cela dure.",
    CONTEST_WITH_REGION: "Contactez la Région avec l'export du journal pour faire corriger son relevé.",
    RESTORE_JOURNAL_BACKUP:
      'Ne supprimez rien ; contactez le support pour restaurer la dernière sauvegarde du journal.',
    RECONCILE_ON_OTHER_DEVICE: "Aucune action ici : rapprochez ce paiement sur la caisse qui l'a fait.",
    CHECK_VOID_WITH_REGION: "Vérifiez l'annulation avec la Région avant la clôture du mois.",
    RESOLVE_BEFORE_MONTH_CLOSES: 'À régler avant la clôture du mois par la Région.',
    CONTEST_BEFORE_DEADLINE:
      'Contestez auprès de la Région avant la date limite (30 jours après le paiement).',
    CONTEST_WINDOW_OVER:
      'Le délai de contestation de 30 jours est dépassé : la réclamation n’est plus recevable.',
  },
};
