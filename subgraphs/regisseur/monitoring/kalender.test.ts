import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kalenderdatum } from './kalender.js';

const INTL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });
/** The reference: Intl asked for every instant, as kalenderdatum did before it cached offsets per day. */
const perIntl = (d: Date) => INTL.format(d);

describe('kalenderdatum (offset per UTC day, Intl on the days the clocks change)', () => {
  it('agrees with Intl for any instant from 1990 to 2060', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => {
        expect(kalenderdatum(new Date(ms))).toBe(perIntl(new Date(ms)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with Intl minute by minute around every change of the clocks, 2020–2030', () => {
    for (let year = 2020; year <= 2030; year++) {
      for (const month of [2, 9]) {
        // The last Sunday of March / October, 01:00 UTC: the change; two hours either side.
        const last = new Date(Date.UTC(year, month + 1, 0));
        const sunday = Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
        for (let ms = sunday - 2 * 3_600_000; ms <= sunday + 24 * 3_600_000; ms += 60_000) {
          expect(kalenderdatum(new Date(ms)), new Date(ms).toISOString()).toBe(perIntl(new Date(ms)));
        }
      }
    }
  });

  it('reads the driver\'s text the same way', () => {
    expect(kalenderdatum('2025-10-25 22:30:00+00')).toBe('2025-10-26');
    expect(kalenderdatum('2025-10-25 21:59:59+00')).toBe('2025-10-25');
    expect(kalenderdatum('2025-03-29 23:00:00+00')).toBe('2025-03-30');
  });
});
