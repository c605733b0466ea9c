import { describe, expect, it } from 'vitest';
import { FondsErrorCode } from './errors.js';
import { claim } from './test-fixtures.js';
import { besluitVoorzitter, type VoorzittersBesluitInvoer } from './voorzitter.js';

const AT = '2026-03-01T10:00:00Z';
const invoer = (overrides: Partial<VoorzittersBesluitInvoer> = {}): VoorzittersBesluitInvoer => ({
  uitkomst: 'GOEDGEKEURD',
  motivering: 'Voorwaarden van bijlage 3 vervuld; partijen gehoord.',
  partijenGeraadpleegd: true,
  besprokenInOverlegOp: '2026-02-24',
  at: AT,
  ...overrides,
});
const feiten = { nalatigheidVastgelegd: false, vandaag: '2026-03-01' };
const ingediend = claim({ status: 'INGEDIEND' });

describe('voorzitter', () => {
  it('records the overleg date on the form when a discussed claim is approved', () => {
    const result = besluitVoorzitter(ingediend, invoer(), feiten);
    expect(result.ok && result.value.status).toBe('GOEDGEKEURD');
    expect(result.ok && result.value.formulier.besprokenInOverlegOp).toBe('2026-02-24');
  });

  it.each([
    { when: 'no overleg date is given', over: { besprokenInOverlegOp: null }, code: FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG },
    { when: 'the overleg date is blank', over: { besprokenInOverlegOp: '  ' }, code: FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG },
    { when: 'a rejection was not discussed either', over: { uitkomst: 'AFGEWEZEN' as const, besprokenInOverlegOp: undefined }, code: FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG },
    { when: 'the overleg date lies after today', over: { besprokenInOverlegOp: '2026-03-02' }, code: FondsErrorCode.DATUM_ONGELDIG },
    { when: 'the overleg date is not a date', over: { besprokenInOverlegOp: '2026-02-30' }, code: FondsErrorCode.DATUM_ONGELDIG },
    { when: 'the motivation is blank', over: { motivering: ' ' }, code: FondsErrorCode.MOTIVERING_ONTBREEKT },
    { when: 'the parties were not consulted', over: { partijenGeraadpleegd: false }, code: FondsErrorCode.PARTIJEN_NIET_GERAADPLEEGD },
  ])('refuses with $code when $when', ({ over, code }) => {
    const result = besluitVoorzitter(ingediend, invoer(over), feiten);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual([code]);
  });

  it('refuses approval with ERNSTIGE_NALATIGHEID when negligence is recorded, even with the overleg consent', () => {
    const result = besluitVoorzitter(ingediend, invoer({ overlegInstemming: true }), { ...feiten, nalatigheidVastgelegd: true });
    expect(result.ok ? [] : result.codes).toEqual([FondsErrorCode.ERNSTIGE_NALATIGHEID]);
  });

  it('allows rejection when negligence is recorded', () => {
    const result = besluitVoorzitter(ingediend, invoer({ uitkomst: 'AFGEWEZEN' }), { ...feiten, nalatigheidVastgelegd: true });
    expect(result.ok && result.value.status).toBe('AFGEWEZEN');
  });

  it('approves a claim with findings only as an exception with the overleg consent', () => {
    const exception = claim({ status: 'INGEDIEND', bevindingen: [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG] });
    const refused = besluitVoorzitter(exception, invoer(), feiten);
    expect(refused.ok ? [] : refused.codes).toEqual([FondsErrorCode.UITZONDERING_ZONDER_INSTEMMING]);
    const approved = besluitVoorzitter(exception, invoer({ overlegInstemming: true }), feiten);
    expect(approved.ok && approved.value.besluit).toEqual(expect.objectContaining({ uitzondering: true, overlegInstemming: true }));
  });

  it('collects every reason at once', () => {
    const result = besluitVoorzitter(claim({ status: 'GOEDGEKEURD' }), invoer({ besprokenInOverlegOp: null, motivering: '' }), { ...feiten, nalatigheidVastgelegd: true });
    expect(result.ok ? [] : result.codes).toEqual([
      FondsErrorCode.ONGELDIGE_STATUSOVERGANG,
      FondsErrorCode.MOTIVERING_ONTBREEKT,
      FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG,
      FondsErrorCode.ERNSTIGE_NALATIGHEID,
    ]);
  });
});
