/**
 * A subgraph's SDL is its own `schema.graphql` prefixed with the shared dosing vocabulary, so no
 * subgraph retypes the directive or the enums.
 */
import { parse, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { DOSERING_DIRECTIVE_SDL, VOCABULARY_SDL, subgraphHeader } from '../../schema/directives.js';

/** A subgraph may split its SDL over several files (e.g. `schema.graphql` and `monitoring.graphql`). */
export function subgraphSdl(files: readonly URL[], federationImports: readonly string[] = []): string {
  return [subgraphHeader(federationImports), DOSERING_DIRECTIVE_SDL, VOCABULARY_SDL, ...files.map((f) => readFileSync(f, 'utf8'))].join('\n');
}

export function subgraphTypeDefs(files: readonly URL[], federationImports: readonly string[] = []): DocumentNode {
  return parse(subgraphSdl(files, federationImports));
}
