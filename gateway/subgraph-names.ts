/** The gateway knows subgraphs by name and URL only; the names are those in the supergraph. */
export const SUBGRAPH_NAMES_FOR_GATEWAY = ['gemeente', 'regisseur', 'corporatie', 'garantiefonds'] as const;
export type GatewaySubgraphName = (typeof SUBGRAPH_NAMES_FOR_GATEWAY)[number];
