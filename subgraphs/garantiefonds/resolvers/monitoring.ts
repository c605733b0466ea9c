/**
 * `Monitoring.garantiefonds`: the fund's figures for the Werkgroep dashboard, aggregates only. The
 * regisseur subgraph owns the question; this answers its part for any key, because the fund has one
 * balance for both regions and every period.
 */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import type { SubgraphContext } from '../../common/server.js';
import { fondsCijfers } from '../operations/figures.js';
import { magCijfersZien } from './roles.js';

export const monitoringResolvers: GraphQLResolverMap<SubgraphContext> = {
  Monitoring: {
    __resolveReference: (ref: { sleutel: string }) => ({ sleutel: ref.sleutel }),
    garantiefonds: async (_m: unknown, _a: unknown, ctx: SubgraphContext) => {
      if (!magCijfersZien(ctx.caller)) return null;
      const c = await fondsCijfers(ctx.db);
      return { saldoCent: c.saldoCent, bijdragenOpenstaandCent: c.bijdragenOpenstaandCent, aanvragen: c.aantalAanvragen, uitbetaaldCent: c.uitbetaaldCent };
    },
  },
};
