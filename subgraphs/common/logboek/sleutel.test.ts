import fc from 'fast-check';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSleutelCodec, parsePeriode } from './sleutel.js';

const KEY = randomBytes(32);
const { decodeInzageSleutel, decodeToezichtSleutel, encodeInzageSleutel, encodeToezichtSleutel } = createSleutelCodec(KEY);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A payload signed as the regisseur would: the format written out, so the test pins it. */
const signed = (v: unknown, key: Uint8Array = KEY) => {
  const payload = b64(v);
  return `${payload}.${createHmac('sha256', key).update(`woonkans-sleutel.v1.${payload}`).digest('base64url')}`;
};

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
    for (const bad of ['', 'x', '!!', 42, null, b64({ v: 1, s: 'I', t: [] }), signed([]), signed({ v: 2, s: 'I', t: [] }), signed({ v: 1, s: 'T', t: [] }), signed({ v: 1, s: 'I', t: [[1, 'x']] }), signed({ v: 1, s: 'I', t: [['', 'x']] }), signed({ v: 1, s: 'I', t: Array.from({ length: 101 }, (_, i) => [`id${i}`, null]) }), signed({ v: 1, s: 'I', t: [], van: 'gisteren' })]) {
      expect(code(() => decodeInzageSleutel(bad))).toBe('ONGELDIGE_INVOER');
    }
    // An inzage key is no toezicht key and the other way round.
    expect(code(() => decodeToezichtSleutel(encodeInzageSleutel({ trajecten: [] })))).toBe('ONGELDIGE_INVOER');
    expect(code(() => decodeInzageSleutel(encodeToezichtSleutel({})))).toBe('ONGELDIGE_INVOER');
  });

  it('refuses a key whose case code was altered, or that another key signed, with SLEUTEL_ONGELDIG', () => {
    const sleutel = encodeInzageSleutel({ trajecten: [{ id: 'traject-1', code: 'WK-0001' }] });
    const [payload, mac] = sleutel.split('.') as [string, string];
    const altered = b64({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), t: [['traject-1', 'WK-9999']] });
    expect(code(() => decodeInzageSleutel(`${altered}.${mac}`))).toBe('SLEUTEL_ONGELDIG');
    expect(code(() => decodeInzageSleutel(signed({ v: 1, s: 'I', t: [['traject-1', 'WK-9999']] }, randomBytes(32))))).toBe('SLEUTEL_ONGELDIG');
    expect(code(() => decodeInzageSleutel(`${payload}.${mac.slice(0, -2)}`))).toBe('SLEUTEL_ONGELDIG');
    // Untouched, it reads back.
    expect(decodeInzageSleutel(sleutel).trajecten).toEqual([{ id: 'traject-1', code: 'WK-0001' }]);
  });

  it('refuses a key shorter than the MAC it makes', () => {
    expect(() => createSleutelCodec(randomBytes(16))).toThrow(/32 bytes/);
  });

  it('accepts ISO dates and times for a period, `tot` after `van`', () => {
    expect(parsePeriode('2025-01-01', undefined).van?.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(parsePeriode(null, '2025-06-01T12:00:00+02:00').tot?.toISOString()).toBe('2025-06-01T10:00:00.000Z');
    for (const [van, tot] of [['1 januari', null], ['2025-13-45', null], ['2025-02-01', '2025-01-01'], ['2025-01-01', '2025-01-01']] as const) {
      expect(code(() => parsePeriode(van, tot))).toBe('ONGELDIGE_INVOER');
    }
  });
});
