import { describe, expect, it } from 'vitest';
import { actBasis, actRecord } from './act-record.js';
import { ACTS, actRows } from './acts.js';
import type { Caller, CaseContext } from './context.js';
import { POLICY } from './policy.js';

const zaak: CaseContext = {
  trajectId: 't-1',
  fase: 'ONDERZOEK',
  gemeente: 'venlo',
  regio: 'NOORD_LIMBURG',
  betrokkene: 'inwoner-1',
  geselecteerd: [],
  toestemmingen: [],
  doorbrekingen: [],
};
const consulent: Caller = { sub: 'consulent', partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo' };

describe('the record of an act', () => {
  it('every row of the acts table on a case has a basis in each of its phases: no party acts where it may not know the case', () => {
    const without = actRows().flatMap((row) =>
      row.relatie === 'GEEN' ? [] : row.fasen.filter((fase) => !actBasis(row, fase)).map((fase) => `${row.act}: ${row.partij} (${row.relatie}) in ${fase}`),
    );
    expect(without).toEqual([]);
    // Only the resident's own acts say their basis themselves; every other act rests on its cell.
    expect(actRows().filter((row) => row.vastlegging).map((row) => `${row.act} ${row.partij}`)).toEqual(['registreerMelding INWONER', 'trekToestemmingIn INWONER', 'maakBezwaar INWONER']);
  });

  it('names the mutation, the case and its subject, and the basis and purpose of the acting party’s cell', () => {
    const cell = POLICY.GEMEENTE.EIGEN_GEMEENTE!.ONDERZOEK!;
    expect(actRecord('legOnderzoekVast', ACTS.legOnderzoekVast, consulent, zaak, 'EIGEN_GEMEENTE', 't-1')).toEqual({
      trajectId: 't-1',
      betrokkene: 'inwoner-1',
      field: { coordinate: 'Mutation.legOnderzoekVast', categorie: 'TRAJECT', grondslag: cell.grondslag, doel: cell.doel },
      decision: { allowed: true, relatie: 'EIGEN_GEMEENTE', fase: 'ONDERZOEK', grondslag: cell.grondslag, doel: cell.doel },
    });
  });

  it('records the resident’s own acts as what they are: a request for support, a right exercised', () => {
    const inwoner: Caller = { sub: 'inwoner-1', partij: 'INWONER', organisatie: 'inwoner-1' };
    expect(actRecord('registreerMelding', ACTS.registreerMelding, inwoner, { ...zaak, fase: 'MELDING' }, 'ZELF', 't-1').decision).toMatchObject({ grondslag: 'TOESTEMMING', doel: 'PASSENDE_ONDERSTEUNING' });
    expect(actRecord('trekToestemmingIn', ACTS.trekToestemmingIn, inwoner, zaak, 'ZELF', 't-1').decision).toMatchObject({ grondslag: 'WETTELIJKE_PLICHT', doel: 'INZAGE' });
  });

  it('records no subject where the context hides it, and refuses an act outside the policy table', () => {
    expect(actRecord('registreerMelding', ACTS.registreerMelding, consulent, { ...zaak, fase: 'MELDING', betrokkene: '' }, 'EIGEN_GEMEENTE', 't-2').betrokkene).toBeNull();
    expect(() => actRecord('legOnderzoekVast', ACTS.legOnderzoekVast, { ...consulent, partij: 'WERKGROEP' }, zaak, 'EIGEN_GEMEENTE', 't-1')).toThrow(/no basis/);
  });
});
