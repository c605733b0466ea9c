/**
 * The chain's head: where the next row goes. Read only under the log's lock (see `lock.ts`), so
 * two writers never read the same head. When every row was dropped by retention, the head is the
 * newest seal's last digest, so the chain continues from it instead of restarting at genesis.
 */
import { desc, isNotNull, sql } from 'drizzle-orm';
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
  return headOf(last, seal);
}

type Link = { readonly seq: number | null; readonly hash: string | null } | undefined;

function headOf(last: Link, seal: { readonly segment: number; readonly lastSeq: number; readonly lastHash: string } | undefined): ChainHead {
  const openSegment = (seal?.segment ?? 0) + 1;
  if (last?.seq != null && last.hash != null && (!seal || last.seq >= seal.lastSeq)) return { seq: last.seq, hash: last.hash, openSegment };
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
  return auditHeadOf(last, seal);
}

function auditHeadOf(last: Link, seal: { readonly lastSeq: number | null; readonly lastHash: string | null } | undefined): Omit<ChainHead, 'openSegment'> {
  const sealSeq = seal?.lastSeq ?? null;
  if (last?.seq != null && last.hash != null && (sealSeq === null || last.seq >= sealSeq)) return { seq: last.seq, hash: last.hash };
  if (sealSeq !== null && seal?.lastHash) return { seq: sealSeq, hash: seal.lastHash };
  return { seq: 0, hash: GENESIS_HASH };
}

/**
 * Both heads in one statement, for the writer's every batch: what `readHead` and `readAuditHead`
 * read in four, decided the same way. Under the log's lock, like them.
 */
export async function readHeads(tx: Db, tables: LogboekTables): Promise<{ head: ChainHead; auditHead: Omit<ChainHead, 'openSegment'> }> {
  const { verwerkingen: v, audit: a, segmenten: g } = tables;
  const result = await tx.execute(sql`
    select l.seq as "lastSeq", l.hash as "lastHash", s.segment as "segment", s.last_seq as "sealSeq", s.last_hash as "sealHash",
           al.seq as "auditSeq", al.hash as "auditHash", sa.audit_last_seq as "auditSealSeq", sa.audit_last_hash as "auditSealHash"
    from (select 1) as een
    left join lateral (select ${v.seq} as seq, ${v.hash} as hash from ${v} order by ${v.seq} desc limit 1) l on true
    left join lateral (select ${g.segment} as segment, ${g.lastSeq} as last_seq, ${g.lastHash} as last_hash from ${g} order by ${g.segment} desc limit 1) s on true
    left join lateral (select ${a.seq} as seq, ${a.hash} as hash from ${a} where ${a.seq} is not null order by ${a.seq} desc limit 1) al on true
    left join lateral (select ${g.auditLastSeq} as audit_last_seq, ${g.auditLastHash} as audit_last_hash from ${g} where ${g.auditLastSeq} is not null order by ${g.segment} desc limit 1) sa on true`);
  const row = ((Array.isArray(result) ? result : (result as { rows: unknown[] }).rows)[0] ?? {}) as Record<string, string | number | null>;
  // bigint columns come back as strings from the driver when read raw.
  const num = (x: string | number | null | undefined) => (x === null || x === undefined ? null : Number(x));
  const str = (x: string | number | null | undefined) => (x === null || x === undefined ? null : String(x));
  const lastSeq = num(row['lastSeq']);
  const segment = num(row['segment']);
  const sealSeq = num(row['sealSeq']);
  return {
    head: headOf(
      lastSeq === null ? undefined : { seq: lastSeq, hash: str(row['lastHash']) },
      segment === null || sealSeq === null ? undefined : { segment, lastSeq: sealSeq, lastHash: str(row['sealHash'])! },
    ),
    auditHead: auditHeadOf(
      num(row['auditSeq']) === null ? undefined : { seq: num(row['auditSeq']), hash: str(row['auditHash']) },
      num(row['auditSealSeq']) === null ? undefined : { lastSeq: num(row['auditSealSeq']), lastHash: str(row['auditSealHash']) },
    ),
  };
}
