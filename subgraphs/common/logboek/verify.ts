/**
 * Proves the log was not changed: walks the chain in seq order, a page at a time, recomputing
 * every hash, and checks the seals of the segments against it. If retention dropped the oldest
 * segments, the walk starts from the newest dropped segment's kept last digest. Reports the first
 * broken link, so an auditor knows from where on the log cannot be trusted.
 */
import { and, asc, count, gt, gte, isNotNull, isNull, min } from 'drizzle-orm';
import type { Db } from '../database.js';
import { GENESIS_HASH, auditChainHash, chainHash } from './chain.js';
import { assertTablesInSchema, type LogboekTables, type SegmentRow } from './tables.js';

/** Which of the two chains a result speaks of: the processing records or the audit rows. */
export type Keten = 'verwerkingen' | 'audit';

/** A chain's head as the walk found it: its last seq and hash (0 and genesis when empty). */
export interface KetenKop {
  readonly seq: number;
  readonly hash: string;
}

/**
 * The newest signed head checkpoint (`checkpoint.ts`), its signature already checked: the log's
 * head (both chains) as the writer published it outside the database.
 */
export interface CheckpointHead {
  readonly seq: number;
  readonly hash: string;
  readonly auditSeq: number;
  readonly auditHash: string;
}

export type VerifyResult =
  | {
      readonly ok: true;
      /** Processing records whose link was recomputed. */
      readonly checked: number;
      /** Audit rows whose link was recomputed, and those from before the audit chain (unverifiable). */
      readonly audit: { readonly checked: number; readonly ongeketend: number };
      readonly head: KetenKop;
      readonly auditHead: KetenKop;
    }
  | {
      readonly ok: false;
      readonly brokenAt: number;
      readonly reason: string;
      /** The chain that broke; absent for the processing records (as before the audit chain). */
      readonly keten?: 'audit';
      /** Set when the chain is intact but ends before the checkpoint: the newest rows were removed. */
      readonly afgekaptNa?: number;
    };

export interface VerifyOptions {
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  /** Rows per page (default 1000): memory stays bounded whatever the log's size. */
  readonly pageSize?: number;
  /**
   * The newest signed checkpoint, if any: each chain must reach it (else its newest rows were cut
   * off) and carry its hash at its seq (else it was rewritten up to there).
   */
  readonly checkpoint?: CheckpointHead | undefined;
}

/**
 * Runs in one read-only REPEATABLE READ transaction: seals and rows are read from one snapshot, so
 * a write or a seal committed during the walk cannot look like a broken link.
 */
export async function verifyChain(options: VerifyOptions): Promise<VerifyResult> {
  const { schema, tables } = options;
  assertTablesInSchema(tables, schema);
  return options.db.transaction((tx) => walk(tx, options), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

type Broken = Extract<VerifyResult, { ok: false }>;

async function walk(db: Db, options: VerifyOptions): Promise<VerifyResult> {
  const main = await walkVerwerkingen(db, options);
  if (!main.ok) return main;
  const audit = await walkAudit(db, options, main.seals);
  if (!audit.ok) return audit;
  return { ok: true, checked: main.checked, audit: { checked: audit.checked, ongeketend: audit.ongeketend }, head: main.head, auditHead: audit.head };
}

async function walkVerwerkingen(
  db: Db,
  options: VerifyOptions,
): Promise<Broken | { ok: true; checked: number; head: KetenKop; seals: SegmentRow[] }> {
  const { tables } = options;
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('logboek: pageSize must be a positive integer');
  const { verwerkingen: v, segmenten: g } = tables;
  const broken = (brokenAt: number, reason: string): Broken => ({ ok: false, brokenAt, reason });
  const checkpoint = options.checkpoint;

  // The seals: numbered 1, 2, … contiguous in seq; the dropped ones the oldest.
  const seals: SegmentRow[] = await db.select().from(g).orderBy(asc(g.segment));
  let lastDropped: SegmentRow | undefined;
  for (const [i, seal] of seals.entries()) {
    const before = seals[i - 1];
    if (seal.segment !== i + 1) return broken(seal.firstSeq, `segment ${seal.segment} follows segment ${i}`);
    if (seal.firstSeq !== (before ? before.lastSeq + 1 : 1) || seal.lastSeq < seal.firstSeq) {
      return broken(seal.firstSeq, `seal of segment ${seal.segment} does not continue the previous seal`);
    }
    if (seal.droppedAt) {
      if (before && !before.droppedAt) return broken(seal.firstSeq, `segment ${seal.segment} dropped before older segment ${before.segment}`);
      lastDropped = seal;
    }
  }
  const kept = seals.filter((s) => !s.droppedAt);
  const openSegment = seals.length + 1;

  let prevHash = lastDropped?.lastHash ?? GENESIS_HASH;
  let expected = lastDropped ? lastDropped.lastSeq + 1 : 1;

  const [lowest] = await db.select({ seq: min(v.seq) }).from(v);
  if (lowest?.seq != null && Number(lowest.seq) < expected) {
    return broken(Number(lowest.seq), 'row of a dropped segment is still present');
  }

  let checked = 0;
  let sealIndex = 0;
  for (;;) {
    const page = await db.select().from(v).where(gte(v.seq, expected)).orderBy(asc(v.seq)).limit(pageSize);
    for (const row of page) {
      if (row.seq !== expected) return broken(expected, `row ${expected} is missing (next present: ${row.seq})`);
      if (row.vorigeHash !== prevHash) return broken(row.seq, 'vorige_hash does not match the previous row');
      if (chainHash(row.vorigeHash, row) !== row.hash) return broken(row.seq, 'content does not match its hash');
      const seal = kept[sealIndex];
      const segment = seal && row.seq >= seal.firstSeq ? seal.segment : openSegment;
      if (row.segment !== segment) return broken(row.seq, `row is in segment ${row.segment}, the seals put it in ${segment}`);
      if (seal && row.seq === seal.lastSeq) {
        if (row.hash !== seal.lastHash) return broken(row.seq, `hash differs from the seal of segment ${seal.segment}`);
        sealIndex += 1;
      }
      if (checkpoint && row.seq === checkpoint.seq && row.hash !== checkpoint.hash) {
        return broken(row.seq, 'hash differs from the signed checkpoint');
      }
      prevHash = row.hash;
      expected += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const unfinished = kept[sealIndex];
  if (unfinished) return broken(expected, `rows of sealed segment ${unfinished.segment} are missing`);
  const last = expected - 1;
  if (checkpoint) {
    if (checkpoint.seq > last) {
      return { ok: false, brokenAt: last + 1, afgekaptNa: last, reason: `the signed checkpoint names seq ${checkpoint.seq}; rows ${last + 1} to ${checkpoint.seq} are gone` };
    }
    if (lastDropped && checkpoint.seq === lastDropped.lastSeq && checkpoint.hash !== lastDropped.lastHash) {
      return broken(checkpoint.seq, 'the seal differs from the signed checkpoint');
    }
  }
  return { ok: true, checked, head: { seq: last, hash: prevHash }, seals };
}

/**
 * The audit chain: the same walk over the chained audit rows (their own seq from 1, their own
 * genesis), against the seals' audit bounds. Rows from before the chain (all three chain columns
 * null) are counted, not trusted; one after the chain began is a break (the database refuses it).
 */
async function walkAudit(
  db: Db,
  options: VerifyOptions,
  seals: readonly SegmentRow[],
): Promise<Broken | { ok: true; checked: number; ongeketend: number; head: KetenKop }> {
  const { tables, checkpoint } = options;
  const pageSize = options.pageSize ?? 1000;
  const a = tables.audit;
  const broken = (brokenAt: number, reason: string): Broken => ({ ok: false, keten: 'audit', brokenAt, reason });

  // The seals' audit bounds: contiguous among the seals that have them.
  const withAudit = seals.filter((s) => s.auditLastSeq != null);
  let lastDropped: SegmentRow | undefined;
  for (const [i, seal] of withAudit.entries()) {
    const before = withAudit[i - 1];
    const first = seal.auditFirstSeq;
    const lastSeq = seal.auditLastSeq!;
    if (first == null || !seal.auditLastHash || first !== (before ? before.auditLastSeq! + 1 : 1) || lastSeq < first) {
      return broken(first ?? lastSeq, `audit seal of segment ${seal.segment} does not continue the previous audit seal`);
    }
    if (seal.droppedAt) lastDropped = seal;
  }
  const kept = withAudit.filter((s) => !s.droppedAt);
  const openSegment = seals.length + 1;
  let prevHash = lastDropped?.auditLastHash ?? GENESIS_HASH;
  let expected = lastDropped ? lastDropped.auditLastSeq! + 1 : 1;

  const [lowest] = await db.select({ seq: min(a.seq), id: min(a.id) }).from(a).where(isNotNull(a.seq));
  if (lowest?.seq != null && Number(lowest.seq) < expected) return broken(Number(lowest.seq), 'audit row of a dropped segment is still present');
  const [legacy] = await db.select({ n: count() }).from(a).where(isNull(a.seq));
  const ongeketend = Number(legacy?.n ?? 0);
  if (ongeketend > 0 && lowest?.id != null) {
    const [late] = await db.select({ n: count() }).from(a).where(and(isNull(a.seq), gt(a.id, Number(lowest.id))));
    if (Number(late?.n ?? 0) > 0) return broken(Number(lowest.seq), 'an unchained audit row was added after the audit chain began');
  }

  let checked = 0;
  let sealIndex = 0;
  for (;;) {
    const page = await db.select().from(a).where(gte(a.seq, expected)).orderBy(asc(a.seq)).limit(pageSize);
    for (const row of page) {
      const seq = row.seq!;
      if (seq !== expected) return broken(expected, `audit row ${expected} is missing (next present: ${seq})`);
      if (row.vorigeHash !== prevHash) return broken(seq, 'vorige_hash does not match the previous audit row');
      if (auditChainHash(prevHash, { ...row, seq }) !== row.hash) return broken(seq, 'content does not match its hash');
      const seal = kept[sealIndex];
      const segment = seal && seq >= seal.auditFirstSeq! ? seal.segment : openSegment;
      if (row.segment !== segment) return broken(seq, `audit row is in segment ${row.segment}, the seals put it in ${segment}`);
      if (seal && seq === seal.auditLastSeq) {
        if (row.hash !== seal.auditLastHash) return broken(seq, `hash differs from the audit seal of segment ${seal.segment}`);
        sealIndex += 1;
      }
      if (checkpoint && seq === checkpoint.auditSeq && row.hash !== checkpoint.auditHash) {
        return broken(seq, 'hash differs from the signed checkpoint');
      }
      prevHash = row.hash!;
      expected += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const unfinished = kept[sealIndex];
  if (unfinished) return broken(expected, `audit rows of sealed segment ${unfinished.segment} are missing`);
  const last = expected - 1;
  if (checkpoint) {
    if (checkpoint.auditSeq > last) {
      return { ok: false, keten: 'audit', brokenAt: last + 1, afgekaptNa: last, reason: `the signed checkpoint names audit seq ${checkpoint.auditSeq}; audit rows ${last + 1} to ${checkpoint.auditSeq} are gone` };
    }
    if (lastDropped && checkpoint.auditSeq === lastDropped.auditLastSeq && checkpoint.auditHash !== lastDropped.auditLastHash) {
      return broken(checkpoint.auditSeq, 'the audit seal differs from the signed checkpoint');
    }
  }
  return { ok: true, checked, ongeketend, head: { seq: last, hash: prevHash } };
}
