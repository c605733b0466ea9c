/**
 * The corporations' rows of one demo case: an offer from every selected corporation that showed
 * interest in the overleg (under the case code), the three-party lease of the matched corporation
 * with the linked care provider, the half-yearly evaluations ("still independent" after one and two
 * years), signals, the lease's end and — for every negative end — its evaluation (seed 001, Bijlage 3).
 */
import type { HuurBeeindiging } from '../../subgraphs/regisseur/routeplanner/transitions.js';
import type { CorporatieSeedData } from '../../subgraphs/corporatie/seed.js';
import type { CorporatieSlug } from '../../schema/vocabulary.js';
import { regioOrganisatie } from './consents.js';
import { GEO, werkgebied } from './geography.js';
import { AANBOD, EVALUATIE_GOED, EVALUATIE_ZORG, NEGATIEVE_BEEINDIGING, SIGNAAL } from './texts-traject.js';
import type { DemoTraject } from './traject.js';

/** A guarantee-fund trigger: the only cases a claim may follow (seed 001 art. 7). */
export interface NegatiefEinde {
  readonly trajectId: string;
  readonly trajectCode: string;
  readonly corporatie: string;
  readonly uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' | 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN';
  readonly borgCent: number;
  /** The day the lease ended (YYYY-MM-DD). */
  readonly datum: string;
}

function kernVoor(c: DemoTraject, corporatie: CorporatieSlug): string {
  if (corporatie === c.gematcht && c.woning) return c.woning.kern;
  const gebied = werkgebied(corporatie, c.regio);
  return c.rng.pick(GEO[gebied.length > 0 ? c.rng.pick(gebied) : c.gemeente].kernen);
}

/**
 * The lease facts of a housed case, as the corporation's acts would have recorded them at the
 * routeplanner (deposit, how the lease ended): the regisseur's rows and the corporation's agree.
 */
export function huurFeitenVan(c: DemoTraject): { borgCent: number; beeindiging: HuurBeeindiging | null; einddatum: string | null } | null {
  if (c.dagen.huur === undefined || !c.gematcht || !c.gekoppeld || !c.woning) return null;
  const b = c.t.bestemming;
  const uitkomst = b.soort === 'AFGESLOTEN' ? b.uitkomst : null;
  const beeindiging =
    uitkomst === 'HUUR_BEEINDIGD_POSITIEF' ? 'POSITIEF' : uitkomst === 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' ? 'ONTRUIMD' : uitkomst === 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN' ? 'VERTROKKEN' : null;
  const einddatum = beeindiging && c.dagen.huurEinde !== undefined ? c.t.datum(c.dagen.huurEinde) : null;
  return { borgCent: c.woning.kaleHuurCent, beeindiging, einddatum };
}

/** Appends the case's corporatie rows to `into`; returns the negative end, if any. */
export function corporatieRijen(c: DemoTraject, into: CorporatieSeedData): NegatiefEinde | null {
  const d = c.dagen;
  if (d.aanbod !== undefined) {
    for (const s of c.selecties) {
      if (s.uitkomst !== 'INTERESSE') continue;
      const prijs = s.corporatie === c.gematcht && c.woning ? c.woning.kaleHuurCent : c.rng.int(45, 68) * 1000;
      into.woningaanbiedingen.push({
        id: c.rng.uuid(),
        trajectId: c.trajectId,
        corporatie: s.corporatie,
        omschrijving: c.rng.pick(AANBOD).replace('{kern}', kernVoor(c, s.corporatie)),
        kernHuurprijsCent: prijs,
        beschikbaarPer: c.t.datum(d.aanbod + c.rng.int(14, 60)),
        aangebodenOp: c.t.op(d.aanbod),
      });
    }
  }
  if (d.huur === undefined || !c.gematcht || !c.gekoppeld || !c.woning) return null;

  const { borgCent, beeindiging } = huurFeitenVan(c)!;
  into.huurovereenkomsten.push({
    trajectId: c.trajectId,
    corporatie: c.gematcht,
    zorgaanbieder: c.gekoppeld,
    contractvorm: c.rng.chance(0.8) ? 'HUURDER' : 'ZORGAANBIEDER',
    driePartijenOvereenkomst: true,
    adresWoning: c.woning.adres,
    ingangsdatum: c.t.datum(d.huur + c.rng.int(0, 10)),
    kaleHuurCent: c.woning.kaleHuurCent,
    borgCent,
    getekendOp: c.t.op(d.huur),
    beeindigdOp: beeindiging && d.huurEinde !== undefined ? c.t.datum(d.huurEinde) : null,
    beeindiging,
  });

  const negatief = beeindiging === 'ONTRUIMD' || beeindiging === 'VERTROKKEN';
  const recorders = [c.gematcht, c.gekoppeld, regioOrganisatie(c.regio)];
  d.evaluaties.forEach((dag, i) => {
    const laatsteVoorEinde = negatief && i >= d.evaluaties.length - 2;
    // Months 12 and 24: "still living independently after one / two years" (monitoring, seed 000 Bijlage 4).
    const meting = i === 1 || i === 3;
    into.evaluaties.push({
      id: c.rng.uuid(),
      trajectId: c.trajectId,
      door: recorders[i % recorders.length]!,
      datum: c.t.datum(dag),
      soort: 'HALFJAARLIJKS',
      bevindingen: c.rng.pick(laatsteVoorEinde ? EVALUATIE_ZORG : EVALUATIE_GOED),
      zelfstandigWonend: meting ? true : null,
    });
  });
  for (const dag of d.signalen) {
    into.evaluaties.push({
      id: c.rng.uuid(),
      trajectId: c.trajectId,
      door: c.rng.pick([c.gematcht, c.gekoppeld]),
      datum: c.t.datum(dag),
      soort: 'SIGNAAL',
      bevindingen: c.rng.pick(SIGNAAL),
      zelfstandigWonend: null,
    });
  }
  if (!negatief || d.huurEinde === undefined) return null;
  into.evaluaties.push({
    id: c.rng.uuid(),
    trajectId: c.trajectId,
    door: c.gematcht,
    datum: c.t.datum(d.huurEinde),
    soort: 'NEGATIEVE_BEEINDIGING',
    bevindingen: c.rng.pick(NEGATIEVE_BEEINDIGING[beeindiging]),
    zelfstandigWonend: false,
  });
  return {
    trajectId: c.trajectId,
    trajectCode: c.code,
    corporatie: c.gematcht,
    uitkomst: (beeindiging === 'ONTRUIMD' ? 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' : 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN') as NegatiefEinde['uitkomst'],
    borgCent,
    datum: c.t.datum(d.huurEinde),
  };
}
