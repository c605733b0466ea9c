/**
 * Loads the policy context of a batch of cases from the routeplanner's own tables: four queries
 * for any number of cases. Used by the regisseur's own fields and served to the other subgraphs.
 */
import { inArray } from 'drizzle-orm';
import type { CaseContext, HuurFeiten } from '../../../schema/context.js';
import type { Doel, Fase, Gegevenscategorie, Partij, Regio } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { doorbrekingen, selecties, toestemmingen, trajecten, type TrajectRow } from '../db/tables.js';
import { HUUR_FEITEN, type HuurBeeindiging } from './transitions.js';

/** The lease facts the corporation's acts recorded; null before the lease was signed. */
function huurVan(t: TrajectRow): HuurFeiten | null {
  const borg = t.feiten[HUUR_FEITEN.BORG_CENT];
  const beeindiging = (t.feiten[HUUR_FEITEN.BEEINDIGD] ?? null) as HuurBeeindiging | null;
  if (borg === undefined && beeindiging === null) return null;
  return { borgCent: borg === undefined ? null : Number(borg), beeindiging };
}

export async function loadCaseContexts(db: Db, ids: readonly string[]): Promise<Map<string, CaseContext>> {
  const out = new Map<string, CaseContext>();
  if (ids.length === 0) return out;
  const list = [...new Set(ids)];
  const [rows, sel, toe, door] = await Promise.all([
    db.select().from(trajecten).where(inArray(trajecten.id, list)),
    db.select().from(selecties).where(inArray(selecties.trajectId, list)),
    db.select().from(toestemmingen).where(inArray(toestemmingen.trajectId, list)),
    db.select().from(doorbrekingen).where(inArray(doorbrekingen.trajectId, list)),
  ]);
  for (const t of rows) {
    out.set(t.id, {
      trajectId: t.id,
      fase: t.fase as Fase,
      gemeente: t.gemeente,
      regio: t.regio as Regio,
      betrokkene: t.betrokkene,
      geselecteerd: sel.filter((s) => s.trajectId === t.id).map((s) => s.corporatie),
      gematcht: t.gematcht,
      melder: t.melder,
      gekoppeldeZorgaanbieder: t.gekoppeldeZorgaanbieder,
      uitkomst: t.uitkomst,
      code: t.code,
      versie: t.versie,
      huur: huurVan(t),
      toestemmingen: toe
        .filter((x) => x.trajectId === t.id)
        .map((x) => ({
          id: x.id,
          ontvanger: { partij: x.ontvangerPartij as Partij, organisatie: x.ontvangerOrganisatie },
          categorieen: x.categorieen as Gegevenscategorie[],
          doel: x.doel as Doel,
          richting: x.richting as 'VERKRIJGEN' | 'VERSTREKKEN',
          gegevenOp: x.gegevenOp,
          geldigTot: x.geldigTot,
          ingetrokkenOp: x.ingetrokkenOp,
        })),
      doorbrekingen: door
        .filter((x) => x.trajectId === t.id)
        .map((x) => ({
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
