/**
 * Relay connections over the subgraphs' lists (the GraphQL Cursor Connections Specification):
 * `first`/`after` in, `edges { cursor node }` and `pageInfo` out. Pages are full — `first` rows unless
 * the list ends — and forward only, so `hasPreviousPage` is always false, as the spec allows.
 *
 * A connection of cases is decided per edge by the dosing transformer (`schema/transform.ts`): each
 * edge carries the case it belongs to under `trajectId`, exactly as the items of a root list do.
 */
import { ErrorCode, weigering } from '../../../schema/errors.js';
import { TRAJECT_ID } from '../../../schema/transform.js';
import type { CursorCodec, Positie } from './cursor.js';

/** The most rows one page holds; more is refused (ONGELDIGE_INVOER, veld `first`), never cut silently. */
export const MAX_PAGINAGROOTTE = 100;
/** The page size when `first` is not given (the SDL's default says the same). */
export const STANDAARD_PAGINAGROOTTE = 50;

export interface ConnectionArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A page asked for: its size and, after the first page, the position it starts after. */
export interface PaginaVraag {
  readonly first: number;
  readonly na: Positie | null;
}

/** Checks `first` (1 to MAX_PAGINAGROOTTE) and opens `after`, a cursor of `lijst` with a position of `lengte` values. */
export function paginaVraag(cursors: CursorCodec, lijst: string, lengte: number, args: ConnectionArgs): PaginaVraag {
  const first = args.first ?? STANDAARD_PAGINAGROOTTE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGINAGROOTTE) {
    throw weigering(ErrorCode.ONGELDIGE_INVOER, `first: een pagina heeft 1 tot ${MAX_PAGINAGROOTTE} rijen.`, { veld: 'first', maximum: MAX_PAGINAGROOTTE });
  }
  return { first, na: args.after === null || args.after === undefined ? null : cursors.decode(lijst, args.after, lengte, 'after') };
}

/**
 * Reads a list in its keyset order, a batch at a time, until `aantal` rows passed `zichtbaar` or the
 * list ends: SQL filters coarsely, the caller's relation decides per row, and so a page is never
 * short in the middle of the list. `lees(na, limit)` gives the next rows after position `na`.
 */
export async function vulPagina<P, R extends P>(
  start: P | null,
  aantal: number,
  lees: (na: P | null, limit: number) => Promise<R[]>,
  zichtbaar: (rows: R[]) => Promise<R[]>,
): Promise<R[]> {
  const page: R[] = [];
  let na = start;
  for (;;) {
    const limit = aantal * 2 + 20;
    const rows = await lees(na, limit);
    for (const row of await zichtbaar(rows)) {
      page.push(row);
      if (page.length === aantal) return page;
    }
    if (rows.length < limit) return page;
    na = rows[rows.length - 1]!;
  }
}

export interface Edge<N> {
  readonly cursor: string;
  readonly node: N;
  readonly [TRAJECT_ID]?: string;
}

export interface Connection<N> {
  readonly edges: readonly Edge<N>[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

export interface ConnectionShape<R, N> {
  readonly cursors: CursorCodec;
  readonly lijst: string;
  /** The row's keyset values, in the list's order. */
  readonly positie: (row: R) => Positie;
  readonly node: (row: R) => N;
  /** The case a row belongs to, for the transformer's decision per edge; absent for lists without cases. */
  readonly trajectId?: (row: R) => string;
}

/** The page of `rows` (read with one more than `first`, so the extra one tells whether the list goes on). */
export function connection<R, N>(rows: readonly R[], first: number, shape: ConnectionShape<R, N>): Connection<N> {
  const edges = rows.slice(0, first).map((row) => ({
    cursor: shape.cursors.encode(shape.lijst, shape.positie(row)),
    node: shape.node(row),
    ...(shape.trajectId ? { [TRAJECT_ID]: shape.trajectId(row) } : {}),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: false, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
  };
}
