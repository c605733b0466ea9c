/**
 * The dosing policy as data: DESIGN §3b, one cell per party × relation × phase.
 *
 * A cell names the legal basis and purpose of the processing in that phase, the categories the party
 * may resolve on that basis (`basis`), and the categories it may resolve only with a valid consent
 * naming it as recipient, the category and the cell's purpose (`toestemming`). A missing cell means
 * "never". A privacy officer reviews this file by reading it: every deliberate choice has its reason
 * next to it. Change it only with the reason written beside the change.
 */
import {
  FASEN,
  GEGEVENSCATEGORIEEN,
  LEVENSDOMEINEN,
  type Doel,
  type Fase,
  type Gegevenscategorie,
  type Grondslag,
  type Partij,
} from './vocabulary.js';

/** How a caller is related to a case; derived from its claims and the case's policy context. */
export const RELATIES = [
  'EIGEN_GEMEENTE',
  'REGIO',
  'GESELECTEERD',
  'GEMATCHT',
  'MELDER',
  'GEKOPPELD',
  'FONDS',
  'ZELF',
] as const;
export type Relatie = (typeof RELATIES)[number];

export interface PolicyCell {
  readonly grondslag: Grondslag;
  readonly doel: Doel;
  readonly basis: readonly Gegevenscategorie[];
  readonly toestemming: readonly Gegevenscategorie[];
}
export type PolicyTable = {
  readonly [P in Partij]: { readonly [R in Relatie]?: { readonly [F in Fase]?: PolicyCell } };
};

/**
 * Every cell grants TRAJECT: a party with a relation in a phase knows that the case exists, under its
 * code (DESIGN §6). So "has a relation" and "may read TRAJECT" are one decision, taken by `decide`.
 */
const cell = (
  grondslag: Grondslag,
  doel: Doel,
  basis: readonly Gegevenscategorie[],
  toestemming: readonly Gegevenscategorie[] = [],
): PolicyCell => ({ grondslag, doel, basis: basis.includes('TRAJECT') ? basis : ['TRAJECT', ...basis], toestemming });

const NAW: readonly Gegevenscategorie[] = ['IDENTITEIT', 'CONTACT'];
/** Everything the Wmo-consulent researched at the kitchen table (step 3). */
const ONDERZOCHT: readonly Gegevenscategorie[] = [
  // The gemeente keeps the file: its course (transitions, consents, feedback) is its own record.
  'VERLOOP',
  ...NAW,
  'GEBOORTEDATUM',
  'GESLACHT',
  'BSN',
  ...LEVENSDOMEINEN,
  'GEZONDHEID',
  'DOCUMENTEN',
];
/** The regisseur's working set: no BSN (mediation does not need it), health and documents on consent. */
const BEMIDDELING: readonly Gegevenscategorie[] = [
  // The regisseur keeps the file while it mediates (consents, feedback, case conferences, steps).
  'VERLOOP',
  ...NAW,
  'GEBOORTEDATUM',
  'GESLACHT',
  ...LEVENSDOMEINEN,
  'PROFIEL',
  // The regisseur drafts the bejegeningsadvies with the profile, so it must read what it wrote.
  'BEJEGENINGSADVIES',
];
const HUUR_GEMATCHT: readonly Gegevenscategorie[] = [
  ...NAW,
  'GEBOORTEDATUM',
  'GESLACHT',
  'BSN',
  'PROFIEL',
  'DOCUMENTEN',
  'HUUR',
  'BEJEGENINGSADVIES',
  'PLAATSING',
];

const gemeenteOnderzoek = cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_ONDERSTEUNING', ONDERZOCHT);
const gemeenteTerugkoppeling = cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_ONDERSTEUNING', [
  ...ONDERZOCHT,
  'PROFIEL',
  'PLAATSING',
  'UITKOMST',
]);

export const POLICY = {
  GEMEENTE: {
    EIGEN_GEMEENTE: {
      // The Wmo toegang receives the melding: who filed it and why is health data (seed 003) that the
      // gemeente holds on the Wmo's basis for health (art. 5.1.1); VERLOOP: it keeps the file.
      MELDING: cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_ONDERSTEUNING', ['VERLOOP', ...NAW, 'GEZONDHEID']),
      ONDERZOEK: gemeenteOnderzoek,
      // From the hand-over on, the regisseur feeds back to the Wmo-consulent: conditions, the profile,
      // and later the chosen corporation and date (PLAATSING) — never the lease itself.
      BEMIDDELING: cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_ONDERSTEUNING', [...ONDERZOCHT, 'PROFIEL']),
      CORPORATIEGESPREK: cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_ONDERSTEUNING', [...ONDERZOCHT, 'PROFIEL']),
      HUUROVEREENKOMST: gemeenteTerugkoppeling,
      GEHUISVEST: gemeenteTerugkoppeling,
      // "Same, until retention ends": the retention job deletes the file, not the policy.
      AFGESLOTEN: gemeenteTerugkoppeling,
    },
  },
  REGISSEUR: {
    // No cells for MELDING and ONDERZOEK: before the hand-over consent the case is the gemeente's file.
    REGIO: {
      BEMIDDELING: cell('WMO_PUBLIEKE_TAAK', 'MATCH_BEMIDDELING', BEMIDDELING, ['GEZONDHEID', 'DOCUMENTEN']),
      CORPORATIEGESPREK: cell('WMO_PUBLIEKE_TAAK', 'MATCH_BEMIDDELING', BEMIDDELING, ['GEZONDHEID', 'DOCUMENTEN']),
      HUUROVEREENKOMST: cell('WMO_PUBLIEKE_TAAK', 'MATCH_BEMIDDELING', [...BEMIDDELING, 'HUUR', 'PLAATSING'], [
        'GEZONDHEID',
        'DOCUMENTEN',
      ]),
      // FONDS added to the design's row: the Voorzitter of the Woonkans-overleg (a regisseur) decides
      // on guarantee-fund claims (seed 001 art. 7.8), which carry the case code only, no identity.
      GEHUISVEST: cell('WMO_PUBLIEKE_TAAK', 'DUURZAAM_WONEN', [...BEMIDDELING, 'HUUR', 'PLAATSING', 'EVALUATIE', 'FONDS'], [
        'GEZONDHEID',
        'DOCUMENTEN',
      ]),
      AFGESLOTEN: cell('WMO_PUBLIEKE_TAAK', 'DUURZAAM_WONEN', ['UITKOMST', 'FONDS']),
    },
  },
  CORPORATIE: {
    // Selected: the profile under the case code only — nothing that identifies the resident.
    GESELECTEERD: {
      CORPORATIEGESPREK: cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_WONING', ['PROFIEL', 'BEJEGENINGSADVIES'], ['GEZONDHEID']),
    },
    GEMATCHT: {
      CORPORATIEGESPREK: cell('WMO_PUBLIEKE_TAAK', 'PASSENDE_WONING', ['PROFIEL', 'BEJEGENINGSADVIES'], ['GEZONDHEID']),
      HUUROVEREENKOMST: cell('OVEREENKOMST', 'HUUROVEREENKOMST_SLUITEN', HUUR_GEMATCHT, ['GEZONDHEID']),
      GEHUISVEST: cell('OVEREENKOMST', 'DUURZAAM_WONEN', [...HUUR_GEMATCHT, 'EVALUATIE', 'FONDS'], ['GEZONDHEID']),
      AFGESLOTEN: cell('OVEREENKOMST', 'GARANTIEFONDS_AFWIKKELING', ['FONDS']),
    },
  },
  ZORGAANBIEDER: {
    // Filed the melding with the resident's machtiging: only what it filed, only while it is a melding.
    MELDER: {
      // GEZONDHEID: who filed and why is health data (seed 003); the filer wrote it itself, so it may
      // read back its own filing. No research exists yet in MELDING, so nothing else of that category.
      MELDING: cell('TOESTEMMING', 'PASSENDE_ONDERSTEUNING', [...NAW, 'GEZONDHEID']),
    },
    GEKOPPELD: {
      HUUROVEREENKOMST: cell('OVEREENKOMST', 'HUUROVEREENKOMST_SLUITEN', [...NAW, 'HUUR'], ['PROFIEL']),
      GEHUISVEST: cell('OVEREENKOMST', 'DUURZAAM_WONEN', [...NAW, 'HUUR', 'EVALUATIE'], ['PROFIEL']),
    },
  },
  GARANTIEFONDS: {
    // Only fund data, by case code; the fund never sees a person.
    FONDS: {
      GEHUISVEST: cell('OVEREENKOMST', 'GARANTIEFONDS_AFWIKKELING', ['FONDS']),
      AFGESLOTEN: cell('OVEREENKOMST', 'GARANTIEFONDS_AFWIKKELING', ['FONDS']),
    },
  },
  INWONER: {
    // The resident sees all own data in every phase (AVG art. 15).
    ZELF: Object.fromEntries(
      FASEN.map((fase) => [fase, cell('INZAGERECHT', 'INZAGE', GEGEVENSCATEGORIEEN)]),
    ) as { [F in Fase]: PolicyCell },
  },
  // Aggregates only / access-log metadata only: never a value of a case.
  WERKGROEP: {},
  TOEZICHT: {},
} as const satisfies PolicyTable;

/** Every cell of the table as a flat row, for the register and the tests. */
export interface PolicyRow extends PolicyCell {
  readonly partij: Partij;
  readonly relatie: Relatie;
  readonly fase: Fase;
}
export function policyRows(table: PolicyTable = POLICY): PolicyRow[] {
  const rows: PolicyRow[] = [];
  for (const [partij, relaties] of Object.entries(table) as [Partij, PolicyTable[Partij]][]) {
    for (const [relatie, fasen] of Object.entries(relaties) as [Relatie, { [F in Fase]?: PolicyCell }][]) {
      for (const fase of FASEN) {
        const c = fasen[fase];
        if (c) rows.push({ partij, relatie, fase, ...c });
      }
    }
  }
  return rows;
}

/** The categories a party could ever resolve, in any phase and relation (the gateway's static layer). */
export function categoriesEverVisible(partij: Partij, table: PolicyTable = POLICY): Set<Gegevenscategorie> {
  return categoriesOf(partij, table, (row) => [...row.basis, ...row.toestemming]);
}

/** The categories a party resolves on a legal basis in some cell; the rest of what it sees needs consent every time. */
export function categoriesEverOnBasis(partij: Partij, table: PolicyTable = POLICY): Set<Gegevenscategorie> {
  return categoriesOf(partij, table, (row) => row.basis);
}

function categoriesOf(partij: Partij, table: PolicyTable, of: (row: PolicyRow) => readonly Gegevenscategorie[]): Set<Gegevenscategorie> {
  const seen = new Set<Gegevenscategorie>();
  for (const row of policyRows(table)) if (row.partij === partij) for (const c of of(row)) seen.add(c);
  return seen;
}
