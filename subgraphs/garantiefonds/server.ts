/** Assembles the garantiefonds subgraph; no side effects (see `subgraphs/main.ts`). */
import { createSubgraph, type SubgraphDeps } from '../common/server.js';
import { subgraphTypeDefs } from '../common/sdl.js';
import { FondsErrorCode } from './domain/errors.js';
import { trajectVanAanvraag } from './operations/claims.js';
import { resolvers } from './resolvers/index.js';

export const GARANTIEFONDS_SDL = [
  new URL('./schema.graphql', import.meta.url),
  new URL('./monitoring.graphql', import.meta.url),
  new URL('../common/paging/page-info.graphql', import.meta.url),
];
export const garantiefondsTypeDefs = () => subgraphTypeDefs(GARANTIEFONDS_SDL, [], 'garantiefonds');

export type GarantiefondsDeps = Omit<SubgraphDeps, 'routes'>;

export function createGarantiefondsSubgraph(deps: GarantiefondsDeps) {
  return createSubgraph(
    { name: 'garantiefonds', typeDefs: garantiefondsTypeDefs(), resolvers: resolvers as never, records: { aanvraag: trajectVanAanvraag }, datumFout: FondsErrorCode.DATUM_ONGELDIG },
    deps,
  );
}
