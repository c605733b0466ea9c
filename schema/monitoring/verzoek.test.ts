import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIOS } from '../vocabulary.js';
import { PERIODE_SOORTEN } from './periods.js';
import { leesVerzoek, MAX_PERIODEN_PER_VERZOEK, monitoringSleutel, OngeldigVerzoekError, verzoekUitSleutel } from './verzoek.js';

const fout = (f: () => unknown): { veld: string; message: string } => {
  try {
    f();
  } catch (error) {
    expect(error).toBeInstanceOf(OngeldigVerzoekError);
    return { veld: (error as OngeldigVerzoekError).veld, message: (error as Error).message };
  }
  throw new Error('no error');
};

describe('leesVerzoek', () => {
  it('accepts whole months and both regio choices', () => {
    expect(leesVerzoek({ periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: null })).toEqual({
      periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: null,
    });
    expect(leesVerzoek({ periode: 'JAAR', van: '2024-01-01', tot: '2026-01-01', regio: 'MIDDEN_LIMBURG' }).regio).toBe('MIDDEN_LIMBURG');
    expect(leesVerzoek({ periode: 'HALFJAAR', van: '2025-02-01', tot: '2025-03-01' }).regio).toBeNull();
  });

  it.each([
    [{ periode: 'WEEK', van: '2025-01-01', tot: '2025-02-01' }, 'periode'],
    [{ periode: 'MAAND', van: '2025-01-04', tot: '2025-02-01' }, 'van'],
    [{ periode: 'MAAND', van: '2025-01-01', tot: '2025-03-05' }, 'tot'],
    [{ periode: 'MAAND', van: '2025-13-01', tot: '2026-02-01' }, 'van'],
    [{ periode: 'MAAND', van: '2025-01-01T00:00:00Z', tot: '2025-02-01' }, 'van'],
    [{ periode: 'MAAND', van: 20250101, tot: '2025-02-01' }, 'van'],
    [{ periode: 'MAAND', van: '2025-03-01', tot: '2025-03-01' }, 'tot'],
    [{ periode: 'MAAND', van: '2025-04-01', tot: '2025-03-01' }, 'tot'],
    [{ periode: 'MAAND', van: '2000-01-01', tot: '2025-01-01' }, 'tot'],
    [{ periode: 'MAAND', van: '2020-01-01', tot: '2025-02-01' }, 'tot'],
    [{ periode: 'MAAND', van: '2025-01-01', tot: '2025-02-01', regio: 'ZUID_LIMBURG' }, 'regio'],
  ])('refuses %j on %s', (args, veld) => {
    expect(fout(() => leesVerzoek(args)).veld).toBe(veld);
  });
});

describe('the limit on periods', () => {
  it('allows five years of months, and more years per half-year or year', () => {
    expect(MAX_PERIODEN_PER_VERZOEK).toBe(60);
    expect(leesVerzoek({ periode: 'MAAND', van: '2020-01-01', tot: '2025-01-01' }).van).toBe('2020-01-01');
    expect(leesVerzoek({ periode: 'JAAR', van: '2000-01-01', tot: '2030-01-01' }).tot).toBe('2030-01-01');
    expect(fout(() => leesVerzoek({ periode: 'MAAND', van: '2020-01-01', tot: '2025-02-01' })).message).toContain('hoogstens 60');
  });
});

describe('monitoringSleutel', () => {
  it('encodes the arguments readably', () => {
    expect(monitoringSleutel({ periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: null })).toBe('m1|MAAND|2025-01-01|2025-04-01|*');
  });

  it('round-trips every valid verzoek (property)', () => {
    const maand = fc.record({ y: fc.integer({ min: 2015, max: 2035 }), m: fc.integer({ min: 1, max: 12 }) });
    const iso = ({ y, m }: { y: number; m: number }) => `${y}-${String(m).padStart(2, '0')}-01`;
    fc.assert(
      fc.property(fc.constantFrom(...PERIODE_SOORTEN), maand, fc.integer({ min: 1, max: 60 }), fc.constantFrom(null, ...REGIOS), (periode, start, lengte, regio) => {
        const eind = { y: start.y + Math.floor((start.m - 1 + lengte) / 12), m: ((start.m - 1 + lengte) % 12) + 1 };
        const v = leesVerzoek({ periode, van: iso(start), tot: iso(eind), regio });
        expect(verzoekUitSleutel(monitoringSleutel(v))).toEqual(v);
      }),
    );
  });

  it('refuses a forged or malformed key with the same checks as the arguments', () => {
    expect(fout(() => verzoekUitSleutel('m1|MAAND|2025-01-02|2025-04-01|*')).veld).toBe('van');
    expect(fout(() => verzoekUitSleutel('m2|MAAND|2025-01-01|2025-04-01|*')).veld).toBe('sleutel');
    expect(fout(() => verzoekUitSleutel('m1|MAAND|2025-01-01|2025-04-01')).veld).toBe('sleutel');
    expect(fout(() => verzoekUitSleutel(42)).veld).toBe('sleutel');
    expect(fout(() => verzoekUitSleutel('m1|MAAND|2025-01-01|2025-04-01|NOORD')).veld).toBe('regio');
  });
});
