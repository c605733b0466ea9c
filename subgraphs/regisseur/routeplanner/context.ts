/**
 * Loads the policy context of a batch of cases from the routeplanner's own tables: one statement for
 * any number of cases (each table's rows grouped per case by the database, so one snapshot and one
 * connection), O(cases + rows). Used by the regisseur's own fields and served to the other subgraphs.
 *
 * Two entry points:
 *
 * - `loadCaseContexts(db, ids)`: exactly one statement on the handle it is given (a
 *   transaction handle included), never shared. For every caller that may read inside a transaction
 *   or acts on what it reads: an act's preconditions (`acts.ts` `unmet`), the act route's
 *   authorisation (`routes.ts` `authorize`) and retention (`retention.ts`).
 * - `coalescedCaseContexts(db)`: for the shared pool handle only (a transaction handle is
 *   refused). Concurrent reads — `POST /beleidscontext` for the other subgraphs and the regisseur's
 *   own dosing (`server.ts` `localPolicyContext`) — that arrive while no batch is running are
 *   dispatched on the next turn of the event loop as one statement over the union of their ids; those
 *   arriving while a batch runs wait for it to return and then go together as the next batch
 *   (`coalesce.ts`, `maxInFlight` 1: one of the pool's connections per process).
 *
 * Invariant: a request only joins a batch whose statement has NOT yet been sent, so any change
 * committed before the request started (a revoked consent, a phase step, a match) is visible to it.
 * Nothing is cached: every batch reads the tables afresh (test/integration/policy-context-batching).
 */
import { eq, getTableColumns, is, sql, type SQL } from 'drizzle-orm';
import { PgTransaction, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { CaseContext, HuurFeiten } from '../../../schema/context.js';
import type { Doel, Fase, Gegevenscategorie, Partij, Regio } from '../../../schema/vocabulary.js';
import { createCoalescer, type Coalescer } from '../../common/coalesce.js';
import type { Db } from '../../common/database.js';
import { momentFromDriver } from '../../common/moment.js';
import { doorbrekingen, selecties, toestemmingen, trajecten, type TrajectRow } from '../db/tables.js';
import { HUUR_FEITEN, type HuurBeeindiging } from './transitions.js';
import { anyOf } from '../../common/any-of.js';

/** The lease facts the corporation's acts recorded; null before the lease was signed. */
function huurVan(t: TrajectRow): HuurFeiten | null {
  const borg = t.feiten[HUUR_FEITEN.BORG_CENT];
  const beeindiging = (t.feiten[HUUR_FEITEN.BEEINDIGD] ?? null) as HuurBeeindiging | null;
  if (borg === undefined && beeindiging === null) return null;
  return { borgCent: borg === undefined ? null : Number(borg), beeindiging, einddatum: t.feiten[HUUR_FEITEN.EINDDATUM] ?? null };
}

/** A case's consents and breakthroughs as the statement returns them: JSON, moments as PostgreSQL writes them. */
interface ToestemmingJson {
  readonly id: string;
  readonly ontvangerPartij: string;
  readonly ontvangerOrganisatie: string | null;
  readonly categorieen: string[];
  readonly doel: string;
  readonly richting: string;
  readonly gegevenOp: string;
  readonly geldigTot: string;
  readonly ingetrokkenOp: string | null;
}
interface DoorbrekingJson {
  readonly id: string;
  readonly ontvangerPartij: string;
  readonly ontvangerOrganisatie: string | null;
  readonly velden: string[];
  readonly vanaf: string;
  readonly tot: string;
}

/** `json_agg(json_build_object('key', column, …))`: a case's rows as one JSON array, under `columns`' keys. */
function jsonRows(columns: Record<string, PgColumn>): SQL {
  return sql`json_agg(json_build_object(${sql.join(
    Object.entries(columns).map(([key, column]) => sql`${sql.raw(`'${key}'`)}, ${column}`),
    sql`, `,
  )}))`;
}

/** A JSON column as the driver hands it: parsed (postgres.js, PGlite) or, should a driver not, as text. */
function fromJson<T>(value: unknown): T[] {
  if (value === null || value === undefined) return [];
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[];
}

export async function loadCaseContexts(db: Db, ids: readonly string[]): Promise<Map<string, CaseContext>> {
  const out = new Map<string, CaseContext>();
  if (ids.length === 0) return out;
  const list = [...new Set(ids)];
  // One statement, so one snapshot and one connection: each table's rows of these cases, grouped
  // per case by the database, beside the case's own row.
  const perCase = (alias: string, table: PgTable, trajectId: PgColumn, aggregate: SQL) =>
    db.select({ trajectId, lijst: aggregate.as(`${alias}_lijst`) }).from(table).where(anyOf(trajectId, list)).groupBy(trajectId).as(alias);
  const sel = perCase('sel', selecties, selecties.trajectId, sql`json_agg(${selecties.corporatie})`);
  const toe = perCase(
    'toe',
    toestemmingen,
    toestemmingen.trajectId,
    jsonRows({
      id: toestemmingen.id,
      ontvangerPartij: toestemmingen.ontvangerPartij,
      ontvangerOrganisatie: toestemmingen.ontvangerOrganisatie,
      categorieen: toestemmingen.categorieen,
      doel: toestemmingen.doel,
      richting: toestemmingen.richting,
      gegevenOp: toestemmingen.gegevenOp,
      geldigTot: toestemmingen.geldigTot,
      ingetrokkenOp: toestemmingen.ingetrokkenOp,
    }),
  );
  const door = perCase(
    'door',
    doorbrekingen,
    doorbrekingen.trajectId,
    jsonRows({
      id: doorbrekingen.id,
      ontvangerPartij: doorbrekingen.ontvangerPartij,
      ontvangerOrganisatie: doorbrekingen.ontvangerOrganisatie,
      velden: doorbrekingen.velden,
      vanaf: doorbrekingen.vanaf,
      tot: doorbrekingen.tot,
    }),
  );
  const rows = await db
    .select({ t: getTableColumns(trajecten), geselecteerd: sel.lijst, toestemmingen: toe.lijst, doorbrekingen: door.lijst })
    .from(trajecten)
    .leftJoin(sel, eq(sel.trajectId, trajecten.id))
    .leftJoin(toe, eq(toe.trajectId, trajecten.id))
    .leftJoin(door, eq(door.trajectId, trajecten.id))
    .where(anyOf(trajecten.id, list));
  for (const { t, geselecteerd, toestemmingen: toes, doorbrekingen: doors } of rows) {
    out.set(t.id, {
      trajectId: t.id,
      fase: t.fase as Fase,
      gemeente: t.gemeente,
      regio: t.regio as Regio,
      betrokkene: t.betrokkene,
      geselecteerd: fromJson<string>(geselecteerd),
      gematcht: t.gematcht,
      melder: t.melder,
      gekoppeldeZorgaanbieder: t.gekoppeldeZorgaanbieder,
      uitkomst: t.uitkomst,
      code: t.code,
      versie: t.versie,
      huur: huurVan(t),
      toestemmingen: fromJson<ToestemmingJson>(toes).map((x) => ({
        id: x.id,
        ontvanger: { partij: x.ontvangerPartij as Partij, organisatie: x.ontvangerOrganisatie },
        categorieen: x.categorieen as Gegevenscategorie[],
        doel: x.doel as Doel,
        richting: x.richting as 'VERKRIJGEN' | 'VERSTREKKEN',
        gegevenOp: momentFromDriver(x.gegevenOp),
        geldigTot: momentFromDriver(x.geldigTot),
        ingetrokkenOp: x.ingetrokkenOp === null ? null : momentFromDriver(x.ingetrokkenOp),
      })),
      doorbrekingen: fromJson<DoorbrekingJson>(doors).map((x) => ({
        id: x.id,
        ontvanger: { partij: x.ontvangerPartij as Partij, organisatie: x.ontvangerOrganisatie },
        velden: x.velden,
        vanaf: momentFromDriver(x.vanaf),
        tot: momentFromDriver(x.tot),
      })),
    });
  }
  return out;
}

const coalescers = new WeakMap<Db, Coalescer<string, CaseContext>>();

/**
 * `loadCaseContexts` shared between concurrent callers on one pool handle (see the module comment
 * for when, and the invariant). One coalescer per handle, so per process and database.
 */
export function coalescedCaseContexts(db: Db): (ids: readonly string[]) => Promise<Map<string, CaseContext>> {
  if (is(db, PgTransaction)) throw new Error('coalescedCaseContexts: a transaction reads alone; use loadCaseContexts');
  let c = coalescers.get(db);
  if (!c) coalescers.set(db, (c = createCoalescer({ load: (ids) => loadCaseContexts(db, ids) })));
  const coalescer = c;
  return (ids) => coalescer.load(ids);
}
