/**
 * The four subgraphs by name, with their SDL. The gateway never imports this: it knows subgraphs
 * only by URL and the checked-in supergraph; the compose script and the launcher use it.
 */
import type { DocumentNode } from 'graphql';
import { corporatieTypeDefs } from './corporatie/server.js';
import { garantiefondsTypeDefs } from './garantiefonds/server.js';
import { gemeenteTypeDefs } from './gemeente/server.js';
import { regisseurTypeDefs } from './regisseur/server.js';

export const SUBGRAPH_NAMES = ['gemeente', 'regisseur', 'corporatie', 'garantiefonds'] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];

export const SUBGRAPH_TYPEDEFS: Record<SubgraphName, () => DocumentNode> = {
  gemeente: gemeenteTypeDefs,
  regisseur: regisseurTypeDefs,
  corporatie: corporatieTypeDefs,
  garantiefonds: garantiefondsTypeDefs,
};

/** Default local ports, one per subgraph; each is configurable. */
export const DEFAULT_PORTS: Record<SubgraphName, number> = {
  gemeente: 4001,
  regisseur: 4002,
  corporatie: 4003,
  garantiefonds: 4004,
};
