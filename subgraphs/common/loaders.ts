/**
 * Per-request batch loading, shared by the subgraphs: loaders live as long as one request (keyed on
 * its context, never module state), so each list or row is fetched in one query per request.
 */
import DataLoader from 'dataloader';
import type { SubgraphContext } from './server.js';

/** Memoises `create(ctx)` for the lifetime of one request's context. */
export function perRequest<T>(create: (ctx: SubgraphContext) => T): (ctx: SubgraphContext) => T {
  const cache = new WeakMap<SubgraphContext, T>();
  return (ctx) => {
    let value = cache.get(ctx);
    if (!value) cache.set(ctx, (value = create(ctx)));
    return value;
  };
}

/** Rows grouped by key in one pass, in their order: O(rows), never a scan per key. */
export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/** The first row per key, in one pass (as `find` would pick it, without a scan per key). */
export function firstBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T> {
  const out = new Map<K, T>();
  for (const row of rows) {
    const k = key(row);
    if (!out.has(k)) out.set(k, row);
  }
  return out;
}

/** All rows of a table per case id, in one query for every case the request touches. */
export function rowsPerTraject<T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = groupBy(await load([...ids]), (r) => r.trajectId);
    return ids.map((id) => rows.get(id) ?? []);
  });
}

/** The one row of a table per case id (or null), in one query for every case the request touches. */
export function rowPerTraject<T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = firstBy(await load([...ids]), (r) => r.trajectId);
    return ids.map((id) => rows.get(id) ?? null);
  });
}
