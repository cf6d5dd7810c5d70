// A cycle's artistic discipline in the debit projection (issue 17): the regulation funds cycles of six
// disciplines only, and receipts and exports name it. The column is filled from the chain's entries by the
// rebuild this migration asks for (older cycles carry none and stay NULL).
import type { Migration } from './migration';

export const m0005CycleDiscipline: Migration = {
  version: 5,
  name: 'cycle-discipline',
  rebuildsProjections: true,
  up(db) {
    db.exec('ALTER TABLE debits ADD COLUMN discipline TEXT');
  },
};
