/**
 * Composes the supergraph from the subgraphs' SDL with The Guild's composition (MIT). The
 * checked-in `schema/supergraph.graphql` is this output; a test fails when it is out of date.
 */
import { composeServices } from '@theguild/federation-composition';
import type { DocumentNode } from 'graphql';

/** Placeholder URL in the checked-in supergraph; the gateway replaces it from its configuration. */
export const subgraphPlaceholderUrl = (name: string) => `http://${name}.woonkans.invalid/graphql`;

export function composeSupergraph(subgraphs: { name: string; typeDefs: DocumentNode }[]): string {
  const result = composeServices(subgraphs.map((s) => ({ ...s, url: subgraphPlaceholderUrl(s.name) })));
  if (result.errors?.length) {
    throw new Error(`Compositie mislukt:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}
