/**
 * The policy table as data: well-formed, and saying exactly what DESIGN §3b says for the documented
 * rows. Each spot check quotes the sentence of DESIGN it holds the table to.
 */
import { describe, expect, it } from 'vitest';
import { POLICY, RELATIES, categoriesEverVisible, policyRows, type PolicyCell, type Relatie } from './policy.js';
import { BIJZONDERE_CATEGORIEEN, DOELEN, FASEN, GEGEVENSCATEGORIEEN, GRONDSLAGEN, LEVENSDOMEINEN, PARTIJEN, type Fase, type Gegevenscategorie, type Partij } from './vocabulary.js';

const cel = (partij: Partij, relatie: Relatie, fase: Fase): PolicyCell | undefined =>
  (POLICY[partij] as Partial<Record<Relatie, Partial<Record<Fase, PolicyCell>>>>)[relatie]?.[fase];
const sorted = (xs: readonly string[]) => [...xs].sort();
/** The documented additions of every file-keeper's cell: the case exists (TRAJECT), its course (VERLOOP). */
const DOSSIER: Gegevenscategorie[] = ['TRAJECT', 'VERLOOP'];
const ONDERZOCHT: Gegevenscategorie[] = ['IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', 'BSN', ...LEVENSDOMEINEN, 'GEZONDHEID', 'DOCUMENTEN'];

/** Which relations each party can hold at all (DESIGN §2/§3b). */
const RELATIES_PER_PARTIJ: Record<Partij, readonly Relatie[]> = {
  GEMEENTE: ['EIGEN_GEMEENTE'],
  REGISSEUR: ['REGIO'],
  CORPORATIE: ['GESELECTEERD', 'GEMATCHT'],
  ZORGAANBIEDER: ['MELDER', 'GEKOPPELD'],
  GARANTIEFONDS: ['FONDS'],
  INWONER: ['ZELF'],
  WERKGROEP: [],
  TOEZICHT: [],
};

describe('the policy table is well-formed', () => {
  it('has a row for every party and only relations that party can hold', () => {
    expect(sorted(Object.keys(POLICY))).toEqual(sorted(PARTIJEN));
    for (const partij of PARTIJEN) {
      for (const relatie of Object.keys(POLICY[partij])) {
        expect(RELATIES).toContain(relatie);
        expect(RELATIES_PER_PARTIJ[partij], `${partij}/${relatie}`).toContain(relatie);
      }
    }
  });

  it('uses only known phases, categories, bases and purposes, each category once per cell, never both ✓ and C', () => {
    for (const [partij, rij] of Object.entries(POLICY)) {
      for (const [relatie, fasen] of Object.entries(rij as Record<string, Record<string, PolicyCell>>)) {
        for (const [fase, c] of Object.entries(fasen)) {
          const at = `${partij}/${relatie}/${fase}`;
          expect(FASEN, at).toContain(fase);
          expect(GRONDSLAGEN, at).toContain(c.grondslag);
          expect(DOELEN, at).toContain(c.doel);
          for (const x of [...c.basis, ...c.toestemming]) expect(GEGEVENSCATEGORIEEN, at).toContain(x);
          expect(new Set(c.basis).size, at).toBe(c.basis.length);
          expect(new Set(c.toestemming).size, at).toBe(c.toestemming.length);
          expect(c.basis.filter((x) => c.toestemming.includes(x)), at).toEqual([]);
        }
      }
    }
  });

  it('flattens to exactly its cells (policyRows) and derives the static contract from them (categoriesEverVisible)', () => {
    let cells = 0;
    for (const partij of PARTIJEN) {
      const ever = new Set<Gegevenscategorie>();
      for (const relatie of RELATIES) for (const fase of FASEN) {
        const c = cel(partij, relatie, fase);
        if (!c) continue;
        cells++;
        for (const x of [...c.basis, ...c.toestemming]) ever.add(x);
      }
      expect(sorted([...categoriesEverVisible(partij)])).toEqual(sorted([...ever]));
    }
    expect(policyRows()).toHaveLength(cells);
  });
});

describe('the table says what DESIGN §3b says', () => {
  it('"the regisseur gets no BSN (mediation does not need it)"', () => {
    expect(categoriesEverVisible('REGISSEUR').has('BSN')).toBe(false);
  });

  it('"the regisseur has no relation to a case before the hand-over consent"', () => {
    expect(cel('REGISSEUR', 'REGIO', 'MELDING')).toBeUndefined();
    expect(cel('REGISSEUR', 'REGIO', 'ONDERZOEK')).toBeUndefined();
  });

  it('REGISSEUR in BEMIDDELING: "IDENTITEIT, CONTACT, GEBOORTEDATUM, GESLACHT, life domains, PROFIEL ✓; GEZONDHEID, DOCUMENTEN C"', () => {
    const c = cel('REGISSEUR', 'REGIO', 'BEMIDDELING')!;
    // BEJEGENINGSADVIES is the documented addition (the regisseur drafts it with the profile).
    expect(sorted(c.basis)).toEqual(sorted([...DOSSIER, 'IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', ...LEVENSDOMEINEN, 'PROFIEL', 'BEJEGENINGSADVIES']));
    expect(sorted(c.toestemming)).toEqual(['DOCUMENTEN', 'GEZONDHEID']);
    expect(c.doel).toBe('MATCH_BEMIDDELING');
  });

  it('REGISSEUR in AFGESLOTEN: "outcome only"', () => {
    // FONDS is the documented addition: the Voorzitter decides on guarantee-fund claims (by case code).
    expect(sorted(cel('REGISSEUR', 'REGIO', 'AFGESLOTEN')!.basis)).toEqual(['FONDS', 'TRAJECT', 'UITKOMST']);
    expect(cel('REGISSEUR', 'REGIO', 'AFGESLOTEN')!.toestemming).toEqual([]);
  });

  it('selected CORPORATIE: "PROFIEL, BEJEGENINGSADVIES ✓ (under the case code only); GEZONDHEID C" in CORPORATIEGESPREK, nothing else ever', () => {
    const c = cel('CORPORATIE', 'GESELECTEERD', 'CORPORATIEGESPREK')!;
    expect(sorted(c.basis)).toEqual(['BEJEGENINGSADVIES', 'PROFIEL', 'TRAJECT']);
    expect(c.toestemming).toEqual(['GEZONDHEID']);
    for (const fase of FASEN.filter((f) => f !== 'CORPORATIEGESPREK')) expect(cel('CORPORATIE', 'GESELECTEERD', fase), fase).toBeUndefined();
  });

  it('matched CORPORATIE in HUUROVEREENKOMST: "IDENTITEIT, CONTACT, GEBOORTEDATUM, GESLACHT, BSN, PROFIEL, DOCUMENTEN, HUUR, BEJEGENINGSADVIES ✓; GEZONDHEID C"', () => {
    const c = cel('CORPORATIE', 'GEMATCHT', 'HUUROVEREENKOMST')!;
    // PLAATSING (the chosen corporation and date: its own match) is the vocabulary's documented addition.
    expect(sorted(c.basis)).toEqual(sorted(['TRAJECT', 'IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', 'BSN', 'PROFIEL', 'DOCUMENTEN', 'HUUR', 'BEJEGENINGSADVIES', 'PLAATSING']));
    expect(c.toestemming).toEqual(['GEZONDHEID']);
    expect(c.grondslag).toBe('OVEREENKOMST');
  });

  it('matched CORPORATIE: "same + evaluations, FONDS (own claims)" when housed, "FONDS (own claims)" when closed; never before CORPORATIEGESPREK', () => {
    const huur = cel('CORPORATIE', 'GEMATCHT', 'HUUROVEREENKOMST')!;
    expect(sorted(cel('CORPORATIE', 'GEMATCHT', 'GEHUISVEST')!.basis)).toEqual(sorted([...huur.basis, 'EVALUATIE', 'FONDS']));
    expect(sorted(cel('CORPORATIE', 'GEMATCHT', 'AFGESLOTEN')!.basis)).toEqual(['FONDS', 'TRAJECT']);
    for (const fase of ['MELDING', 'ONDERZOEK', 'BEMIDDELING'] as const) expect(cel('CORPORATIE', 'GEMATCHT', fase)).toBeUndefined();
  });

  it('GEMEENTE: "IDENTITEIT, CONTACT" in MELDING, "everything it researched, incl. BSN, GEZONDHEID, DOCUMENTEN" from ONDERZOEK on, "+ PROFIEL (feedback)" from BEMIDDELING', () => {
    // GEZONDHEID in MELDING: who filed the melding and why is health data (seed 003) the Wmo toegang receives.
    expect(sorted(cel('GEMEENTE', 'EIGEN_GEMEENTE', 'MELDING')!.basis)).toEqual(sorted([...DOSSIER, 'CONTACT', 'IDENTITEIT', 'GEZONDHEID']));
    expect(sorted(cel('GEMEENTE', 'EIGEN_GEMEENTE', 'ONDERZOEK')!.basis)).toEqual(sorted([...DOSSIER, ...ONDERZOCHT]));
    for (const fase of FASEN.slice(2)) {
      const c = cel('GEMEENTE', 'EIGEN_GEMEENTE', fase)!;
      for (const x of [...ONDERZOCHT, 'PROFIEL' as const]) expect(c.basis, `${fase} ${x}`).toContain(x);
      // "the chosen corporation and date", never the lease itself.
      expect(c.basis).not.toContain('HUUR');
    }
    expect(cel('GEMEENTE', 'EIGEN_GEMEENTE', 'BEMIDDELING')!.basis).not.toContain('PLAATSING');
    expect(cel('GEMEENTE', 'EIGEN_GEMEENTE', 'HUUROVEREENKOMST')!.basis).toContain('PLAATSING');
  });

  it('ZORGAANBIEDER: "IDENTITEIT, CONTACT (filing)" in MELDING; "IDENTITEIT, CONTACT, HUUR (linked); PROFIEL C" at the lease; nothing in between or after', () => {
    // GEZONDHEID: its own filing (who filed, why) is health data it wrote itself; no research exists yet.
    expect(sorted(cel('ZORGAANBIEDER', 'MELDER', 'MELDING')!.basis)).toEqual(['CONTACT', 'GEZONDHEID', 'IDENTITEIT', 'TRAJECT']);
    expect(sorted(cel('ZORGAANBIEDER', 'GEKOPPELD', 'HUUROVEREENKOMST')!.basis)).toEqual(['CONTACT', 'HUUR', 'IDENTITEIT', 'TRAJECT']);
    expect(cel('ZORGAANBIEDER', 'GEKOPPELD', 'HUUROVEREENKOMST')!.toestemming).toEqual(['PROFIEL']);
    expect(sorted(cel('ZORGAANBIEDER', 'GEKOPPELD', 'GEHUISVEST')!.basis)).toEqual(['CONTACT', 'EVALUATIE', 'HUUR', 'IDENTITEIT', 'TRAJECT']);
    for (const fase of ['ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'AFGESLOTEN'] as const) {
      expect(cel('ZORGAANBIEDER', 'MELDER', fase)).toBeUndefined();
      expect(cel('ZORGAANBIEDER', 'GEKOPPELD', fase)).toBeUndefined();
    }
  });

  it('GARANTIEFONDS: "FONDS (case code only)" when housed and closed, never a person', () => {
    expect(sorted([...categoriesEverVisible('GARANTIEFONDS')])).toEqual(['FONDS', 'TRAJECT']);
    expect(Object.keys(POLICY.GARANTIEFONDS.FONDS).sort()).toEqual(['AFGESLOTEN', 'GEHUISVEST']);
  });

  it('WERKGROEP "aggregates only, never a case" and TOEZICHT "never personal values": no cell at all', () => {
    expect(categoriesEverVisible('WERKGROEP').size).toBe(0);
    expect(categoriesEverVisible('TOEZICHT').size).toBe(0);
  });

  it('INWONER: "all own data … in every phase"', () => {
    for (const fase of FASEN) {
      expect(sorted(cel('INWONER', 'ZELF', fase)!.basis), fase).toEqual(sorted(GEGEVENSCATEGORIEEN));
      expect(cel('INWONER', 'ZELF', fase)!.grondslag).toBe('INZAGERECHT');
    }
  });

  it('special categories are never on a basis outside the owner\'s file (own gemeente) and the resident', () => {
    for (const row of policyRows()) {
      for (const x of BIJZONDERE_CATEGORIEEN) {
        // The filing care provider reads back its own filing in MELDING (who filed, why): nothing it did not write.
        if (row.basis.includes(x) && !(row.partij === 'ZORGAANBIEDER' && row.relatie === 'MELDER' && row.fase === 'MELDING')) {
          expect(`${row.partij}/${row.relatie}`).toMatch(/^(GEMEENTE\/EIGEN_GEMEENTE|INWONER\/ZELF)$/);
        }
      }
    }
  });

  it('no party but the gemeente, the matched corporation and the resident ever sees a BSN', () => {
    const met = PARTIJEN.filter((p) => categoriesEverVisible(p).has('BSN'));
    expect(sorted(met)).toEqual(['CORPORATIE', 'GEMEENTE', 'INWONER']);
    expect(policyRows().filter((r) => r.basis.includes('BSN') && r.partij === 'CORPORATIE').every((r) => r.relatie === 'GEMATCHT')).toBe(true);
  });
});
