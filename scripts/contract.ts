/**
 * `npm run contract -- --partij <PARTIJ>`: prints the party's contract as SDL — the schema its
 * introspection at the gateway shows and `GET /contract` serves, built here from the checked-in
 * supergraph, so a partner can generate its client without a running federation.
 */
import { getStitchedSchemaFromSupergraphSdl } from '@graphql-tools/federation';
import { parseArgs } from 'node:util';
import { contractSchema, forbiddenCoordinates, printContract } from '../gateway/contracts.js';
import { SUPERGRAPH_FILE } from '../gateway/supergraph.js';
import { PARTIJEN, type Partij } from '../schema/vocabulary.js';
import { readFileSync } from 'node:fs';

export function contractSdl(partij: Partij, supergraphSdl = readFileSync(SUPERGRAPH_FILE, 'utf8')): string {
  const api = getStitchedSchemaFromSupergraphSdl({ supergraphSdl });
  return printContract(contractSchema(api, forbiddenCoordinates(supergraphSdl).get(partij) ?? new Set(), partij));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { partij: { type: 'string' } } });
  const partij = values.partij as Partij | undefined;
  if (!partij || !(PARTIJEN as readonly string[]).includes(partij)) {
    console.error(`Gebruik: npm run contract -- --partij <${PARTIJEN.join('|')}>`);
    process.exit(2);
  }
  process.stdout.write(`${contractSdl(partij)}\n`);
}
