/**
 * Retention of the log. The chain is cut into segments: sealing closes the open segment (its
 * first and last seq and last digest are recorded) and later rows go to the next one. Once a
 * sealed segment is older than the log must be kept, its rows can be dropped as a whole by the
 * database's `drop_segment` procedure (the only DELETE the append-only triggers allow); its seal
 * stays, so the rest of the chain remains verifiable from the kept last digest.
 */
import { and, asc, eq, isNotNull, max, min, sql } from 'drizzle-orm';
import type { Db } from '../database.js';
import { readHeads } from './head.js';
import { quoteIdent } from './identifier.js';
import { lockLog } from './lock.js';
import { rowsOf } from '../rows.js';
import { assertTablesInSchema, type LogboekTables } from './tables.js';

export interface SealedSegment {
  readonly segment: number;
  readonly firstSeq: number;
  readonly lastSeq: number;
  readonly lastHash: string;
  readonly sealedAt: Date;
  /** The audit chain's part in the segment; null when it holds no chained audit row. */
  readonly auditFirstSeq: number | null;
  readonly auditLastSeq: number | null;
  readonly auditLastHash: string | null;
}

export interface SealOptions {
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  readonly now?: () => Date;
}

/** Seals the open segment; `null` when it holds no rows (nothing to seal). */
export async function sealSegment(options: SealOptions): Promise<SealedSegment | null> {
  const { db, schema, tables } = options;
  assertTablesInSchema(tables, schema);
  const { verwerkingen: v, audit: a, segmenten: g } = tables;
  return db.transaction(
    async (tx) => {
      // Under the log's lock (taken by the head's read) until the seal commits.
      const { segment: openSegment } = await readHeads(tx, schema);
      const [bounds] = await tx
        .select({ firstSeq: min(v.seq), lastSeq: max(v.seq) })
        .from(v)
        .where(eq(v.segment, openSegment));
      if (bounds?.firstSeq == null || bounds.lastSeq == null) return null;
      const firstSeq = Number(bounds.firstSeq);
      const lastSeq = Number(bounds.lastSeq);
      const [last] = await tx
        .select({ hash: v.hash })
        .from(v)
        .where(and(eq(v.seq, lastSeq), eq(v.segment, openSegment)));
      if (!last) throw new Error(`logboek: last row ${lastSeq} of segment ${openSegment} vanished`);
      const [auditBounds] = await tx
        .select({ firstSeq: min(a.seq), lastSeq: max(a.seq) })
        .from(a)
        .where(and(eq(a.segment, openSegment), isNotNull(a.seq)));
      const auditLastSeq = auditBounds?.lastSeq == null ? null : Number(auditBounds.lastSeq);
      const [auditLast] =
        auditLastSeq === null ? [] : await tx.select({ hash: a.hash }).from(a).where(and(eq(a.seq, auditLastSeq), eq(a.segment, openSegment)));
      if (auditLastSeq !== null && !auditLast?.hash) throw new Error(`logboek: last audit row ${auditLastSeq} of segment ${openSegment} vanished`);
      const seal: SealedSegment = {
        segment: openSegment,
        firstSeq,
        lastSeq,
        lastHash: last.hash,
        sealedAt: (options.now ?? (() => new Date()))(),
        auditFirstSeq: auditBounds?.firstSeq == null ? null : Number(auditBounds.firstSeq),
        auditLastSeq,
        auditLastHash: auditLast?.hash ?? null,
      };
      await tx.insert(g).values(seal);
      return seal;
    },
    { isolationLevel: 'read committed' },
  );
}

export interface DropResult {
  /** The segments dropped now, oldest first. */
  readonly segmenten: number[];
  /** How many processing records and audit rows were removed. Never their contents. */
  readonly verwerkingen: number;
  readonly audit: number;
}

/**
 * Drops, oldest first and in one transaction, every sealed segment sealed before `cutoff` — all
 * its rows were written before it was sealed, so it lies entirely before the cutoff. Stops at the
 * first segment that is not that old, so dropped segments always form the chain's oldest part.
 * Needs EXECUTE on `<schema>.drop_segment`, which the application role does not have in production.
 */
export async function dropSegmentsBefore(db: Db, schema: string, cutoff: Date): Promise<DropResult> {
  if (Number.isNaN(cutoff.getTime())) throw new Error('logboek: invalid retention cutoff');
  const s = sql.raw(quoteIdent(schema));
  return db.transaction(
    async (tx) => {
      await lockLog(tx, schema);
      const seals = rowsOf<{ segment: number; sealed_at: string | Date }>(
        await tx.execute(sql`select segment, sealed_at from ${s}."segmenten" where dropped_at is null order by segment`),
      );
      const due: number[] = [];
      for (const seal of seals) {
        if (new Date(seal.sealed_at).getTime() >= cutoff.getTime()) break;
        due.push(Number(seal.segment));
      }
      let verwerkingen = 0;
      let audit = 0;
      for (const n of due) {
        const [counts] = rowsOf<{ verwijderde_verwerkingen: number | string; verwijderde_audit: number | string }>(
          await tx.execute(sql`select * from ${s}."drop_segment"(${n}::integer)`),
        );
        verwerkingen += Number(counts?.verwijderde_verwerkingen ?? 0);
        audit += Number(counts?.verwijderde_audit ?? 0);
      }
      return { segmenten: due, verwerkingen, audit };
    },
    { isolationLevel: 'read committed' },
  );
}

/** The seals, oldest first (for the privacy officer: what was kept and what was dropped, when). */
export async function listSegments(options: { db: Db; schema: string; tables: LogboekTables }) {
  assertTablesInSchema(options.tables, options.schema);
  const g = options.tables.segmenten;
  return options.db.select().from(g).orderBy(asc(g.segment));
}
