/**
 * Retention at the regisseur: it decides which cases expired, because it holds the closing moment
 * (`trajecten.afgesloten_op`) and the transitions that tell whether the resident entered Woonkans
 * (reached BEMIDDELING: the OVERGEDRAGEN hand-over). It deletes its own rows of a case last — after
 * the other subgraphs deleted theirs — because once they are gone it can no longer tell anyone
 * that the case expired.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Caller } from '../../schema/context.js';
import { houdtRijenVan } from '../../schema/relations.js';
import type { Db } from '../common/database.js';
import { isVerlopen, termijnJaren } from '../common/retention/termijnen.js';
import { inBatches, type SubgraphRetentie, type Telling, type VerlopenAntwoord } from '../common/retention/types.js';
import {
  casusoverleggen,
  doorbrekingen,
  profielen,
  selecties,
  terugkoppelingen,
  toestemmingGebeurtenissen,
  toestemmingen,
  transities,
  trajecten,
} from './db/tables.js';
import { loadCaseContexts } from './routeplanner/context.js';

/** The phases that mean the resident entered Woonkans (the hand-over happened). */
const IN_WOONKANS = ['BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST'];

export interface VerlopenTraject {
  readonly id: string;
  readonly afgeslotenOp: Date;
  /** The term that applied: 5 (did not enter Woonkans) or 15 years. */
  readonly termijnJaren: number;
}

export interface Beoordeling {
  readonly verlopen: VerlopenTraject[];
  /** Held here and not expired (open, or closed within the term). */
  readonly lopend: string[];
  /** Closed but without a closing moment: kept, and reported so someone looks. */
  readonly zonderAfsluitdatum: string[];
}

/**
 * Which cases expired at `now`: all of them, or only among `kandidaten` (ids another subgraph
 * holds — unknown ids are simply not in the answer).
 */
export async function beoordeelTermijnen(db: Db, now: Date, kandidaten?: readonly string[]): Promise<Beoordeling> {
  const batches = kandidaten ? inBatches([...new Set(kandidaten)]) : [undefined];
  const out: Beoordeling = { verlopen: [], lopend: [], zonderAfsluitdatum: [] };
  for (const batch of batches) {
    if (batch && batch.length === 0) continue;
    const rows = await db
      .select({ id: trajecten.id, fase: trajecten.fase, afgeslotenOp: trajecten.afgeslotenOp })
      .from(trajecten)
      .where(batch ? inArray(trajecten.id, batch) : undefined);
    const closed = rows.filter((r) => r.fase === 'AFGESLOTEN' && r.afgeslotenOp);
    const ingestroomd = new Set<string>();
    for (const ids of inBatches(closed.map((r) => r.id))) {
      const hits = await db
        .selectDistinct({ id: transities.trajectId })
        .from(transities)
        .where(and(inArray(transities.trajectId, ids), inArray(transities.naar, IN_WOONKANS)));
      for (const h of hits) ingestroomd.add(h.id);
    }
    for (const r of rows) {
      if (r.fase !== 'AFGESLOTEN') {
        out.lopend.push(r.id);
        continue;
      }
      const afgeslotenOp = r.afgeslotenOp ? new Date(r.afgeslotenOp) : null;
      if (!afgeslotenOp || Number.isNaN(afgeslotenOp.getTime())) {
        out.zonderAfsluitdatum.push(r.id);
        out.lopend.push(r.id);
        continue;
      }
      const entered = ingestroomd.has(r.id);
      if (isVerlopen(afgeslotenOp, entered, now)) out.verlopen.push({ id: r.id, afgeslotenOp, termijnJaren: termijnJaren(entered) });
      else out.lopend.push(r.id);
    }
  }
  return out;
}

/** The answer to a subgraph deployed apart (`/bewaartermijn`): only of the ids its rows may belong to. */
export async function verlopenVoor(db: Db, caller: Caller, now: Date, kandidaten: readonly string[]): Promise<VerlopenAntwoord> {
  const contexts = await loadCaseContexts(db, kandidaten);
  const eigen = kandidaten.filter((id) => {
    const ctx = contexts.get(id);
    return ctx !== undefined && houdtRijenVan(caller, ctx);
  });
  return verlopenAntwoord(db, now, eigen);
}

/** The answer the regisseur gives another subgraph about the ids it holds. */
export async function verlopenAntwoord(db: Db, now: Date, kandidaten: readonly string[]): Promise<VerlopenAntwoord> {
  const b = await beoordeelTermijnen(db, now, kandidaten);
  return { verlopen: b.verlopen.map((v) => v.id), lopend: b.lopend };
}

/** Tables keyed by the case id, in the order they are emptied (the case itself last). */
const OP_TRAJECT = { profielen, selecties, casusoverleggen, doorbrekingen, terugkoppelingen, transities } as const;

export const regisseurRetentie: SubgraphRetentie = {
  subgraph: 'regisseur',
  tabellen: [...Object.keys(OP_TRAJECT), 'toestemming_gebeurtenissen', 'toestemmingen', 'trajecten'],
  bewaard: {},
  async trajectIds(db: Db) {
    return (await db.select({ id: trajecten.id }).from(trajecten)).map((r) => r.id);
  },
  async verwijder(tx: Db, ids: readonly string[]): Promise<Telling> {
    const telling: Record<string, number> = {};
    const add = (naam: string, n: number) => void (telling[naam] = (telling[naam] ?? 0) + n);
    for (const requested of inBatches(ids)) {
      // Only closed cases: a bug upstream must never delete (part of) a running case.
      const batch = (
        await tx
          .select({ id: trajecten.id })
          .from(trajecten)
          .where(and(inArray(trajecten.id, requested), eq(trajecten.fase, 'AFGESLOTEN'), isNotNull(trajecten.afgeslotenOp)))
      ).map((r) => r.id);
      if (batch.length === 0) continue;
      for (const [naam, table] of Object.entries(OP_TRAJECT)) {
        add(naam, (await tx.delete(table).where(inArray(table.trajectId, batch)).returning({ id: table.trajectId })).length);
      }
      const consents = tx.select({ id: toestemmingen.id }).from(toestemmingen).where(inArray(toestemmingen.trajectId, batch));
      add(
        'toestemming_gebeurtenissen',
        (await tx.delete(toestemmingGebeurtenissen).where(inArray(toestemmingGebeurtenissen.toestemmingId, consents)).returning({ id: toestemmingGebeurtenissen.id })).length,
      );
      add('toestemmingen', (await tx.delete(toestemmingen).where(inArray(toestemmingen.trajectId, batch)).returning({ id: toestemmingen.id })).length);
      add('trajecten', (await tx.delete(trajecten).where(inArray(trajecten.id, batch)).returning({ id: trajecten.id })).length);
    }
    for (const naam of regisseurRetentie.tabellen) telling[naam] ??= 0;
    return telling;
  },
};
