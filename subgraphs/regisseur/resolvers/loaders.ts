/** Per-request batch loaders, keyed on the request context (never module state). */
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { SubgraphContext } from '../../common/server.js';
import { profielen, selecties, toestemmingen, transities, trajecten } from '../db/tables.js';

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    out.set(k, [...(out.get(k) ?? []), row]);
  }
  return out;
}

function createLoaders(ctx: SubgraphContext) {
  const { db } = ctx;
  return {
    traject: new DataLoader(async (ids: readonly string[]) => {
      const rows = await db.select().from(trajecten).where(inArray(trajecten.id, [...ids]));
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    }),
    transities: new DataLoader(async (ids: readonly string[]) => {
      const g = groupBy(await db.select().from(transities).where(inArray(transities.trajectId, [...ids])), (r) => r.trajectId);
      return ids.map((id) => (g.get(id) ?? []).sort((a, b) => a.op.localeCompare(b.op)));
    }),
    profiel: new DataLoader(async (ids: readonly string[]) => {
      const rows = await db.select().from(profielen).where(inArray(profielen.trajectId, [...ids]));
      return ids.map((id) => rows.find((r) => r.trajectId === id) ?? null);
    }),
    selecties: new DataLoader(async (ids: readonly string[]) => {
      const g = groupBy(await db.select().from(selecties).where(inArray(selecties.trajectId, [...ids])), (r) => r.trajectId);
      return ids.map((id) => g.get(id) ?? []);
    }),
    toestemmingen: new DataLoader(async (ids: readonly string[]) => {
      const g = groupBy(await db.select().from(toestemmingen).where(inArray(toestemmingen.trajectId, [...ids])), (r) => r.trajectId);
      return ids.map((id) => g.get(id) ?? []);
    }),
  };
}

const perRequest = new WeakMap<SubgraphContext, ReturnType<typeof createLoaders>>();

export function loaders(ctx: SubgraphContext): ReturnType<typeof createLoaders> {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}
