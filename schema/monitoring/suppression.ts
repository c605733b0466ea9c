/**
 * Small-cell suppression for the Werkgroep's count tables: the Werkgroep sees aggregates, never a person
 * (DESIGN §2, §3 "Monitoring for the Werkgroep"), so no published number may single out fewer than
 * `k` residents, neither directly nor by recomputing it from totals.
 *
 * The rule as implemented (threshold k, default 5):
 * 1. **Primary suppression.** Every entry — cell, row total, column total, grand total — whose count is
 *    1 … k-1 is hidden (the CBS practice). A zero is shown: it says that nobody in that group has the
 *    property, which is group information about a group of size 0 for that cell; the totals it sits in
 *    are protected by the same rule. When an entry counts events rather than people (e.g. conversations),
 *    its `basis` (the number of distinct people behind it) is checked too.
 * 2. **Complementary suppression, per line.** A line is a relation "members add up to a total" (a row
 *    with its row total, a column with its column total, gemeenten with their regio…). No line may hold
 *    exactly one hidden entry, or it follows from the others. For such a line one more shown entry is
 *    hidden: a non-zero one (a zero only as the last resort); among those first one that also completes
 *    another line with exactly one hidden entry (one complement doing two jobs keeps the loss of
 *    information down), then a member before the line's total, then the smallest. Repeated until stable.
 * 3. **Exact audit.** Step 2 misses hidden patterns that are recoverable from several lines together
 *    (a "bridge" in a two-way table, overlapping hierarchies). `derivability.ts` finds every hidden entry
 *    that can still be computed exactly; for each one a further complement is hidden that breaks the
 *    recomputation, then step 2 runs again. Stops when nothing hidden is derivable.
 * If the audit cannot run (numeric overflow) every entry is hidden: fail closed.
 *
 * Not covered: bounds from non-negativity (interval attacks). Differences between tables suppressed
 * separately are not seen here either — that is how issue 11's leak (two ranges a month apart) got
 * through — so `figures.ts` publishes only cells of one fixed release per year and measure.
 */
import { auditDerivability, DerivabilityOverflowError, type Relation } from './derivability.js';

export type { Relation } from './derivability.js';

/** The default minimum number of people behind a published count. */
export const DEFAULT_THRESHOLD = 5;

/** One published number: `value` is `null` exactly when `suppressed`. */
export interface Cell {
  value: number | null;
  suppressed: boolean;
}

/** A set of counts linked by additive relations, suppressed as one whole. */
export interface LinkedCounts {
  /** The counts, one per entry. Non-negative integers. */
  readonly values: readonly number[];
  /**
   * The number of distinct people behind each entry where that differs from the count (events such as
   * conversations). Primary suppression applies when either is 1 … k-1.
   * @default values
   */
  readonly bases?: readonly number[];
  /** The additive relations between entries; each must hold exactly. */
  readonly relations: readonly Relation[];
  /**
   * Entries whose value other published figures already give away (an attacker knows them): they are
   * never hidden and never chosen as a complement, so the audit protects the rest against them too.
   * @default none
   */
  readonly publiek?: readonly boolean[];
  /** Entries to hide whatever their value: complements chosen for links outside this system. @default none */
  readonly verborgen?: readonly boolean[];
}

/** A two-way table after suppression, totals included. */
export interface SuppressedTable {
  readonly cells: Cell[][];
  readonly rowTotals: Cell[];
  readonly columnTotals: Cell[];
  readonly grandTotal: Cell;
}

function assertCount(v: number, what: string): void {
  if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`${what} must be a non-negative integer, got ${v}`);
}

/** Makes a published cell from a count and a suppression decision. */
export function toCell(value: number, suppressed: boolean): Cell {
  return suppressed ? { value: null, suppressed: true } : { value, suppressed: false };
}

/** A single stand-alone count, e.g. a number not part of any table: hidden when 1 … k-1. */
export function suppressCount(count: number, k = DEFAULT_THRESHOLD): Cell {
  assertCount(count, 'count');
  return toCell(count, count > 0 && count < k);
}

/**
 * A single statistic computed over people (a median waiting time, a percentile): hidden when it rests
 * on 1 … k-1 people, because then it describes (nearly) one person. With no people there is no value to
 * show and nothing to hide.
 */
export function suppressStatistic(value: number | null, base: number, k = DEFAULT_THRESHOLD): Cell {
  assertCount(base, 'base');
  if (base === 0 || value === null) return { value: null, suppressed: false };
  return toCell(value, base < k);
}

/**
 * Suppresses a set of linked counts as one whole (rules 1–3 above).
 * @returns per entry whether it is hidden.
 */
export function suppressLinked(counts: LinkedCounts, k = DEFAULT_THRESHOLD): boolean[] {
  const { values, relations } = counts;
  const bases = counts.bases ?? values;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`threshold must be a positive integer, got ${k}`);
  if (bases.length !== values.length) throw new RangeError('bases and values differ in length');
  values.forEach((v, i) => {
    assertCount(v, `value ${i}`);
    assertCount(bases[i] as number, `basis ${i}`);
  });
  const valueOf = (i: number): number => values[i] as number;
  for (const r of relations) {
    const sum = r.members.reduce((acc, i) => acc + valueOf(i), 0);
    if (sum !== valueOf(r.total)) throw new RangeError(`relation does not add up at entry ${r.total}`);
  }

  const publiek = (i: number): boolean => counts.publiek?.[i] === true;
  const hidden = values.map((v, i) => !publiek(i) && ((v > 0 && (v < k || (bases[i] as number) < k)) || counts.verborgen?.[i] === true));
  const relationsOf: number[][] = values.map(() => []);
  relations.forEach((r, ri) => {
    for (const e of [...r.members, r.total]) relationsOf[e]?.push(ri);
  });
  const hiddenIn = (r: Relation): number => [...r.members, r.total].filter((e) => hidden[e]).length;
  // Prefer an entry that also repairs another line that has exactly one hidden entry.
  const repairs = (e: number, except: number): boolean =>
    (relationsOf[e] ?? []).some((ri) => ri !== except && hiddenIn(relations[ri] as Relation) === 1);

  const lineRule = (): void => {
    let changed = true;
    while (changed) {
      changed = false;
      relations.forEach((r, ri) => {
        if (hiddenIn(r) !== 1) return;
        const options = [...r.members.map((e) => ({ e, total: false })), { e: r.total, total: true }].filter(
          (o) => !hidden[o.e] && !publiek(o.e),
        );
        options.sort(
          (a, b) =>
            Number(valueOf(a.e) === 0) - Number(valueOf(b.e) === 0) ||
            Number(repairs(b.e, ri)) - Number(repairs(a.e, ri)) ||
            Number(a.total) - Number(b.total) ||
            valueOf(a.e) - valueOf(b.e) ||
            a.e - b.e,
        );
        const pick = options[0];
        if (!pick) throw new Unprotectable();
        hidden[pick.e] = true;
        changed = true;
      });
    }
  };

  const order = values.map((_, i) => i).sort((a, b) => {
    const za = Number(valueOf(a) === 0);
    const zb = Number(valueOf(b) === 0);
    return za - zb || valueOf(a) - valueOf(b) || a - b;
  });
  try {
    for (;;) {
      lineRule();
      const audit = auditDerivability(relations, hidden);
      const entry = audit.derivable[0];
      if (entry === undefined) return hidden;
      const complement = order.find((c) => !hidden[c] && !publiek(c) && audit.breaks(entry, c));
      if (complement === undefined) throw new Unprotectable();
      hidden[complement] = true;
    }
  } catch (error) {
    // Fail closed: hide everything this system publishes.
    if (error instanceof DerivabilityOverflowError || error instanceof Unprotectable) return values.map((_, i) => !publiek(i));
    throw error;
  }
}

/** No complement left that could protect a hidden entry. */
class Unprotectable extends Error {}

/**
 * Suppresses a two-way count table with its row totals, column totals and grand total.
 * @param counts rows × columns of non-negative integer counts.
 */
export function suppressTable(counts: readonly (readonly number[])[], k = DEFAULT_THRESHOLD): SuppressedTable {
  const rows = counts.length;
  const columns = counts[0]?.length ?? 0;
  if (counts.some((row) => row.length !== columns)) throw new RangeError('table is not rectangular');
  const at = (i: number, j: number): number => i * columns + j;
  const rowTotal = (i: number): number => rows * columns + i;
  const columnTotal = (j: number): number => rows * columns + rows + j;
  const grand = rows * columns + rows + columns;

  const values: number[] = [];
  for (const row of counts) for (const v of row) values.push(v);
  for (const row of counts) values.push(row.reduce((a, b) => a + b, 0));
  for (let j = 0; j < columns; j++) values.push(counts.reduce((a, row) => a + (row[j] as number), 0));
  values.push(values.slice(0, rows * columns).reduce((a, b) => a + b, 0));

  const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const relations: Relation[] = [
    ...range(rows).map((i) => ({ members: range(columns).map((j) => at(i, j)), total: rowTotal(i) })),
    ...range(columns).map((j) => ({ members: range(rows).map((i) => at(i, j)), total: columnTotal(j) })),
    { members: range(rows).map(rowTotal), total: grand },
    { members: range(columns).map(columnTotal), total: grand },
  ];
  const hidden = suppressLinked({ values, relations }, k);
  const cell = (e: number): Cell => toCell(values[e] as number, hidden[e] as boolean);
  return {
    cells: range(rows).map((i) => range(columns).map((j) => cell(at(i, j)))),
    rowTotals: range(rows).map((i) => cell(rowTotal(i))),
    columnTotals: range(columns).map((j) => cell(columnTotal(j))),
    grandTotal: cell(grand),
  };
}
