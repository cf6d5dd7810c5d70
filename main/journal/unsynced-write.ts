// Writes that are conveniences, not evidence — a name kept for the ID check, the deletion of a pass token
// the Region has answered for — need not pay a disk sync of their own. In WAL mode a commit at
// synchronous=NORMAL reaches the WAL without an fsync, and the next FULL commit on the same file (the next
// debit's entry, the next token saved) syncs the WAL with it. A power cut in between loses only the
// convenience: the name is written again at the next scan, the token row is swept at the next start
// (outbox/sweep.ts). A process crash loses nothing: the WAL is already in the operating system's hands.
import type Database from 'better-sqlite3';

export function withoutOwnSync<T>(db: Database.Database, write: () => T): T {
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma('synchronous = FULL');
  }
}
