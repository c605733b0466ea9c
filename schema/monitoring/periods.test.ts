import { describe, expect, it } from 'vitest';
import { dagenTussen, inBereik, isoDatum, periodeVan, periodenInBereik } from './periods.js';

describe('periodeVan', () => {
  it.each([
    ['MAAND', '2025-03-31', '2025-03', '2025-03-01', '2025-04-01'],
    ['MAAND', '2025-12-05T10:00:00Z', '2025-12', '2025-12-01', '2026-01-01'],
    ['HALFJAAR', '2025-06-30', '2025-H1', '2025-01-01', '2025-07-01'],
    ['HALFJAAR', '2025-07-01', '2025-H2', '2025-07-01', '2026-01-01'],
    ['JAAR', '2024-02-29', '2024', '2024-01-01', '2025-01-01'],
  ] as const)('%s of %s is %s', (soort, datum, sleutel, van, tot) => {
    expect(periodeVan(soort, datum)).toMatchObject({ sleutel, van, tot });
  });
});

describe('periodenInBereik', () => {
  it('lists the months of a half-open range, the last month excluded', () => {
    expect(periodenInBereik('MAAND', '2025-11-01', '2026-02-01').map((p) => p.sleutel)).toEqual(['2025-11', '2025-12', '2026-01']);
  });

  it('includes a period that the range only partly covers', () => {
    expect(periodenInBereik('HALFJAAR', '2025-03-15', '2025-07-02').map((p) => p.sleutel)).toEqual(['2025-H1', '2025-H2']);
    expect(periodenInBereik('JAAR', '2024-12-31', '2026-01-01').map((p) => p.sleutel)).toEqual(['2024', '2025']);
  });

  it('refuses an empty range, a bad date and too many periods', () => {
    expect(() => periodenInBereik('MAAND', '2025-02-01', '2025-02-01')).toThrow(RangeError);
    expect(() => periodenInBereik('MAAND', '2025-02-30', '2025-04-01')).toThrow(RangeError);
    expect(() => periodenInBereik('MAAND', '2000-01-01', '2025-01-01')).toThrow(RangeError);
  });
});

describe('dates', () => {
  it('counts whole days between dates, across a DST change', () => {
    expect(dagenTussen('2025-03-01', '2025-04-01')).toBe(31);
    expect(dagenTussen('2025-10-01T23:00:00+02:00', '2025-11-01')).toBe(31);
  });

  it('treats the range as [van, tot)', () => {
    expect(inBereik('2025-01-01', '2025-01-01', '2025-02-01')).toBe(true);
    expect(inBereik('2025-02-01', '2025-01-01', '2025-02-01')).toBe(false);
  });

  it('rejects what is not an ISO date', () => {
    expect(() => isoDatum('01-02-2025')).toThrow(RangeError);
  });
});
