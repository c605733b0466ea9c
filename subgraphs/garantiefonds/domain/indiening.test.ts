import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isTrajectCode, type Kostensoort } from './claims.js';
import { FondsErrorCode } from './errors.js';
import { AFWIJKBARE_VOORWAARDEN, MAX_BEDRAG_CENTS, beoordeelIndiening, soortVanUitkomst, type IndieningInvoer } from './indiening.js';
import { validFormulier } from './test-fixtures.js';

const { besprokenInOverlegOp: _b, ...formulier } = validFormulier();

function invoer(overrides: Partial<IndieningInvoer> = {}, form: Partial<IndieningInvoer['formulier']> = {}): IndieningInvoer {
  return {
    formulier: { ...formulier, ...form },
    uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD',
    gematcht: 'woonwenz',
    // The recorded case and lease as the form states them, unless a test says otherwise.
    trajectCode: form.trajectCode ?? formulier.trajectCode,
    huurBorgCents: form.borgCents ?? formulier.borgCents,
    huurEinddatum: form.datumBeeindiging ?? formulier.datumBeeindiging,
    nalatigheidVastgelegd: false,
    alAangevraagd: false,
    reguliereBemiddelingDoorlopen: false,
    uitzondering: null,
    ...overrides,
  };
}
const line = (soort: Kostensoort, cents: number, bewijs = 'factuur 2026-001') => ({ soort, cents, bewijs });

describe('indiening', () => {
  it('accepts the lines total with no findings when the filing meets every rule (the overleg comes later)', () => {
    expect(beoordeelIndiening(invoer())).toEqual({ ok: true, value: { bedragCents: 150_000, bevindingen: [] } });
  });

  it.each([
    { uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD', soort: 'ONTRUIMD' },
    { uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN', soort: 'VERTROKKEN' },
    { uitkomst: 'HUUR_BEEINDIGD_POSITIEF', soort: null },
    { uitkomst: 'GEHUISVEST', soort: null },
    { uitkomst: '__proto__', soort: null },
    { uitkomst: null, soort: null },
  ])('maps outcome $uitkomst to kind $soort', ({ uitkomst, soort }) => {
    expect(soortVanUitkomst(uitkomst)).toBe(soort);
  });

  const refusals: readonly { when: string; over?: Partial<IndieningInvoer>; form?: Partial<IndieningInvoer['formulier']>; code: FondsErrorCode }[] = [
    { when: 'another corporation claims', form: { corporatie: 'antares' }, code: FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT },
    { when: 'no corporation was matched', over: { gematcht: null }, code: FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT },
    { when: 'the case is still open', over: { uitkomst: null }, code: FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING },
    { when: 'the lease ended positively', over: { uitkomst: 'HUUR_BEEINDIGD_POSITIEF' }, code: FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING },
    { when: 'the form says left but the case says evicted', form: { soortBeeindiging: 'VERTROKKEN' }, code: FondsErrorCode.SOORT_BEEINDIGING_WIJKT_AF },
    { when: 'the form names the code of another case', over: { trajectCode: 'WK-9ZZ9Z' }, code: FondsErrorCode.TRAJECTCODE_WIJKT_AF },
    { when: 'the routeplanner knows no code for the case', over: { trajectCode: null }, code: FondsErrorCode.TRAJECTCODE_WIJKT_AF },
    { when: 'the form states a lower deposit than the lease', over: { huurBorgCents: 200_000 }, code: FondsErrorCode.BORG_WIJKT_AF },
    { when: 'no lease deposit was recorded', over: { huurBorgCents: null }, code: FondsErrorCode.BORG_WIJKT_AF },
    { when: 'the form dates the end a month before the lease ended', over: { huurEinddatum: '2024-12-01' }, code: FondsErrorCode.DATUM_BEEINDIGING_WIJKT_AF },
    { when: 'the form dates the end after the lease ended', form: { datumBeeindiging: '2024-11-02' }, over: { huurEinddatum: '2024-11-01' }, code: FondsErrorCode.DATUM_BEEINDIGING_WIJKT_AF },
    { when: 'no end date of the lease was recorded', over: { huurEinddatum: null }, code: FondsErrorCode.DATUM_BEEINDIGING_WIJKT_AF },
    { when: 'the total equals the deposit', form: { borgCents: 150_000 }, code: FondsErrorCode.BEDRAG_NIET_BOVEN_BORG },
    { when: 'legal costs are claimed before mediation was exhausted', form: { kostenposten: [line('JURIDISCHE_KOSTEN', 200_000)] }, code: FondsErrorCode.BEMIDDELING_NIET_DOORLOPEN },
    { when: 'the total exceeds a GraphQL Int', form: { kostenposten: [line('MUTATIEKOSTEN', MAX_BEDRAG_CENTS), line('ONTRUIMINGSKOSTEN', 1)] }, code: FondsErrorCode.BEDRAG_ONGELDIG },
    { when: 'an exception is asked without a reason', over: { uitzondering: { toelichting: '  ' } }, code: FondsErrorCode.UITZONDERING_ZONDER_TOELICHTING },
    { when: 'the exception reason holds an e-mail address', over: { uitzondering: { toelichting: 'zie mail van j.jansen@example.nl' } }, code: FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST },
    { when: 'negligence was recorded', over: { nalatigheidVastgelegd: true }, code: FondsErrorCode.ERNSTIGE_NALATIGHEID },
    { when: 'the case was claimed before', over: { alAangevraagd: true }, code: FondsErrorCode.AL_AANGEVRAAGD },
    { when: 'a line has no evidence', form: { kostenposten: [line('MUTATIEKOSTEN', 200_000, ' ')] }, code: FondsErrorCode.BEWIJS_ONTBREEKT },
    { when: 'the evaluation is missing', form: { evaluatie: '' }, code: FondsErrorCode.EVALUATIE_ONTBREEKT },
  ];
  it.each(refusals)('refuses with $code when $when', ({ over, form, code }) => {
    const result = beoordeelIndiening(invoer(over, form));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual([code]);
  });

  it('accepts legal costs when the filing states that regular mediation was exhausted', () => {
    const result = beoordeelIndiening(invoer({ reguliereBemiddelingDoorlopen: true }, { kostenposten: [line('JURIDISCHE_KOSTEN', 200_000)] }));
    expect(result.ok).toBe(true);
  });

  it('records the deposit threshold as a finding, not a refusal, when an exception is asked with a reason', () => {
    const result = beoordeelIndiening(invoer({ uitzondering: { toelichting: 'Borg was uitzonderlijk hoog door een waarborgregeling.' } }, { borgCents: 200_000 }));
    expect(result).toEqual({ ok: true, value: { bedragCents: 150_000, bevindingen: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] } });
  });

  it.each([
    { when: 'another corporation claims', form: { corporatie: 'antares' }, code: FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT },
    { when: 'the lease did not end negatively', over: { uitkomst: 'GEHUISVEST' }, code: FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING },
    { when: 'negligence was recorded', over: { nalatigheidVastgelegd: true }, code: FondsErrorCode.ERNSTIGE_NALATIGHEID },
  ] as const)('still refuses with $code when an exception is asked but $when (not waivable)', ({ over, form, code }) => {
    const result = beoordeelIndiening(invoer({ uitzondering: { toelichting: 'onevenredige gevolgen' }, ...(over ?? {}) }, form ?? {}));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toContain(code);
  });

  it('waives only the deposit threshold (art. 7.9 is about proportion)', () => {
    expect(AFWIJKBARE_VOORWAARDEN).toEqual([FondsErrorCode.BEDRAG_NIET_BOVEN_BORG]);
  });

  it('never accepts a filing whose amount does not exceed the deposit unless an exception was asked (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), (cents, borg, ask) => {
        const result = beoordeelIndiening(
          invoer(ask ? { uitzondering: { toelichting: 'reden' } } : {}, { borgCents: borg, kostenposten: [line('ONTRUIMINGSKOSTEN', cents)] }),
        );
        if (cents > borg) return result.ok && result.value.bevindingen.length === 0 && result.value.bedragCents === cents;
        return ask ? result.ok && result.value.bevindingen.includes(FondsErrorCode.BEDRAG_NIET_BOVEN_BORG) : !result.ok;
      }),
    );
  });
});

describe('trajectcode', () => {
  it.each([
    { code: 'WK-ABCDE', ok: true, why: 'the routeplanner format without a digit' },
    { code: 'WK-7KQ3M', ok: true, why: 'the routeplanner format with digits' },
    { code: 'WK-2024-017', ok: true, why: 'an older code with digits' },
    { code: 'WK-ABCDO', ok: false, why: 'an O is not in the routeplanner alphabet and there is no digit' },
    { code: 'JANSEN', ok: false, why: 'a surname in capitals' },
    { code: 'wk-abcde', ok: false, why: 'lower case' },
  ])('is $ok for $code ($why)', ({ code, ok }) => {
    expect(isTrajectCode(code)).toBe(ok);
  });
});
