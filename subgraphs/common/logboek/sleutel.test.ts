import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeInzageSleutel, decodeToezichtSleutel, encodeInzageSleutel, encodeToezichtSleutel, parsePeriode } from './sleutel.js';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'geen fout';
};

describe('sleutel', () => {
  it('round-trips the cases and the period', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }), code: fc.option(fc.string({ maxLength: 10 }), { nil: null }) }), { maxLength: 20 }),
        fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-01-01'), noInvalidDate: true }), { nil: undefined }),
        (trajecten, van) => {
          const decoded = decodeInzageSleutel(encodeInzageSleutel({ trajecten, van }));
          expect(decoded).toEqual({ trajecten, van, tot: undefined });
        },
      ),
    );
    const periode = { van: new Date('2025-01-01T00:00:00Z'), tot: new Date('2026-01-01T00:00:00Z') };
    expect(decodeToezichtSleutel(encodeToezichtSleutel(periode))).toEqual(periode);
  });

  it('refuses anything malformed with ONGELDIGE_INVOER, never reads it as empty', () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const bad of ['', 'x', '!!', 42, null, b64([]), b64({ v: 2, s: 'I', t: [] }), b64({ v: 1, s: 'T', t: [] }), b64({ v: 1, s: 'I', t: [[1, 'x']] }), b64({ v: 1, s: 'I', t: [['', 'x']] }), b64({ v: 1, s: 'I', t: Array.from({ length: 101 }, (_, i) => [`id${i}`, null]) }), b64({ v: 1, s: 'I', t: [], van: 'gisteren' })]) {
      expect(code(() => decodeInzageSleutel(bad))).toBe('ONGELDIGE_INVOER');
    }
    // An inzage key is no toezicht key and the other way round.
    expect(code(() => decodeToezichtSleutel(encodeInzageSleutel({ trajecten: [] })))).toBe('ONGELDIGE_INVOER');
    expect(code(() => decodeInzageSleutel(encodeToezichtSleutel({})))).toBe('ONGELDIGE_INVOER');
  });

  it('accepts ISO dates and times for a period, `tot` after `van`', () => {
    expect(parsePeriode('2025-01-01', undefined).van?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(parsePeriode(null, '2025-06-01T12:00:00+02:00').tot?.toISOString()).toBe('2025-06-01T10:00:00.000Z');
    for (const [van, tot] of [['1 januari', null], ['2025-13-45', null], ['2025-02-01', '2025-01-01'], ['2025-01-01', '2025-01-01']] as const) {
      expect(code(() => parsePeriode(van, tot))).toBe('ONGELDIGE_INVOER');
    }
  });
});
