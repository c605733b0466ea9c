/**
 * Composes the supergraph from the subgraphs' SDL with The Guild's composition (MIT). The
 * checked-in `schema/supergraph.graphql` is this output; a test fails when it is out of date.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import type { DocumentNode } from 'graphql';
import { assertClosedWorld } from './declarations.js';

/** Placeholder URL in the checked-in supergraph; the gateway replaces it from its configuration. */
export const subgraphPlaceholderUrl = (name: string) => `http://${name}.woonkans.invalid/graphql`;

/** Refuses to compose when a field of any subgraph does not declare what it carries (closed world). */
export function composeSupergraph(subgraphs: { name: string; typeDefs: DocumentNode }[]): string {
  for (const s of subgraphs) assertClosedWorld(buildSubgraphSchema([{ typeDefs: s.typeDefs }]), `subgraaf ${s.name}`);
  const result = composeServices(subgraphs.map((s) => ({ ...s, url: subgraphPlaceholderUrl(s.name) })));
  if (result.errors?.length) {
    throw new Error(`Compositie mislukt:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}
