/**
 * Demo geography: the villages (kernen) and postcode areas of the 13 gemeenten, the relative size
 * of each gemeente (so Venlo has more cases than Bergen), and which corporations let homes where.
 *
 * The working areas are an ASSUMPTION for the demo, read from the seats in seed 001 (Antares in
 * Tegelen, Destion in Gennep, Nester in Reuver, Wonen Limburg and Wonen Zuid in Roermond, Woonik in
 * Nederweert, Woonwenz in Venlo, ZOwonen in Sittard) — not an official map of housing stock.
 */
import { CORPORATIES, GEMEENTEN, type CorporatieSlug, type GemeenteSlug, type Regio } from '../../schema/vocabulary.js';

export interface GemeenteGeo {
  /** Villages, the first one the main village. */
  readonly kernen: readonly string[];
  /** Four-digit postcode areas used in the demo addresses. */
  readonly postcodes: readonly number[];
  /** Rough relative size (thousands of inhabitants), the weight for spreading cases. */
  readonly gewicht: number;
  /** Corporations with homes here (demo assumption, see above). */
  readonly corporaties: readonly CorporatieSlug[];
}

export const GEO: Readonly<Record<GemeenteSlug, GemeenteGeo>> = {
  venlo: { kernen: ['Venlo', 'Blerick', 'Tegelen', 'Belfeld', 'Arcen'], postcodes: [5911, 5912, 5914, 5921, 5923, 5931], gewicht: 102, corporaties: ['woonwenz', 'antares', 'wonen-limburg'] },
  venray: { kernen: ['Venray', 'Oostrum', 'Ysselsteyn', 'Oirlo'], postcodes: [5801, 5802, 5803, 5807], gewicht: 44, corporaties: ['antares', 'wonen-limburg'] },
  'horst-aan-de-maas': { kernen: ['Horst', 'America', 'Sevenum', 'Grubbenvorst'], postcodes: [5961, 5962, 5975, 5971], gewicht: 42, corporaties: ['wonen-limburg', 'antares'] },
  'peel-en-maas': { kernen: ['Panningen', 'Helden', 'Maasbree', 'Baarlo', 'Kessel'], postcodes: [5981, 5988, 5993, 5991], gewicht: 44, corporaties: ['wonen-limburg', 'nester'] },
  beesel: { kernen: ['Reuver', 'Beesel', 'Offenbeek'], postcodes: [5953, 5954], gewicht: 13, corporaties: ['nester', 'wonen-limburg'] },
  bergen: { kernen: ['Bergen', 'Nieuw-Bergen', 'Well', 'Afferden'], postcodes: [5854, 5855, 5856], gewicht: 13, corporaties: ['destion', 'wonen-limburg'] },
  roermond: { kernen: ['Roermond', 'Herten', 'Swalmen', 'Asenray'], postcodes: [6041, 6042, 6043, 6045], gewicht: 59, corporaties: ['wonen-zuid', 'wonen-limburg'] },
  weert: { kernen: ['Weert', 'Stramproy', 'Altweerterheide'], postcodes: [6001, 6002, 6003, 6006], gewicht: 50, corporaties: ['woonik', 'wonen-limburg'] },
  leudal: { kernen: ['Heythuysen', 'Haelen', 'Horn', 'Baexem', 'Roggel'], postcodes: [6093, 6081, 6085, 6095], gewicht: 36, corporaties: ['wonen-limburg', 'wonen-zuid'] },
  'echt-susteren': { kernen: ['Echt', 'Susteren', 'Pey', 'Koningsbosch'], postcodes: [6101, 6102, 6114], gewicht: 32, corporaties: ['zowonen', 'wonen-limburg'] },
  maasgouw: { kernen: ['Maasbracht', 'Thorn', 'Wessem', 'Linne'], postcodes: [6051, 6017, 6019], gewicht: 24, corporaties: ['wonen-limburg', 'wonen-zuid'] },
  nederweert: { kernen: ['Nederweert', 'Ospel', 'Leveroy', 'Nederweert-Eind'], postcodes: [6031, 6034, 6035], gewicht: 17, corporaties: ['woonik', 'wonen-limburg'] },
  roerdalen: { kernen: ['Sint Odiliënberg', 'Melick', 'Herkenbosch', 'Vlodrop'], postcodes: [6077, 6074, 6075], gewicht: 21, corporaties: ['wonen-zuid', 'wonen-limburg'] },
};

export const GEMEENTE_SLUGS = Object.keys(GEMEENTEN) as GemeenteSlug[];

export function gemeentenIn(regio: Regio): GemeenteSlug[] {
  return GEMEENTE_SLUGS.filter((g) => GEMEENTEN[g].regio === regio);
}

/** Corporations with homes somewhere in the region (the selection is made "in the chosen area"). */
export function corporatiesIn(regio: Regio): CorporatieSlug[] {
  const set = new Set(gemeentenIn(regio).flatMap((g) => GEO[g].corporaties));
  return CORPORATIES.filter((c) => set.has(c));
}

/** The gemeenten of a region where a corporation has homes (for the address of the let home). */
export function werkgebied(corporatie: CorporatieSlug, regio: Regio): GemeenteSlug[] {
  return gemeentenIn(regio).filter((g) => GEO[g].corporaties.includes(corporatie));
}

/** A small list of common street names: any match with a real address is a coincidence. */
export const STRATEN = [
  'Kerkstraat',
  'Molenweg',
  'Dorpsstraat',
  'Schoolstraat',
  'Julianastraat',
  'Beatrixlaan',
  'Lindelaan',
  'Eikenlaan',
  'Parallelweg',
  'Stationsstraat',
  'Kastanjelaan',
  'Maasstraat',
  'Burgemeester Janssenstraat',
  'Pastoorstraat',
  'Hoogstraat',
  'Veldweg',
] as const;
