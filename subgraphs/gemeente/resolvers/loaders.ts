/** Per-request batch loaders of the gemeente subgraph, keyed on the request context. */
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { SubgraphContext } from '../../common/server.js';
import { documenten, inwoners, meldingen, onderzoeken, ondersteuningsplannen } from '../db/tables.js';

function byTraject<T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader(async (ids: readonly string[]) => {
    const rows = await load([...ids]);
    return ids.map((id) => rows.find((r) => r.trajectId === id) ?? null);
  });
}

function createLoaders({ db }: SubgraphContext) {
  return {
    inwoner: byTraject((ids) => db.select().from(inwoners).where(inArray(inwoners.trajectId, ids))),
    onderzoek: byTraject((ids) => db.select().from(onderzoeken).where(inArray(onderzoeken.trajectId, ids))),
    melding: byTraject((ids) => db.select().from(meldingen).where(inArray(meldingen.trajectId, ids))),
    plan: byTraject((ids) => db.select().from(ondersteuningsplannen).where(inArray(ondersteuningsplannen.trajectId, ids))),
    documenten: new DataLoader(async (ids: readonly string[]) => {
      const rows = await db.select().from(documenten).where(inArray(documenten.trajectId, [...ids]));
      return ids.map((id) => rows.filter((r) => r.trajectId === id));
    }),
  };
}

const perRequest = new WeakMap<SubgraphContext, ReturnType<typeof createLoaders>>();
export function loaders(ctx: SubgraphContext): ReturnType<typeof createLoaders> {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}
