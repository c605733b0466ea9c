/**
 * The gemeente's part of `Traject`: the Wmo file. Whether a caller may see each container at all is
 * decided by the dosing transformer before these run (an object or list is decided as a whole).
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import type { SubgraphContext } from '../../common/server.js';
import { loaders } from './loaders.js';

type Ref = { id: string };

export const trajectResolvers: GraphQLResolverMap<SubgraphContext> = {
  Traject: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    inwoner: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      const [inwoner, onderzoek] = await Promise.all([loaders(ctx).inwoner.load(t.id), loaders(ctx).onderzoek.load(t.id)]);
      if (!inwoner) return null;
      return { ...onderzoek, ...inwoner, werk: onderzoek?.werkDaginvulling ?? null };
    },
    melding: (t: Ref, _a: unknown, ctx: SubgraphContext) => loaders(ctx).melding.load(t.id),
    onderzoek: (t: Ref, _a: unknown, ctx: SubgraphContext) => loaders(ctx).onderzoek.load(t.id),
    ondersteuningsplan: (t: Ref, _a: unknown, ctx: SubgraphContext) => loaders(ctx).plan.load(t.id),
    documenten: (t: Ref, _a: unknown, ctx: SubgraphContext) => loaders(ctx).documenten.load(t.id),
  },
};
