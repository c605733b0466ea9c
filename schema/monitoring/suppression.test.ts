import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  suppressCount,
  suppressLinked,
  suppressStatistic,
  suppressTable,
  type Relation,
  type SuppressedTable,
} from './suppression.js';

/** Renders a suppressed table as rows of strings ('x' = hidden), totals last. */
function show(t: SuppressedTable): string[][] {
  const s = (c: { value: number | null; suppressed: boolean }): string => (c.suppressed ? 'x' : String(c.value));
  return [
    ...t.cells.map((row, i) => [...row.map(s), s(t.rowTotals[i]!)]),
    [...t.columnTotals.map(s), s(t.grandTotal)],
  ];
}

/** The table as an (R+1)×(C+1) grid of hidden flags, margins included. */
function hiddenGrid(t: SuppressedTable): boolean[][] {
  return [
    ...t.cells.map((row, i) => [...row.map((c) => c.suppressed), t.rowTotals[i]!.suppressed]),
    [...t.columnTotals.map((c) => c.suppressed), t.grandTotal.suppressed],
  ];
}

/**
 * Independent oracle for two-way tables: a hidden entry is exactly derivable iff it is a bridge of the
 * bipartite graph (rows incl. the total row × columns incl. the total column) of hidden entries.
 */
function bridges(grid: boolean[][]): [number, number][] {
  const rows = grid.length;
  const cols = grid[0]?.length ?? 0;
  const n = rows + cols;
  const adj: [number, number][][] = Array.from({ length: n }, () => []);
  let id = 0;
  const edges: [number, number][] = [];
  grid.forEach((row, i) =>
    row.forEach((h, j) => {
      if (!h) return;
      adj[i]!.push([rows + j, id]);
      adj[rows + j]!.push([i, id]);
      edges.push([i, j]);
      id++;
    }),
  );
  const disc = new Array<number>(n).fill(-1);
  const low = new Array<number>(n).fill(0);
  const found: [number, number][] = [];
  let time = 0;
  const dfs = (u: number, viaEdge: number): void => {
    disc[u] = low[u] = time++;
    for (const [v, e] of adj[u]!) {
      if (e === viaEdge) continue;
      if (disc[v] === -1) {
        dfs(v, e);
        low[u] = Math.min(low[u]!, low[v]!);
        if (low[v]! > disc[u]!) found.push(edges[e]!);
      } else low[u] = Math.min(low[u]!, disc[v]!);
    }
  };
  for (let u = 0; u < n; u++) if (disc[u] === -1) dfs(u, -1);
  return found;
}

/** Independent oracle for any linked system: rank test with floating-point elimination. */
function rank(matrix: number[][]): number {
  const a = matrix.map((r) => [...r]);
  let r = 0;
  const cols = a[0]?.length ?? 0;
  for (let c = 0; c < cols && r < a.length; c++) {
    let p = r;
    for (let i = r; i < a.length; i++) if (Math.abs(a[i]![c]!) > Math.abs(a[p]![c]!)) p = i;
    if (Math.abs(a[p]![c]!) < 1e-9) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    for (let i = 0; i < a.length; i++) {
      if (i === r) continue;
      const f = a[i]![c]! / a[r]![c]!;
      for (let j = c; j < cols; j++) a[i]![j]! -= f * a[r]![j]!;
    }
    r++;
  }
  return r;
}

function derivableByRank(relations: readonly Relation[], hidden: readonly boolean[]): number[] {
  const vars = hidden.flatMap((h, i) => (h ? [i] : []));
  const matrix = (cols: number[]): number[][] =>
    relations.map((rel) => cols.map((e) => rel.members.filter((x) => x === e).length - (rel.total === e ? 1 : 0)));
  const full = rank(matrix(vars));
  return vars.filter((e) => rank(matrix(vars.filter((v) => v !== e))) < full);
}

const smallOrLarge = fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 3, arbitrary: fc.integer({ min: 5, max: 40 }) },
);
const table = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([r, c]) => fc.array(fc.array(smallOrLarge, { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe('suppressTable', () => {
  it.each([
    { name: 'shows everything when all counts reach the threshold', counts: [[10, 20], [30, 40]], expected: [['10', '20', '30'], ['30', '40', '70'], ['40', '60', '100']] },
    { name: 'shows zeros and hides nothing when there are no small cells', counts: [[0, 7], [6, 9]], expected: [['0', '7', '7'], ['6', '9', '15'], ['6', '16', '22']] },
    {
      name: 'hides the smallest other cell of the row and column of a small cell',
      counts: [[3, 10, 12], [8, 9, 20]],
      expected: [['x', 'x', '12', '25'], ['x', 'x', '20', '37'], ['11', '19', '32', '62']],
    },
    {
      name: 'hides small totals too, and keeps zeros visible',
      counts: [[1, 0], [0, 0]],
      expected: [['x', '0', 'x'], ['0', '0', '0'], ['x', '0', 'x']],
    },
    {
      name: 'hides the other cell of the column and the other row total',
      counts: [[2, 0], [6, 7]],
      expected: [['x', '0', 'x'], ['x', '7', 'x'], ['8', '7', '15']],
    },
    {
      name: 'prefers a complement that also completes another line (a column total here)',
      counts: [[3, 6], [0, 7]],
      expected: [['x', 'x', '9'], ['0', '7', '7'], ['x', 'x', '16']],
    },
    {
      name: 'hides the grand total when only the margins can protect a small total, never a zero',
      counts: [[2, 0], [0, 9]],
      expected: [['x', '0', 'x'], ['0', '9', '9'], ['x', '9', 'x']],
    },
  ])('$name', ({ counts, expected }) => {
    const result = show(suppressTable(counts));
    expect(result).toEqual(expected);
    expect(bridges(hiddenGrid(suppressTable(counts)))).toEqual([]);
  });

  it('adds a complement when a hidden cell is a bridge that the per-line rule misses', () => {
    // Two blocks of small cells joined by one small cell (1,2): every row and column holds two or more
    // hidden cells, yet (1,2) = rows 0+1 minus columns 0+1. The audit must break that.
    const L = 20;
    const counts = [
      [1, 2, L, L],
      [3, 4, 1, L],
      [L, L, 2, 3],
      [L, L, 4, 1],
    ];
    const t = suppressTable(counts);
    const grid = hiddenGrid(t);
    expect(t.cells[1]![2]!.suppressed).toBe(true);
    expect(bridges(grid)).toEqual([]);
    expect(grid.flat().filter(Boolean).length).toBeGreaterThan(9);
  });

  it('uses a different threshold when asked', () => {
    expect(show(suppressTable([[2, 3], [3, 2]], 2))).toEqual([['2', '3', '5'], ['3', '2', '5'], ['5', '5', '10']]);
  });

  it('rejects negative, fractional and ragged input', () => {
    expect(() => suppressTable([[-1]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5]])).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
  });

  it('never shows a count of 1 … k-1, totals included (property)', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 6 }), (counts, k) => {
        const t = suppressTable(counts, k);
        const all = [...t.cells.flat(), ...t.rowTotals, ...t.columnTotals, t.grandTotal];
        for (const c of all) {
          if (!c.suppressed) expect(c.value! === 0 || c.value! >= k).toBe(true);
          else expect(c.value).toBeNull();
        }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no hidden cell derivable from a shown total minus shown cells (property)', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const t = suppressTable(counts);
        const grid = hiddenGrid(t);
        // The brief's rule: each row/column with a hidden cell has ≥ 2 hidden cells or a hidden total,
        // for the margins as well (a single hidden row total would follow from the grand total).
        const lines = [...grid, ...grid[0]!.map((_, j) => grid.map((row) => row[j]!))];
        for (const line of lines) expect(line.filter(Boolean).length).not.toBe(1);
        // Stronger: not derivable from any combination of lines.
        expect(bridges(grid)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('shows the true counts wherever it shows a number (property)', () => {
    fc.assert(
      fc.property(table, (counts) => {
        const t = suppressTable(counts);
        counts.forEach((row, i) =>
          row.forEach((v, j) => {
            const c = t.cells[i]![j]!;
            if (!c.suppressed) expect(c.value).toBe(v);
          }),
        );
        const grand = counts.flat().reduce((a, b) => a + b, 0);
        if (!t.grandTotal.suppressed) expect(t.grandTotal.value).toBe(grand);
      }),
    );
  });
});

describe('suppressLinked', () => {
  /** gemeenten g0..g3 in two regio's (g0+g1 = r0, g2+g3 = r1), r0+r1 = total, per two periods. */
  function hierarchy(v: number[][]): { values: number[]; relations: Relation[] } {
    // v: 4 gemeenten × 2 periods. Entries: g×p (8), g totals (4), r×p (4), r totals (2), p totals (2), grand.
    const values: number[] = [];
    const idx = new Map<string, number>();
    const put = (key: string, value: number): void => {
      idx.set(key, values.length);
      values.push(value);
    };
    const rows: Record<string, number[]> = {
      g0: v[0]!, g1: v[1]!, g2: v[2]!, g3: v[3]!,
      r0: [0, 1].map((p) => v[0]![p]! + v[1]![p]!),
      r1: [0, 1].map((p) => v[2]![p]! + v[3]![p]!),
    };
    rows.t = [0, 1].map((p) => rows.r0![p]! + rows.r1![p]!);
    for (const [key, ps] of Object.entries(rows)) {
      put(`${key}:0`, ps[0]!);
      put(`${key}:1`, ps[1]!);
      put(`${key}:T`, ps[0]! + ps[1]!);
    }
    const at = (key: string): number => idx.get(key)!;
    const relations: Relation[] = [];
    for (const key of Object.keys(rows)) relations.push({ members: [at(`${key}:0`), at(`${key}:1`)], total: at(`${key}:T`) });
    for (const p of ['0', '1', 'T']) {
      relations.push({ members: [at(`g0:${p}`), at(`g1:${p}`)], total: at(`r0:${p}`) });
      relations.push({ members: [at(`g2:${p}`), at(`g3:${p}`)], total: at(`r1:${p}`) });
      relations.push({ members: [at(`r0:${p}`), at(`r1:${p}`)], total: at(`t:${p}`) });
    }
    return { values, relations };
  }

  it('leaves nothing derivable in a hierarchical table (property, rank oracle)', () => {
    const arb = fc.array(fc.array(smallOrLarge, { minLength: 2, maxLength: 2 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(arb, (v) => {
        const system = hierarchy(v);
        const hidden = suppressLinked(system);
        system.values.forEach((value, i) => {
          if (!hidden[i]) expect(value === 0 || value >= 5).toBe(true);
        });
        expect(derivableByRank(system.relations, hidden)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('hides an entry whose people basis is small even when the count of events is large', () => {
    const hidden = suppressLinked({ values: [6, 9, 15], bases: [2, 9, 11], relations: [{ members: [0, 1], total: 2 }] });
    expect(hidden).toEqual([true, true, false]);
  });

  it('rejects relations that do not add up', () => {
    expect(() => suppressLinked({ values: [1, 2, 4], relations: [{ members: [0, 1], total: 2 }] })).toThrow(RangeError);
  });
});

describe('suppressCount and suppressStatistic', () => {
  it.each([
    [0, { value: 0, suppressed: false }],
    [1, { value: null, suppressed: true }],
    [4, { value: null, suppressed: true }],
    [5, { value: 5, suppressed: false }],
  ])('suppressCount(%i)', (n, expected) => expect(suppressCount(n)).toEqual(expected));

  it('hides a median that rests on fewer than k people', () => {
    expect(suppressStatistic(42, 4)).toEqual({ value: null, suppressed: true });
    expect(suppressStatistic(42, 5)).toEqual({ value: 42, suppressed: false });
  });

  it('shows no value and hides nothing when there are no people at all', () => {
    expect(suppressStatistic(null, 0)).toEqual({ value: null, suppressed: false });
  });
});
