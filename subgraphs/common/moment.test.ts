import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { momentFromDriver } from './moment.js';

const two = (n: number) => String(n).padStart(2, '0');

describe('momentFromDriver (PostgreSQL text read by hand)', () => {
  it('reads every text form PostgreSQL writes exactly as Date did', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 0, max: 59 }),
        fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }),
        fc.constantFrom('+00', '+01', '-05', '+05:30', '-09:30', '+14'),
        (y, mo, d, h, mi, s, frac, zone) => {
          const text = `${y}-${two(mo)}-${two(d)} ${two(h)}:${two(mi)}:${two(s)}${frac ? `.${frac}` : ''}${zone}`;
          const iso = `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${frac ? `.${frac.padEnd(3, '0').slice(0, 3)}` : ''}${zone.length === 3 ? `${zone}:00` : zone}`;
          expect(momentFromDriver(text)).toBe(new Date(iso).toISOString());
          // …and as the driver's text read by Date itself, the way before.
          expect(momentFromDriver(text)).toBe(new Date(text).toISOString());
        },
      ),
      { numRuns: 5_000 },
    );
  });

  it('passes a Date (PGlite) and the forms it does not know to Date as before', () => {
    const d = new Date('2026-11-20T09:30:00.123Z');
    expect(momentFromDriver(d)).toBe('2026-11-20T09:30:00.123Z');
    expect(momentFromDriver('2026-11-20T09:30:00.123Z')).toBe('2026-11-20T09:30:00.123Z');
    expect(momentFromDriver('2025-01-31 23:30:00+00')).toBe('2025-01-31T23:30:00.000Z');
    expect(() => momentFromDriver('infinity')).toThrow(RangeError);
  });
});
