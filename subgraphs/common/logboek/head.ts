/**
 * The chain's heads — where the next processing record and the next audit row go — and the append
 * that links to them, both through the log's routines (`append-routine.ts`): the head is read under
 * the log's lock (see `lock.ts`), so two writers never link to the same head. When retention dropped
 * every row, a head is the newest seal's last digest, so the chain continues from it instead of
 * restarting at genesis.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { rowsOf } from '../rows.js';
import { quoteIdent } from './identifier.js';

export interface LogHeads {
  /** The last seq of the processing records (0 for an empty chain). */
  readonly seq: number;
  /** Their last hash (genesis for an empty chain). */
  readonly hash: string;
  /** The segment new rows go to: one past the newest sealed segment. */
  readonly segment: number;
  /** The audit chain's last seq and hash, decided the same way. */
  readonly auditSeq: number;
  readonly auditHash: string;
  /** The newest processing record's time (ms since the epoch); null when there is none. */
  readonly tijdstip: number | null;
}

function headsOf(value: unknown): LogHeads {
  const kop = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
  return {
    seq: Number(kop['seq']),
    hash: String(kop['hash']),
    segment: Number(kop['segment']),
    auditSeq: Number(kop['auditSeq']),
    auditHash: String(kop['auditHash']),
    tijdstip: kop['tijdstip'] === null || kop['tijdstip'] === undefined ? null : Number(kop['tijdstip']),
  };
}

/** The routine's answer: the one row's `kop`, read the same way from either driver. */
const kopOf = (result: unknown): unknown => rowsOf<{ kop: unknown }>(result)[0]?.kop;

/** Takes the log's lock (until the transaction ends) and reads the heads. */
export async function readHeads(tx: Db, schema: string): Promise<LogHeads> {
  return headsOf(kopOf(await tx.execute(sql`select ${sql.raw(quoteIdent(schema))}."logboek_kop"() as kop`)));
}

/**
 * Inserts the rows (JSON arrays of column-named objects) if `expected` is still the log's head —
 * the rows were linked to it — and returns null; otherwise inserts nothing and returns the heads as
 * they are, read under the lock. Either way the lock is held until the transaction ends (outside a
 * transaction: until this statement's own commit).
 */
export async function appendAtHead(tx: Db, schema: string, expected: LogHeads, verwerkingen: string, audit: string): Promise<LogHeads | null> {
  const verwacht = JSON.stringify({
    seq: expected.seq,
    hash: expected.hash,
    segment: expected.segment,
    auditSeq: expected.auditSeq,
    auditHash: expected.auditHash,
  });
  const found = kopOf(
    await tx.execute(sql`select ${sql.raw(quoteIdent(schema))}."logboek_toevoegen"(${verwacht}::jsonb, ${verwerkingen}::json, ${audit}::json) as kop`),
  );
  return found === null || found === undefined ? null : headsOf(found);
}
