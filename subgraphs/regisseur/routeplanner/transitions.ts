/**
 * The routeplanner as a table: which act moves a case from which phase to which, who may perform
 * it, and which facts must hold first. The phase only ever moves forward, by a recorded act.
 */
import type { Fase, Partij } from '../../../schema/vocabulary.js';

export const HANDELINGEN = [
  'ONDERZOEK_GESTART',
  'OVERGEDRAGEN',
  'PROFIEL_AFGEROND',
  'MATCH_AFGESPROKEN',
  'HUUROVEREENKOMST_GETEKEND',
  'AFGESLOTEN',
] as const;
export type Handeling = (typeof HANDELINGEN)[number];

/** Facts recorded by the responsible party that a transition may require. */
export type Feit = 'ONDERSTEUNINGSPLAN_ONDERTEKEND' | 'DOELGROEP_BEOORDEELD';

/** Preconditions that the routeplanner checks from its own tables. */
export type Voorwaarde =
  | Feit
  | 'OVERDRACHT_TOESTEMMING'
  | 'PROFIEL_COMPLEET'
  | 'CORPORATIE_GESELECTEERD'
  | 'CORPORATIE_GEINTERESSEERD'
  | 'ZORGAANBIEDER_GEKOPPELD';

export interface Overgang {
  readonly van: readonly Fase[];
  readonly naar: Fase;
  readonly door: readonly Partij[];
  readonly voorwaarden: readonly Voorwaarde[];
}

export const OVERGANGEN: { readonly [H in Handeling]: Overgang } = {
  ONDERZOEK_GESTART: { van: ['MELDING'], naar: 'ONDERZOEK', door: ['GEMEENTE'], voorwaarden: [] },
  // Signing the ondersteuningsplan is the resident's agreement to mediation; the hand-over consent
  // is what gives the regisseur a relation to the case at all.
  OVERGEDRAGEN: {
    van: ['ONDERZOEK'],
    naar: 'BEMIDDELING',
    door: ['GEMEENTE'],
    voorwaarden: ['DOELGROEP_BEOORDEELD', 'ONDERSTEUNINGSPLAN_ONDERTEKEND', 'OVERDRACHT_TOESTEMMING'],
  },
  PROFIEL_AFGEROND: {
    van: ['BEMIDDELING'],
    naar: 'CORPORATIEGESPREK',
    door: ['REGISSEUR'],
    voorwaarden: ['PROFIEL_COMPLEET', 'CORPORATIE_GESELECTEERD'],
  },
  MATCH_AFGESPROKEN: {
    van: ['CORPORATIEGESPREK'],
    naar: 'HUUROVEREENKOMST',
    door: ['REGISSEUR'],
    voorwaarden: ['CORPORATIE_GEINTERESSEERD'],
  },
  HUUROVEREENKOMST_GETEKEND: {
    van: ['HUUROVEREENKOMST'],
    naar: 'GEHUISVEST',
    door: ['CORPORATIE'],
    voorwaarden: ['ZORGAANBIEDER_GEKOPPELD'],
  },
  // Before the hand-over the case is the gemeente's Wmo file, so the gemeente closes it; after, the regisseur.
  AFGESLOTEN: {
    van: ['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST'],
    naar: 'AFGESLOTEN',
    door: ['GEMEENTE', 'REGISSEUR'],
    voorwaarden: [],
  },
};

export const UITKOMSTEN = [
  'NIET_DOELGROEP_REGULIER',
  'NIET_DOELGROEP_ANDERS',
  'TERUGGETROKKEN',
  'GEHUISVEST',
  'HUUR_BEEINDIGD_POSITIEF',
  'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD',
  'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN',
] as const;
export type Uitkomst = (typeof UITKOMSTEN)[number];

/** Which outcomes a case can close with from which phase. */
export function uitkomstToegestaan(uitkomst: Uitkomst, fase: Fase): boolean {
  switch (uitkomst) {
    case 'NIET_DOELGROEP_REGULIER':
    case 'NIET_DOELGROEP_ANDERS':
      return fase === 'MELDING' || fase === 'ONDERZOEK';
    case 'TERUGGETROKKEN':
      return fase !== 'GEHUISVEST';
    case 'GEHUISVEST':
    case 'HUUR_BEEINDIGD_POSITIEF':
    case 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD':
    case 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN':
      return fase === 'GEHUISVEST';
  }
}

/** Who closes: the gemeente before the hand-over, the regisseur after it. */
export function sluiterVan(fase: Fase): Partij {
  return fase === 'MELDING' || fase === 'ONDERZOEK' ? 'GEMEENTE' : 'REGISSEUR';
}
