import { describe, expect, it } from 'vitest';
import { submitAanvraag } from './aanvraag.js';
import { FondsErrorCode } from './errors.js';
import { validFeiten, validFormulier } from './test-fixtures.js';

const AT = '2024-11-13T09:00:00Z';

describe('aanvraag', () => {
  it('records an INGEDIEND claim without findings when the form meets every rule', () => {
    const formulier = validFormulier();
    expect(submitAanvraag({ id: 'A-1', formulier, feiten: validFeiten(), at: AT })).toEqual({
      ok: true,
      value: { id: 'A-1', formulier, bedragCents: 150_000, status: 'INGEDIEND', bevindingen: [], ingediendOp: AT },
    });
  });

  it.each([
    { when: 'the deposit is not exceeded', form: { borgCents: 150_000 }, facts: {}, findings: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] },
    { when: 'negligence was recorded', form: {}, facts: { negligenceRecorded: true }, findings: [FondsErrorCode.ERNSTIGE_NALATIGHEID] },
    {
      when: 'it was not discussed and another corporation claims',
      form: { besprokenInOverlegOp: null, corporatie: 'antares' },
      facts: {},
      findings: [FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT, FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG],
    },
  ])('records the claim with findings $findings when $when', ({ form, facts, findings }) => {
    const result = submitAanvraag({ id: 'A-2', formulier: validFormulier(form), feiten: validFeiten(facts), at: AT });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.status).toBe('INGEDIEND');
      expect(result.value.bevindingen).toEqual(findings);
      expect(result.value.bedragCents).toBe(150_000);
    }
  });

  it.each([
    { when: 'the case code is not a pseudonym', form: { trajectCode: 'Mw. de Vries' }, id: 'A-3', codes: [FondsErrorCode.TRAJECTCODE_ONGELDIG] },
    { when: 'there are no cost lines', form: { kostenposten: [] }, id: 'A-3', codes: [FondsErrorCode.KOSTENPOSTEN_ONTBREKEN] },
    { when: 'the evaluation holds an e-mail address', form: { evaluatie: 'zie x@y.nl' }, id: 'A-3', codes: [FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST] },
    { when: 'the id is blank', form: {}, id: ' ', codes: [FondsErrorCode.AANVRAAG_ID_ONGELDIG] },
    {
      when: 'a date is wrong and a condition fails too (only blocking codes are reported)',
      form: { datumBeeindiging: '2024-13-01', evaluatie: '' },
      id: 'A-3',
      codes: [FondsErrorCode.DATUM_ONGELDIG],
    },
  ])('refuses $codes when $when', ({ form, id, codes }) => {
    const result = submitAanvraag({ id, formulier: validFormulier(form), feiten: validFeiten(), at: AT });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual(codes);
  });
});
