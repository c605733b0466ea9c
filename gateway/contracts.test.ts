/**
 * The gateway's static layer: per party, the coordinates it may never resolve, computed from the
 * checked-in supergraph, equal those derived independently from the policy table (a coordinate is
 * forbidden iff no cell of that party ever lists its category). Introspection shows exactly the rest.
 */
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { declarationsFromSdl, oracleOoitZichtbaar } from '../test/helpers/dosing-fixtures.js';
import { PARTIJEN, type Partij } from '../schema/vocabulary.js';
import { contractSchema, declaredCategories, forbiddenCoordinates } from './contracts.js';
import { SUPERGRAPH_FILE, loadSupergraph } from './supergraph.js';

/** The CommonJS `graphql` build that `@graphql-tools/utils` uses (vitest would hand us `index.mjs`). */
const { buildSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const SDL = readFileSync(SUPERGRAPH_FILE, 'utf8');
const DECLARED = declarationsFromSdl(SDL);
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Independently: forbidden iff no cell of the party, in any relation and phase, lists the category. */
const expectedForbidden = (partij: Partij) => sorted([...DECLARED.values()].filter((d) => !oracleOoitZichtbaar(partij, d.categorie)).map((d) => d.coordinate));

describe('forbidden coordinates per party', () => {
  const contracts = forbiddenCoordinates(SDL);

  it('read the same declarations from the supergraph as an independent parse', () => {
    expect(DECLARED.size).toBeGreaterThan(50);
    expect(sorted([...declaredCategories(SDL)].map(([k, v]) => `${k}:${v}`))).toEqual(sorted([...DECLARED.values()].map((d) => `${d.coordinate}:${d.categorie}`)));
  });

  it.each(PARTIJEN.map((p) => [p]))('%s: equal those derived from the policy table', (partij) => {
    expect(sorted(contracts.get(partij) ?? [])).toEqual(expectedForbidden(partij));
  });

  it('leave the Werkgroep and Toezicht no personal field at all, and the resident every one', () => {
    expect(sorted(contracts.get('WERKGROEP')!)).toEqual(sorted(DECLARED.keys()));
    expect(sorted(contracts.get('TOEZICHT')!)).toEqual(sorted(DECLARED.keys()));
    expect(contracts.get('INWONER')!.size).toBe(0);
  });

  it('leave the guarantee fund only the claims, and the regisseur never a BSN', () => {
    const fund = sorted([...DECLARED.keys()].filter((k) => !contracts.get('GARANTIEFONDS')!.has(k)));
    expect(fund.length).toBeGreaterThan(0);
    expect(fund.filter((k) => DECLARED.get(k)!.categorie !== 'FONDS')).toEqual([]);
    expect(fund).toContain('Garantieaanvraag.bedragCent');
    expect(contracts.get('REGISSEUR')!.has('Inwoner.bsn')).toBe(true);
    // The matched corporation gets the BSN at the lease, so the static layer must let it through.
    expect(contracts.get('CORPORATIE')!.has('Inwoner.bsn')).toBe(false);
  });

  it('do not depend on the subgraph URLs the gateway fills in', () => {
    const loaded = loadSupergraph({ gemeente: 'http://a/graphql', regisseur: 'http://b/graphql', corporatie: 'http://c/graphql', garantiefonds: 'http://d/graphql' });
    const again = forbiddenCoordinates(loaded);
    for (const p of PARTIJEN) expect(sorted(again.get(p)!)).toEqual(sorted(contracts.get(p)!));
  });
});

describe('the schema each party sees in introspection', () => {
  const supergraph = buildSchema(SDL, { assumeValidSDL: true });
  const contracts = forbiddenCoordinates(SDL);
  const coordinates = (schema: GraphQLSchema) =>
    new Set(
      Object.values(schema.getTypeMap())
        .filter((t): t is GraphQLObjectType => 'getFields' in t && !t.name.startsWith('__') && t.constructor.name === 'GraphQLObjectType')
        .flatMap((t) => Object.keys(t.getFields()).map((f) => `${t.name}.${f}`)),
    );
  const all = coordinates(supergraph);

  it.each(PARTIJEN.map((p) => [p]))('%s: lacks exactly its forbidden coordinates', (partij) => {
    const seen = coordinates(contractSchema(supergraph, contracts.get(partij)!));
    expect(sorted([...all].filter((c) => !seen.has(c)))).toEqual(expectedForbidden(partij));
    expect(coordinates(supergraph)).toEqual(all);
  });
});
