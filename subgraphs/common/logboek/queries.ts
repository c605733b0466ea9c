/**
 * Read side of the log for the rights and oversight API: the resident's overview (AVG art. 15),
 * the privacy officer's view, and the yearly figures on processing without consent (seed 004).
 * The log holds no personal values; the resident's view also leaves out the employee (only the
 * organisation is shown), whose identity lives apart in `audit`.
 */
import { and, count, countDistinct, desc, eq, gte, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../database.js';
import { assertTablesInSchema, type AuditRow, type LogboekTables, type VerwerkingRow } from './tables.js';
import { anyOf } from '../any-of.js';

export interface Page<T> {
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/** Page sizes are bounded so one request cannot pull the whole log. */
export const MAX_PAGE = 100;

/** Opaque cursor: the position in the chain (newest first, so the next page has smaller seqs). */
export function encodeCursor(seq: number): string {
  return Buffer.from(`v:${seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const match = /^v:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) throw new Error('logboek: invalid cursor');
  return Number(match[1]);
}

function pageSize(first: number): number {
  if (!Number.isInteger(first) || first < 1) throw new Error('logboek: first must be a positive integer');
  return Math.min(first, MAX_PAGE);
}

async function pageOf<T>(
  db: Db,
  tables: LogboekTables,
  filters: (SQL | undefined)[],
  first: number,
  after: string | undefined,
  toNode: (row: VerwerkingRow) => T,
): Promise<Page<T>> {
  const v = tables.verwerkingen;
  const size = pageSize(first);
  if (after !== undefined) filters.push(lt(v.seq, decodeCursor(after)));
  const rows = await db
    .select()
    .from(v)
    .where(and(...filters))
    .orderBy(desc(v.seq))
    .limit(size + 1);
  const shown = rows.slice(0, size);
  const edges = shown.map((row) => ({ cursor: encodeCursor(row.seq), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null } };
}

function period(tables: LogboekTables, van?: Date, tot?: Date): (SQL | undefined)[] {
  const v = tables.verwerkingen;
  return [van ? gte(v.tijdstip, van) : undefined, tot ? lt(v.tijdstip, tot) : undefined];
}

/** One line of the resident's overview: who (organisation) saw what, when, why, on which basis. */
export interface InzageRegel {
  readonly tijdstip: Date;
  readonly partij: string;
  readonly organisatie: string;
  readonly trajectId: string | null;
  readonly verwerkingsactiviteitId: string;
  readonly velden: readonly string[];
  readonly categorieen: readonly string[];
  readonly doel: string;
  /** E.g. `WMO_PUBLIEKE_TAAK`, `TOESTEMMING`, or `CONFLICT_VAN_PLICHTEN` for an override. */
  readonly grondslag: string;
  readonly fase: string | null;
  readonly toestemmingId: string | null;
  readonly doorbrekingId: string | null;
}

export interface InzageOptions {
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  /** The resident's pseudonymous reference; when given, rows must carry it too. */
  readonly betrokkene?: string | undefined;
  /** The resident's cases. Empty means nothing is shown (fail closed). */
  readonly trajectIds: readonly string[];
  readonly van?: Date | undefined;
  readonly tot?: Date | undefined;
  readonly first: number;
  readonly after?: string | undefined;
}

/**
 * The resident's view (AVG art. 15): only accesses that happened (refusals disclosed nothing),
 * only of the given cases (and subject), newest first, cursor-paged. Never the employee.
 */
export async function inzage(options: InzageOptions): Promise<Page<InzageRegel>> {
  const { db, schema, tables } = options;
  assertTablesInSchema(tables, schema);
  const v = tables.verwerkingen;
  if (options.trajectIds.length === 0) {
    pageSize(options.first);
    return { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
  }
  const filters = [
    eq(v.toegestaan, true),
    anyOf(v.trajectId, [...options.trajectIds]),
    // The resident's own looks at this overview are logged (`lezingen.ts`) but are not accesses by
    // anyone else; left out, so the overview does not grow with every look and its pages stay put.
    sql`not (${v.partij} = 'INWONER' and 'LOGBOEK' = any(${v.categorieen}))`,
    options.betrokkene !== undefined ? eq(v.betrokkene, options.betrokkene) : undefined,
    ...period(tables, options.van, options.tot),
  ];
  return pageOf(db, tables, filters, options.first, options.after, (row) => ({
    tijdstip: row.tijdstip,
    partij: row.partij,
    organisatie: row.organisatie,
    trajectId: row.trajectId,
    verwerkingsactiviteitId: row.verwerkingsactiviteitId,
    velden: row.velden,
    categorieen: row.categorieen,
    doel: row.doel,
    grondslag: row.grondslag,
    fase: row.fase,
    toestemmingId: row.toestemmingId,
    doorbrekingId: row.doorbrekingId,
  }));
}

/** One line of the privacy officer's view: the processing record's metadata, without chain internals. */
export type ToezichtRegel = Omit<VerwerkingRow, 'id' | 'vorigeHash' | 'hash'>;

export interface ToezichtOptions {
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  readonly van?: Date | undefined;
  readonly tot?: Date | undefined;
  readonly partij?: string | undefined;
  readonly organisatie?: string | undefined;
  readonly toegestaan?: boolean | undefined;
  /** One partner request across subgraphs (W3C trace id). */
  readonly traceId?: string | undefined;
  readonly first: number;
  readonly after?: string | undefined;
}

/** The privacy officer's view: all processing records (accesses and refusals), filterable, newest first. */
export async function toezicht(options: ToezichtOptions): Promise<Page<ToezichtRegel>> {
  const { db, schema, tables } = options;
  assertTablesInSchema(tables, schema);
  const v = tables.verwerkingen;
  const filters = [
    ...period(tables, options.van, options.tot),
    options.partij !== undefined ? eq(v.partij, options.partij) : undefined,
    options.organisatie !== undefined ? eq(v.organisatie, options.organisatie) : undefined,
    options.toegestaan !== undefined ? eq(v.toegestaan, options.toegestaan) : undefined,
    options.traceId !== undefined ? eq(v.traceId, options.traceId) : undefined,
  ];
  return pageOf(db, tables, filters, options.first, options.after, ({ id: _id, vorigeHash: _p, hash: _h, ...meta }) => meta);
}

/**
 * Who did it: the audit rows (user, role, operation) of one request, for the privacy officer
 * following up a processing record. Linked by trace id (and span id when given).
 */
export async function auditVoorTrace(options: {
  db: Db;
  schema: string;
  tables: LogboekTables;
  traceId: string;
  spanId?: string | undefined;
}): Promise<AuditRow[]> {
  const { db, schema, tables } = options;
  assertTablesInSchema(tables, schema);
  const a = tables.audit;
  return db
    .select()
    .from(a)
    .where(and(eq(a.traceId, options.traceId), options.spanId !== undefined ? eq(a.spanId, options.spanId) : undefined))
    .orderBy(a.id);
}

export interface PerPartij {
  readonly partij: string;
  readonly aantal: number;
}

export interface Jaarverslag {
  readonly jaar: number;
  /** The year as in the Netherlands: from 1 January 00:00 CET (inclusive) to the next (exclusive). */
  readonly van: Date;
  readonly tot: Date;
  /** Processing without consent by a conflict-van-plichten override (seed 004: reported yearly). */
  readonly conflictVanPlichten: {
    readonly verwerkingen: number;
    readonly trajecten: number;
    readonly doorbrekingen: number;
  };
  readonly weigeringenPerPartij: readonly PerPartij[];
  readonly toegangPerPartij: readonly PerPartij[];
}

/** 1 January is always winter time in the Netherlands (UTC+1). */
function newYear(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

/** A calendar year as in the Netherlands: 1 January 00:00 CET (inclusive) to the next (exclusive). */
export function jaarGrenzen(year: number): { van: Date; tot: Date } {
  if (!Number.isInteger(year)) throw new Error('logboek: year must be an integer');
  return { van: newYear(year), tot: newYear(year + 1) };
}

/** Yearly counts for the accountability report; counts only, over the rows retention has kept. */
export async function jaarverslag(db: Db, schema: string, tables: LogboekTables, year: number): Promise<Jaarverslag> {
  assertTablesInSchema(tables, schema);
  if (!Number.isInteger(year)) throw new Error('logboek: year must be an integer');
  const v = tables.verwerkingen;
  const van = newYear(year);
  const tot = newYear(year + 1);
  const inYear = and(gte(v.tijdstip, van), lt(v.tijdstip, tot));

  const [override] = await db
    .select({
      verwerkingen: count(),
      trajecten: countDistinct(v.trajectId),
      doorbrekingen: countDistinct(v.doorbrekingId),
    })
    .from(v)
    .where(and(inYear, isNotNull(v.doorbrekingId)));
  const perPartij = async (toegestaan: boolean): Promise<PerPartij[]> => {
    const rows = await db
      .select({ partij: v.partij, aantal: count() })
      .from(v)
      .where(and(inYear, eq(v.toegestaan, toegestaan)))
      .groupBy(v.partij)
      .orderBy(v.partij);
    return rows.map((r) => ({ partij: r.partij, aantal: Number(r.aantal) }));
  };
  return {
    jaar: year,
    van,
    tot,
    conflictVanPlichten: {
      verwerkingen: Number(override?.verwerkingen ?? 0),
      trajecten: Number(override?.trajecten ?? 0),
      doorbrekingen: Number(override?.doorbrekingen ?? 0),
    },
    weigeringenPerPartij: await perPartij(false),
    toegangPerPartij: await perPartij(true),
  };
}
