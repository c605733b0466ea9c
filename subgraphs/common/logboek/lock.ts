/**
 * One writer at a time per log: every writer, the sealer and the retention procedure take the
 * same transaction-scoped advisory lock before reading the chain's head, so the chain cannot fork
 * — across connections and processes of a PostgreSQL server, not only within this process.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';

/** The first key of the two-key advisory lock: this module's namespace ("wklb"). */
export const LOCK_NAMESPACE = 0x776b6c62;

/** The second key: derived from the schema name, the same in every process and server version. */
export function lockKey(schema: string): number {
  return createHash('sha256').update(`woonkans.logboek:${schema}`, 'utf8').digest().readInt32BE(0);
}

/** `pg_advisory_xact_lock` on the schema's log; released by commit or rollback. Call inside a transaction. */
export async function lockLog(tx: Db, schema: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${sql.raw(String(LOCK_NAMESPACE))}, ${sql.raw(String(lockKey(schema)))})`);
}

