// One French sentence per refusal code, saying why and what to do next. Typed against the contract's
// codes: a code added to the contract without its sentence fails the typecheck.
import type { ErrorCode } from '../../../preload/contract';

export const errorsFr: Record<ErrorCode, string> = {
  ACTIVATION_INVALID: "Code d'activation invalide ou déjà utilisé. Demandez un nouveau code à la Région.",
  PARTNER_SUSPENDED:
    'Votre structure est suspendue par la Région : aucune transaction possible. Contactez la Région.',
  TOKEN_INVALID:
    "QR code illisible ou non reconnu. Demandez au jeune d'afficher un nouveau QR code dans l'application.",
  TOKEN_EXPIRED: "Ce QR code a expiré. Demandez au jeune d'en afficher un nouveau.",
  TOKEN_USED: "Ce QR code a déjà servi pour un paiement. Demandez au jeune d'en afficher un nouveau.",
  MEMBERSHIP_INACTIVE:
    "L'adhésion de ce jeune n'est pas active pour la saison. Il doit régler son adhésion auprès de la Région.",
  NOT_ACCREDITED:
    "Votre structure n'est pas agréée pour cette catégorie : le porte-monnaie ne peut pas être débité ici.",
  ITEM_NOT_ELIGIBLE: "Cet article n'est pas éligible (ex. confiserie, boisson, cycle de moins de 5 séances).",
  AMOUNT_INVALID: 'Montant invalide : la part Atouts doit être positive et ne pas dépasser le prix.',
  CLOCK_SKEW: "L'horloge de la caisse est décalée : vérifiez la date et l'heure de l'ordinateur.",
  SEASON_CLOSED: 'La saison est terminée (ou pas encore ouverte) : les avantages ne sont plus utilisables.',
  INSUFFICIENT_BALANCE:
    'Solde insuffisant sur ce porte-monnaie. Baissez la part Atouts ; le jeune paie le reste.',
  OFFLINE_TOO_LATE: 'Paiement hors ligne transmis trop tard : la Région ne le rembourse pas.',
  OFFLINE_LIMIT_EXCEEDED:
    'Hors ligne, ce montant dépasse le plafond autorisé. Baissez la part Atouts ou attendez le retour du réseau.',
  MONTH_CLOSED: 'Le relevé de ce mois est déjà clos : la Région ne prend plus de paiement daté de ce mois.',
  VOID_WINDOW_CLOSED:
    "Annulation impossible : elle n'est permise que le jour même, avant la clôture du mois.",
  UNKNOWN_DEBIT: 'Paiement inconnu de la Région.',
  COUPON_UNKNOWN: 'Bon de pré-paiement inconnu. Vérifiez le code saisi.',
  COUPON_OTHER_PARTNER: 'Ce bon est réservé à une autre structure.',
  COUPON_REDEEMED: 'Ce bon a déjà été utilisé.',
  COUPON_EXPIRED: 'Ce bon a expiré.',
  COUPON_CANCELLED: 'Ce bon a été annulé par le jeune.',
  NOT_REGISTERED: "Ce jeune n'est pas inscrit à ce bon plan.",
  OFFER_CLOSED: 'Ce bon plan est clos.',
  IDEMPOTENCY_CONFLICT: 'Conflit de transaction : contactez le support.',
  ANCHOR_CONFLICT:
    'Le journal de cette caisse contredit ce que la Région en a enregistré : faites vérifier le journal.',
  UNAUTHORIZED: "La caisse n'est plus reconnue. Un responsable doit la réenregistrer.",
  NOT_FOUND: 'Élément introuvable.',
  VALIDATION_FAILED: 'Demande refusée par la Région : données invalides.',
  RATE_LIMITED: 'La Région est très sollicitée : nouvel essai dans un instant.',
  PAYLOAD_TOO_LARGE: 'Demande trop volumineuse refusée par la Région : contactez le support.',
  DEBIT_VOIDED:
    "Ce paiement avait été abandonné puis annulé : il n'a pas eu lieu. Refaites-le si besoin avec un nouveau QR code.",
  INPUT_INVALID: 'Saisie invalide : vérifiez les champs.',
  UNKNOWN_CALL: 'Action inconnue : mettez la caisse à jour.',
  NOT_ENROLLED: "Cette caisse n'est pas encore enregistrée auprès de la Région.",
  ALREADY_ENROLLED: 'Cette caisse est déjà enregistrée.',
  NOT_LOGGED_IN: 'Identifiez-vous pour continuer.',
  ROLE_REQUIRED: 'Action réservée à un responsable.',
  PIN_INVALID: 'Code PIN incorrect.',
  OVERRIDE_PIN_INVALID:
    "Code PIN du responsable incorrect : le paiement n'est pas annulé. Le responsable ressaisit son code.",
  OVERRIDE_NOT_MANAGER:
    "Cette personne n'est pas responsable : seul un responsable peut autoriser une annulation.",
  SESSION_LOCKED: 'Session verrouillée : saisissez votre code PIN.',
  PIN_RETRY_LATER: 'Trop de codes PIN erronés : patientez {{seconds}} s avant de réessayer.',
  STAFF_LOCKED:
    'Compte bloqué après 10 codes PIN erronés : un responsable doit le débloquer (Réglages → Équipe).',
  SCAN_UNKNOWN: 'Lecture expirée : scannez de nouveau le QR code.',
  SCAN_STALE: 'Lecture expirée : scannez de nouveau le QR code.',
  REGION_UNREACHABLE:
    'La Région ne répond pas. Réessayez ; si cela dure, la caisse passe en mode hors ligne.',
  OFFLINE_DISABLED:
    'La Région ne répond pas et le mode hors ligne est désactivé : paiement impossible pour le moment.',
  OFFLINE_KEYS_MISSING:
    "La Région ne répond pas et la caisse n'a pas encore les clés pour vérifier hors ligne.",
  OFFLINE_MAX_AGE: 'Hors ligne depuis trop longtemps : reconnectez la caisse avant tout nouveau paiement.',
  DEBIT_PENDING: 'Un paiement est en cours de vérification.',
  DEBIT_ALREADY_ACCEPTED:
    'La Région a déjà accepté ce paiement : pour rendre le montant, annulez-le (possible le jour même).',
  DEBIT_NOT_VOIDABLE: "La Région a refusé ce paiement : rien n'a été débité, il n'y a rien à annuler.",
  CLOSURE_PENDING_DEBITS: 'Clôture impossible : des paiements attendent encore la confirmation de la Région.',
  PERIOD_NOT_ENDED:
    "Clôture impossible : la période {{period}} n'est pas terminée. La clôture Z se fait une fois la journée finie (après minuit).",
  PERIOD_ALREADY_CLOSED:
    'La période {{period}} est déjà clôturée (écriture n° {{seq}}) : une clôture ne change plus.',
  PERIOD_NOT_CLOSED: "Cette période n'est pas encore clôturée : faites d'abord sa clôture (Clôtures, F5).",
  BACKUP_NOT_CONFIGURED: "Aucun dossier de sauvegarde n'est choisi : indiquez-le dans Gestion → Sauvegardes.",
  BACKUP_FOLDER_INVALID:
    "Ce dossier ne convient pas aux sauvegardes : indiquez le chemin complet d'un dossier existant (clé USB branchée, partage réseau), hors du dossier de la caisse.",
  BACKUP_FAILED:
    'La sauvegarde a échoué : vérifiez que le dossier (clé USB, partage) est branché et accessible en écriture.',
  RESTORE_TARGET_NOT_EMPTY:
    'Cette caisse a déjà son propre journal : une sauvegarde ne se restaure que sur un poste neuf ou réinstallé.',
  PRINTER_UNREACHABLE:
    "L'imprimante de tickets ne répond pas : vérifiez qu'elle est allumée, reliée au réseau et qu'elle a du papier.",
  WIPE_PENDING:
    "Des opérations attendent encore la Région : l'effacement attend qu'elles soient toutes envoyées.",
  // Issue 17 (sorties collectives, avoirs, contestation).
  CONTEST_NOT_DUE:
    "Pas de lettre de contestation pour ce mois : il n'est pas encore payé, ou rien ne diffère.",
  CONTEST_DEADLINE_PASSED:
    'Le délai de 30 jours pour contester ce remboursement est dépassé : la réclamation ne serait plus recevable.',
  OUTING_UNKNOWN: "Cette sortie collective n'est plus ouverte. Ouvrez-en une nouvelle.",
  AVOIR_UNKNOWN: 'Aucun avoir ne porte ce code. Vérifiez la saisie (AV-XXXX-XXXX).',
  AVOIR_EXHAUSTED: "L'avoir ne couvre pas ce montant.",
  AVOIR_NOT_ELIGIBLE:
    "Ce paiement ne peut pas donner lieu à un avoir : il n'est pas accepté, a été annulé, ou a déjà son avoir.",
  DISCIPLINE_REQUIRED:
    'Indiquez la discipline du cycle (musique/chorale, danse, cirque, théâtre, arts marionnettiques ou arts visuels).',
  DISK_FULL: "Disque plein : le paiement n'a pas été enregistré. Libérez de l'espace puis recommencez.",
  STORAGE_READ_ONLY: "Stockage en lecture seule : le paiement n'a pas été enregistré. Contactez le support.",
  JOURNAL_BROKEN: 'Journal endommagé : ne faites plus de paiement et contactez le support.',
  DEVICE_SECRET_UNREADABLE:
    'Cette caisse doit être réactivée : sa clé d’accès à la Région est illisible (coupure de courant, fichier abîmé). Le journal est intact. Demandez un nouveau code d’activation à la Région, puis réactivez la caisse avec le code PIN d’un responsable.',
  REGION_URL_INSECURE:
    'Adresse de la Région refusée : elle doit commencer par https:// (http:// seulement vers cet ordinateur, pour les essais).',
  JOURNAL_HEAD_MISSING:
    'Journal endommagé : la tête de chaîne a disparu. La caisse refuse de démarrer ; contactez le support (till journal verify).',
  CORE_RESTARTED:
    "Le cœur de la caisse a redémarré pendant l'opération : vérifiez dans le journal si elle a abouti avant de recommencer.",
  CORE_UNAVAILABLE: 'Le cœur de la caisse redémarre : réessayez dans un instant.',
  INTERNAL: 'Erreur inattendue. Réessayez ; si cela se reproduit, contactez le support.',
};

/**
 * The same refusals, naming the value the refusal carries (its `params`; `xCents` arrive formatted as `x`).
 * Used only when the params are there: a Region refusal carries none and reads the plain sentence above.
 */
export const errorsWithFr: Partial<Record<ErrorCode, string>> = {
  AVOIR_EXHAUSTED: "L'avoir ne couvre plus que {{remaining}}.",
  INSUFFICIENT_BALANCE:
    'Solde insuffisant : la part Atouts peut aller jusqu’à {{balance}} au plus. Baissez-la ; le jeune paie le reste.',
  AMOUNT_INVALID:
    'Ce bon vaut {{amount}} et se débite en entier : le prix doit être d’au moins {{amount}}. Sinon, encaissez sans le bon.',
};
