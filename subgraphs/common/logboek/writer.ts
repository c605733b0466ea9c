/**
 * The `AccessLogWriter` of a subgraph: one request's access records become processing records in
 * the subgraph's own Logboek, chained, together with one audit row naming the user — all in one
 * transaction, one multi-row insert per table. It resolves only after commit, so the runtime's
 * "durable before the response leaves" holds; it rejects on any error, so the response then
 * carries no data (fail closed).
 */
import type { AccessLogWriter, RequestMeta } from '../access-log.js';
import type { Db } from '../database.js';
import type { AccessRecord } from '../../../schema/transform.js';
import { linkRows } from './chain.js';
import { groupRecords } from './group.js';
import { readHead } from './head.js';
import { lockLog } from './lock.js';
import { assertTablesInSchema, type LogboekTables } from './tables.js';

export interface LogboekWriterOptions {
  readonly db: Db;
  /** The subgraph's Postgres schema holding `tables`; also keys the writers' lock. */
  readonly schema: string;
  /** The subgraph's name, the first part of each processing activity's id. */
  readonly subgraph: string;
  readonly tables: LogboekTables;
  /** The clock; injectable for tests. */
  readonly now?: () => Date;
}

/** Kept for callers of the earlier name; `RequestMeta` now carries the caller's span itself. */
export type LogboekRequestMeta = RequestMeta;

export function createLogboekWriter(options: LogboekWriterOptions): AccessLogWriter {
  const { db, schema, subgraph, tables } = options;
  const now = options.now ?? (() => new Date());
  assertTablesInSchema(tables, schema);

  return async (records: readonly AccessRecord[], meta: LogboekRequestMeta): Promise<void> => {
    // No access to personal data, nothing to account for.
    if (records.length === 0) return;
    const groups = groupRecords(records, subgraph);
    const { caller } = meta;
    await db.transaction(
      async (tx) => {
        // The lock first, then the head: under READ COMMITTED each later statement sees what the
        // previous lock holder committed, so no two writers link to the same head.
        await lockLog(tx, schema);
        const head = await readHead(tx, tables);
        const tijdstip = now();
        const rows = linkRows(
          head.hash,
          groups.map((group, i) => ({
            ...group,
            seq: head.seq + 1 + i,
            segment: head.openSegment,
            traceId: meta.traceId,
            spanId: meta.spanId,
            parentSpanId: meta.parentSpanId ?? null,
            partij: caller.partij,
            organisatie: caller.organisatie,
            tijdstip,
          })),
        );
        await tx.insert(tables.verwerkingen).values(rows);
        await tx.insert(tables.audit).values({
          traceId: meta.traceId,
          spanId: meta.spanId,
          sub: caller.sub,
          partij: caller.partij,
          organisatie: caller.organisatie,
          rol: caller.rol ?? null,
          azp: caller.azp ?? null,
          acr: caller.acr ?? null,
          operationName: meta.operationName,
          tijdstip,
          segment: head.openSegment,
        });
      },
      { isolationLevel: 'read committed' },
    );
  };
}
