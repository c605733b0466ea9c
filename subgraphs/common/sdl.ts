/**
 * A subgraph's SDL is its own `schema.graphql` prefixed with the shared dosing vocabulary, so no
 * subgraph retypes the directive or the enums. Given the subgraph's name, the shared read side of
 * its access log (`Inzage.<name>`, `Toezicht.<name>`, …) is added too: every organisation answers
 * for its own Logboek Dataverwerkingen, so every subgraph must contribute it.
 */
import { parse, type DocumentNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { DOSERING_DIRECTIVE_SDL, VOCABULARY_SDL, subgraphHeader } from '../../schema/directives.js';
import { LOGBOEK_FEDERATION_IMPORTS, logboekSdl } from './logboek/graphql-sdl.js';

/** A subgraph may split its SDL over several files (e.g. `schema.graphql` and `monitoring.graphql`). */
export function subgraphSdl(files: readonly URL[], federationImports: readonly string[] = [], subgraph?: string): string {
  const imports = subgraph ? [...new Set([...federationImports, ...LOGBOEK_FEDERATION_IMPORTS])] : federationImports;
  return [
    subgraphHeader(imports),
    DOSERING_DIRECTIVE_SDL,
    VOCABULARY_SDL,
    ...files.map((f) => readFileSync(f, 'utf8')),
    ...(subgraph ? [logboekSdl(subgraph)] : []),
  ].join('\n');
}

/** `subgraph`: the subgraph's name, which adds its access log's read side (see `logboek/graphql-sdl.ts`). */
export function subgraphTypeDefs(files: readonly URL[], federationImports: readonly string[] = [], subgraph?: string): DocumentNode {
  return parse(subgraphSdl(files, federationImports, subgraph));
}
