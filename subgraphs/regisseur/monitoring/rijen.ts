/**
 * The regisseur's monitoring rows: one `MonitoringRij` per case, built from the regisseur's OWN tables
 * only (trajecten, selecties). It never asks another subgraph for case data; the figures are computed
 * at the source and only aggregates leave it.
 *
 * Choices where the regisseur does not hold what the seed asks for (documented, deliberately):
 * - **Partner** is the care provider that filed the melding (`melder`), else the one linked at the
 *   lease; a case without either counts as "zonder partner".
 * - **Not eligible, other reason**: the reason is the closing note (`uitkomstToelichting`) the gemeente
 *   wrote when it closed the case — not the research text, which stays in the gemeente's Wmo file.
 *   `figures.ts` shows a reason only when at least `drempel` people share it.
 * - **Housed the regular way after all** (`reguliereHuurGelukt`) is not known to the routeplanner: null.
 * - **Gemeente of housing** lives in the corporation's lease (the address): unknown here, so null.
 * - **Still independent after 1 / 2 years**: housed (`gehuisvestOp`), and not closed with a negative
 *   end of the lease (eviction / left the home) before that anniversary. A negative end before it counts
 *   as "not independent" at once; otherwise the answer is unknown (null) until the anniversary has
 *   passed. A positive end of the lease (moved on) counts as independent. The corporations' own
 *   evaluations are not read: they are not the regisseur's data. The date of the negative end is the
 *   date the regisseur closed the case, which may lag the end of the lease by days.
 * - **Conversations** (seed 000: "gesprekken tussen partijen") are the Woonkans-overleg outcomes per
 *   selected corporation. One led to housing when that corporation was matched and the lease was signed.
 *   One did not when the corporation had no interest (reason: the overleg's note), when another
 *   corporation housed the resident, or when the case closed without housing. A conversation still
 *   open (interest, nothing decided yet) is not counted at all.
 */
import { isNotNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Gesprek, MonitoringRij, Uitkomst } from '../../../schema/monitoring/figures.js';
import { FASEN, REGIOS, regioVanGemeente, type Fase, type Regio } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { rowsOf } from '../../common/rows.js';
import { selecties, trajecten, type TrajectRow } from '../db/tables.js';
import { jarenLater, kalenderdatum } from './kalender.js';

/** What the monitoring reads of a selection: who, and how the overleg went. */
export type SelectieRow = Pick<typeof selecties.$inferSelect, 'trajectId' | 'corporatie' | 'overlegUitkomst' | 'overlegToelichting'>;

/** The columns of a case the monitoring reads; nothing that identifies the resident. */
export type MonitoringTraject = Pick<
  TrajectRow,
  'gemeente' | 'regio' | 'fase' | 'melder' | 'gekoppeldeZorgaanbieder' | 'gematcht' | 'uitkomst' | 'uitkomstToelichting' | 'aangemeldOp' | 'gehuisvestOp' | 'afgeslotenOp'
>;

/** Reasons the regisseur writes itself, for conversations that did not lead to housing. */
export const REDEN_ANDERE_CORPORATIE = 'Andere corporatie gekozen';
export const REDEN_AFGESLOTEN = 'Traject afgesloten zonder huisvesting';

const UITKOMST: Readonly<Record<string, Uitkomst>> = {
  NIET_DOELGROEP_REGULIER: 'NIET_DOELGROEP_REGULIER',
  NIET_DOELGROEP_ANDERS: 'NIET_DOELGROEP_ANDERS',
  TERUGGETROKKEN: 'TERUGGETROKKEN',
  GEHUISVEST: 'GEHUISVEST',
  HUUR_BEEINDIGD_POSITIEF: 'HUUR_BEEINDIGD_POSITIEF',
  HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD: 'HUUR_BEEINDIGD_NEGATIEF',
  HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN: 'HUUR_BEEINDIGD_NEGATIEF',
};

/** An unknown phase or outcome in our own table is a bug: refuse to count rather than miscount. */
function uitkomstVan(value: string | null): Uitkomst | null {
  if (value === null) return null;
  const u = UITKOMST[value];
  if (!u) throw new RangeError(`onbekende uitkomst in de routeplanner: ${value}`);
  return u;
}

function faseVan(value: string): Fase {
  if (!(FASEN as readonly string[]).includes(value)) throw new RangeError(`onbekende fase in de routeplanner: ${value}`);
  return value as Fase;
}

function regioVan(t: MonitoringTraject): Regio {
  const regio = regioVanGemeente(t.gemeente) ?? t.regio;
  if (!(REGIOS as readonly string[]).includes(regio)) throw new RangeError(`onbekende regio in de routeplanner: ${regio}`);
  return regio as Regio;
}

function zelfstandigNa(t: MonitoringTraject, uitkomst: Uitkomst | null, jaren: number, vandaag: string): boolean | null {
  if (!t.gehuisvestOp) return null;
  const grens = jarenLater(kalenderdatum(t.gehuisvestOp), jaren);
  if (uitkomst === 'HUUR_BEEINDIGD_NEGATIEF' && t.afgeslotenOp && kalenderdatum(t.afgeslotenOp) < grens) return false;
  return vandaag >= grens ? true : null;
}

function gesprekken(t: MonitoringTraject, eigen: readonly SelectieRow[]): Gesprek[] {
  const out: Gesprek[] = [];
  for (const s of eigen) {
    if (!s.overlegUitkomst) continue;
    if (t.gehuisvestOp && t.gematcht === s.corporatie) {
      out.push({ corporatie: s.corporatie, leiddeTotHuisvesting: true, reden: null });
    } else if (s.overlegUitkomst === 'GEEN_INTERESSE') {
      out.push({ corporatie: s.corporatie, leiddeTotHuisvesting: false, reden: s.overlegToelichting });
    } else if (t.gehuisvestOp && t.gematcht && t.gematcht !== s.corporatie) {
      out.push({ corporatie: s.corporatie, leiddeTotHuisvesting: false, reden: REDEN_ANDERE_CORPORATIE });
    } else if (t.fase === 'AFGESLOTEN' && !t.gehuisvestOp) {
      out.push({ corporatie: s.corporatie, leiddeTotHuisvesting: false, reden: REDEN_AFGESLOTEN });
    }
  }
  return out;
}

/** One case as a monitoring row. Pure; `vandaag` is today's Dutch calendar date. */
export function monitoringRij(t: MonitoringTraject, eigenSelecties: readonly SelectieRow[], vandaag: string): MonitoringRij {
  const uitkomst = uitkomstVan(t.uitkomst);
  return {
    gemeente: t.gemeente,
    regio: regioVan(t),
    partner: t.melder ?? t.gekoppeldeZorgaanbieder ?? null,
    aangemeldOp: kalenderdatum(t.aangemeldOp),
    fase: faseVan(t.fase),
    uitkomst,
    nietDoelgroepReden: uitkomst === 'NIET_DOELGROEP_ANDERS' ? t.uitkomstToelichting : null,
    reguliereHuurGelukt: null,
    gehuisvestOp: t.gehuisvestOp ? kalenderdatum(t.gehuisvestOp) : null,
    gehuisvestGemeente: null,
    zelfstandigNa1Jaar: zelfstandigNa(t, uitkomst, 1, vandaag),
    zelfstandigNa2Jaar: zelfstandigNa(t, uitkomst, 2, vandaag),
    gesprekken: gesprekken(t, eigenSelecties),
  };
}

/** The columns the monitoring reads of a case: the rows and the digest are built from this one list. */
const KOLOMMEN = {
  id: trajecten.id,
  gemeente: trajecten.gemeente,
  regio: trajecten.regio,
  fase: trajecten.fase,
  melder: trajecten.melder,
  gekoppeldeZorgaanbieder: trajecten.gekoppeldeZorgaanbieder,
  gematcht: trajecten.gematcht,
  uitkomst: trajecten.uitkomst,
  uitkomstToelichting: trajecten.uitkomstToelichting,
  aangemeldOp: trajecten.aangemeldOp,
  gehuisvestOp: trajecten.gehuisvestOp,
  afgeslotenOp: trajecten.afgeslotenOp,
};

/**
 * A digest of everything the monitoring rows are built from, computed by the database: the same
 * digest means the same rows, so a release computed before can be served without reading a single
 * row (100k cases are 100k rows; their digest is one). Any change to a case or a discussed
 * selection changes it. Each row is hashed by its columns' own hash functions and the hashes are
 * combined with XOR, with the count beside them: no sort and no text per row (a sorted `md5` over
 * the rows' text took 0.8 s at 100k cases, this 0.16 s), and a 64-bit chance of missing a change.
 */
export async function monitoringDigest(db: Db): Promise<string> {
  const zaken = sql.join(Object.values(KOLOMMEN), sql`, `);
  const [row] = rowsOf<{ zaken: string | null; besproken: string | null }>(await db.execute(sql`
    select
      (select count(*) || '/' || coalesce(bit_xor(hash_record_extended(row(${zaken}), 0)), 0) from ${trajecten}) as zaken,
      (select count(*) || '/' || coalesce(bit_xor(hash_record_extended(s, 0)), 0) from ${selecties} s where s.overleg_uitkomst is not null) as besproken`));
  return `${row?.zaken ?? '-'}:${row?.besproken ?? '-'}`;
}

/**
 * Every case as a monitoring row, in a stable order (by id, which is random: the order says nothing).
 * Two queries on the regisseur's own tables; ids are used only to join and never leave this function.
 */
export async function laadMonitoringRijen(db: Db, nu: Date): Promise<MonitoringRij[]> {
  const vandaag = kalenderdatum(nu);
  // The moments as Dutch calendar dates, from the database (the same IANA zone data as `Intl`):
  // 100k cases are 300k moments, which JavaScript would parse, format and convert one by one.
  const dag = <T extends string | null>(moment: AnyPgColumn) => sql<T>`((${moment}) at time zone 'Europe/Amsterdam')::date::text`;
  const [zaken, besproken] = await Promise.all([
    db
      .select({ ...KOLOMMEN, aangemeldOp: dag<string>(trajecten.aangemeldOp), gehuisvestOp: dag<string | null>(trajecten.gehuisvestOp), afgeslotenOp: dag<string | null>(trajecten.afgeslotenOp) })
      .from(trajecten)
      .orderBy(trajecten.id),
    db
      .select({ trajectId: selecties.trajectId, corporatie: selecties.corporatie, overlegUitkomst: selecties.overlegUitkomst, overlegToelichting: selecties.overlegToelichting })
      .from(selecties)
      .where(isNotNull(selecties.overlegUitkomst))
      .orderBy(selecties.trajectId, selecties.corporatie),
  ]);
  const perTraject = new Map<string, SelectieRow[]>();
  for (const s of besproken) {
    const eigen = perTraject.get(s.trajectId);
    if (eigen) eigen.push(s);
    else perTraject.set(s.trajectId, [s]);
  }
  return zaken.map(({ id, ...t }) => monitoringRij(t, perTraject.get(id) ?? [], vandaag));
}
