/** The gemeente's part of `Traject`: the Wmo file, each container only for callers with a relation. */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { visibleCase } from '../../common/relation-guard.js';
import type { SubgraphContext } from '../../common/server.js';
import { loaders } from './loaders.js';

type Ref = { id: string };

/** Resolves a container only when the caller has a relation to the case; tags it with the case. */
const guarded =
  <T>(load: (ctx: SubgraphContext, id: string) => Promise<T | null>) =>
  async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
    if (!(await visibleCase(ctx, t.id))) return null;
    const row = await load(ctx, t.id);
    return row ? { ...row, trajectId: t.id } : null;
  };

export const trajectResolvers: GraphQLResolverMap<SubgraphContext> = {
  Traject: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    inwoner: guarded(async (ctx, id) => {
      const [inwoner, onderzoek] = await Promise.all([loaders(ctx).inwoner.load(id), loaders(ctx).onderzoek.load(id)]);
      if (!inwoner) return null;
      return { ...onderzoek, ...inwoner, werk: onderzoek?.werkDaginvulling ?? null };
    }),
    melding: guarded((ctx, id) => loaders(ctx).melding.load(id)),
    onderzoek: guarded((ctx, id) => loaders(ctx).onderzoek.load(id)),
    ondersteuningsplan: guarded((ctx, id) => loaders(ctx).plan.load(id)),
    documenten: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      if (!(await visibleCase(ctx, t.id))) return [];
      return (await loaders(ctx).documenten.load(t.id)).map((d) => ({ ...d, trajectId: t.id }));
    },
  },
};
