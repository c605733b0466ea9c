/**
 * Money as integer euro cents. Floating-point euros lose cents (0.1 + 0.2 !== 0.3); integer cents in
 * the safe-integer range are exact, map one-to-one onto a PostgreSQL `bigint` column, and make "the
 * parts sum to the total" a checkable fact instead of a hope.
 */
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';

/** An amount in euro cents: a safe integer. Signed in ledger entries, non-negative everywhere else. */
export type Cents = number;

/** True for a non-negative safe integer: the only shape an amount may have outside the ledger's sign. */
export function isCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True for a positive safe integer: payouts, claim lines and contributions of a real party are never 0. */
export function isPositiveCents(value: unknown): value is Cents {
  return isCents(value) && value > 0;
}

/** True for any safe integer: a ledger mutation (+ in, − out). */
export function isSignedCents(value: unknown): value is Cents {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/**
 * Sums signed cents exactly (via BigInt) and refuses when an input is not a safe integer or the sum
 * leaves the safe range, so an overflow can never silently round a balance.
 */
export function sumCents(values: readonly Cents[]): Result<Cents> {
  let total = 0n;
  for (const value of values) {
    if (!isSignedCents(value)) return refuse([FondsErrorCode.BEDRAG_ONGELDIG], `waarde ${String(value)}`);
    total += BigInt(value);
  }
  const asNumber = Number(total);
  return Number.isSafeInteger(asNumber) ? ok(asNumber) : refuse([FondsErrorCode.BEDRAG_ONGELDIG], 'som buiten bereik');
}

/**
 * Formats cents the Dutch way ("€ 25.000,00", "-€ 12,50") for refusal messages and reports; done by
 * hand so the output does not depend on the ICU data of the Node build.
 */
export function formatEuro(cents: Cents): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const euros = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const rest = (abs % 100).toString().padStart(2, '0');
  return `${sign}€ ${euros},${rest}`;
}

/** Code-unit order of keys (not locale order), so tie-breaking is the same on every machine. */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A finite non-negative double as an exact fraction num / 2^exp (every finite double is one). */
function toDyadic(weight: number): { num: bigint; exp: number } {
  let scaled = weight;
  let exp = 0;
  while (!Number.isInteger(scaled)) {
    scaled *= 2; // exact for finite doubles: only the exponent changes
    exp += 1;
  }
  return { num: BigInt(scaled), exp };
}

/**
 * Splits `totalCents` over the keys of `weights` in proportion to the weights, exactly: the parts
 * ALWAYS sum to the total, which a fund that must account for every cent needs (art. 7.8, art. 10.5).
 *
 * Rounding rule (largest-remainder / Hamilton method):
 * 1. each key's exact share is `total × weight / Σweights`; it first gets the share rounded DOWN;
 * 2. the cents left over (always fewer than the number of keys) go one each to the keys with the
 *    largest fractional remainder;
 * 3. equal remainders are broken by key in ascending code-unit order ("a" before "b"), so the result
 *    is deterministic and independent of the object's insertion order.
 * Consequently every part differs from its exact share by less than one cent, and a key with weight 0
 * always gets 0. The arithmetic is exact: each weight (any finite double, e.g. 0.1 or 12.75) is turned
 * into an exact fraction and all products are done in BigInt, so no floating-point error can move a cent.
 *
 * Refuses with `BEDRAG_ONGELDIG` when the total is not non-negative integer cents, `GEWICHT_ONGELDIG`
 * when a weight is negative, NaN or infinite, and `TOTAAL_GEWICHT_NIET_POSITIEF` when there are no
 * keys or all weights are 0 (there is nothing to be pro rata to).
 */
export function splitProRata<K extends string>(
  totalCents: Cents,
  weights: Readonly<Record<K, number>>,
): Result<Record<K, Cents>> {
  const keys = (Object.keys(weights) as K[]).sort(compareKeys);
  const values = keys.map((key): number => weights[key]);
  const codes: FondsErrorCode[] = [];
  if (!isCents(totalCents)) codes.push(FondsErrorCode.BEDRAG_ONGELDIG);
  const invalid = keys.filter((_, i) => {
    const w = values[i];
    return typeof w !== 'number' || !Number.isFinite(w) || w < 0;
  });
  if (invalid.length > 0) codes.push(FondsErrorCode.GEWICHT_ONGELDIG);
  else if (!values.some((w) => w > 0)) codes.push(FondsErrorCode.TOTAAL_GEWICHT_NIET_POSITIEF);
  if (codes.length > 0) {
    return refuse(codes, invalid.length > 0 ? `sleutels: ${invalid.join(', ')}` : undefined);
  }

  const dyadic = values.map(toDyadic);
  const maxExp = Math.max(0, ...dyadic.map((d) => d.exp));
  const scaled = dyadic.map((d) => d.num << BigInt(maxExp - d.exp));
  const totalWeight = scaled.reduce((a, b) => a + b, 0n);
  const total = BigInt(totalCents);

  const parts = keys.map((key, i) => {
    const product = total * (scaled[i] ?? 0n);
    return { key, floor: product / totalWeight, remainder: product % totalWeight };
  });
  const leftOver = Number(total - parts.reduce((a, p) => a + p.floor, 0n));
  const byRemainder = [...parts].sort((a, b) =>
    a.remainder > b.remainder ? -1 : a.remainder < b.remainder ? 1 : compareKeys(a.key, b.key),
  );
  const extra = new Set(byRemainder.slice(0, leftOver).map((p) => p.key));
  // Object.fromEntries defines own properties, so even a key like "__proto__" stays a plain key.
  return ok(
    Object.fromEntries(parts.map((p) => [p.key, Number(p.floor) + (extra.has(p.key) ? 1 : 0)])) as Record<K, Cents>,
  );
}
