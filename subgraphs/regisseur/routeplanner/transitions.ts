/**
 * The routeplanner as a table: which act moves a case from which phase to which, and which facts
 * must hold first. The phase only ever moves forward, by a recorded act. Who may perform each act
 * is the acts table's (`schema/acts.ts`), under the mutation named in `HANDELING_ACT`.
 */
import type { ActNaam } from '../../../schema/acts.js';
import type { Fase } from '../../../schema/vocabulary.js';

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
  readonly voorwaarden: readonly Voorwaarde[];
}

/** The mutation whose row in the acts table authorises each transition, through whichever door. */
export const HANDELING_ACT: { readonly [H in Handeling]: ActNaam } = {
  ONDERZOEK_GESTART: 'startOnderzoek',
  OVERGEDRAGEN: 'draagOver',
  PROFIEL_AFGEROND: 'rondProfielAf',
  MATCH_AFGESPROKEN: 'spreekMatchAf',
  HUUROVEREENKOMST_GETEKEND: 'tekenHuurovereenkomst',
  AFGESLOTEN: 'sluitTraject',
};

export const OVERGANGEN: { readonly [H in Handeling]: Overgang } = {
  ONDERZOEK_GESTART: { van: ['MELDING'], naar: 'ONDERZOEK', voorwaarden: [] },
  // Signing the ondersteuningsplan is the resident's agreement to mediation; the hand-over consent
  // is what gives the regisseur a relation to the case at all.
  OVERGEDRAGEN: {
    van: ['ONDERZOEK'],
    naar: 'BEMIDDELING',
    voorwaarden: ['DOELGROEP_BEOORDEELD', 'ONDERSTEUNINGSPLAN_ONDERTEKEND', 'OVERDRACHT_TOESTEMMING'],
  },
  PROFIEL_AFGEROND: {
    van: ['BEMIDDELING'],
    naar: 'CORPORATIEGESPREK',
    voorwaarden: ['PROFIEL_COMPLEET', 'CORPORATIE_GESELECTEERD'],
  },
  MATCH_AFGESPROKEN: {
    van: ['CORPORATIEGESPREK'],
    naar: 'HUUROVEREENKOMST',
    voorwaarden: ['CORPORATIE_GEINTERESSEERD'],
  },
  HUUROVEREENKOMST_GETEKEND: {
    van: ['HUUROVEREENKOMST'],
    naar: 'GEHUISVEST',
    voorwaarden: ['ZORGAANBIEDER_GEKOPPELD'],
  },
  AFGESLOTEN: {
    van: ['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST'],
    naar: 'AFGESLOTEN',
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

/**
 * What the routeplanner knows of the lease, recorded in the case's facts by the corporation's acts
 * (signing, ending): the deposit a guarantee-fund claim must exceed, and how the lease ended.
 */
export const HUUR_FEITEN = { BORG_CENT: 'HUUR_BORG_CENT', BEEINDIGD: 'HUUR_BEEINDIGD', EINDDATUM: 'HUUR_EINDDATUM' } as const;
export const HUUR_BEEINDIGINGEN = ['POSITIEF', 'ONTRUIMD', 'VERTROKKEN'] as const;
export type HuurBeeindiging = (typeof HUUR_BEEINDIGINGEN)[number];

/** The only outcome a housed case can close with: what became of its lease. */
export function uitkomstNaHuur(beeindiging: HuurBeeindiging | null): Uitkomst {
  switch (beeindiging) {
    case null:
      return 'GEHUISVEST';
    case 'POSITIEF':
      return 'HUUR_BEEINDIGD_POSITIEF';
    case 'ONTRUIMD':
      return 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD';
    case 'VERTROKKEN':
      return 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN';
  }
}
