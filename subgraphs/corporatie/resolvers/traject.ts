/**
 * The corporatie's part of `Traject`. Whether a caller may see each list or the lease at all is
 * decided by the dosing transformer before these run; what remains here is the projection.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { inArray } from 'drizzle-orm';
import { perRequest, rowsPerTraject } from '../../common/loaders.js';
import type { SubgraphContext } from '../../common/server.js';
import { evaluaties, huurovereenkomsten, woningaanbiedingen } from '../db/tables.js';
import { anyOf } from '../../common/any-of.js';

type Ref = { id: string };

export const loaders = perRequest(({ db }) => ({
  aanbod: rowsPerTraject((ids) => db.select().from(woningaanbiedingen).where(anyOf(woningaanbiedingen.trajectId, ids))),
  huur: rowsPerTraject((ids) => db.select().from(huurovereenkomsten).where(anyOf(huurovereenkomsten.trajectId, ids))),
  evaluaties: rowsPerTraject((ids) => db.select().from(evaluaties).where(anyOf(evaluaties.trajectId, ids))),
}));

export const trajectResolvers: GraphQLResolverMap<SubgraphContext> = {
  Traject: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    woningaanbod: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      const rows = await loaders(ctx).aanbod.load(t.id);
      // A corporation never learns what other corporations offered.
      return ctx.caller.partij === 'CORPORATIE' ? rows.filter((r) => r.corporatie === ctx.caller.organisatie) : rows;
    },
    huurovereenkomst: async (t: Ref, _a: unknown, ctx: SubgraphContext) => (await loaders(ctx).huur.load(t.id))[0] ?? null,
    evaluaties: (t: Ref, _a: unknown, ctx: SubgraphContext) => loaders(ctx).evaluaties.load(t.id),
  },
};
