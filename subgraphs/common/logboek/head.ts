/**
 * The chain's head: where the next row goes. Read only under the log's lock (see `lock.ts`), so
 * two writers never read the same head. When every row was dropped by retention, the head is the
 * newest seal's last digest, so the chain continues from it instead of restarting at genesis.
 */
import { desc, isNotNull } from 'drizzle-orm';
import type { Db } from '../database.js';
import { GENESIS_HASH } from './chain.js';
import type { LogboekTables } from './tables.js';

export interface ChainHead {
  /** The last seq in the chain (0 for an empty chain). */
  readonly seq: number;
  /** The last hash (genesis for an empty chain). */
  readonly hash: string;
  /** The segment new rows go to: one past the newest sealed segment. */
  readonly openSegment: number;
}

export async function readHead(tx: Db, tables: LogboekTables): Promise<ChainHead> {
  const { verwerkingen: v, segmenten: g } = tables;
  const [last] = await tx.select({ seq: v.seq, hash: v.hash }).from(v).orderBy(desc(v.seq)).limit(1);
  const [seal] = await tx
    .select({ segment: g.segment, lastSeq: g.lastSeq, lastHash: g.lastHash })
    .from(g)
    .orderBy(desc(g.segment))
    .limit(1);
  const openSegment = (seal?.segment ?? 0) + 1;
  if (last && (!seal || last.seq >= seal.lastSeq)) return { seq: last.seq, hash: last.hash, openSegment };
  if (seal) return { seq: seal.lastSeq, hash: seal.lastHash, openSegment };
  return { seq: 0, hash: GENESIS_HASH, openSegment };
}

/**
 * The audit chain's head, read under the same lock: the newest chained audit row, or — when
 * retention dropped them all — the newest seal's last audit digest; genesis when there is neither
 * (a new log, or one whose audit rows all predate the chain).
 */
export async function readAuditHead(tx: Db, tables: LogboekTables): Promise<Omit<ChainHead, 'openSegment'>> {
  const { audit: a, segmenten: g } = tables;
  const [last] = await tx.select({ seq: a.seq, hash: a.hash }).from(a).where(isNotNull(a.seq)).orderBy(desc(a.seq)).limit(1);
  const [seal] = await tx
    .select({ lastSeq: g.auditLastSeq, lastHash: g.auditLastHash })
    .from(g)
    .where(isNotNull(g.auditLastSeq))
    .orderBy(desc(g.segment))
    .limit(1);
  const sealSeq = seal?.lastSeq ?? null;
  if (last?.seq != null && last.hash != null && (sealSeq === null || last.seq >= sealSeq)) return { seq: last.seq, hash: last.hash };
  if (sealSeq !== null && seal?.lastHash) return { seq: sealSeq, hash: seal.lastHash };
  return { seq: 0, hash: GENESIS_HASH };
}
