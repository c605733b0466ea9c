import { describe, expect, it } from 'vitest';
import { FONDS_ERROR_MESSAGES, FondsErrorCode, mergeRefusals, ok, refuse, resultOf } from './errors.js';

describe('errors', () => {
  it.each(Object.entries(FondsErrorCode).map(([key, value]) => ({ key, value })))(
    'has a matching value and a Dutch message when the code is $key',
    ({ key, value }) => {
      expect(value).toBe(key);
      expect(FONDS_ERROR_MESSAGES[value].length).toBeGreaterThan(10);
    },
  );

  it('removes duplicate codes and keeps their order when refusing', () => {
    const r = refuse([FondsErrorCode.SALDO_ONTOEREIKEND, FondsErrorCode.BEDRAG_ONGELDIG, FondsErrorCode.SALDO_ONTOEREIKEND]);
    expect(r.ok).toBe(false);
    expect(r.codes).toEqual([FondsErrorCode.SALDO_ONTOEREIKEND, FondsErrorCode.BEDRAG_ONGELDIG]);
    expect(r.message).toBe(
      `SALDO_ONTOEREIKEND: ${FONDS_ERROR_MESSAGES.SALDO_ONTOEREIKEND}; BEDRAG_ONGELDIG: ${FONDS_ERROR_MESSAGES.BEDRAG_ONGELDIG}`,
    );
  });

  it('appends the detail in parentheses when a detail is given', () => {
    expect(refuse([FondsErrorCode.FONDS_OPGEHEVEN], 'sinds 2028').message).toMatch(/\(sinds 2028\)$/);
  });

  it.each([
    { codes: [], expected: { ok: true, value: 42 } },
    { codes: [FondsErrorCode.GROOTBOEK_ONGELDIG], expected: expect.objectContaining({ ok: false, codes: ['GROOTBOEK_ONGELDIG'] }) },
  ])('resultOf gives $expected.ok when the codes are $codes', ({ codes, expected }) => {
    expect(resultOf(codes, () => 42)).toEqual(expected);
  });

  it('does not compute the value when refusing', () => {
    let computed = false;
    resultOf([FondsErrorCode.BEDRAG_ONGELDIG], () => {
      computed = true;
    });
    expect(computed).toBe(false);
  });

  it('joins codes and messages when refusals are merged', () => {
    const merged = mergeRefusals([refuse([FondsErrorCode.GEWICHT_ONGELDIG]), refuse([FondsErrorCode.GEWICHT_ONGELDIG, FondsErrorCode.DUBBELE_DEELNEMER])]);
    expect(merged.codes).toEqual([FondsErrorCode.GEWICHT_ONGELDIG, FondsErrorCode.DUBBELE_DEELNEMER]);
    expect(merged.message.split(' | ')).toHaveLength(2);
  });

  it('wraps the value when ok is called', () => {
    expect(ok('x')).toEqual({ ok: true, value: 'x' });
  });
});
