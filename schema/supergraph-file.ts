/** The checked-in supergraph (`npm run compose` writes it): the gateway serves it, the regisseur reads its dosed fields. */
export const SUPERGRAPH_FILE = new URL('./supergraph.graphql', import.meta.url);
