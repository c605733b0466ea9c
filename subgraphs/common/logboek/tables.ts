/**
 * The access log's tables, shaped after the Dutch standard "Logboek Dataverwerkingen": every
 * subgraph keeps its own log of the processing of the personal data it owns (each processing
 * organisation logs for itself), inside its own Postgres schema. A subgraph's `tables.ts` spreads
 * these in with top-level exports so drizzle-kit sees them and generates their migration:
 *
 *     export const { verwerkingen, audit, segmenten } = logboekTables(gemeenteSchema);
 *
 * The append-only triggers and the retention procedure are not expressible in drizzle; they are
 * steps of the log's own migrations (`migrations.ts`).
 */
import { bigint, boolean, getTableConfig, index, integer, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/**
 * Timestamps are kept to the millisecond (JavaScript's precision), so a timestamp read back is
 * exactly the one that was hashed into the chain.
 */
const tijd = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: 'date' });

/** Builds the three log tables inside `schema`. */
export function logboekTables(schema: PgSchema) {
  /**
   * One processing record ("verwerking") per data subject/case, processing activity and outcome
   * of one request, with the fields it touched. Carries no personal values and no user identity.
   */
  const verwerkingen = schema.table(
    'verwerkingen',
    {
      id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
      /** Position in this schema's hash chain: 1, 2, 3, … without gaps. */
      seq: bigint('seq', { mode: 'number' }).notNull().unique(),
      traceId: text('trace_id').notNull(),
      spanId: text('span_id').notNull(),
      parentSpanId: text('parent_span_id'),
      /** The processing activity in the register of processing: `subgraph:categorie:doel`. */
      verwerkingsactiviteitId: text('verwerkingsactiviteit_id').notNull(),
      /** The pseudonymous reference of the data subject; never a BSN or a name. */
      betrokkene: text('betrokkene'),
      trajectId: text('traject_id'),
      partij: text('partij').notNull(),
      /** The organisation that processed, not its employee (that is in `audit`). */
      organisatie: text('organisatie').notNull(),
      /** Field coordinates (`Type.field`), sorted. */
      velden: text('velden').array().notNull(),
      categorieen: text('categorieen').array().notNull(),
      toegestaan: boolean('toegestaan').notNull(),
      /** The refusal reason; null when allowed. */
      reden: text('reden'),
      grondslag: text('grondslag').notNull(),
      doel: text('doel').notNull(),
      fase: text('fase'),
      relatie: text('relatie'),
      toestemmingId: text('toestemming_id'),
      /** The conflict-van-plichten override that allowed this access, if any. */
      doorbrekingId: text('doorbreking_id'),
      tijdstip: tijd('tijdstip').notNull(),
      vorigeHash: text('vorige_hash').notNull(),
      hash: text('hash').notNull(),
      /** The retention segment the row belongs to; sealed segments can be dropped as a whole. */
      segment: integer('segment').notNull(),
    },
    (t) => [
      index('verwerkingen_traject_seq_idx').on(t.trajectId, t.seq),
      index('verwerkingen_betrokkene_seq_idx').on(t.betrokkene, t.seq),
      index('verwerkingen_tijdstip_idx').on(t.tijdstip),
      index('verwerkingen_trace_idx').on(t.traceId, t.spanId),
      index('verwerkingen_segment_seq_idx').on(t.segment, t.seq),
    ],
  );

  /**
   * Who did it: the user's identity, kept apart from the processing records (so the resident's
   * overview can never show an employee) and linked to them by trace and span id. One row per
   * request. `segment` lets retention drop a request's user row with its processing records.
   *
   * Chained like `verwerkingen`, in a chain of its own (`seq`, `vorige_hash`, `hash`, see
   * `chain.ts`), written by the same batch transaction under the same lock and cut by the same seals.
   * Rows written before the chain existed (migration `…_audit_keten`) keep the three columns null: a
   * database constraint allows that only for ids up to the last one present at that migration, and
   * `verify-log` counts them as unverifiable rather than as intact (see README).
   */
  const audit = schema.table(
    'audit',
    {
      id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
      traceId: text('trace_id').notNull(),
      spanId: text('span_id').notNull(),
      sub: text('sub').notNull(),
      partij: text('partij').notNull(),
      organisatie: text('organisatie').notNull(),
      rol: text('rol'),
      /** The client the token was issued to (`azp`), so an access can be traced to the application. */
      azp: text('azp'),
      /** The level of assurance of the login (`acr`). */
      acr: text('acr'),
      operationName: text('operation_name'),
      tijdstip: tijd('tijdstip').notNull(),
      segment: integer('segment').notNull(),
      /** Position in this schema's audit chain: 1, 2, 3, … without gaps; null only on rows from before it. */
      seq: bigint('seq', { mode: 'number' }).unique(),
      vorigeHash: text('vorige_hash'),
      hash: text('hash'),
    },
    (t) => [index('audit_trace_idx').on(t.traceId, t.spanId), index('audit_segment_idx').on(t.segment)],
  );

  /**
   * Sealed segments of the chain. A row exists only once a segment is sealed; the open segment is
   * the next number. `lastHash` is kept after the segment's rows are dropped, so the rest of the
   * chain stays verifiable from it.
   */
  const segmenten = schema.table('segmenten', {
    segment: integer('segment').primaryKey(),
    firstSeq: bigint('first_seq', { mode: 'number' }).notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
    lastHash: text('last_hash').notNull(),
    sealedAt: tijd('sealed_at').notNull(),
    droppedAt: tijd('dropped_at'),
    /**
     * The audit chain's part in this segment: first and last audit seq and the last audit digest.
     * Null when the segment holds no chained audit row (sealed before the audit chain existed).
     */
    auditFirstSeq: bigint('audit_first_seq', { mode: 'number' }),
    auditLastSeq: bigint('audit_last_seq', { mode: 'number' }),
    auditLastHash: text('audit_last_hash'),
  });

  return { verwerkingen, audit, segmenten };
}

export type LogboekTables = ReturnType<typeof logboekTables>;
export type VerwerkingRow = LogboekTables['verwerkingen']['$inferSelect'];
export type AuditRow = LogboekTables['audit']['$inferSelect'];
export type SegmentRow = LogboekTables['segmenten']['$inferSelect'];

/**
 * The processing activity's id in the register of processing (Logboek Dataverwerkingen
 * `verwerkingsactiviteit`): which subgraph processes which category for which purpose, as
 * `<subgraph>:<categorie>:<doel>` (e.g. `gemeente:GEZONDHEID:PASSENDE_ONDERSTEUNING`). The writer
 * stamps every log row with it (for an access: the purpose the decision used; for a refusal: the
 * field's declared purpose), and the register generator (`npm run register`) must derive its
 * activities with this same function from the `@dosering` declarations, so every log row points at
 * an activity that exists in the register. Change the format only together with both.
 */
export function activityId(subgraph: string, categorie: string, doel: string): string {
  return `${subgraph}:${categorie}:${doel}`;
}

/**
 * Refuses tables built for another schema than the one named: the schema name also keys the
 * writers' lock and the retention procedure, so a mismatch would let two chains share a lock or a
 * chain go unlocked.
 */
export function assertTablesInSchema(tables: LogboekTables, schema: string): void {
  for (const table of Object.values(tables)) {
    const config = getTableConfig(table);
    if (config.schema !== schema) {
      throw new Error(`logboek: table ${config.name} is in schema ${String(config.schema)}, not ${schema}`);
    }
  }
}
