/**
 * The Werkgroep's monitoring figures (seed 000 Bijlage 4, DESIGN §3), computed from plain case-level
 * rows that each subgraph passes in. The subgraphs compute at the source; this is the one shared, pure
 * computation they call, so every subgraph counts, dates and suppresses the same way.
 *
 * ## How figures are released so that they cannot be differenced
 *
 * The method is the standard one for linked tables in statistical disclosure control — primary and
 * secondary (complementary) cell suppression over *all* tables that share cells, with fixed
 * publication classes (Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, §4.2–4.4 and
 * §5.2; the CBS/Eurostat *Handbook on Statistical Disclosure Control* v2.0, ch. 4 "Magnitude and
 * frequency tables": linked tables must be protected jointly, and "the safest way is to publish only
 * predefined tables"):
 *
 * 1. **A fixed release, not answers to questions.** For every calendar year and every measure there is
 *    one table: rows for every gemeente (where the measure is published per gemeente), both regio's and
 *    the total; columns for the 12 months, the 4 quarters, the 2 half-years and the year. That table is
 *    suppressed once, as one linked system (`kubus.ts`, `suppression.ts`: primary suppression of 1 …
 *    k-1, then complements until `derivability.ts` finds no hidden cell that can be computed from the
 *    shown ones). It depends on the data only, never on what was asked.
 * 2. **Aligned periods only.** A request may name only calendar months, quarters, half-years or years
 *    on their fixed boundaries (`verzoek.ts`), so every period figure the API returns is a cell of that
 *    year's table — the same cell, shown or hidden, whoever asks and whatever else they asked.
 * 3. **Ranges add nothing.** A figure over a range of whole years (or the one period asked) is the sum
 *    of cells of those tables; it is shown only when every part is shown (`dashboard-view.ts`). A
 *    caller could add those parts up themselves, so a range reveals nothing the tables do not.
 * 4. **Links between tables are in the system.** The only exact link between the dashboard's tables is
 *    through all-time sums: the phases now (`fasenNu`, a snapshot over all cases) add up to the sum of
 *    every year's registrations, and BEMIDDELING + CORPORATIEGESPREK + HUUROVEREENKOMST equals all
 *    eligible minus all housed. Those two sums are entered in the phase table as public entries, so its
 *    complements are chosen knowing that an attacker has them. Every other pair of tables counts
 *    different people (eligible, not eligible, withdrawn are disjoint outcomes) or dates them by a
 *    different event (registration vs housing), so no released figure is a sum or difference of others.
 *
 * Why this was needed: before, each request [van, tot) was suppressed on its own. Each answer was safe,
 * but two answers a month apart were two different suppressions of overlapping data, and their
 * difference was exactly the hidden month (Venlo, February 2024: 70 − 69 = 1). `derivability.ts` could
 * not see it: it audits one system at a time, and the two ranges were two systems. Test:
 * `subgraphs/regisseur/monitoring/disclosure.test.ts` searches every released figure over the demo data
 * for such combinations (and finds the old leak when pointed at the old method).
 *
 * Counting rules (decisions, documented here because the seed leaves them open):
 * - **Which date places a case in a period.** Registration and what follows from the intake (not
 *   eligible, eligible, conversations) count in the period of `aangemeldOp` (a registration cohort).
 *   Housing, the waiting time, the targets and "still independent after 1/2 years" count in the period
 *   of `gehuisvestOp`.
 * - **Eligible (doelgroep)** = housed or lease ended, or still open in BEMIDDELING or a later phase (the
 *   ondersteuningsplan was signed). Withdrawn cases are not counted as eligible: the row does not say
 *   whether they got that far.
 * - **Regio** is the regio of the gemeente in the vocabulary, so gemeenten always add up to their regio;
 *   the row's own `regio` is used only for a gemeente outside the vocabulary.
 * - **Targets** (120 Noord-Limburg, 100 Midden-Limburg) are per calendar year and are not pro-rated: a
 *   quarter shows a quarter of housing against the full-year target.
 * - **Reasons** given as free text that occur for fewer than `drempel` people over all data are merged
 *   into "Overige redenen", so a rare (possibly identifying) text is never shown as a label; the labels
 *   are the same for every year, so years and ranges add up.
 * - **Phases now** is a snapshot of all rows passed in, whatever the range.
 * - **Waiting time** in whole days, percentiles by linear interpolation, rounded; hidden when fewer than
 *   `drempel` people are behind it.
 */
import { FASEN, GEMEENTEN, REGIOS, regioVanGemeente, type Fase, type Regio } from '../vocabulary.js';
import { bouwKubus, rij, type Kubus } from './kubus.js';
import { dagenTussen, isoDatum, periodeVan, perioden } from './periods.js';
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

/** Homes a year per regio (DESIGN §1), per calendar year, never pro-rated. */
export const JAARDOELEN: Readonly<Record<Regio, number>> = { NOORD_LIMBURG: 120, MIDDEN_LIMBURG: 100 };

/** The label for reasons that occur too rarely to show. */
export const OVERIGE_REDENEN = 'Overige redenen';
/** The label for a missing reason. */
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

/** Waiting time from registration to housing, in days. */
export interface Doorlooptijd {
  mediaanDagen: number | null;
  p25Dagen: number | null;
  p75Dagen: number | null;
  onderdrukt: boolean;
}

const DOELGROEP_UITKOMSTEN: readonly (Uitkomst | null)[] = ['GEHUISVEST', 'HUUR_BEEINDIGD_POSITIEF', 'HUUR_BEEINDIGD_NEGATIEF'];
const NA_ONDERZOEK: readonly Fase[] = FASEN.slice(FASEN.indexOf('BEMIDDELING'));

function isDoelgroep(r: MonitoringRij): boolean {
  if (r.gehuisvestOp !== null || DOELGROEP_UITKOMSTEN.includes(r.uitkomst)) return true;
  return r.uitkomst === null && NA_ONDERZOEK.includes(r.fase);
}

/** One measure: which units of a case it counts, and the date that places them in a period. */
export interface Maat {
  /** The date of the case that places its units in a period; null: not counted. */
  readonly datum: (r: MonitoringRij) => string | null;
  /** The units counted for a case: one per case, or one per conversation; `reden` for the breakdown. */
  readonly eenheden: (r: MonitoringRij) => readonly { readonly reden?: string | null }[];
  /** Published per gemeente as well as per regio. */
  readonly perGemeente: boolean;
  /** Published with a breakdown by reason. */
  readonly metRedenen: boolean;
}

const perTraject = (telt: (r: MonitoringRij) => boolean, perGemeente = false) =>
  ({ datum: (r: MonitoringRij) => r.aangemeldOp, eenheden: (r: MonitoringRij) => (telt(r) ? [{}] : []), perGemeente, metRedenen: false }) satisfies Maat;
const naHuisvesting = (telt: (r: MonitoringRij) => boolean, perGemeente = false) =>
  ({ datum: (r: MonitoringRij) => r.gehuisvestOp, eenheden: (r: MonitoringRij) => (telt(r) ? [{}] : []), perGemeente, metRedenen: false }) satisfies Maat;

/** Every published count measure. The disclosure test's oracle reads the same definitions. */
export const MATEN = {
  aangemeld: perTraject(() => true, true),
  doelgroep: perTraject(isDoelgroep),
  nietDoelgroepRegulier: perTraject((r) => r.uitkomst === 'NIET_DOELGROEP_REGULIER'),
  nietDoelgroepAnders: perTraject((r) => r.uitkomst === 'NIET_DOELGROEP_ANDERS'),
  gehuisvest: naHuisvesting(() => true, true),
  zelfstandigNaEenJaar: naHuisvesting((r) => r.zelfstandigNa1Jaar === true),
  zelfstandigNaTweeJaar: naHuisvesting((r) => r.zelfstandigNa2Jaar === true),
  gesprekkenGeleid: {
    datum: (r) => r.aangemeldOp,
    eenheden: (r) => r.gesprekken.filter((g) => g.leiddeTotHuisvesting).map(() => ({})),
    perGemeente: false,
    metRedenen: false,
  },
  gesprekkenNietGeleid: {
    datum: (r) => r.aangemeldOp,
    eenheden: (r) => r.gesprekken.filter((g) => !g.leiddeTotHuisvesting).map((g) => ({ reden: g.reden })),
    perGemeente: false,
    metRedenen: true,
  },
} as const satisfies Record<string, Maat>;
export type MaatNaam = keyof typeof MATEN;

/** One calendar year of the release: per measure, the suppressed table over every period of the year. */
export type Jaarcijfers = Readonly<Record<MaatNaam, Kubus>>;

/** The phase-table columns an attacker can compute from other tables (see point 4 above). */
export const ALLE_FASEN = 'alle';
export const BEMIDDELING_TOT_HUUR = 'BEMIDDELING+CORPORATIEGESPREK+HUUROVEREENKOMST';

/** All figures of one data set, computed lazily and kept: the release the API selects from. */
export interface Monitoringrekenaar {
  readonly drempel: number;
  /** Every gemeente row, in order (the vocabulary's, then any unknown ones in the data). */
  readonly gemeenten: readonly { readonly slug: string; readonly regio: Regio }[];
  /** The reason labels of `gesprekkenNietGeleid`, the same for every year. */
  readonly redenen: readonly string[];
  /** The label a reason text is counted under. */
  label(tekst: string | null): string;
  /** The regio a case counts in. */
  regioVan(r: MonitoringRij): Regio;
  /** The year's tables, suppressed once and kept. */
  jaar(jaar: number): Jaarcijfers;
  /** Cases per phase now, for both regio's and the total. */
  fasenNu(): Kubus;
  /** Waiting time of those housed in [van, tot), in one regio or both. */
  doorlooptijd(van: string, tot: string, regio: Regio | null): Doorlooptijd;
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

const laatst = (a: string): boolean => a === ONBEKEND || a === OVERIGE_REDENEN;

/** Makes the release for these rows. Pure; every table is computed on first use and then kept. */
export function maakRekenaar(rows: readonly MonitoringRij[], drempel = DEFAULT_THRESHOLD): Monitoringrekenaar {
  const k = drempel;
  const regioVan = (r: MonitoringRij): Regio => regioVanGemeente(r.gemeente) ?? r.regio;
  const bekend = Object.entries(GEMEENTEN).map(([slug, g]) => ({ slug, regio: g.regio as Regio }));
  const onbekend = [...new Set(rows.map((r) => r.gemeente).filter((g) => !regioVanGemeente(g)))].sort();
  const gemeenten = [...bekend, ...onbekend.map((slug) => ({ slug, regio: rows.find((r) => r.gemeente === slug)!.regio }))];

  const teksten = rows.flatMap((r, persoon) => MATEN.gesprekkenNietGeleid.eenheden(r).map((e) => ({ tekst: e.reden ?? null, persoon })));
  const label = labels(teksten, k);
  const redenen = [...new Set(teksten.map((t) => label(t.tekst)))].sort((a, b) =>
    laatst(a) !== laatst(b) ? Number(laatst(a)) - Number(laatst(b)) : a.localeCompare(b, 'nl'),
  );

  /** Per year and measure, cells hidden as complements for the links across years (below). */
  const extra = new Map<string, { rij: string; kolom: string }[]>();
  // A release reads every case's dates once per measure and year (nine measures, every data year):
  // each date's month is worked out once, not per measure (there are about a thousand dates).
  const maanden = new Map<string, string>();
  const maandVan = (datum: string): string => {
    let kolom = maanden.get(datum);
    if (kolom === undefined) maanden.set(datum, (kolom = periodeVan('MAAND', datum).sleutel));
    return kolom;
  };
  const regios = rows.map(regioVan);
  // Per measure, its cases by the year of its date: a year's table reads only that year's cases.
  const perJaar = new Map<Maat, Map<number, number[]>>();
  const gevallenIn = (maat: Maat, jaar: number): readonly number[] => {
    let jaren = perJaar.get(maat);
    if (!jaren) {
      perJaar.set(maat, (jaren = new Map()));
      rows.forEach((r, i) => {
        const datum = maat.datum(r);
        if (datum === null) return;
        const j = Number(datum.slice(0, 4));
        const lijst = jaren!.get(j);
        if (lijst) lijst.push(i);
        else jaren!.set(j, [i]);
      });
    }
    return jaren.get(jaar) ?? [];
  };
  const kubus = (maat: Maat, naam: MaatNaam, jaar: number): Kubus => {
    const alle = perioden(jaar);
    return bouwKubus(
      gevallenIn(maat, jaar).flatMap((persoon) => {
        const r = rows[persoon]!;
        const kolom = maandVan(maat.datum(r)!);
        return maat.eenheden(r).map((e) => ({
          gemeente: r.gemeente,
          regio: regios[persoon]!,
          kolom,
          persoon,
          ...(maat.metRedenen ? { uitsplitsing: label(e.reden ?? null) } : {}),
        }));
      }),
      {
        kolommen: alle.filter((p) => p.leden.length === 0).map((p) => p.periode.sleutel),
        totalen: alle.filter((p) => p.leden.length > 0).map((p) => ({ sleutel: p.periode.sleutel, leden: p.leden })),
        verborgen: extra.get(`${jaar}|${naam}`) ?? [],
        ...(maat.perGemeente ? { gemeenten } : {}),
        ...(maat.metRedenen ? { uitsplitsingen: redenen } : {}),
      },
      k,
    );
  };
  const berekenJaar = (jaar: number): Jaarcijfers =>
    Object.fromEntries(Object.entries(MATEN).map(([naam, maat]) => [naam, kubus(maat, naam as MaatNaam, jaar)])) as Jaarcijfers;

  const jaren = new Map<number, Jaarcijfers>();
  const dataJaren = [...new Set(rows.flatMap((r) => [r.aangemeldOp, r.gehuisvestOp ?? r.aangemeldOp]).map((d) => Number(d.slice(0, 4))))].sort();
  let gekoppeld = false;
  /**
   * The links across years (point 4 above): per regio and for the total, the years' registrations add
   * up to the phases now, and the years' eligible minus the years' housed to three of the phases. So
   * the year cells of those measures form one more line each, across all years; like any line, it may
   * not hold exactly one hidden cell. The complement is the smallest shown year cell on the line, and
   * that year's table is suppressed again with it hidden, so it cannot be recomputed inside its year.
   */
  const koppelJaren = (): void => {
    for (const jaar of dataJaren) jaren.set(jaar, berekenJaar(jaar));
    const lijnen: MaatNaam[][] = [['aangemeld'], ['doelgroep', 'gehuisvest']];
    const rijen = [...REGIOS.map((r) => ({ soort: 'REGIO' as const, sleutel: r as string })), { soort: 'TOTAAL' as const, sleutel: 'totaal' }];
    for (let changed = true; changed; ) {
      changed = false;
      for (const lijn of lijnen) {
        for (const r of rijen) {
          const leden = lijn.flatMap((naam) =>
            dataJaren.map((jaar) => ({ naam, jaar, cijfer: rij(jaren.get(jaar)![naam], r.soort, r.sleutel).kolommen[String(jaar)]! })),
          );
          if (leden.filter((l) => l.cijfer.onderdrukt).length !== 1) continue;
          const keuze = leden
            .filter((l) => !l.cijfer.onderdrukt)
            .sort((a, b) => Number(a.cijfer.waarde === 0) - Number(b.cijfer.waarde === 0) || a.cijfer.waarde! - b.cijfer.waarde!)[0];
          if (!keuze) continue;
          const sleutel = `${keuze.jaar}|${keuze.naam}`;
          extra.set(sleutel, [...(extra.get(sleutel) ?? []), { rij: r.sleutel, kolom: String(keuze.jaar) }]);
          jaren.set(keuze.jaar, { ...jaren.get(keuze.jaar)!, [keuze.naam]: kubus(MATEN[keuze.naam], keuze.naam, keuze.jaar) });
          changed = true;
        }
      }
    }
    gekoppeld = true;
  };

  let fasen: Kubus | undefined;
  // Everyone housed, with the waiting time, once per release: a question only selects from it
  // (reading every row's dates per question took half a second at 100k cases).
  let gehuisvest: readonly { readonly op: string; readonly regio: Regio; readonly dagen: number }[] | undefined;
  return {
    drempel: k,
    gemeenten,
    redenen,
    label,
    regioVan,
    jaar(jaar) {
      if (!gekoppeld && dataJaren.includes(jaar)) koppelJaren();
      let cijfers = jaren.get(jaar);
      // A year without data: all zeros, nothing hidden, so it takes part in no link.
      if (!cijfers) jaren.set(jaar, (cijfers = berekenJaar(jaar)));
      return cijfers;
    },
    fasenNu() {
      fasen ??= bouwKubus(
        rows.map((r, persoon) => ({ gemeente: r.gemeente, regio: regioVan(r), kolom: r.fase, persoon })),
        {
          kolommen: FASEN,
          totalen: [
            { sleutel: ALLE_FASEN, leden: FASEN },
            { sleutel: BEMIDDELING_TOT_HUUR, leden: ['BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST'] },
          ],
          openbaar: [ALLE_FASEN, BEMIDDELING_TOT_HUUR],
        },
        k,
      );
      return fasen;
    },
    doorlooptijd(van, tot, regio) {
      gehuisvest ??= rows.flatMap((r) =>
        r.gehuisvestOp !== null ? [{ op: isoDatum(r.gehuisvestOp), regio: regioVan(r), dagen: dagenTussen(r.aangemeldOp, r.gehuisvestOp) }] : [],
      );
      const [vanaf, totAan] = [isoDatum(van), isoDatum(tot)];
      const dagen = gehuisvest.flatMap((h) => (h.op >= vanaf && h.op < totAan && (regio === null || h.regio === regio) ? [h.dagen] : []));
      return doorlooptijd(dagen, k);
    },
  };
}
