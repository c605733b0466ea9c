/** Assembles the gemeente subgraph; no side effects (see `subgraphs/main.ts`). */
import { createSubgraph, type SubgraphDeps } from '../common/server.js';
import type { Routeplanner } from '../common/routeplanner-client.js';
import { subgraphTypeDefs } from '../common/sdl.js';
import { gemeenteMutations } from './resolvers/mutation.js';
import { trajectResolvers } from './resolvers/traject.js';

export const GEMEENTE_SDL = [new URL('./schema.graphql', import.meta.url)];
export const gemeenteTypeDefs = () => subgraphTypeDefs(GEMEENTE_SDL, [], 'gemeente');

export interface GemeenteDeps extends Omit<SubgraphDeps, 'routes'> {
  readonly routeplanner: Routeplanner;
}

export function createGemeenteSubgraph(deps: GemeenteDeps) {
  return createSubgraph(
    { name: 'gemeente', typeDefs: gemeenteTypeDefs(), resolvers: { ...trajectResolvers, ...gemeenteMutations(deps.routeplanner) } as never },
    deps,
  );
}
