/**
 * The `AccessLogWriter` of a subgraph: one request's access records become processing records in
 * the subgraph's own Logboek, chained, together with one audit row naming the user. Requests that
 * arrive while a batch is being written are written together as the next batch (group commit,
 * `group-commit.ts`), usually in one statement: the log's routine (`append-routine.ts`) takes the
 * lock, checks the head the rows were linked to and inserts them, in its own transaction. Each
 * request's promise resolves only after the commit of the batch holding its records, so
 * the runtime's "durable before the response leaves" holds; it rejects on any error of that batch,
 * so the response then carries no data (fail closed).
 */
import { Column } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { ActNotRecorded, type AccessLogWriter, type ActLog, type RequestMeta } from '../access-log.js';
import type { Db } from '../database.js';
import { insertColumns } from './append-routine.js';
import { chainInPlace, linkAuditRows, type Chainable } from './chain.js';
import type { CheckpointPublisher } from './checkpoint.js';
import { createBatchQueue } from './group-commit.js';
import { groupRecords, type ProcessingGroup } from './group.js';
import { appendAtHead, readHeads, type LogHeads } from './head.js';
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
  /**
   * Publishes the log's head, signed, outside the database after every committed batch
   * (`checkpoint.ts`), so that cutting off the newest rows is detectable. Without it, it is not.
   */
  readonly checkpoint?: CheckpointPublisher;
  /**
   * Where a failed publication is reported. It does not fail the batch: its records are committed
   * and verifiable; only the stretch a truncation could go unnoticed grows until the next batch.
   * @default nowhere (the service passes its logger)
   */
  readonly onCheckpointError?: (error: unknown) => void;
  /** Wraps each batch's write (the service times it for its metrics). @default none */
  readonly timeBatch?: (write: () => Promise<void>) => Promise<void>;
}

/** Kept for callers of the earlier name; `RequestMeta` now carries the caller's span itself. */
export type LogboekRequestMeta = RequestMeta;

/**
 * Bounds on one batch, so its transaction (and the time the log's lock is held) stays short
 * however many requests wait: those beyond go in the next batch. A single request with more rows
 * than `MAX_BATCH_ROWS` is still written, alone.
 */
export const MAX_BATCH_REQUESTS = 200;
export const MAX_BATCH_ROWS = 5_000;

interface Pending {
  readonly groups: readonly ProcessingGroup[];
  readonly meta: LogboekRequestMeta;
}

/** The writer of a request's records, and `act` for an act whose record commits with its change. */
export type LogboekWriter = AccessLogWriter & { readonly act: ActLog };

export function createLogboekWriter(options: LogboekWriterOptions): LogboekWriter {
  const { db, schema, subgraph, tables } = options;
  const now = options.now ?? (() => new Date());
  assertTablesInSchema(tables, schema);

  const onCheckpointError = options.onCheckpointError ?? (() => {});
  const timeBatch = options.timeBatch ?? ((write) => write());

  const publish = async ({ seq, hash, auditSeq, auditHash }: LogHeads): Promise<void> => {
    if (!options.checkpoint) return;
    try {
      await options.checkpoint({ seq, hash, auditSeq, auditHash });
    } catch (error) {
      onCheckpointError(error);
    }
  };

  /**
   * The log's heads as this writer last left them: its guess for the next batch. Only a guess — the
   * routine compares it with the heads under the lock — so a stale one (another process or the
   * sealer wrote since, an act's transaction rolled back) costs a second try, never a wrong link.
   */
  let guess: LogHeads | undefined;

  /**
   * Links `batch` to `head` and appends it if `head` is still the log's head: the new heads, or the
   * heads found instead (nothing written).
   */
  const tryAppend = async (tx: Db, batch: readonly Pending[], head: LogHeads): Promise<{ appended: LogHeads } | { found: LogHeads }> => {
    // One clock reading per batch, never before the newest row's: `tijdstip` then never decreases
    // along seq, as when each request had its own transaction. A request's own arrival time would
    // not: a request that waited in another process's queue could land after a later one, and the
    // log's views (newest first by seq, filtered by tijdstip) assume the two agree.
    const tijdstip = new Date(Math.max(now().getTime(), head.tijdstip ?? Number.NEGATIVE_INFINITY));
    // Each row is written once, as a literal of one fixed shape, and linked in place: a spread of
    // the group plus the request's columns made objects too large for V8's fast properties, and
    // every later read of them (hashing, the JSON) paid for it.
    let seq = head.seq;
    const rows: Chainable[] = [];
    for (const { groups, meta } of batch) {
      for (const g of groups) {
        rows.push({
          seq: ++seq,
          segment: head.segment,
          traceId: meta.traceId,
          spanId: meta.spanId,
          parentSpanId: meta.parentSpanId ?? null,
          verwerkingsactiviteitId: g.verwerkingsactiviteitId,
          betrokkene: g.betrokkene,
          trajectId: g.trajectId,
          partij: meta.caller.partij,
          organisatie: meta.caller.organisatie,
          velden: g.velden,
          categorieen: g.categorieen,
          toegestaan: g.toegestaan,
          reden: g.reden,
          grondslag: g.grondslag,
          doel: g.doel,
          fase: g.fase,
          relatie: g.relatie,
          toestemmingId: g.toestemmingId,
          doorbrekingId: g.doorbrekingId,
          tijdstip,
          vorigeHash: '',
          hash: '',
        });
      }
    }
    const hash = chainInPlace(head.hash, rows);
    // The audit rows in a chain of their own, linked the same way, written by the same statement.
    const auditRows = linkAuditRows(
      head.auditHash,
      batch.map(({ meta }, i) => ({
        seq: head.auditSeq + 1 + i,
        traceId: meta.traceId,
        spanId: meta.spanId,
        sub: meta.caller.sub,
        partij: meta.caller.partij,
        organisatie: meta.caller.organisatie,
        rol: meta.caller.rol ?? null,
        azp: meta.caller.azp ?? null,
        acr: meta.caller.acr ?? null,
        operationName: meta.operationName,
        tijdstip,
        segment: head.segment,
      })),
    );
    const found = await appendAtHead(tx, schema, head, rowsJson(tables.verwerkingen, rows), rowsJson(tables.audit, auditRows));
    if (found) return { found };
    const lastAudit = auditRows.at(-1);
    return {
      appended: {
        seq,
        hash,
        segment: head.segment,
        auditSeq: lastAudit?.seq ?? head.auditSeq,
        auditHash: lastAudit?.hash ?? head.auditHash,
        tijdstip: tijdstip.getTime(),
      },
    };
  };

  /**
   * Appends `batch` inside the caller's transaction. The first call of the routine takes the log's
   * lock, held until that transaction ends, so the heads it reports cannot move: a second try with
   * them always lands. Callers append last, to hold the lock briefly.
   */
  const appendLocked = async (tx: Db, batch: readonly Pending[], first: LogHeads | undefined): Promise<LogHeads> => {
    const tried = await tryAppend(tx, batch, first ?? (await readHeads(tx, schema)));
    if ('appended' in tried) return tried.appended;
    const again = await tryAppend(tx, batch, tried.found);
    if ('appended' in again) return again.appended;
    throw new Error(`logboek ${schema}: the head moved while the lock was held`);
  };

  const writeBatch = async (batch: readonly Pending[]): Promise<void> => {
    let heads: LogHeads | undefined;
    // One statement, its own transaction, when the guess holds (nobody else appended since).
    if (guess) {
      const tried = await tryAppend(db, batch, guess);
      if ('appended' in tried) heads = tried.appended;
      else guess = tried.found;
    }
    // READ COMMITTED, as every connection starts (`servicePoolOptions`; PGlite's default): each
    // statement of the routine then sees what the lock's previous holder committed.
    heads ??= await db.transaction((tx) => appendLocked(tx, batch, guess));
    guess = heads;
    await publish(heads);
  };

  const enqueue = createBatchQueue<Pending>({
    run: (batch) => timeBatch(() => writeBatch(batch)),
    maxItems: MAX_BATCH_REQUESTS,
    maxWeight: MAX_BATCH_ROWS,
    weight: (pending) => pending.groups.length,
  });

  const write: AccessLogWriter = async (records, meta) => {
    // No access to personal data, nothing to account for.
    if (records.length === 0) return;
    // Grouped before queueing: a request refused here (a BSN as betrokkene) fails alone and never
    // takes the requests of its batch down with it.
    await enqueue({ groups: groupRecords(records, subgraph), meta });
  };

  // An act and its records: not queued behind other requests, but appended at the end of the act's
  // own transaction, so the change and its record commit together or not at all.
  const act: ActLog = async (meta, perform, recordsOf) => {
    let heads: LogHeads | undefined;
    const value = await db.transaction(
      async (transaction) => {
        const tx = transaction as unknown as Db;
        const done = await perform(tx);
        const groups = groupRecords(recordsOf(done), subgraph);
        if (groups.length === 0) return done;
        try {
          heads = await appendLocked(tx, [{ groups, meta }], guess);
        } catch (error) {
          throw new ActNotRecorded(error);
        }
        return done;
      },
      { isolationLevel: 'read committed' },
    );
    if (heads) {
      guess = heads;
      await publish(heads);
    }
    return value;
  };

  return Object.assign(write, { act });
}

/** A table's columns for `rowsJson`: the row's property, its `"column":` label, its driver mapping where it has one. */
type JsonColumns = readonly { readonly key: string; readonly label: string; readonly map: ((value: unknown) => unknown) | null }[];
const jsonColumns = new WeakMap<PgTable, JsonColumns>();

function columnsOf(table: PgTable): JsonColumns {
  let columns = jsonColumns.get(table);
  if (columns) return columns;
  // Most columns map a value to itself (text, integers, booleans): those are not called per value.
  columns = insertColumns(table).map(([key, c], i) => ({
    key,
    label: `${i === 0 ? '' : ','}${JSON.stringify(c.name)}:`,
    map: c.mapToDriverValue === Column.prototype.mapToDriverValue ? null : (v: unknown) => c.mapToDriverValue(v),
  }));
  jsonColumns.set(table, columns);
  return columns;
}

/**
 * The rows as one JSON array under their column names, for the routine's `json_to_recordset`. A
 * batch holds thousands of values; bound one by one, building the statement cost more than writing
 * it. Each value goes through its column's own driver mapping first, so what is stored is what
 * drizzle would have stored, and what the chain hashed is what `verify-log` reads back. Written as
 * text, row by row, without an object per row in between.
 */
function rowsJson<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): string {
  const columns = columnsOf(table);
  let json = '';
  for (const row of rows) {
    let out = '';
    for (const { key, label, map } of columns) {
      const value = (row as Record<string, unknown>)[key];
      out += label + (value === null || value === undefined ? 'null' : JSON.stringify(map ? map(value) : value));
    }
    json += `${json ? ',' : ''}{${out}}`;
  }
  return `[${json}]`;
}
