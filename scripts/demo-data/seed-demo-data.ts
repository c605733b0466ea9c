/**
 * Seeds the embedded default's demo data on first start: builds the plan and writes each subgraph's
 * part into that subgraph's own database, then lets the guarantee fund seed its claims for the
 * plan's negative lease ends. The same ids and codes everywhere, so the federation composes them.
 *
 * When it writes: only when the routeplanner (regisseur) holds no case at all — the routeplanner is
 * where a case exists, so demo data is never mixed with real cases. The regisseur is written last:
 * if a first run stopped half-way, the gemeente or corporatie holds rows that no case explains, and
 * this refuses (fail closed) instead of adding a second, inconsistent half.
 */
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../subgraphs/common/database.js';
import { corporatieHeeftGegevens, seedCorporatie } from '../../subgraphs/corporatie/seed.js';
import { aanvragen, bijdragen, deelnemers, grootboek } from '../../subgraphs/garantiefonds/db/tables.js';
import { seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { gemeenteHeeftGegevens, seedGemeente } from '../../subgraphs/gemeente/seed.js';
import { regisseurHeeftGegevens, seedRegisseur } from '../../subgraphs/regisseur/seed.js';
import { maakDemoPlan, type PlanOpties } from './plan.js';

export interface DemoDatabases {
  readonly gemeente: Db;
  readonly regisseur: Db;
  readonly corporatie: Db;
  readonly garantiefonds: Db;
}

const FONDS_TABELLEN: Record<string, PgTable> = { deelnemers, bijdragen, grootboek, aanvragen };

async function tel(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [naam, tabel] of Object.entries(FONDS_TABELLEN)) {
    const [row] = await db.select({ n: count() }).from(tabel);
    out[naam] = Number(row?.n ?? 0);
  }
  return out;
}

const voorvoegsel = (subgraph: string, rijen: Readonly<Record<string, number>>) =>
  Object.fromEntries(Object.entries(rijen).map(([tabel, n]) => [`${subgraph}.${tabel}`, n]));

/**
 * Seeds the demo data once. Returns the rows written per table (`<subgraph>.<table>`), or an empty
 * object when the demo data (or any real case) was already there.
 */
export async function seedDemoData(dbs: DemoDatabases, now: Date, opties: PlanOpties = {}): Promise<Record<string, number>> {
  if (await regisseurHeeftGegevens(dbs.regisseur)) return {};
  const half = [(await gemeenteHeeftGegevens(dbs.gemeente)) && 'gemeente', (await corporatieHeeftGegevens(dbs.corporatie)) && 'corporatie'].filter(Boolean);
  if (half.length > 0) {
    throw new Error(
      `demo-data: ${half.join(' en ')} bevat al gegevens, maar de routeplanner heeft geen enkel traject. ` +
        'Een eerdere eerste start is halverwege gestopt; leeg deze databases (bij PGlite: de map .data) en start opnieuw.',
    );
  }
  const plan = maakDemoPlan(now, opties);
  const gemeente = await seedGemeente(dbs.gemeente, plan);
  const corporatie = await seedCorporatie(dbs.corporatie, plan);
  const regisseur = await seedRegisseur(dbs.regisseur, plan);
  const voor = await tel(dbs.garantiefonds);
  await seedGarantiefonds(dbs.garantiefonds, plan.negatieveEinden, now);
  const na = await tel(dbs.garantiefonds);
  const fonds = Object.fromEntries(Object.keys(na).map((t) => [t, na[t]! - (voor[t] ?? 0)]));
  return {
    ...voorvoegsel('gemeente', gemeente.rijen),
    ...voorvoegsel('regisseur', regisseur.rijen),
    ...voorvoegsel('corporatie', corporatie.rijen),
    ...voorvoegsel('garantiefonds', fonds),
  };
}
