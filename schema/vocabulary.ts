/**
 * The shared vocabulary of Woonkans: parties, phases, data categories, legal bases, purposes and the
 * participating organisations. Every subgraph, the gateway and the policy speak these words; they are
 * also the GraphQL enums of the public contract (DESIGN §6), generated from these lists so the two can
 * never drift apart.
 */

export const PARTIJEN = [
  'INWONER',
  'ZORGAANBIEDER',
  'GEMEENTE',
  'REGISSEUR',
  'CORPORATIE',
  'GARANTIEFONDS',
  'WERKGROEP',
  'TOEZICHT',
] as const;
export type Partij = (typeof PARTIJEN)[number];

/** The routeplanner's phases, in the only order a case may move through them. */
export const FASEN = [
  'MELDING',
  'ONDERZOEK',
  'BEMIDDELING',
  'CORPORATIEGESPREK',
  'HUUROVEREENKOMST',
  'GEHUISVEST',
  'AFGESLOTEN',
] as const;
export type Fase = (typeof FASEN)[number];

export const LEVENSDOMEINEN = [
  'OPLEIDING',
  'WERK_DAGINVULLING',
  'INKOMEN',
  'SOCIAAL_NETWERK',
  'WOONSITUATIE',
  'FINANCIEN',
  'HUISHOUDEN',
  'MOBILITEIT',
  'SOCIALE_REDZAAMHEID',
] as const;

/**
 * Data categories (DESIGN §3b). Five are added to the design's list, each for a reason:
 * - TRAJECT: that a case exists, under its code, in its phase, region and gemeente. Every cell of the
 *   table grants it: a relation in a phase means the party knows of the case (DESIGN §6), and nothing
 *   else does. Declaring it makes existence a decision (and an access record) like any value.
 * - VERLOOP: the course of the file — its transitions, the feedback to the Wmo-consulent, the consent
 *   register and case conferences. Only those who keep the file (the resident's gemeente, the region's
 *   regisseur while it mediates) and the resident read it: history must not tell what the present hides.
 * - PLAATSING: "the chosen corporation and date" that the gemeente gets as feedback from the lease
 *   phase on; without it the gemeente would need HUUR, which is more than it needs.
 * - EVALUATIE: the half-yearly evaluations and signals after housing ("same + evaluations").
 * - UITKOMST: the outcome of a closed case ("outcome only" for the regisseur in AFGESLOTEN).
 */
export const GEGEVENSCATEGORIEEN = [
  'TRAJECT',
  'VERLOOP',
  'IDENTITEIT',
  'CONTACT',
  'GEBOORTEDATUM',
  'GESLACHT',
  'BSN',
  ...LEVENSDOMEINEN,
  'GEZONDHEID',
  'DOCUMENTEN',
  'PROFIEL',
  'BEJEGENINGSADVIES',
  'HUUR',
  'PLAATSING',
  'EVALUATIE',
  'UITKOMST',
  'FONDS',
  /**
   * The access log itself: who processed which categories of a person's data, when, on which basis,
   * and (in `audit`) which employee. Read by the privacy officer (oversight) and by the resident over
   * their own cases (AVG art. 15); those reads are logged in turn (`subgraphs/common/logboek/lezingen.ts`).
   */
  'LOGBOEK',
] as const;
export type Gegevenscategorie = (typeof GEGEVENSCATEGORIEEN)[number];

/** Special categories of personal data (AVG art. 9): never on a basis alone outside the owner's file. */
export const BIJZONDERE_CATEGORIEEN: readonly Gegevenscategorie[] = ['GEZONDHEID'];

/** Legal bases (grondslagen) a processing can rest on. */
export const GRONDSLAGEN = [
  /** Wmo 2015 art. 2.3.2, public task (AVG 6.1.e). */
  'WMO_PUBLIEKE_TAAK',
  /** Wmo 2015 art. 5.1.1 with AVG 9.2 a/i: health data in the Wmo research. */
  'WMO_GEZONDHEID',
  /** AVG 6.1.a / 9.2.a: the resident's explicit, targeted consent. */
  'TOESTEMMING',
  /** AVG 6.1.b: performing a (lease, care or cooperation) agreement. */
  'OVEREENKOMST',
  /** AVG 6.1.c: a legal duty (e.g. accountability, retention). */
  'WETTELIJKE_PLICHT',
  /** AVG art. 15: the resident's own right of access. */
  'INZAGERECHT',
  /** Conflict van plichten: shared without consent after the six criteria were recorded. */
  'CONFLICT_VAN_PLICHTEN',
] as const;
export type Grondslag = (typeof GRONDSLAGEN)[number];

/** Purposes (doelen), one per step of the routeplanner plus the system's own. */
export const DOELEN = [
  /** Step 2–3: appropriate care and support, deciding whether Woonkans fits. */
  'PASSENDE_ONDERSTEUNING',
  /** Step 4: a good match between the resident's needs and the corporations' offer. */
  'MATCH_BEMIDDELING',
  /** Step 5: find a suitable home. */
  'PASSENDE_WONING',
  /** Step 6: conclude the (three-party) lease. */
  'HUUROVEREENKOMST_SLUITEN',
  /** After housing: lasting, independent housing. */
  'DUURZAAM_WONEN',
  /** Guarantee fund: settle claims after a negative end. */
  'GARANTIEFONDS_AFWIKKELING',
  /** The resident's own access (AVG art. 15). */
  'INZAGE',
  /** Oversight: the privacy officer monitors compliance (AVG art. 39.1.b) and accounts for it (art. 5.2). */
  'TOEZICHT',
] as const;
export type Doel = (typeof DOELEN)[number];

/** Who signs a consent or a support plan: the resident, or the resident's legal representative. */
export const ONDERTEKENAARS = ['INWONER', 'WETTELIJK_VERTEGENWOORDIGER'] as const;
export type Ondertekenaar = (typeof ONDERTEKENAARS)[number];

export const REGIOS = ['NOORD_LIMBURG', 'MIDDEN_LIMBURG'] as const;
export type Regio = (typeof REGIOS)[number];

/** The 13 participating gemeenten, by the slug used in the `gemeente` claim. */
export const GEMEENTEN = {
  beesel: { naam: 'Beesel', regio: 'NOORD_LIMBURG' },
  bergen: { naam: 'Bergen', regio: 'NOORD_LIMBURG' },
  'horst-aan-de-maas': { naam: 'Horst aan de Maas', regio: 'NOORD_LIMBURG' },
  'peel-en-maas': { naam: 'Peel en Maas', regio: 'NOORD_LIMBURG' },
  venlo: { naam: 'Venlo', regio: 'NOORD_LIMBURG' },
  venray: { naam: 'Venray', regio: 'NOORD_LIMBURG' },
  'echt-susteren': { naam: 'Echt-Susteren', regio: 'MIDDEN_LIMBURG' },
  leudal: { naam: 'Leudal', regio: 'MIDDEN_LIMBURG' },
  maasgouw: { naam: 'Maasgouw', regio: 'MIDDEN_LIMBURG' },
  nederweert: { naam: 'Nederweert', regio: 'MIDDEN_LIMBURG' },
  roerdalen: { naam: 'Roerdalen', regio: 'MIDDEN_LIMBURG' },
  roermond: { naam: 'Roermond', regio: 'MIDDEN_LIMBURG' },
  weert: { naam: 'Weert', regio: 'MIDDEN_LIMBURG' },
} as const satisfies Record<string, { naam: string; regio: Regio }>;
export type GemeenteSlug = keyof typeof GEMEENTEN;

/** The 8 housing corporations, by organisation slug. */
export const CORPORATIES = [
  'antares',
  'destion',
  'nester',
  'wonen-limburg',
  'wonen-zuid',
  'woonik',
  'woonwenz',
  'zowonen',
] as const;
export type CorporatieSlug = (typeof CORPORATIES)[number];

/** The care and welfare partners of the agreement, by organisation slug. */
export const ZORGAANBIEDERS = [
  'leger-des-heils',
  'met-ggz',
  'vincent-van-gogh',
  'moveoo',
  'care-plus',
  'rubicon',
  'synthese',
  'dichterbij',
  'koraal',
  'mondriaan',
  'levanto',
  'startpunt',
  'impuls',
  'wel-zijn',
  'proteion',
  'pgb-limburg',
  'xonar',
  'ggz-noord-limburg',
] as const;
export type ZorgaanbiederSlug = (typeof ZORGAANBIEDERS)[number];

/** What is wrong with a care provider a partner names, with the names it may use; null when known. */
export function onbekendeZorgaanbieder(naam: string | null | undefined): string | null {
  if (naam && (ZORGAANBIEDERS as readonly string[]).includes(naam)) return null;
  return `onbekende zorgaanbieder ${JSON.stringify(naam ?? '')} (kies uit: ${ZORGAANBIEDERS.join(', ')})`;
}

/** The organisation a gemeente's tokens carry (`organisatie` claim), from its slug. */
export const gemeenteOrganisatie = (gemeente: string): string => `gemeente-${gemeente}`;

export function regioVanGemeente(gemeente: string): Regio | undefined {
  return (GEMEENTEN as Record<string, { regio: Regio }>)[gemeente]?.regio;
}

export function isLaterFase(a: Fase, b: Fase): boolean {
  return FASEN.indexOf(a) > FASEN.indexOf(b);
}
