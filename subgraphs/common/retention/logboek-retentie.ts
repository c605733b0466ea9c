/**
 * Retention of a subgraph's access log. The log is append-only; it is cut into segments and only
 * whole sealed segments are ever removed (by the database's `drop_segment`, see
 * `logboek/append-only.ts`), so the rest of the chain stays verifiable.
 *
 * The rule:
 * - a run seals the open segment once its oldest row is more than a year old (`segmentDagen`), so
 *   segments are roughly yearly;
 * - a sealed segment is dropped once it was sealed more than the longest case term ago (15 years,
 *   `LANGSTE_TERMIJN_JAREN`) AND none of its rows concerns a case that any party still holds. A
 *   row about a case is written while the case runs, so the log outlives the case data it accounts
 *   for; a case that runs longer than 15 years holds its segment (and, oldest first, every later one)
 *   until it is gone itself.
 * Until then the log keeps only pseudonymous references (case id, pseudonym), never values.
 */
import { and, asc, eq, isNotNull, isNull, max, min } from 'drizzle-orm';
import type { Db } from '../database.js';
import { dropSegmentsBefore, sealSegment } from '../logboek/segments.js';
import type { LogboekLezer } from '../logboek/resolvers.js';
import { LANGSTE_TERMIJN_JAREN, plusJaren } from './termijnen.js';

export interface LogboekRetentieOptions extends LogboekLezer {
  readonly db: Db;
  readonly now: Date;
  /** Which of these case ids are still held by some party (not yet deleted by case retention). */
  readonly inGebruik: (trajectIds: readonly string[]) => Promise<ReadonlySet<string>>;
  /** Seal the open segment once its oldest row is older than this. @default 365 */
  readonly segmentDagen?: number;
  /** Keep a sealed segment at least this long after sealing. @default LANGSTE_TERMIJN_JAREN (15) */
  readonly bewaarJaren?: number;
}

export interface LogboekRetentieRapport {
  /** The segment sealed in this run, if any. */
  readonly verzegeld: number | null;
  /** Segments dropped in this run, oldest first. */
  readonly verwijderdeSegmenten: readonly number[];
  /** Rows removed with them. */
  readonly verwerkingen: number;
  readonly audit: number;
  /** An old-enough segment that was kept because one of its cases is still held. */
  readonly tegengehoudenSegment: number | null;
}

const DAG_MS = 86_400_000;

export async function logboekRetentie(options: LogboekRetentieOptions): Promise<LogboekRetentieRapport> {
  const { db, schema, tables, now } = options;
  const segmentDagen = options.segmentDagen ?? 365;
  const bewaarJaren = options.bewaarJaren ?? LANGSTE_TERMIJN_JAREN;
  if (!(segmentDagen > 0) || !Number.isInteger(bewaarJaren) || bewaarJaren < LANGSTE_TERMIJN_JAREN) {
    throw new Error(`logboek retention: segmentDagen > 0 and bewaarJaren >= ${LANGSTE_TERMIJN_JAREN}`);
  }
  const { verwerkingen: v, segmenten: g } = tables;

  // 1. Seal the open segment when it is old enough.
  const [hoogste] = await db.select({ segment: max(g.segment) }).from(g);
  const open = Number(hoogste?.segment ?? 0) + 1;
  const [oudste] = await db.select({ tijdstip: min(v.tijdstip) }).from(v).where(eq(v.segment, open));
  let verzegeld: number | null = null;
  if (oudste?.tijdstip && new Date(oudste.tijdstip).getTime() < now.getTime() - segmentDagen * DAG_MS) {
    verzegeld = (await sealSegment({ db, schema, tables, now: () => now }))?.segment ?? null;
  }

  // 2. Find how far the oldest sealed segments may go.
  const cutoff = plusJaren(now, -bewaarJaren);
  const seals = await db.select().from(g).where(isNull(g.droppedAt)).orderBy(asc(g.segment));
  let grens = cutoff;
  let tegengehoudenSegment: number | null = null;
  for (const seal of seals) {
    if (seal.sealedAt.getTime() >= cutoff.getTime()) break;
    const ids = (
      await db
        .selectDistinct({ id: v.trajectId })
        .from(v)
        .where(and(eq(v.segment, seal.segment), isNotNull(v.trajectId)))
    ).map((r) => r.id!);
    if (ids.length > 0 && (await options.inGebruik(ids)).size > 0) {
      tegengehoudenSegment = seal.segment;
      if (seal.sealedAt.getTime() < grens.getTime()) grens = seal.sealedAt;
      break;
    }
  }
  const dropped = await dropSegmentsBefore(db, schema, grens);
  return {
    verzegeld,
    verwijderdeSegmenten: dropped.segmenten,
    verwerkingen: dropped.verwerkingen,
    audit: dropped.audit,
    tegengehoudenSegment,
  };
}
