/**
 * Test and bench support only (never imported by production code): a `Db` that counts the
 * transactions started through it, so a test or the bench can show how many requests' records
 * shared one commit without the writer carrying a hook for it.
 */
import type { Db } from '../database.js';

export interface CountedDb {
  readonly db: Db;
  /** Transactions started so far. */
  transactions(): number;
}

export function countTransactions(db: Db): CountedDb {
  let started = 0;
  const transaction: Db['transaction'] = (run, config) => {
    started += 1;
    return db.transaction(run, config);
  };
  const counted = new Proxy(db, {
    get: (target, property) => (property === 'transaction' ? transaction : Reflect.get(target, property, target)),
  });
  return { db: counted, transactions: () => started };
}
