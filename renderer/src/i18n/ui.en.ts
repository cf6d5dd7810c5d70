import type { uiFr } from './ui.fr';

type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> };

export const uiEn: Catalogue<typeof uiFr> = {
  app: { title: 'Atouts Till', offline: 'OFFLINE — payments recorded locally, sent when the network returns', pending: '{{count}} awaiting the Region' },
  category: { SPECTACLE: 'Concert / Show', CINEMA: 'Cinema', SPORT: 'Sport', ARTISTIC: 'Artistic practice', LOCAL: 'Local scheme' },
  wallet: { SPECTACLE: 'Show', CINEMA: 'Cinema', PRATIQUE: 'Practice', LOCAL: 'Local' },
  item: { PLACE: 'Seat', ABONNEMENT: 'Subscription', SEANCE: 'Screening', LICENCE: 'Licence', ADHESION: 'Membership', CYCLE: 'Cycle (≥ 5 sessions)' },
  enrol: {
    title: 'Enrol this till',
    intro: 'Enter your organisation id and the activation code the Region gave you.',
    regionUrl: 'Region server address',
    partnerId: 'Organisation id',
    activationCode: 'Activation code',
    deviceName: 'Name of this till',
    managerName: 'Your name (manager)',
    managerPin: 'Your PIN (4 to 8 digits)',
    submit: 'Enrol the till',
  },
  login: { title: 'Who is at the till?', staff: 'Person', pin: 'PIN', submit: 'Open session', logout: 'Close session' },
  scan: { title: "Scan the youth's QR code", manual: 'Or paste / type the code', submit: 'Read', hint: 'The barcode scanner works at any time.' },
  card: {
    checkId: 'Check an ID document',
    born: 'Born {{date}} — {{age}} years old',
    season: 'Season {{from}}–{{to}}',
    membershipActive: 'Membership active',
    membershipInactive: 'Membership inactive',
    offline: 'Offline balances (QR code snapshot)',
    noWallet: 'No wallet usable with you.',
  },
  debit: {
    category: 'Category',
    item: 'Item',
    sessions: 'Number of sessions',
    price: 'Price (€)',
    amount: 'Atouts part (€)',
    split: 'Atouts: {{amount}} — left to pay: {{rest}}',
    confirm: 'Confirm (Enter)',
    cancel: 'Cancel (Esc)',
    balance: '{{wallet}} balance: {{balance}}',
  },
  outcome: {
    accepted: 'Payment accepted',
    offline_accepted: 'Payment accepted OFFLINE',
    refused: 'Payment refused',
    pending: 'Checking…',
    pendingHelp: 'The Region has not answered yet. The payment is neither accepted nor refused: the till keeps trying.',
    newBalance: 'New balance: {{balance}}',
    youthPays: 'Youth pays: {{rest}}',
    next: 'Next customer (Enter)',
  },
  errors: { title: 'Refusal' },
};
