/**
 * The fund's part of `Traject` and of a claim: the claims of a case and the negligence recorded in
 * it, each only for callers that may see the case's fund data in its current phase (a corporation:
 * only its own claims). One query per list per request, batched.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import { inArray } from 'drizzle-orm';
import { perRequest, rowsPerTraject } from '../../common/loaders.js';
import type { SubgraphContext } from '../../common/server.js';
import { aanvragen, nalatigheden } from '../db/tables.js';
import { aanvraagView, nalatigheidView } from './views.js';
import { magFondsZien } from './visibility.js';
import { anyOf } from '../../common/any-of.js';

type Ref = { id: string };

const loaders = perRequest(({ db }) => ({
  aanvragen: rowsPerTraject((ids) => db.select().from(aanvragen).where(anyOf(aanvragen.trajectId, ids))),
  nalatigheden: rowsPerTraject((ids) => db.select().from(nalatigheden).where(anyOf(nalatigheden.trajectId, ids))),
}));

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
