import { describe, expect, it } from 'vitest';
import { LANGSTE_TERMIJN_JAREN, isVerlopen, plusJaren, vervaltOp } from './termijnen.js';

const DAG = 86_400_000;
const gesloten = new Date('2020-03-10T09:30:00.000Z');

describe('retention terms', () => {
  it('expires a case that did not enter Woonkans 5 years after closing, not a day before', () => {
    expect(vervaltOp(gesloten, false).toISOString()).toBe('2025-03-10T09:30:00.000Z');
    expect(isVerlopen(gesloten, false, new Date(Date.parse('2025-03-10T09:30:00.000Z') + DAG))).toBe(true);
    expect(isVerlopen(gesloten, false, new Date(Date.parse('2025-03-10T09:30:00.000Z') - DAG))).toBe(false);
    // On the moment itself the case is still kept.
    expect(isVerlopen(gesloten, false, vervaltOp(gesloten, false))).toBe(false);
  });

  it('keeps a case that entered Woonkans 15 years', () => {
    expect(isVerlopen(gesloten, true, new Date(Date.parse('2035-03-10T09:30:00.000Z') - DAG))).toBe(false);
    expect(isVerlopen(gesloten, true, new Date(Date.parse('2035-03-10T09:30:00.000Z') + DAG))).toBe(true);
    expect(LANGSTE_TERMIJN_JAREN).toBe(15);
  });

  it('counts calendar years in UTC, a leap day moving to 1 March', () => {
    expect(plusJaren(new Date('2024-02-29T12:00:00Z'), 5).toISOString()).toBe('2029-03-01T12:00:00.000Z');
    expect(plusJaren(new Date('2040-06-01T00:00:00Z'), -15).toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(() => plusJaren(gesloten, 1.5)).toThrow();
    expect(() => vervaltOp(new Date('geen datum'), false)).toThrow();
  });
});
