/** The corporatie's part of `Traject`, each list only for callers with a relation to the case. */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { visibleCase } from '../../common/relation-guard.js';
import type { SubgraphContext } from '../../common/server.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from '../db/tables.js';

type Ref = { id: string };

function createLoaders({ db }: SubgraphContext) {
  const list = <T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await load([...ids]);
      return ids.map((id) => rows.filter((r) => r.trajectId === id));
    });
  return {
    aanbod: list((ids) => db.select().from(woningaanbiedingen).where(inArray(woningaanbiedingen.trajectId, ids))),
    huur: list((ids) => db.select().from(huurovereenkomsten).where(inArray(huurovereenkomsten.trajectId, ids))),
    evaluaties: list((ids) => db.select().from(evaluaties).where(inArray(evaluaties.trajectId, ids))),
  };
}
const perRequest = new WeakMap<SubgraphContext, ReturnType<typeof createLoaders>>();
export function loaders(ctx: SubgraphContext): ReturnType<typeof createLoaders> {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}

export const trajectResolvers: GraphQLResolverMap<SubgraphContext> = {
  Traject: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    woningaanbod: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      if (!(await visibleCase(ctx, t.id))) return [];
      const rows = await loaders(ctx).aanbod.load(t.id);
      // A corporation never learns what other corporations offered.
      const mine = ctx.caller.partij === 'CORPORATIE' ? rows.filter((r) => r.corporatie === ctx.caller.organisatie) : rows;
      return mine.map((r) => ({ ...r, trajectId: t.id }));
    },
    huurovereenkomst: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      if (!(await visibleCase(ctx, t.id))) return null;
      const [row] = await loaders(ctx).huur.load(t.id);
      return row ? { ...row, trajectId: t.id } : null;
    },
    evaluaties: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      if (!(await visibleCase(ctx, t.id))) return [];
      return (await loaders(ctx).evaluaties.load(t.id)).map((r) => ({ ...r, trajectId: t.id }));
    },
  },
};
