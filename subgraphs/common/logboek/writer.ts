/**
 * The `AccessLogWriter` of a subgraph: one request's access records become processing records in
 * the subgraph's own Logboek, chained, together with one audit row naming the user. Requests that
 * arrive while a batch is being written are written together as the next batch, in one
 * transaction (group commit, `group-commit.ts`): one lock, one head read, one multi-row insert per
 * table. Each request's promise resolves only after the commit of the batch holding its records, so
 * the runtime's "durable before the response leaves" holds; it rejects on any error of that batch,
 * so the response then carries no data (fail closed).
 */
import { Column, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { ActNotRecorded, type AccessLogWriter, type ActLog, type RequestMeta } from '../access-log.js';
import type { Db } from '../database.js';
import { chainInPlace, linkAuditRows, type Chainable } from './chain.js';
import type { CheckpointPublisher } from './checkpoint.js';
import type { CheckpointHead } from './verify.js';
import { createBatchQueue } from './group-commit.js';
import { groupRecords, type ProcessingGroup } from './group.js';
import { readHeads } from './head.js';
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

/** What a batch left as the log's heads: what the signed checkpoint publishes. */
type LogHead = CheckpointHead;

export function createLogboekWriter(options: LogboekWriterOptions): LogboekWriter {
  const { db, schema, subgraph, tables } = options;
  const now = options.now ?? (() => new Date());
  assertTablesInSchema(tables, schema);

  const onCheckpointError = options.onCheckpointError ?? (() => {});
  const timeBatch = options.timeBatch ?? ((write) => write());

  const publish = async (head: LogHead): Promise<void> => {
    if (!options.checkpoint) return;
    try {
      await options.checkpoint(head);
    } catch (error) {
      onCheckpointError(error);
    }
  };

  const writeBatch = async (batch: readonly Pending[]): Promise<void> => {
    // READ COMMITTED, as every connection starts (`servicePoolOptions`; PGlite's default): see `appendBatch`.
    await publish(await db.transaction((tx) => appendBatch(tx, batch)));
  };

  /**
   * Appends `batch` to the log inside the caller's transaction: the log's lock, then its heads, then
   * the chained rows. The lock is held until that transaction ends, so callers append last.
   */
  const appendBatch = async (tx: Db, batch: readonly Pending[]): Promise<LogHead> => {
    // The lock first, then the head: under READ COMMITTED each later statement sees what the
    // previous lock holder (this process's previous batch, another process, the sealer)
    // committed, so no two writers link to the same head.
    await lockLog(tx, schema);
    const { head, auditHead } = await readHeads(tx, tables);
    // One clock reading per batch, taken under the lock: `tijdstip` then never decreases along
    // seq, as when each request had its own transaction. A request's own arrival time would
    // not: a request that waited in another process's queue could land after a later one,
    // and the log's views (newest first by seq, filtered by tijdstip) assume the two agree.
    const tijdstip = now();
    // Each row is written once, as a literal of one fixed shape, and linked in place: a spread of
    // the group plus the request's columns made objects too large for V8's fast properties, and
    // every later read of them (hashing, the insert) paid for it.
    let seq = head.seq;
    const rows: Chainable[] = [];
    for (const { groups, meta } of batch) {
      for (const g of groups) {
        rows.push({
          seq: ++seq,
          segment: head.openSegment,
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
    // The audit rows in a chain of their own, linked the same way, in the same transaction.
    const auditRows = linkAuditRows(
      auditHead.hash,
      batch.map(({ meta }, i) => ({
        seq: auditHead.seq + 1 + i,
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
        segment: head.openSegment,
      })),
    );
    // Both inserts in one statement (the processing records in a WITH): one round trip less per
    // batch while the log's lock is held.
    await tx.execute(sql`with verwerkingen as (${insertStatement(tables.verwerkingen, rows)}) ${insertStatement(tables.audit, auditRows)}`);
    const lastAudit = auditRows.at(-1);
    return {
      seq,
      hash,
      auditSeq: lastAudit?.seq ?? auditHead.seq,
      auditHash: lastAudit?.hash ?? auditHead.hash,
    };
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
    let head: LogHead | undefined;
    const value = await db.transaction(
      async (transaction) => {
        const tx = transaction as unknown as Db;
        const done = await perform(tx);
        const groups = groupRecords(recordsOf(done), subgraph);
        if (groups.length === 0) return done;
        try {
          head = await appendBatch(tx, [{ groups, meta }]);
        } catch (error) {
          throw new ActNotRecorded(error);
        }
        return done;
      },
      { isolationLevel: 'read committed' },
    );
    if (head) await publish(head);
    return value;
  };

  return Object.assign(write, { act });
}

/** What `insertStatement` needs of a table, worked out once per table instead of once per batch. */
interface InsertShape {
  /** The row's property, its `"column":` label in the JSON, and the column's driver mapping where it has one. */
  readonly columns: readonly { readonly key: string; readonly label: string; readonly map: ((value: unknown) => unknown) | null }[];
  /** The statement around its one parameter, as finished text: drizzle need not rebuild it per batch. */
  readonly before: SQL;
  readonly after: SQL;
}
const insertShapes = new WeakMap<PgTable, InsertShape>();

const identifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

function insertShape(table: PgTable): InsertShape {
  let shape = insertShapes.get(table);
  if (shape) return shape;
  const columns = Object.entries(getTableColumns(table)).filter(([, c]) => !c.generatedIdentity) as [string, PgColumn][];
  const { name, schema } = getTableConfig(table);
  const names = columns.map(([, c]) => identifier(c.name)).join(', ');
  shape = {
    // Most columns map a value to itself (text, integers, booleans): those are not called per value.
    columns: columns.map(([key, c], i) => ({
      key,
      label: `${i === 0 ? '' : ','}${JSON.stringify(c.name)}:`,
      map: c.mapToDriverValue === Column.prototype.mapToDriverValue ? null : (v: unknown) => c.mapToDriverValue(v),
    })),
    before: sql.raw(`insert into ${schema ? `${identifier(schema)}.` : ''}${identifier(name)} (${names}) select ${names} from jsonb_to_recordset(`),
    after: sql.raw(`::jsonb) as x(${columns.map(([, c]) => `${identifier(c.name)} ${c.getSQLType()}`).join(', ')})`),
  };
  insertShapes.set(table, shape);
  return shape;
}

/**
 * One insert of every row, with one parameter: the rows as a JSON array, unpacked by the database
 * (`jsonb_to_recordset`). A batch holds thousands of values; bound one by one, building the
 * statement cost more than writing it (drizzle checks each parameter's kind several times). Each
 * value goes through its column's own driver mapping first, so what is stored is what drizzle would
 * have stored, and what the chain hashed is what `verify-log` reads back. The JSON is written as
 * text, row by row, without an object per row in between.
 */
function insertStatement<T extends PgTable>(table: T, rows: readonly T['$inferInsert'][]): SQL {
  const { columns, before, after } = insertShape(table);
  let json = '';
  for (const row of rows) {
    let out = '';
    for (const { key, label, map } of columns) {
      const value = (row as Record<string, unknown>)[key];
      out += label + (value === null || value === undefined ? 'null' : JSON.stringify(map ? map(value) : value));
    }
    json += `${json ? ',' : ''}{${out}}`;
  }
  return sql`${before}${`[${json}]`}${after}`;
}
