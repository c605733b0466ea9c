/**
 * The Werkgroep's monitoring figures (seed 000 Bijlage 4, DESIGN §3), computed from plain case-level
 * rows that each subgraph passes in. The subgraphs compute at the source; this is the one shared, pure
 * computation they call, so every subgraph counts, dates and suppresses the same way.
 *
 * Counting rules (decisions, documented here because the seed leaves them open):
 * - **Which date places a case in a period.** Registration and what follows from the intake (not
 *   eligible, eligible, conversations) count in the period of `aangemeldOp` (a registration cohort).
 *   Housing, the waiting time, the targets and "still independent after 1/2 years" count in the period
 *   of `gehuisvestOp`. Rows whose date falls outside [van, tot) do not count for that figure.
 * - **Eligible (doelgroep)** = housed or lease ended, or still open in BEMIDDELING or a later phase (the
 *   ondersteuningsplan was signed). Withdrawn cases are not counted as eligible: the row does not say
 *   whether they got that far.
 * - **Regio** is the regio of the gemeente in the vocabulary, so gemeenten always add up to their regio;
 *   the row's own `regio` is used only for a gemeente outside the vocabulary.
 * - **Targets** (120 Noord-Limburg, 100 Midden-Limburg) are per calendar year and are not pro-rated: a
 *   range of half a year shows half a year of housing against the full-year target.
 * - **Reasons** given as free text that occur for fewer than `drempel` people are merged into
 *   "Overige redenen" before counting, so a rare (possibly identifying) text is never shown as a label.
 * - **Phases now** is a snapshot of all rows passed in, whatever their dates.
 * - **Waiting time** in whole days, percentiles by linear interpolation, rounded; hidden when fewer than
 *   `drempel` people are behind it.
 * Every count is suppressed through `suppression.ts`, each measure as one linked table (see `kubus.ts`).
 */
import { FASEN, GEMEENTEN, REGIOS, ZORGAANBIEDERS, regioVanGemeente, type Fase, type Regio } from '../vocabulary.js';
import { bouwKubus, ZONDER_PARTNER, type Cijfer, type Kubus, type KubusOpties, type Telling } from './kubus.js';
import { dagenTussen, inBereik, periodeVan, periodenInBereik, type Periode, type PeriodeSoort } from './periods.js';
import { DEFAULT_THRESHOLD, suppressStatistic } from './suppression.js';

export type { Cijfer, Kubus, KubusRij } from './kubus.js';
export type { Periode, PeriodeSoort } from './periods.js';

export const UITKOMSTEN = [
  'NIET_DOELGROEP_REGULIER',
  'NIET_DOELGROEP_ANDERS',
  'TERUGGETROKKEN',
  'GEHUISVEST',
  'HUUR_BEEINDIGD_POSITIEF',
  'HUUR_BEEINDIGD_NEGATIEF',
] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];

/** The dimensions the figures are broken down by. */
export const DIMENSIES = ['REGIO', 'GEMEENTE', 'PARTNER'] as const;
export type Dimensie = (typeof DIMENSIES)[number];

/** Homes a year per regio (DESIGN §1), per calendar year, never pro-rated. */
export const JAARDOELEN: Readonly<Record<Regio, number>> = { NOORD_LIMBURG: 120, MIDDEN_LIMBURG: 100 };

/** The label for reasons that occur too rarely to show. */
export const OVERIGE_REDENEN = 'Overige redenen';
/** The label for a missing reason or gemeente. */
export const ONBEKEND = 'Onbekend';

/** One conversation between the parties about a case (seed 000: "gesprek tussen partijen"). */
export interface Gesprek {
  corporatie: string;
  leiddeTotHuisvesting: boolean;
  reden: string | null;
}

/** One case as a subgraph passes it in: no identity, only what the figures need. */
export interface MonitoringRij {
  gemeente: string;
  regio: Regio;
  /** The care partner (zorgaanbieder slug) that registered the case, or null. */
  partner: string | null;
  aangemeldOp: string;
  fase: Fase;
  uitkomst: Uitkomst | null;
  nietDoelgroepReden: string | null;
  reguliereHuurGelukt: boolean | null;
  gehuisvestOp: string | null;
  gehuisvestGemeente: string | null;
  zelfstandigNa1Jaar: boolean | null;
  zelfstandigNa2Jaar: boolean | null;
  gesprekken: Gesprek[];
}

/** What to compute. */
export interface MonitoringOpties {
  periode: PeriodeSoort;
  /** First day, included (ISO date). */
  van: string;
  /** First day not included (ISO date). */
  tot: string;
  /** @default 5 */
  drempel?: number;
}

/** Waiting time from registration to housing, in days. */
export interface Doorlooptijd {
  mediaanDagen: number | null;
  p25Dagen: number | null;
  p75Dagen: number | null;
  onderdrukt: boolean;
}

/** Homes delivered against a regio's yearly target. */
export interface Jaardoel {
  regio: Regio;
  jaar: number;
  doel: number;
  gerealiseerd: Cijfer;
}

/** All figures for one range, every dimension, suppressed. */
export interface Monitoringcijfers {
  drempel: number;
  periode: PeriodeSoort;
  van: string;
  tot: string;
  perioden: Periode[];
  jaren: number[];
  aangemeld: Kubus;
  nietDoelgroepRegulier: Kubus;
  /** Of those: housed the regular way after all. */
  nietDoelgroepRegulierGehuisvest: Kubus;
  /** Broken down by reason. */
  nietDoelgroepAnders: Kubus;
  doelgroep: Kubus;
  gehuisvest: Kubus;
  /** Conversations that led to housing, broken down by gemeente of housing. */
  gesprekkenGeleid: Kubus;
  /** Conversations that did not, broken down by reason. */
  gesprekkenNietGeleid: Kubus;
  zelfstandigNaEenJaar: Kubus;
  gemetenNaEenJaar: Kubus;
  zelfstandigNaTweeJaar: Kubus;
  gemetenNaTweeJaar: Kubus;
  /** Columns are the phases. */
  fasenNu: Kubus;
  doorlooptijd: {
    totaal: Doorlooptijd;
    /** Keyed `REGIO:NOORD_LIMBURG`, `GEMEENTE:venlo`, `PARTNER:met-ggz`. */
    perRij: Record<string, Doorlooptijd>;
    perPeriode: Record<string, Doorlooptijd>;
  };
  doelen: Jaardoel[];
}

const DOELGROEP_UITKOMSTEN: readonly (Uitkomst | null)[] = ['GEHUISVEST', 'HUUR_BEEINDIGD_POSITIEF', 'HUUR_BEEINDIGD_NEGATIEF'];
const NA_ONDERZOEK: readonly Fase[] = FASEN.slice(FASEN.indexOf('BEMIDDELING'));

function isDoelgroep(r: MonitoringRij): boolean {
  if (r.gehuisvestOp !== null || DOELGROEP_UITKOMSTEN.includes(r.uitkomst)) return true;
  return r.uitkomst === null && NA_ONDERZOEK.includes(r.fase);
}

/** Linear-interpolation percentile (type 7) of sorted values. */
function percentiel(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return Math.round(a + (b - a) * (h - lo));
}

function doorlooptijd(dagen: readonly number[], k: number): Doorlooptijd {
  const sorted = [...dagen].sort((a, b) => a - b);
  const stat = (p: number) => suppressStatistic(percentiel(sorted, p), sorted.length, k);
  const [p25, med, p75] = [stat(0.25), stat(0.5), stat(0.75)];
  return { mediaanDagen: med.value, p25Dagen: p25.value, p75Dagen: p75.value, onderdrukt: med.suppressed };
}

/** Free-text labels shown only when at least k people share them; the rest become {@link OVERIGE_REDENEN}. */
function labels(teksten: readonly { tekst: string | null; persoon: number }[], k: number): (t: string | null) => string {
  const people = new Map<string, Set<number>>();
  for (const { tekst, persoon } of teksten) {
    const key = tekst?.trim() || ONBEKEND;
    people.set(key, (people.get(key) ?? new Set()).add(persoon));
  }
  return (t) => {
    const key = t?.trim() || ONBEKEND;
    return key === ONBEKEND || (people.get(key)?.size ?? 0) >= k ? key : OVERIGE_REDENEN;
  };
}

/** Computes every figure for the range from case-level rows. Pure. */
export function berekenMonitoring(rows: readonly MonitoringRij[], opties: MonitoringOpties): Monitoringcijfers {
  const k = opties.drempel ?? DEFAULT_THRESHOLD;
  const { van, tot, periode } = opties;
  const perioden = periodenInBereik(periode, van, tot);
  const jaren = [...new Set(perioden.map((p) => p.jaar))];
  const regioVan = (r: MonitoringRij): Regio => regioVanGemeente(r.gemeente) ?? r.regio;

  const bekend = Object.entries(GEMEENTEN).map(([slug, g]) => ({ slug, regio: g.regio as Regio }));
  const extraGemeenten = [...new Set(rows.map((r) => r.gemeente).filter((g) => !regioVanGemeente(g)))].sort();
  const gemeenten = [...bekend, ...extraGemeenten.map((slug) => ({ slug, regio: rows.find((r) => r.gemeente === slug)!.regio }))];
  const bekendePartners: readonly string[] = ZORGAANBIEDERS;
  const extraPartners = [...new Set(rows.flatMap((r) => (r.partner && !bekendePartners.includes(r.partner) ? [r.partner] : [])))].sort();
  const partners = [...ZORGAANBIEDERS, ...extraPartners, ZONDER_PARTNER];
  const basis: Omit<KubusOpties, 'kolommen'> = {
    gemeenten,
    partners,
    ...(periode !== 'JAAR' && jaren.length > 1
      ? { groepen: jaren.map((j) => ({ sleutel: String(j), kolommen: perioden.filter((p) => p.jaar === j).map((p) => p.sleutel) })) }
      : {}),
  };
  const opPeriode = { ...basis, kolommen: perioden.map((p) => p.sleutel) };
  const telling = (r: MonitoringRij, persoon: number, datum: string, uitsplitsing?: string): Telling => ({
    gemeente: r.gemeente,
    regio: regioVan(r),
    partner: r.partner,
    kolom: periodeVan(periode, datum).sleutel,
    persoon,
    ...(uitsplitsing === undefined ? {} : { uitsplitsing }),
  });
  const cohort = (filter: (r: MonitoringRij) => boolean): Kubus =>
    bouwKubus(rows.flatMap((r, i) => (inBereik(r.aangemeldOp, van, tot) && filter(r) ? [telling(r, i, r.aangemeldOp)] : [])), opPeriode, k);
  const gehuisvestIn = (r: MonitoringRij): r is MonitoringRij & { gehuisvestOp: string } =>
    r.gehuisvestOp !== null && inBereik(r.gehuisvestOp, van, tot);
  const naHuisvesting = (filter: (r: MonitoringRij) => boolean): Kubus =>
    bouwKubus(rows.flatMap((r, i) => (gehuisvestIn(r) && filter(r) ? [telling(r, i, r.gehuisvestOp)] : [])), opPeriode, k);
  const metUitsplitsing = (tellingen: Telling[]): Kubus => {
    const keys = [...new Set(tellingen.map((t) => t.uitsplitsing as string))].sort((a, b) =>
      a === ONBEKEND || a === OVERIGE_REDENEN ? 1 : b === ONBEKEND || b === OVERIGE_REDENEN ? -1 : a.localeCompare(b, 'nl'),
    );
    return bouwKubus(tellingen, { ...opPeriode, uitsplitsingen: keys }, k);
  };

  const inCohort = rows.flatMap((r, i) => (inBereik(r.aangemeldOp, van, tot) ? [{ r, i }] : []));
  const andersRijen = inCohort.filter(({ r }) => r.uitkomst === 'NIET_DOELGROEP_ANDERS');
  const andersLabel = labels(andersRijen.map(({ r, i }) => ({ tekst: r.nietDoelgroepReden, persoon: i })), k);
  const gesprekken = inCohort.flatMap(({ r, i }) => r.gesprekken.map((g) => ({ r, i, g })));
  const nietGeleid = gesprekken.filter(({ g }) => !g.leiddeTotHuisvesting);
  const gesprekLabel = labels(nietGeleid.map(({ g, i }) => ({ tekst: g.reden, persoon: i })), k);

  const gehuisvest = naHuisvesting(() => true);
  const gehuisvestRijen = rows.filter(gehuisvestIn);
  const dagen = (filter: (r: MonitoringRij) => boolean) =>
    doorlooptijd(gehuisvestRijen.filter(filter).map((r) => dagenTussen(r.aangemeldOp, r.gehuisvestOp)), k);
  const perRij: Record<string, Doorlooptijd> = {};
  for (const g of gemeenten) perRij[`GEMEENTE:${g.slug}`] = dagen((r) => r.gemeente === g.slug);
  for (const regio of REGIOS) perRij[`REGIO:${regio}`] = dagen((r) => regioVan(r) === regio);
  for (const p of partners) perRij[`PARTNER:${p}`] = dagen((r) => (r.partner ?? ZONDER_PARTNER) === p);

  const gerealiseerd = (regio: Regio, jaar: number): Cijfer => {
    const row = gehuisvest.rijen.find((x) => x.soort === 'REGIO' && x.sleutel === regio)!;
    if (gehuisvest.groepen.length > 0) return row.groepen[String(jaar)]!;
    return periode === 'JAAR' ? row.kolommen[String(jaar)]! : row.totaal;
  };

  return {
    drempel: k,
    periode,
    van,
    tot,
    perioden,
    jaren,
    aangemeld: cohort(() => true),
    nietDoelgroepRegulier: cohort((r) => r.uitkomst === 'NIET_DOELGROEP_REGULIER'),
    nietDoelgroepRegulierGehuisvest: cohort((r) => r.uitkomst === 'NIET_DOELGROEP_REGULIER' && r.reguliereHuurGelukt === true),
    nietDoelgroepAnders: metUitsplitsing(andersRijen.map(({ r, i }) => telling(r, i, r.aangemeldOp, andersLabel(r.nietDoelgroepReden)))),
    doelgroep: cohort(isDoelgroep),
    gehuisvest,
    gesprekkenGeleid: metUitsplitsing(
      gesprekken.filter(({ g }) => g.leiddeTotHuisvesting).map(({ r, i }) => telling(r, i, r.aangemeldOp, r.gehuisvestGemeente ?? ONBEKEND)),
    ),
    gesprekkenNietGeleid: metUitsplitsing(nietGeleid.map(({ r, i, g }) => telling(r, i, r.aangemeldOp, gesprekLabel(g.reden)))),
    zelfstandigNaEenJaar: naHuisvesting((r) => r.zelfstandigNa1Jaar === true),
    gemetenNaEenJaar: naHuisvesting((r) => r.zelfstandigNa1Jaar !== null),
    zelfstandigNaTweeJaar: naHuisvesting((r) => r.zelfstandigNa2Jaar === true),
    gemetenNaTweeJaar: naHuisvesting((r) => r.zelfstandigNa2Jaar !== null),
    fasenNu: bouwKubus(
      rows.map((r, i) => ({ gemeente: r.gemeente, regio: regioVan(r), partner: r.partner, kolom: r.fase, persoon: i })),
      { gemeenten, partners, kolommen: FASEN },
      k,
    ),
    doorlooptijd: {
      totaal: dagen(() => true),
      perRij,
      perPeriode: Object.fromEntries(perioden.map((p) => [p.sleutel, dagen((r) => periodeVan(periode, r.gehuisvestOp!).sleutel === p.sleutel)])),
    },
    doelen: REGIOS.flatMap((regio) =>
      jaren.map((jaar) => ({ regio, jaar, doel: JAARDOELEN[regio], gerealiseerd: gerealiseerd(regio, jaar) })),
    ),
  };
}
