import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGIOS } from '../vocabulary.js';
import { PERIODE_SOORTEN, perioden } from './periods.js';
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
  it('accepts one aligned period or whole years, and both regio choices', () => {
    expect(leesVerzoek({ periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: null })).toEqual({
      periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: null,
    });
    expect(leesVerzoek({ periode: 'JAAR', van: '2024-01-01', tot: '2026-01-01', regio: 'MIDDEN_LIMBURG' }).regio).toBe('MIDDEN_LIMBURG');
    expect(leesVerzoek({ periode: 'KWARTAAL', van: '2025-07-01', tot: '2026-01-01' }).regio).toBeNull();
    expect(leesVerzoek({ periode: 'MAAND', van: '2025-02-01', tot: '2025-03-01' }).tot).toBe('2025-03-01');
  });

  it.each([
    [{ periode: 'HALFJAAR', van: '2025-02-01', tot: '2025-08-01' }, 'van', 'halfjaar'],
    [{ periode: 'KWARTAAL', van: '2025-01-01', tot: '2025-05-01' }, 'tot', 'kwartaal'],
    [{ periode: 'JAAR', van: '2025-07-01', tot: '2026-07-01' }, 'van', 'jaar'],
    // Ranges that are no calendar period: their difference with one would give a hidden month away.
    [{ periode: 'MAAND', van: '2025-01-01', tot: '2025-03-01' }, 'tot', 'vaste perioden'],
    [{ periode: 'MAAND', van: '2024-12-01', tot: '2025-02-01' }, 'tot', 'vaste perioden'],
    [{ periode: 'KWARTAAL', van: '2025-04-01', tot: '2025-10-01' }, 'tot', 'vaste perioden'],
    [{ periode: 'MAAND', van: '2024-07-01', tot: '2025-07-01' }, 'tot', 'vaste perioden'],
  ])('refuses a range off the fixed boundaries: %j on %s', (args, veld, tekst) => {
    const f = fout(() => leesVerzoek(args));
    expect(f.veld).toBe(veld);
    expect(f.message).toContain(tekst);
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
    [{ periode: 'MAAND', van: '2019-01-01', tot: '2025-01-01' }, 'tot'],
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
    expect(fout(() => leesVerzoek({ periode: 'MAAND', van: '2019-01-01', tot: '2025-01-01' })).message).toContain('hoogstens 60');
  });
});

describe('monitoringSleutel', () => {
  it('encodes the arguments readably', () => {
    expect(monitoringSleutel({ periode: 'MAAND', van: '2025-01-01', tot: '2025-04-01', regio: null })).toBe('m1|MAAND|2025-01-01|2025-04-01|*');
  });

  it('round-trips every valid verzoek (property)', () => {
    const bereik = fc.oneof(
      fc.record({ y: fc.integer({ min: 2015, max: 2035 }), n: fc.integer({ min: 1, max: 5 }) }).map(({ y, n }) => [`${y}-01-01`, `${y + n}-01-01`] as const),
      fc.record({ y: fc.integer({ min: 2015, max: 2035 }), soort: fc.constantFrom(...PERIODE_SOORTEN), i: fc.nat() }).map(({ y, soort, i }) => {
        const p = perioden(y).filter((x) => x.periode.soort === soort);
        const { van, tot } = p[i % p.length]!.periode;
        return [van, tot] as const;
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...PERIODE_SOORTEN), bereik, fc.constantFrom(null, ...REGIOS), (periode, [van, tot], regio) => {
        let v;
        try {
          v = leesVerzoek({ periode, van, tot, regio });
        } catch (error) {
          expect(error).toBeInstanceOf(OngeldigVerzoekError);
          return;
        }
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
