/**
 * Proves the log was not changed: walks the chain in seq order, a page at a time, recomputing
 * every hash, and checks the seals of the segments against it. If retention dropped the oldest
 * segments, the walk starts from the newest dropped segment's kept last digest. Reports the first
 * broken link, so an auditor knows from where on the log cannot be trusted.
 */
import { asc, gte, min } from 'drizzle-orm';
import type { Db } from '../database.js';
import { GENESIS_HASH, chainHash } from './chain.js';
import { assertTablesInSchema, type LogboekTables, type SegmentRow } from './tables.js';

export type VerifyResult =
  | { readonly ok: true; readonly checked: number }
  | { readonly ok: false; readonly brokenAt: number; readonly reason: string };

export interface VerifyOptions {
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  /** Rows per page (default 1000): memory stays bounded whatever the log's size. */
  readonly pageSize?: number;
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

async function walk(db: Db, options: VerifyOptions): Promise<VerifyResult> {
  const { tables } = options;
  const pageSize = options.pageSize ?? 1000;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error('logboek: pageSize must be a positive integer');
  const { verwerkingen: v, segmenten: g } = tables;
  const broken = (brokenAt: number, reason: string): VerifyResult => ({ ok: false, brokenAt, reason });

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
      prevHash = row.hash;
      expected += 1;
      checked += 1;
    }
    if (page.length < pageSize) break;
  }
  const unfinished = kept[sealIndex];
  if (unfinished) return broken(expected, `rows of sealed segment ${unfinished.segment} are missing`);
  return { ok: true, checked };
}
