/** The corporatie's part of `Traject`, each list only for callers with a relation to the case. */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { inArray } from 'drizzle-orm';
import { visibleCase } from '../../common/relation-guard.js';
import { perRequest, rowsPerTraject } from '../../common/loaders.js';
import type { SubgraphContext } from '../../common/server.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from '../db/tables.js';

type Ref = { id: string };

export const loaders = perRequest(({ db }) => ({
  aanbod: rowsPerTraject((ids) => db.select().from(woningaanbiedingen).where(inArray(woningaanbiedingen.trajectId, ids))),
  huur: rowsPerTraject((ids) => db.select().from(huurovereenkomsten).where(inArray(huurovereenkomsten.trajectId, ids))),
  evaluaties: rowsPerTraject((ids) => db.select().from(evaluaties).where(inArray(evaluaties.trajectId, ids))),
}));

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
