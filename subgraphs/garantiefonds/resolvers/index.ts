/** Resolvers of the garantiefonds subgraph, one file per concern. */
import type { GraphQLResolverMap } from '../../common/resolver-map.js';
import type { SubgraphContext } from '../../common/server.js';
import { monitoringResolvers } from './monitoring.js';
import { mutationResolvers } from './mutation.js';
import { queryResolvers } from './query.js';
import { trajectResolvers } from './traject.js';

export const resolvers: GraphQLResolverMap<SubgraphContext> = {
  ...queryResolvers,
  ...trajectResolvers,
  ...mutationResolvers,
  ...monitoringResolvers,
};
