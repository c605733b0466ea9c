/**
 * Every decision about one demo case, taken once, before any row is written: where it stands, its
 * course in time, who filed it, which corporations were selected and matched, the let home, and
 * which consents exist. The three row builders (gemeente, regisseur, corporatie) only read this, so
 * the subgraphs stay consistent with each other without ever sharing a table.
 */
import {
  GEMEENTEN,
  ZORGAANBIEDERS,
  isLaterFase,
  type CorporatieSlug,
  type GemeenteSlug,
  type Regio,
  type ZorgaanbiederSlug,
} from '../../schema/vocabulary.js';
import type { VastTraject } from './fixed-cases.js';
import { GEO, corporatiesIn, werkgebied } from './geography.js';
import { adresIn, maakPersoon, testBsn, type Persoon } from './persons.js';
import type { Rng } from './prng.js';
import {
  BEJEGENINGSADVIES,
  FINANCIEN,
  GEZONDHEID,
  HERKOMST,
  HERKOMSTEN,
  HUISHOUDEN,
  INKOMEN,
  MOBILITEIT,
  OPLEIDING,
  SOCIAAL_NETWERK,
  SOCIALE_REDZAAMHEID,
  WERK_DAGINVULLING,
  type Herkomst,
} from './texts-dossier.js';
import { UITKOMST_TOELICHTING } from './texts-traject.js';
import { maakTijdlijn, type Bestemming, type Tijdlijn } from './timeline.js';
import { kiesDagen, type Dagen } from './traject-dagen.js';

export type Melder = 'INWONER' | 'ZORGAANBIEDER' | 'GEMEENTE';
export type OverlegUitkomst = 'INTERESSE' | 'GEEN_INTERESSE';

/** How many distinct test BSNs a plan draws before it lets numbers recur (of about 90,900). */
const UNIEKE_BSNS = 80_000;

export interface Selectie {
  readonly corporatie: CorporatieSlug;
  /** Null while the Woonkans-overleg has not discussed it yet. */
  readonly uitkomst: OverlegUitkomst | null;
}

export interface Woning {
  readonly gemeente: GemeenteSlug;
  readonly kern: string;
  readonly adres: string;
  readonly kaleHuurCent: number;
}

/** Which text of each pool the case uses, so the gemeente's research and the profile tell one story. */
export interface Keuzes {
  readonly melding: number;
  readonly woonsituatie: number;
  readonly doelen: number;
  readonly conclusie: number;
  readonly gezondheid: number;
  readonly opleiding: number;
  readonly inkomen: number;
  readonly werk: number;
  readonly netwerk: number;
  readonly financien: number;
  readonly huishouden: number;
  readonly mobiliteit: number;
  readonly redzaamheid: number;
  readonly bejegening: number;
  /** Signed by a legal representative (mentor, curator) instead of the resident. */
  readonly vertegenwoordigd: boolean;
  /** Whether the hand-over consent includes health data (targeted consent may leave it out). */
  readonly overdrachtGezondheid: boolean;
  /** The outcome's explanation (closed cases); the gemeente's negative assessment uses the same words. */
  readonly uitkomstTekst: string | null;
}

/** Extras the plan hands to a few cases: a case conference, or an override awaiting review. */
export interface Extra {
  readonly casusoverleg?: 'AKKOORD' | 'AFGEWEZEN' | 'AANGEVRAAGD';
  readonly doorbreking?: 'GEMEENTE_AAN_REGISSEUR' | 'REGISSEUR_AAN_ZORGAANBIEDER' | 'VERLOPEN_ONBEOORDEELD' | 'BEOORDEELD';
}

export interface DemoTraject {
  readonly nr: number;
  readonly trajectId: string;
  readonly code: string;
  readonly betrokkene: string;
  readonly gemeente: GemeenteSlug;
  /** The region of the resident's gemeente: the case starts there. */
  readonly regioStart: Regio;
  /** The mediating region today (differs after a warm hand-over). */
  readonly regio: Regio;
  readonly herkomst: Herkomst;
  readonly persoon: Persoon;
  readonly melder: Melder;
  readonly zorgaanbieder: ZorgaanbiederSlug | null;
  readonly t: Tijdlijn;
  readonly dagen: Dagen;
  readonly keuzes: Keuzes;
  readonly selecties: readonly Selectie[];
  readonly gematcht: CorporatieSlug | null;
  readonly gekoppeld: ZorgaanbiederSlug | null;
  readonly woning: Woning | null;
  readonly vast: VastTraject | null;
  readonly extra: Extra;
  /** The rng of this case, for the row builders' text choices (same case → same texts). */
  readonly rng: Rng;
}

export interface Sleuf {
  readonly nr: number;
  readonly gemeente: GemeenteSlug;
  readonly bestemming: Bestemming;
  readonly vast?: VastTraject;
  readonly extra?: Extra;
  /** Days in the current phase, when the plan needs a long-housed case (for its extras). */
  readonly verstreken?: number;
}

/** Takes a corporation's own gemeenten first, then the rest of the region. */
function kiesCorporaties(rng: Rng, gemeente: GemeenteSlug, regio: Regio, regioStart: Regio): CorporatieSlug[] {
  const regioCorps = corporatiesIn(regio);
  const eigen = regio === regioStart ? GEO[gemeente].corporaties.filter((c) => regioCorps.includes(c)) : [];
  const n = rng.weighted([
    [1, 30],
    [2, 50],
    [3, 20],
  ]);
  const eerst = eigen.length > 0 ? [rng.pick(eigen)] : [];
  return [...eerst, ...rng.sample(regioCorps.filter((c) => !eerst.includes(c)), n - eerst.length)];
}

/** Whether the case gets past BEMIDDELING (open later, or closed from a later phase). */
function voorbijBemiddeling(b: Bestemming): boolean {
  const laatste = b.soort === 'OPEN' ? b.fase : b.sluitFase;
  return isLaterFase(laatste, 'BEMIDDELING');
}

export interface BouwOpties {
  readonly code: string;
  readonly now: Date;
  /** BSNs already handed out: a BSN is one person's. */
  readonly bsns: Set<string>;
}

export function bouwTraject(rng: Rng, sleuf: Sleuf, o: BouwOpties): DemoTraject {
  const vast = sleuf.vast ?? null;
  const b = sleuf.bestemming;
  const trajectId = rng.uuid();
  const betrokkene = vast?.betrokkene ?? `inwoner-${rng.uuid()}`;
  const regioStart = GEMEENTEN[sleuf.gemeente].regio;
  const herkomst = rng.weighted(HERKOMSTEN.map((h) => [h, { BESCHERMD_WONEN: 20, OPVANG: 25, DAKLOOS: 15, JONGERE: 20, KLINIEK: 8, DREIGEND_DAKLOOS: 12 }[h]] as const));
  // A warm hand-over happens in BEMIDDELING, before corporations are selected in the new region.
  const warm = !vast && voorbijBemiddeling(b) && rng.chance(0.05);
  const t = maakTijdlijn(rng, o.now, {
    bestemming: b,
    warmeOverdracht: warm,
    ...(vast?.duren ? { duren: vast.duren } : {}),
    ...((vast?.verstreken ?? sleuf.verstreken) !== undefined ? { verstreken: vast?.verstreken ?? sleuf.verstreken } : {}),
    ...(vast?.sindsSluiting !== undefined ? { sindsSluiting: vast.sindsSluiting } : {}),
  });

  const persoon0 = maakPersoon(rng, {
    gemeente: sleuf.gemeente,
    aangemeldOp: new Date(t.op(0)),
    jongere: herkomst === 'JONGERE',
    zonderWoning: herkomst === 'OPVANG' || herkomst === 'DAKLOOS',
  });
  let bsn = persoon0.bsn;
  // The test range holds about 90,900 numbers: beyond most of them (the scale loader's 100k and 1M
  // cases) a number recurs, as a resident with a second case would.
  while (o.bsns.has(bsn) && o.bsns.size < UNIEKE_BSNS) bsn = testBsn(rng);
  o.bsns.add(bsn);
  const persoon: Persoon = { ...persoon0, bsn };

  const melder: Melder = vast?.melding ?? rng.weighted([
    ['ZORGAANBIEDER', 55],
    ['INWONER', 25],
    ['GEMEENTE', 20],
  ]);
  const zorgaanbieder = melder === 'ZORGAANBIEDER' ? (vast?.zorgaanbieder ?? rng.pick(ZORGAANBIEDERS)) : null;
  const dagen = kiesDagen(rng, t, { warm, melder });
  const regio: Regio = dagen.warmeOverdracht !== undefined ? (regioStart === 'NOORD_LIMBURG' ? 'MIDDEN_LIMBURG' : 'NOORD_LIMBURG') : regioStart;

  // The corporation the case is heading for (matched if it gets that far) comes first in the selection.
  const gekozen = dagen.selectie !== undefined ? [...(vast?.geselecteerd ?? kiesCorporaties(rng, sleuf.gemeente, regio, regioStart))] : [];
  const gematcht = dagen.match !== undefined ? (vast?.gematcht ?? gekozen[0]!) : null;
  const uitkomst = (corporatie: CorporatieSlug, i: number): OverlegUitkomst => {
    if (gematcht) return corporatie === gematcht || (!vast && rng.chance(0.45)) ? 'INTERESSE' : 'GEEN_INTERESSE';
    return i === 0 || (!vast && rng.chance(0.45)) ? 'INTERESSE' : 'GEEN_INTERESSE';
  };
  const selecties: Selectie[] = gekozen.map((corporatie, i) => ({
    corporatie,
    uitkomst: dagen.overleg === undefined ? null : uitkomst(corporatie, i),
  }));

  let woning: Woning | null = null;
  if (gematcht) {
    const gebied = werkgebied(gematcht, regio);
    const woonGemeente = gebied.includes(sleuf.gemeente) ? sleuf.gemeente : gebied.length > 0 ? rng.pick(gebied) : sleuf.gemeente;
    const kern = rng.pick(GEO[woonGemeente].kernen);
    woning = { gemeente: woonGemeente, kern, adres: adresIn(rng, woonGemeente, kern), kaleHuurCent: rng.int(45, 68) * 1000 + rng.pick([0, 250, 500, 750]) };
  }
  const gekoppeld: ZorgaanbiederSlug | null =
    dagen.huur === undefined ? null : zorgaanbieder && rng.chance(0.8) ? zorgaanbieder : (vast?.zorgaanbieder ?? rng.pick(ZORGAANBIEDERS));

  const i = (n: number) => rng.int(0, n - 1);
  const h = HERKOMST[herkomst];
  const keuzes: Keuzes = {
    melding: i(h.melding.length),
    woonsituatie: i(h.woonsituatie.length),
    doelen: i(h.doelen.length),
    conclusie: i(h.conclusie.length),
    gezondheid: i(GEZONDHEID.length),
    opleiding: i(OPLEIDING.length),
    inkomen: i(INKOMEN.length),
    werk: i(WERK_DAGINVULLING.length),
    netwerk: i(SOCIAAL_NETWERK.length),
    financien: i(FINANCIEN.length),
    huishouden: i(HUISHOUDEN.length),
    mobiliteit: i(MOBILITEIT.length),
    redzaamheid: i(SOCIALE_REDZAAMHEID.length),
    bejegening: i(BEJEGENINGSADVIES.length),
    vertegenwoordigd: rng.chance(0.1),
    overdrachtGezondheid: vast ? true : rng.chance(0.65),
    uitkomstTekst: b.soort === 'AFGESLOTEN' ? rng.pick(UITKOMST_TOELICHTING[b.uitkomst]) : null,
  };

  return {
    nr: sleuf.nr,
    trajectId,
    code: o.code,
    betrokkene,
    gemeente: sleuf.gemeente,
    regioStart,
    regio,
    herkomst,
    persoon,
    melder,
    zorgaanbieder,
    t,
    dagen,
    keuzes,
    selecties,
    gematcht,
    gekoppeld,
    woning,
    vast,
    extra: { ...(sleuf.extra ?? {}), ...(vast?.casusoverlegAangevraagd ? { casusoverleg: 'AANGEVRAAGD' as const } : {}) },
    rng,
  };
}
