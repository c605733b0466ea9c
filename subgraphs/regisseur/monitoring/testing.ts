/**
 * Test helper: writes synthetic cases straight into the regisseur's own tables (trajecten, transities,
 * selecties, toestemmingen with their events, doorbrekingen), so the monitoring can be tested on a
 * realistic number of cases without walking 400 cases through every act over HTTP.
 *
 * Why deterministic: tests assert concrete suppressed and shown cells, so the same seed must give the
 * same cases on every run and on both databases (PGlite and PostgreSQL). Only the ids, codes and
 * resident references are random — they are exactly what a test must prove never reaches the Werkgroep.
 */
import { randomUUID } from 'node:crypto';
import { GEMEENTEN, ZORGAANBIEDERS, type Fase } from '../../../schema/vocabulary.js';
import type { Db } from '../../common/database.js';
import { doorbrekingen, selecties, toestemmingen, toestemmingGebeurtenissen, transities, trajecten } from '../db/tables.js';
import { newTrajectCode } from '../routeplanner/code.js';

/** One synthetic case, as the routeplanner would have recorded it. */
export interface TestGeval {
  readonly gemeente: string;
  /** The mediating regio when it differs from the gemeente's (a warm hand-over). */
  readonly regio?: string;
  readonly melder?: string | null;
  readonly gekoppeldeZorgaanbieder?: string | null;
  /** An instant (ISO). */
  readonly aangemeldOp: string;
  readonly fase: Fase;
  readonly uitkomst?: string | null;
  readonly toelichting?: string | null;
  readonly gematcht?: string | null;
  readonly gehuisvestOp?: string | null;
  readonly afgeslotenOp?: string | null;
  /** The Woonkans-overleg per selected corporation (`null`: selected, not yet discussed). */
  readonly gesprekken?: readonly { corporatie: string; uitkomst: 'INTERESSE' | 'GEEN_INTERESSE' | null; toelichting?: string | null }[];
  /** A recorded conflict van plichten, from this instant. */
  readonly doorbrekingOp?: string | null;
  /** An objection in the consent register, at this instant. */
  readonly bezwaarOp?: string | null;
}

/** What was written, so a test can prove none of it leaves the subgraph. */
export interface GezaaideGevallen {
  readonly ids: string[];
  readonly codes: string[];
  readonly betrokkenen: string[];
}

/** Reasons in the overleg, shared by many cases, and one rare text (at most four times in all) that must never be shown. */
export const TEST_REDENEN = ['Geen passende woning beschikbaar', 'Huurachterstand in het verleden', 'Geen passend aanbod in de wijk'] as const;
export const ZELDZAME_REDEN = 'Kent de buurman van de beheerder';
export const NIET_DOELGROEP_REDENEN = ['Geen ondersteuningsvraag rond wonen', 'Geen binding met de regio'] as const;

const CHUNK = 200;
async function insertAll<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

/** Writes the cases; returns their ids, codes and resident references. */
export async function zaaiGevallen(db: Db, gevallen: readonly TestGeval[]): Promise<GezaaideGevallen> {
  const codes = new Set<string>();
  const rows = gevallen.map((g) => {
    let code = newTrajectCode();
    while (codes.has(code)) code = newTrajectCode();
    codes.add(code);
    const regio = g.regio ?? (GEMEENTEN as Record<string, { regio: string }>)[g.gemeente]?.regio ?? 'NOORD_LIMBURG';
    return {
      g,
      traject: {
        id: randomUUID(),
        code,
        fase: g.fase,
        regio,
        gemeente: g.gemeente,
        betrokkene: `inwoner-${randomUUID()}`,
        melder: g.melder ?? null,
        gekoppeldeZorgaanbieder: g.gekoppeldeZorgaanbieder ?? null,
        gematcht: g.gematcht ?? null,
        uitkomst: g.uitkomst ?? null,
        uitkomstToelichting: g.toelichting ?? null,
        versie: 1,
        aangemeldOp: g.aangemeldOp,
        gehuisvestOp: g.gehuisvestOp ?? null,
        afgeslotenOp: g.afgeslotenOp ?? null,
      },
    };
  });
  await insertAll(rows.map((r) => r.traject), (c) => db.insert(trajecten).values(c));
  await insertAll(
    rows.map(({ traject: t }) => ({
      id: randomUUID(),
      trajectId: t.id,
      van: null,
      naar: 'MELDING',
      handeling: 'MELDING_ONTVANGEN',
      partij: 'GEMEENTE',
      organisatie: `gemeente-${t.gemeente}`,
      reden: null,
      op: t.aangemeldOp,
    })),
    (c) => db.insert(transities).values(c),
  );
  await insertAll(
    rows.flatMap(({ g, traject: t }) =>
      (g.gesprekken ?? []).map((s) => ({
        trajectId: t.id,
        corporatie: s.corporatie,
        geselecteerdOp: t.aangemeldOp,
        overlegUitkomst: s.uitkomst,
        overlegToelichting: s.toelichting ?? null,
        besprokenOp: s.uitkomst ? t.aangemeldOp : null,
      })),
    ),
    (c) => db.insert(selecties).values(c),
  );
  await insertAll(
    rows.flatMap(({ g, traject: t }) =>
      g.doorbrekingOp
        ? [{
            id: randomUUID(),
            trajectId: t.id,
            professional: 'consulent-test',
            professionalOrganisatie: `gemeente-${t.gemeente}`,
            ontvangerPartij: 'CORPORATIE',
            ontvangerOrganisatie: 'woonwenz',
            velden: ['Onderzoek.gezondheid'],
            criteria: { alles_gedaan_voor_toestemming_of_vragen_onverantwoord: true },
            motivering: 'Acuut gevaar voor medewerkers bij huisbezoek, toestemming vragen onverantwoord.',
            vanaf: g.doorbrekingOp,
            tot: new Date(Date.parse(g.doorbrekingOp) + 7 * 86_400_000).toISOString(),
            inwonerGeinformeerd: true,
          }]
        : [],
    ),
    (c) => db.insert(doorbrekingen).values(c),
  );
  for (const { g, traject: t } of rows) {
    if (!g.bezwaarOp) continue;
    const id = randomUUID();
    await db.insert(toestemmingen).values({
      id,
      trajectId: t.id,
      ontvangerPartij: 'REGISSEUR',
      ontvangerOrganisatie: null,
      categorieen: ['IDENTITEIT'],
      doel: 'MATCH_BEMIDDELING',
      richting: 'VERSTREKKEN',
      gegevenOp: t.aangemeldOp,
      geldigTot: new Date(Date.parse(t.aangemeldOp) + 300 * 86_400_000).toISOString(),
      ingetrokkenOp: g.bezwaarOp,
      vastgelegdDoor: `gemeente-${t.gemeente}`,
      ondertekendDoor: 'INWONER',
    });
    await db.insert(toestemmingGebeurtenissen).values([
      { id: randomUUID(), toestemmingId: id, soort: 'GEGEVEN', op: t.aangemeldOp, door: `gemeente-${t.gemeente}` },
      { id: randomUUID(), toestemmingId: id, soort: 'BEZWAAR', op: g.bezwaarOp, door: `gemeente-${t.gemeente}` },
    ]);
  }
  return { ids: rows.map((r) => r.traject.id), codes: [...codes], betrokkenen: rows.map((r) => r.traject.betrokkene) };
}

/** mulberry32 over a text seed: the same cases on every run. */
function rng(seed: string): () => number {
  let a = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) a = Math.imul(a ^ seed.charCodeAt(i), 0x01000193);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Options of {@link synthetischeGevallen}. */
export interface SynthetischeOpties {
  readonly seed: string;
  readonly aantal: number;
  /** Registration dates fall in [van, tot) (ISO dates). */
  readonly van: string;
  readonly tot: string;
  /** Nothing happens after this instant (ISO): later steps are left open. */
  readonly nu: string;
  /** Gemeenten with their weights. */
  readonly gemeenten: Readonly<Record<string, number>>;
}

const DAG = 86_400_000;
const CORPS = ['woonwenz', 'antares', 'wonen-limburg', 'wonen-zuid', 'woonik', 'nester'] as const;

/**
 * Deterministic cases in every phase and with every outcome: not eligible (regular rental, other
 * reasons), withdrawn, open in each phase, housed, lease ended positively and negatively, with
 * conversations that did and did not lead to housing.
 */
export function synthetischeGevallen(o: SynthetischeOpties): TestGeval[] {
  const r = rng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const gewichten = Object.entries(o.gemeenten);
  const som = gewichten.reduce((s, [, w]) => s + w, 0);
  const gemeente = (): string => {
    let x = r() * som;
    for (const [g, w] of gewichten) if ((x -= w) < 0) return g;
    return gewichten[0]![0];
  };
  const start = Date.parse(o.van);
  const span = Date.parse(o.tot) - start;
  const iso = (ms: number) => new Date(ms).toISOString();
  const nu = Date.parse(o.nu);
  // The rare texts appear exactly twice each: below any threshold, so they must never be shown.
  let zeldzaam = 0;
  const reden = <T extends string>(gewoon: readonly T[]): T | typeof ZELDZAME_REDEN =>
    r() < 0.05 && zeldzaam < 4 ? (zeldzaam++, ZELDZAME_REDEN) : pick(gewoon);
  return Array.from({ length: o.aantal }, (): TestGeval => {
    const aangemeld = start + Math.floor(r() * span / (60_000)) * 60_000;
    const base = {
      gemeente: gemeente(),
      aangemeldOp: iso(aangemeld),
      melder: r() < 0.6 ? pick(ZORGAANBIEDERS.slice(0, 6)) : null,
    };
    const x = r();
    if (x < 0.1) return { ...base, fase: 'AFGESLOTEN', uitkomst: 'NIET_DOELGROEP_REGULIER', toelichting: 'Kan regulier huren', afgeslotenOp: iso(aangemeld + 30 * DAG) };
    if (x < 0.18) {
      return { ...base, fase: 'AFGESLOTEN', uitkomst: 'NIET_DOELGROEP_ANDERS', toelichting: reden(NIET_DOELGROEP_REDENEN), afgeslotenOp: iso(aangemeld + 40 * DAG) };
    }
    if (x < 0.22) return { ...base, fase: 'AFGESLOTEN', uitkomst: 'TERUGGETROKKEN', afgeslotenOp: iso(aangemeld + 20 * DAG) };
    if (x < 0.32) return { ...base, fase: pick(['MELDING', 'ONDERZOEK'] as const) };
    const corps = [pick(CORPS), pick(CORPS)].filter((c, i, a) => a.indexOf(c) === i);
    if (x < 0.42) return { ...base, fase: pick(['BEMIDDELING', 'CORPORATIEGESPREK'] as const), gesprekken: corps.map((c) => ({ corporatie: c, uitkomst: null })) };
    const gematcht = corps[0]!;
    const gesprekken = [
      { corporatie: gematcht, uitkomst: 'INTERESSE' as const },
      ...corps.slice(1).map((c) => ({ corporatie: c, uitkomst: 'GEEN_INTERESSE' as const, toelichting: reden(TEST_REDENEN) })),
    ];
    if (x < 0.47) return { ...base, fase: 'HUUROVEREENKOMST', gematcht, gesprekken };
    const gehuisvest = aangemeld + (40 + Math.floor(r() * 160)) * DAG;
    if (gehuisvest > nu) return { ...base, fase: 'HUUROVEREENKOMST', gematcht, gesprekken };
    const housed = { ...base, gematcht, gesprekken, gehuisvestOp: iso(gehuisvest), gekoppeldeZorgaanbieder: base.melder ?? pick(ZORGAANBIEDERS.slice(0, 6)) };
    const y = r();
    const einde = gehuisvest + (y < 0.12 ? 60 + Math.floor(r() * 500) : 300) * DAG;
    if (y >= 0.2 || einde > nu) return { ...housed, fase: 'GEHUISVEST' };
    const uitkomst = y < 0.12 ? pick(['HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD', 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN']) : 'HUUR_BEEINDIGD_POSITIEF';
    return { ...housed, fase: 'AFGESLOTEN', uitkomst, afgeslotenOp: iso(einde) };
  });
}
