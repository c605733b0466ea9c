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

/** All rows of a table per case id, in one query for every case the request touches. */
export function rowsPerTraject<T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T[]> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await load([...ids]);
    return ids.map((id) => rows.filter((r) => r.trajectId === id));
  });
}

/** The one row of a table per case id (or null), in one query for every case the request touches. */
export function rowPerTraject<T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await load([...ids]);
    return ids.map((id) => rows.find((r) => r.trajectId === id) ?? null);
  });
}
