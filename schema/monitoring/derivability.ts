/**
 * Exact derivability audit for a suppressed table: which hidden entries can still be computed from the
 * published ones by adding and subtracting rows, columns and totals.
 *
 * Why it exists: the per-line rule of complementary suppression ("never exactly one hidden entry in a
 * row or column") is necessary but not sufficient. In a two-way table a hidden cell that is a *bridge*
 * of the hidden pattern can be recovered from a combination of several lines, and in a linked table
 * (gemeenten adding up to their regio, months to a year, reasons to a total) the lines overlap in ways
 * the simple rule does not see. This module answers the question exactly, with Gaussian elimination over
 * the integers, so that `suppression.ts` can keep adding complements until nothing hidden is derivable.
 *
 * Scope: exact recomputation only, within the one system it is given. Bounds from non-negativity (an
 * interval attack) are not analysed. Why it did not catch issue 11's leak: every monitoring question
 * used to be its own system, and the leak was the difference of two of them; it is sound only when
 * every published figure is a cell of the system it audited, which `figures.ts` now ensures.
 */

/** A linear relation between entries of a table: the `members` add up to `total`. */
export interface Relation {
  readonly members: readonly number[];
  readonly total: number;
}

/** The outcome of one audit. */
export interface DerivabilityAudit {
  /** Suppressed entries whose exact value follows from the published entries, in entry order. */
  readonly derivable: readonly number[];
  /**
   * Whether additionally hiding `candidate` (an entry that is shown now) makes `entry` (one of
   * `derivable`) no longer derivable.
   */
  breaks(entry: number, candidate: number): boolean;
}

/** Thrown when the elimination would leave the range of exact integers; callers fail closed. */
export class DerivabilityOverflowError extends RangeError {}

const LIMIT = 2 ** 48;

function gcd(a: number, b: number): number {
  a = Math.abs(a);
  b = Math.abs(b);
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function normalise(row: number[]): void {
  let g = 0;
  for (const v of row) if (v !== 0) g = gcd(g, v);
  if (g > 1) for (let i = 0; i < row.length; i++) row[i] = (row[i] as number) / g;
}

/** The coefficient of `entry` in `relation` written as `sum(members) - total = 0`. */
function coefficient(relation: Relation, entry: number): number {
  let c = 0;
  for (const m of relation.members) if (m === entry) c += 1;
  if (relation.total === entry) c -= 1;
  return c;
}

/**
 * Audits which hidden entries are exactly derivable.
 *
 * The relations restricted to the hidden entries form a matrix A (one row per relation). A hidden entry
 * is derivable exactly when its unit vector lies in the row space of A. The elimination keeps the row
 * operations (matrix E, with E·A in reduced row echelon form) so that each derivable entry comes with the
 * combination of relations that recovers it (the "attack"), and so that the effect of hiding one more
 * entry can be checked without a new elimination.
 */
export function auditDerivability(
  relations: readonly Relation[],
  suppressed: readonly boolean[],
): DerivabilityAudit {
  const hidden: number[] = [];
  const column = new Map<number, number>();
  suppressed.forEach((s, i) => {
    if (s) {
      column.set(i, hidden.length);
      hidden.push(i);
    }
  });
  const s = hidden.length;
  const m = relations.length;
  const relationsOf = new Map<number, number[]>();
  const rows: number[][] = relations.map((relation, r) => {
    const row = new Array<number>(s + m).fill(0);
    for (const entry of [...relation.members, relation.total]) {
      const list = relationsOf.get(entry) ?? [];
      if (!list.includes(r)) list.push(r);
      relationsOf.set(entry, list);
    }
    for (const [entry, c] of column) {
      const k = coefficient(relation, entry);
      if (k !== 0) row[c] = k;
    }
    row[s + r] = 1;
    return row;
  });

  const pivotColumns: number[] = [];
  let rank = 0;
  for (let c = 0; c < s && rank < m; c++) {
    let p = -1;
    for (let r = rank; r < m; r++) {
      const v = (rows[r] as number[])[c] as number;
      if (v !== 0 && (p === -1 || Math.abs(v) < Math.abs((rows[p] as number[])[c] as number))) p = r;
    }
    if (p === -1) continue;
    [rows[rank], rows[p]] = [rows[p] as number[], rows[rank] as number[]];
    const pivot = rows[rank] as number[];
    const a = pivot[c] as number;
    for (let r = 0; r < m; r++) {
      const row = rows[r] as number[];
      const b = row[c] as number;
      if (r === rank || b === 0) continue;
      for (let j = 0; j < row.length; j++) {
        const v = (row[j] as number) * a - (pivot[j] as number) * b;
        if (Math.abs(v) > LIMIT) throw new DerivabilityOverflowError('derivability audit overflow');
        row[j] = v;
      }
      normalise(row);
    }
    pivotColumns.push(c);
    rank++;
  }

  const attackOf = new Map<number, number[]>();
  const derivable: number[] = [];
  for (let r = 0; r < rank; r++) {
    const row = rows[r] as number[];
    const pc = pivotColumns[r] as number;
    let alone = true;
    for (let j = 0; j < s; j++) {
      if (j !== pc && row[j] !== 0) {
        alone = false;
        break;
      }
    }
    if (alone) {
      const entry = hidden[pc] as number;
      derivable.push(entry);
      attackOf.set(entry, row.slice(s));
    }
  }
  derivable.sort((x, y) => x - y);
  const leftNull = rows.slice(rank).map((row) => row.slice(s));

  const dot = (weights: readonly number[], entry: number): number => {
    let sum = 0;
    for (const r of relationsOf.get(entry) ?? []) {
      sum += (weights[r] as number) * coefficient(relations[r] as Relation, entry);
    }
    return sum;
  };

  return {
    derivable,
    breaks(entry, candidate) {
      const attack = attackOf.get(entry);
      if (!attack || suppressed[candidate]) return false;
      // Hiding the candidate helps only if the attack uses it and the candidate can itself move
      // (its column lies in the column space, i.e. every left-null vector ignores it).
      if (dot(attack, candidate) === 0) return false;
      return leftNull.every((weights) => dot(weights, candidate) === 0);
    },
  };
}
