/**
 * The fields a conflict van plichten may name: every field of the federation that carries a
 * `@dosering` of its own (`Inwoner.gezondheid`, `Traject.bemiddelingsprofiel` …), read from the
 * checked-in supergraph (a test keeps it equal to the four subgraphs' SDL). An override that names
 * anything else would open nothing while the professional believes something was shared, so it is
 * refused instead.
 */
import { buildASTSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { readDeclarations } from '../../../schema/declarations.js';
import { SUPERGRAPH_FILE } from '../../../schema/supergraph-file.js';

let velden: ReadonlySet<string> | undefined;

export function doorbreekbareVelden(): ReadonlySet<string> {
  velden ??= new Set(
    [...readDeclarations(buildASTSchema(parse(readFileSync(SUPERGRAPH_FILE, 'utf8')), { assumeValidSDL: true })).byCoordinate]
      .filter(([, d]) => d.kind === 'dosering')
      .map(([coordinate]) => coordinate),
  );
  return velden;
}
