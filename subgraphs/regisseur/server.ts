/** Assembles the regisseur subgraph; no side effects (see `subgraphs/main.ts`). */
import type { SubgraphDeps } from '../common/server.js';
import { createSubgraph } from '../common/server.js';
import { projectForCaller, type PolicyContextSource } from '../common/policy-context.js';
import { subgraphTypeDefs } from '../common/sdl.js';
import type { Db } from '../common/database.js';
import { mergeMonitoringResolvers } from './monitoring/resolvers.js';
import { mutationResolvers } from './resolvers/mutation.js';
import { queryResolvers } from './resolvers/query.js';
import { trajectResolvers } from './resolvers/traject.js';
import { coalescedCaseContexts } from './routeplanner/context.js';
import { regisseurRoutes } from './routes.js';
import { trajectVanCasusoverleg } from './toestemming/casusoverleg.js';
import { trajectVanToestemming } from './toestemming/register.js';

export const REGISSEUR_SDL = [
  new URL('./schema.graphql', import.meta.url),
  new URL('./monitoring.graphql', import.meta.url),
  new URL('../common/paging/page-info.graphql', import.meta.url),
];
export const regisseurTypeDefs = () => subgraphTypeDefs(REGISSEUR_SDL, [], 'regisseur');

/**
 * The regisseur reads the policy context from its own tables; the same projection as it serves
 * others. `db` is the shared pool handle: concurrent requests share a batch not yet sent
 * (`coalescedCaseContexts`), so each still sees every change committed before it started.
 */
export function localPolicyContext(db: Db): PolicyContextSource {
  const load = coalescedCaseContexts(db);
  return async (caller, _authorization, ids) => {
    const found = await load(ids);
    return new Map(ids.map((id) => {
      const ctx = found.get(id);
      return [id, ctx ? projectForCaller(caller, ctx) : null];
    }));
  };
}

export interface RegisseurDeps extends Omit<SubgraphDeps, 'policyContext' | 'routes'> {
  /** The Werkgroep's small-cell threshold (at least 5). @default 5 */
  readonly monitoringDrempel?: number | undefined;
}

export function createRegisseurSubgraph(deps: RegisseurDeps) {
  const now = deps.now ?? Date.now;
  return createSubgraph(
    {
      name: 'regisseur',
      typeDefs: regisseurTypeDefs(),
      resolvers: mergeMonitoringResolvers({ ...queryResolvers, ...trajectResolvers, ...mutationResolvers }, deps.monitoringDrempel ? { drempel: deps.monitoringDrempel } : {}) as never,
      records: { toestemming: trajectVanToestemming, casusoverleg: trajectVanCasusoverleg },
    },
    { ...deps, policyContext: localPolicyContext(deps.database.db), routes: regisseurRoutes(deps.database.db, now) },
  );
}
