/**
 * Loads the policy context of a batch of cases from the routeplanner's own tables: four queries
 * for any number of cases, grouped per case in one pass (a Map per table, O(cases + rows)). Used by
 * the regisseur's own fields and served to the other subgraphs.
 *
 * Two entry points:
 *
 * - `loadCaseContexts(db, ids)`: exactly one set of four queries on the handle it is given (a
 *   transaction handle included), never shared. For every caller that may read inside a transaction
 *   or acts on what it reads: an act's preconditions (`acts.ts` `unmet`), the act route's
 *   authorisation (`routes.ts` `authorize`) and retention (`retention.ts`).
 * - `coalescedCaseContexts(db)`: for the shared pool handle only (a transaction handle is
 *   refused). Concurrent reads — `POST /beleidscontext` for the other subgraphs and the regisseur's
 *   own dosing (`server.ts` `localPolicyContext`) — that arrive while no batch is running are
 *   dispatched on the next turn of the event loop as one set of four queries over the union of their
 *   ids; those arriving while a batch runs wait for it to return and then go together as the next
 *   batch (`coalesce.ts`, `maxInFlight` 1: at most four of the pool's connections per process).
 *
 * Invariant: a request only joins a batch whose queries have NOT yet been sent, so any change
 * committed before the request started (a revoked consent, a phase step, a match) is visible to it.
 * Nothing is cached: every batch reads the tables afresh (test/integration/policy-context-batching).
 */
import { is } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { CaseContext, HuurFeiten } from '../../../schema/context.js';
import type { Doel, Fase, Gegevenscategorie, Partij, Regio } from '../../../schema/vocabulary.js';
import { createCoalescer, type Coalescer } from '../../common/coalesce.js';
import type { Db } from '../../common/database.js';
import { groupBy } from '../../common/loaders.js';
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

export async function loadCaseContexts(db: Db, ids: readonly string[]): Promise<Map<string, CaseContext>> {
  const out = new Map<string, CaseContext>();
  if (ids.length === 0) return out;
  const list = [...new Set(ids)];
  const [rows, sel, toe, door] = await Promise.all([
    db.select().from(trajecten).where(anyOf(trajecten.id, list)),
    db.select().from(selecties).where(anyOf(selecties.trajectId, list)),
    db.select().from(toestemmingen).where(anyOf(toestemmingen.trajectId, list)),
    db.select().from(doorbrekingen).where(anyOf(doorbrekingen.trajectId, list)),
  ]);
  const selPer = groupBy(sel, (s) => s.trajectId);
  const toePer = groupBy(toe, (x) => x.trajectId);
  const doorPer = groupBy(door, (x) => x.trajectId);
  for (const t of rows) {
    out.set(t.id, {
      trajectId: t.id,
      fase: t.fase as Fase,
      gemeente: t.gemeente,
      regio: t.regio as Regio,
      betrokkene: t.betrokkene,
      geselecteerd: (selPer.get(t.id) ?? []).map((s) => s.corporatie),
      gematcht: t.gematcht,
      melder: t.melder,
      gekoppeldeZorgaanbieder: t.gekoppeldeZorgaanbieder,
      uitkomst: t.uitkomst,
      code: t.code,
      versie: t.versie,
      huur: huurVan(t),
      toestemmingen: (toePer.get(t.id) ?? []).map((x) => ({
        id: x.id,
        ontvanger: { partij: x.ontvangerPartij as Partij, organisatie: x.ontvangerOrganisatie },
        categorieen: x.categorieen as Gegevenscategorie[],
        doel: x.doel as Doel,
        richting: x.richting as 'VERKRIJGEN' | 'VERSTREKKEN',
        gegevenOp: x.gegevenOp,
        geldigTot: x.geldigTot,
        ingetrokkenOp: x.ingetrokkenOp,
      })),
      doorbrekingen: (doorPer.get(t.id) ?? []).map((x) => ({
        id: x.id,
        ontvanger: { partij: x.ontvangerPartij as Partij, organisatie: x.ontvangerOrganisatie },
        velden: x.velden,
        vanaf: x.vanaf,
        tot: x.tot,
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
