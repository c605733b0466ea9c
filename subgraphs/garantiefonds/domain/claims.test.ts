import { describe, expect, it } from 'vitest';
import {
  BEEINDIGINGSSOORTEN,
  FORMULIER_CODES,
  KOSTENSOORTEN,
  claimableCents,
  isTrajectCode,
  validateAanvraag,
  type AanvraagFormulier,
  type Kostensoort,
  type TrajectFeiten,
} from './claims.js';
import { FondsErrorCode } from './errors.js';
import { validFeiten, validFormulier } from './test-fixtures.js';
import { ALPHABET, newTrajectCode } from '../../regisseur/routeplanner/code.js';

const line = (cents: number, overrides: Partial<AanvraagFormulier['kostenposten'][number]> = {}) => ({
  soort: 'MUTATIEKOSTEN' as Kostensoort,
  cents,
  bewijs: 'opnameformulier punt 4',
  ...overrides,
});

describe('claims', () => {
  it('takes every code the routeplanner can issue for a case code (all letters, no digit, included)', () => {
    // A code of letters only matches no other format, so each letter of the routeplanner's alphabet
    // must be in the fund's: a test fixture that used an 'L' once made a valid claim look invalid.
    for (const teken of ALPHABET) expect(isTrajectCode(`WK-${teken.repeat(5)}`), teken).toBe(true);
    for (let i = 0; i < 500; i++) expect(isTrajectCode(newTrajectCode())).toBe(true);
  });

  it('accepts the lines total, deposit NOT subtracted, when the form meets every rule', () => {
    expect(validateAanvraag(validFormulier(), validFeiten())).toEqual({ ok: true, value: { claimableCents: 150_000 } });
  });

  it.each(KOSTENSOORTEN.map((soort) => ({ soort })))('accepts a line when its kind is $soort', ({ soort }) => {
    const form = validFormulier({ borgCents: 0, kostenposten: [line(100, { soort })] });
    expect(validateAanvraag(form, validFeiten()).ok).toBe(true);
  });

  it.each(BEEINDIGINGSSOORTEN.map((soortBeeindiging) => ({ soortBeeindiging })))(
    'accepts the claim when the negative end is $soortBeeindiging',
    ({ soortBeeindiging }) => {
      expect(validateAanvraag(validFormulier({ soortBeeindiging }), validFeiten()).ok).toBe(true);
    },
  );

  it.each([
    { when: 'the total is one cent above the deposit', borg: 149_999, ok: true },
    { when: 'the deposit is 0', borg: 0, ok: true },
    { when: 'the total equals the deposit', borg: 150_000, ok: false },
    { when: 'the total is below the deposit', borg: 200_000, ok: false },
  ])('ok is $ok when $when', ({ borg, ok }) => {
    const result = validateAanvraag(validFormulier({ borgCents: borg }), validFeiten());
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.codes).toEqual([FondsErrorCode.BEDRAG_NIET_BOVEN_BORG]);
  });

  const cases: readonly { when: string; form?: Partial<AanvraagFormulier>; facts?: Partial<TrajectFeiten>; codes: FondsErrorCode[] }[] = [
    { when: 'another corporation claims', form: { corporatie: 'antares' }, codes: [FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT] },
    { when: 'the case has no matched corporation', facts: { caseCorporation: null }, codes: [FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT] },
    { when: 'the lease did not end negatively', facts: { caseOutcome: 'GEHUISVEST' }, codes: [FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING] },
    { when: 'the kind of end is not eviction or leaving', form: { soortBeeindiging: 'OPGEZEGD' as never }, codes: [FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING] },
    { when: 'the total does not exceed the deposit', form: { borgCents: 150_000 }, codes: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] },
    { when: 'a cost kind is not declarable', form: { kostenposten: [line(200_000, { soort: 'SCHOONMAAK' as Kostensoort })] }, codes: [FondsErrorCode.ONGELDIGE_KOSTENSOORT] },
    { when: 'a line amount is fractional', form: { kostenposten: [line(200_000), line(10.5)] }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    { when: 'a line amount is 0', form: { kostenposten: [line(200_000), line(0)] }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    { when: 'a line amount is negative', form: { kostenposten: [line(200_000), line(-5)] }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    { when: 'the deposit is not integer cents', form: { borgCents: 600.5 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    { when: 'the deposit is negative', form: { borgCents: -1 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
    { when: 'a line has no evidence', form: { kostenposten: [line(200_000, { bewijs: '  ' })] }, codes: [FondsErrorCode.BEWIJS_ONTBREEKT] },
    { when: 'it was not discussed in the overleg', form: { besprokenInOverlegOp: null }, codes: [FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG] },
    { when: 'the overleg date is blank', form: { besprokenInOverlegOp: '' }, codes: [FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG] },
    { when: 'the evaluation is missing', form: { evaluatie: '' }, codes: [FondsErrorCode.EVALUATIE_ONTBREEKT] },
    { when: 'the contact role is missing', form: { contactpersoonRol: ' ' }, codes: [FondsErrorCode.CONTACTROL_ONTBREEKT] },
    { when: 'serious negligence was recorded', facts: { negligenceRecorded: true }, codes: [FondsErrorCode.ERNSTIGE_NALATIGHEID] },
    { when: 'the case was already claimed', facts: { alreadyClaimed: true }, codes: [FondsErrorCode.AL_AANGEVRAAGD] },
    { when: 'there are no cost lines', form: { kostenposten: [], borgCents: 0 }, codes: [FondsErrorCode.KOSTENPOSTEN_ONTBREKEN, FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] },
    { when: 'the case code is a name', form: { trajectCode: 'Jan Jansen' }, codes: [FondsErrorCode.TRAJECTCODE_ONGELDIG] },
    { when: 'the case code has no digit', form: { trajectCode: 'JANSEN' }, codes: [FondsErrorCode.TRAJECTCODE_ONGELDIG] },
    { when: 'the case code is lower case', form: { trajectCode: 'wk-2024-017' }, codes: [FondsErrorCode.TRAJECTCODE_ONGELDIG] },
    { when: 'the case code ends in a hyphen', form: { trajectCode: 'WK-2024-' }, codes: [FondsErrorCode.TRAJECTCODE_ONGELDIG] },
    { when: 'the end date does not exist', form: { datumBeeindiging: '2024-02-30' }, codes: [FondsErrorCode.DATUM_ONGELDIG] },
    { when: 'the end date is in Dutch order', form: { datumBeeindiging: '01-11-2024' }, codes: [FondsErrorCode.DATUM_ONGELDIG] },
    { when: 'the overleg date is malformed', form: { besprokenInOverlegOp: '12 november' }, codes: [FondsErrorCode.DATUM_ONGELDIG] },
    { when: 'the evaluation holds a BSN', form: { evaluatie: 'bewoner 111222333 vertrokken' }, codes: [FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST] },
    { when: 'the evidence holds an e-mail address', form: { kostenposten: [line(200_000, { bewijs: 'zie mail van a@b.nl' })] }, codes: [FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST] },
    { when: 'the contact role is a phone number', form: { contactpersoonRol: '06-12345678' }, codes: [FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST] },
  ];
  it.each(cases)('refuses $codes when $when', ({ form, facts, codes }) => {
    const result = validateAanvraag(validFormulier(form), validFeiten(facts));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.codes).toEqual(codes);
      expect(result.message).toContain(codes[0]);
    }
  });

  it('returns every applicable code, not just the first, when many rules fail', () => {
    const result = validateAanvraag(
      validFormulier({
        corporatie: 'antares',
        borgCents: 1_000_000,
        kostenposten: [line(100, { bewijs: '', soort: 'BOETE' as Kostensoort })],
        besprokenInOverlegOp: null,
        evaluatie: '',
      }),
      validFeiten({ caseOutcome: 'LOPEND', negligenceRecorded: true, alreadyClaimed: true }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect([...result.codes].sort()).toEqual(
        [
          FondsErrorCode.ONGELDIGE_KOSTENSOORT,
          FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT,
          FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING,
          FondsErrorCode.BEDRAG_NIET_BOVEN_BORG,
          FondsErrorCode.BEWIJS_ONTBREEKT,
          FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG,
          FondsErrorCode.EVALUATIE_ONTBREEKT,
          FondsErrorCode.ERNSTIGE_NALATIGHEID,
          FondsErrorCode.AL_AANGEVRAAGD,
        ].sort(),
      );
    }
  });

  it('never echoes the case code in a refusal when the code may be a name', () => {
    const result = validateAanvraag(validFormulier({ trajectCode: 'Jan Jansen', evaluatie: '' }), validFeiten());
    expect(!result.ok && result.message).not.toContain('Jansen');
  });

  it.each([
    { lines: [], total: 0 },
    { lines: [line(1), line(2)], total: 3 },
    { lines: [line(100), line(-5), line(0.5)], total: 100 },
  ])('claimableCents is $total when the lines are $lines', ({ lines, total }) => {
    expect(claimableCents(validFormulier({ kostenposten: lines }))).toBe(total);
  });

  it('lists the form codes as blocking when asked which codes block submission', () => {
    expect(FORMULIER_CODES).toEqual([
      FondsErrorCode.TRAJECTCODE_ONGELDIG,
      FondsErrorCode.DATUM_ONGELDIG,
      FondsErrorCode.BEDRAG_ONGELDIG,
      FondsErrorCode.ONGELDIGE_KOSTENSOORT,
      FondsErrorCode.KOSTENPOSTEN_ONTBREKEN,
      FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST,
    ]);
  });
});
