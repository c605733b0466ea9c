/** Assembles the corporatie subgraph; no side effects (see `subgraphs/main.ts`). */
import { createSubgraph, type SubgraphDeps } from '../common/server.js';
import type { Routeplanner } from '../common/routeplanner-client.js';
import { subgraphTypeDefs } from '../common/sdl.js';
import { corporatieMutations } from './resolvers/mutation.js';
import { trajectResolvers } from './resolvers/traject.js';

export const CORPORATIE_SDL = [new URL('./schema.graphql', import.meta.url)];
export const corporatieTypeDefs = () => subgraphTypeDefs(CORPORATIE_SDL, [], 'corporatie');

export interface CorporatieDeps extends Omit<SubgraphDeps, 'routes'> {
  readonly routeplanner: Routeplanner;
}

export function createCorporatieSubgraph(deps: CorporatieDeps) {
  return createSubgraph(
    { name: 'corporatie', typeDefs: corporatieTypeDefs(), resolvers: { ...trajectResolvers, ...corporatieMutations(deps.routeplanner) } as never },
    deps,
  );
}
