import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FondsErrorCode } from './errors.js';
import { formatEuro, isCents, isPositiveCents, isSignedCents, splitProRata, sumCents } from './money.js';

describe('money', () => {
  describe.each([
    { value: 0, cents: true, positive: false, signed: true },
    { value: 1, cents: true, positive: true, signed: true },
    { value: -1, cents: false, positive: false, signed: true },
    { value: 1.5, cents: false, positive: false, signed: false },
    { value: Number.NaN, cents: false, positive: false, signed: false },
    { value: Number.POSITIVE_INFINITY, cents: false, positive: false, signed: false },
    { value: Number.MAX_SAFE_INTEGER, cents: true, positive: true, signed: true },
    { value: Number.MAX_SAFE_INTEGER + 1, cents: false, positive: false, signed: false },
    { value: '100', cents: false, positive: false, signed: false },
  ])('amount $value', ({ value, cents, positive, signed }) => {
    it(`isCents is ${cents} when value is ${String(value)}`, () => expect(isCents(value)).toBe(cents));
    it(`isPositiveCents is ${positive} when value is ${String(value)}`, () => expect(isPositiveCents(value)).toBe(positive));
    it(`isSignedCents is ${signed} when value is ${String(value)}`, () => expect(isSignedCents(value)).toBe(signed));
  });

  it.each([
    { values: [], sum: 0 },
    { values: [1, 2, 3], sum: 6 },
    { values: [5_000_000, -150_000], sum: 4_850_000 },
  ])('sums exactly when values are $values', ({ values, sum }) => {
    expect(sumCents(values)).toEqual({ ok: true, value: sum });
  });

  it.each([
    { values: [1, 0.5] },
    { values: [Number.NaN] },
    { values: [Number.MAX_SAFE_INTEGER, 1] },
  ])('refuses BEDRAG_ONGELDIG when values are $values', ({ values }) => {
    const result = sumCents(values);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.codes).toEqual([FondsErrorCode.BEDRAG_ONGELDIG]);
  });

  it.each([
    { cents: 0, text: '€ 0,00' },
    { cents: 5, text: '€ 0,05' },
    { cents: 2_500_000, text: '€ 25.000,00' },
    { cents: 11_800_000, text: '€ 118.000,00' },
    { cents: 123_456_789, text: '€ 1.234.567,89' },
    { cents: -1_250, text: '-€ 12,50' },
  ])('formats $text when cents is $cents', ({ cents, text }) => {
    expect(formatEuro(cents)).toBe(text);
  });

  describe('splitProRata', () => {
    type Weights = Record<string, number>;
    it.each<{ total: number; weights: Weights; parts: Record<string, number>; why: string }>([
      { total: 101, weights: { a: 1, b: 1 }, parts: { a: 51, b: 50 }, why: 'a tie goes to the lower key' },
      { total: 101, weights: { b: 1, a: 1 }, parts: { a: 51, b: 50 }, why: 'insertion order does not matter' },
      { total: 100, weights: { a: 1, b: 1, c: 1 }, parts: { a: 34, b: 33, c: 33 }, why: 'thirds' },
      { total: 10, weights: { a: 1, b: 2 }, parts: { a: 3, b: 7 }, why: 'largest remainder (.67 beats .33)' },
      { total: 10, weights: { a: 0.1, b: 0.2, c: 0.7 }, parts: { a: 1, b: 2, c: 7 }, why: 'decimal weights' },
      { total: 7, weights: { a: 0, b: 1 }, parts: { a: 0, b: 7 }, why: 'zero weight gets zero' },
      { total: 0, weights: { a: 3, b: 1 }, parts: { a: 0, b: 0 }, why: 'zero total' },
      { total: 1, weights: { z: 1, y: 1, x: 1 }, parts: { x: 1, y: 0, z: 0 }, why: 'one cent, three ties' },
      { total: 2, weights: { a: 1, b: 1, c: 1 }, parts: { a: 1, b: 1, c: 0 }, why: 'two cents, three ties' },
      { total: 5_000_000, weights: { x: 1 }, parts: { x: 5_000_000 }, why: 'a single key gets everything' },
      { total: 3, weights: { B: 1, a: 1, b: 1 }, parts: { B: 1, a: 1, b: 1 }, why: 'code-unit order (B < a)' },
      { total: 1, weights: { B: 1, a: 1 }, parts: { B: 1, a: 0 }, why: 'upper case sorts before lower case' },
      { total: 100, weights: { a: 1e-300, b: 1 }, parts: { a: 0, b: 100 }, why: 'tiny weights stay exact' },
    ])('splits into $parts when $why', ({ total, weights, parts }) => {
      expect(splitProRata(total, weights)).toEqual({ ok: true, value: parts });
    });

    it('keeps a "__proto__" key as a plain key when it is a weight', () => {
      const weights = Object.fromEntries([
        ['__proto__', 1],
        ['a', 1],
      ]) as Record<string, number>;
      const result = splitProRata(3, weights);
      expect(result.ok).toBe(true);
      if (result.ok) {
        expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
        expect(Object.entries(result.value)).toEqual([
          ['__proto__', 2],
          ['a', 1],
        ]);
      }
    });

    it.each<{ total: number; weights: Weights; codes: FondsErrorCode[] }>([
      { total: -1, weights: { a: 1 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { total: 1.5, weights: { a: 1 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { total: Number.NaN, weights: { a: 1 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG] },
      { total: 10, weights: { a: -1, b: 2 }, codes: [FondsErrorCode.GEWICHT_ONGELDIG] },
      { total: 10, weights: { a: Number.NaN }, codes: [FondsErrorCode.GEWICHT_ONGELDIG] },
      { total: 10, weights: { a: Number.POSITIVE_INFINITY }, codes: [FondsErrorCode.GEWICHT_ONGELDIG] },
      { total: 10, weights: {}, codes: [FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF] },
      { total: 10, weights: { a: 0, b: 0 }, codes: [FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF] },
      { total: -5, weights: { a: -1 }, codes: [FondsErrorCode.BEDRAG_ONGELDIG, FondsErrorCode.GEWICHT_ONGELDIG] },
      { total: 0.5, weights: {}, codes: [FondsErrorCode.BEDRAG_ONGELDIG, FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF] },
    ])('refuses $codes when total is $total and weights are $weights', ({ total, weights, codes }) => {
      const result = splitProRata(total, weights);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.codes).toEqual(codes);
        expect(result.message).toContain(codes[0]);
      }
    });

    const integerWeights = fc.dictionary(
      fc.string({ minLength: 1, maxLength: 6 }),
      fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 1_000_000_000 })),
      { minKeys: 1, maxKeys: 25 },
    );
    const total = fc.oneof(fc.nat({ max: 10_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));

    it('sums exactly to the total and is within 1 cent of the exact share when weights are integers (property)', () => {
      fc.assert(
        fc.property(total, integerWeights, (t, weights) => {
          fc.pre(Object.values(weights).some((w) => w > 0));
          const result = splitProRata(t, weights);
          if (!result.ok) return false;
          const parts = result.value;
          const keys = Object.keys(weights);
          expect(Object.keys(parts).sort()).toEqual([...keys].sort());
          expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(t);
          const W = keys.reduce((a, k) => a + BigInt(weights[k] ?? 0), 0n);
          for (const key of keys) {
            const part = BigInt(parts[key] ?? -1);
            const exactTimesW = BigInt(t) * BigInt(weights[key] ?? 0);
            const diff = part * W - exactTimesW; // (part − exact share) × W
            expect(diff < W && diff > -W).toBe(true); // |part − exact| < 1 cent
            if (weights[key] === 0) expect(part).toBe(0n);
          }
          return true;
        }),
        { numRuns: 500 },
      );
    });

    it('sums exactly and is within 1 cent of the share when weights are arbitrary doubles (property)', () => {
      fc.assert(
        fc.property(
          fc.nat({ max: 100_000_000 }),
          fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.double({ min: 0, max: 1e6, noNaN: true }), {
            minKeys: 1,
            maxKeys: 15,
          }),
          (t, weights) => {
            const W = Object.values(weights).reduce((a, b) => a + b, 0);
            fc.pre(W > 0);
            const result = splitProRata(t, weights);
            if (!result.ok) return false;
            expect(Object.values(result.value).reduce((a, b) => a + b, 0)).toBe(t);
            for (const [key, w] of Object.entries(weights)) {
              const part = result.value[key] ?? Number.NaN;
              expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
              expect(Math.abs(part - (t * w) / W)).toBeLessThan(1 + 1e-12 * Math.max(1, t));
            }
            return true;
          },
        ),
        { numRuns: 500 },
      );
    });

    it('gives the same parts when the keys are given in another order (property)', () => {
      fc.assert(
        fc.property(total, integerWeights, (t, weights) => {
          fc.pre(Object.values(weights).some((w) => w > 0));
          const reversed = Object.fromEntries(Object.entries(weights).reverse());
          expect(splitProRata(t, reversed)).toEqual(splitProRata(t, weights));
        }),
        { numRuns: 200 },
      );
    });

    it('hands out leftover cents by largest remainder when weights are integers (property)', () => {
      fc.assert(
        fc.property(fc.nat({ max: 1_000_000 }), integerWeights, (t, weights) => {
          fc.pre(Object.values(weights).some((w) => w > 0));
          const result = splitProRata(t, weights);
          if (!result.ok) return false;
          const W = Object.values(weights).reduce((a, b) => a + BigInt(b), 0n);
          const rows = Object.entries(weights).map(([key, w]) => {
            const product = BigInt(t) * BigInt(w);
            const floor = product / W;
            return { key, floor, remainder: product % W, got: BigInt(result.value[key] ?? -1) };
          });
          for (const row of rows) expect(row.got === row.floor || row.got === row.floor + 1n).toBe(true);
          // every key that got an extra cent has a remainder >= every key that did not
          const up = rows.filter((r) => r.got > r.floor);
          const down = rows.filter((r) => r.got === r.floor);
          for (const u of up) for (const d of down) expect(u.remainder >= d.remainder).toBe(true);
          return true;
        }),
        { numRuns: 300 },
      );
    });
  });
});
