/**
 * The fund's part of `Traject` and of a claim: the claims of a case and the negligence recorded in
 * it, each only for callers that may see the case's fund data in its current phase (a corporation:
 * only its own claims). One query per list per request, batched.
 */
import type { GraphQLResolverMap } from '@apollo/subgraph';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import type { SubgraphContext } from '../../common/server.js';
import { aanvragen, nalatigheden } from '../db/tables.js';
import { aanvraagView, nalatigheidView } from './views.js';
import { magFondsZien } from './visibility.js';

type Ref = { id: string };

function createLoaders({ db }: SubgraphContext) {
  const byCase = <T extends { trajectId: string }>(load: (ids: string[]) => Promise<T[]>) =>
    new DataLoader(async (ids: readonly string[]) => {
      const rows = await load([...ids]);
      return ids.map((id) => rows.filter((r) => r.trajectId === id));
    });
  return {
    aanvragen: byCase((ids) => db.select().from(aanvragen).where(inArray(aanvragen.trajectId, ids))),
    nalatigheden: byCase((ids) => db.select().from(nalatigheden).where(inArray(nalatigheden.trajectId, ids))),
  };
}
const perRequest = new WeakMap<SubgraphContext, ReturnType<typeof createLoaders>>();
function loaders(ctx: SubgraphContext): ReturnType<typeof createLoaders> {
  let l = perRequest.get(ctx);
  if (!l) perRequest.set(ctx, (l = createLoaders(ctx)));
  return l;
}

export const trajectResolvers: GraphQLResolverMap<SubgraphContext> = {
  Traject: {
    __resolveReference: (ref: Ref) => ({ id: ref.id }),
    garantieaanvragen: async (t: Ref, _a: unknown, ctx: SubgraphContext) => {
      if (!(await magFondsZien(ctx, t.id))) return [];
      const rows = await loaders(ctx).aanvragen.load(t.id);
      const mine = ctx.caller.partij === 'CORPORATIE' ? rows.filter((r) => r.corporatie === ctx.caller.organisatie) : rows;
      return mine.map(aanvraagView);
    },
  },
  Garantieaanvraag: {
    // The parent field is dosed (FONDS) before this runs; the records are dosed again one by one.
    nalatigheden: async (a: { trajectId: string }, _a: unknown, ctx: SubgraphContext) =>
      (await loaders(ctx).nalatigheden.load(a.trajectId)).map(nalatigheidView),
  },
};
