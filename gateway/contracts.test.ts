/**
 * The gateway's static layer: per party, the coordinates it may never resolve, computed from the
 * checked-in supergraph, equal those derived independently from the policy table (a coordinate is
 * forbidden iff no cell of that party ever lists its category). Introspection shows exactly the rest.
 */
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { readDeclarations } from '../schema/declarations.js';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { declarationsFromSdl, oracleOoitZichtbaar } from '../test/helpers/dosing-fixtures.js';
import { PARTIJEN, type Partij } from '../schema/vocabulary.js';
import { contractSchema, forbiddenCoordinates } from './contracts.js';
import { SUPERGRAPH_FILE, loadSupergraph } from './supergraph.js';

/** The CommonJS `graphql` build that `@graphql-tools/utils` uses (vitest would hand us `index.mjs`). */
const { buildSchema, validateSchema } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const SDL = readFileSync(SUPERGRAPH_FILE, 'utf8');
/** The explicit `@dosering` of each leaf, parsed independently of `schema/declarations.ts`. */
const DECLARED = declarationsFromSdl(SDL);
/** Every declaration, objects and lists included, as the transformer and the gateway read them. */
const ALL = readDeclarations(buildSchema(SDL, { assumeValidSDL: true })).byCoordinate;
const sorted = (xs: Iterable<string>) => [...xs].sort();

/**
 * Independently: a leaf is forbidden iff no cell of the party, in any relation and phase, lists its
 * category; an object or list iff none of what it stands for is ever visible; a field declared free
 * of personal data never.
 */
const expectedForbidden = (partij: Partij) =>
  sorted(
    [...ALL]
      .filter(([, d]) => (d.kind === 'vrij' ? false : (d.kind === 'dosering' ? [d.decl] : d.decls).every((x) => !oracleOoitZichtbaar(partij, x.categorie))))
      .map(([c]) => c),
  );

describe('forbidden coordinates per party', () => {
  const contracts = forbiddenCoordinates(SDL);

  it('read the same leaf declarations from the supergraph as an independent parse', () => {
    expect(DECLARED.size).toBeGreaterThan(50);
    for (const d of DECLARED.values()) expect(ALL.get(d.coordinate), d.coordinate).toMatchObject({ kind: 'dosering', decl: { categorie: d.categorie } });
  });

  it.each(PARTIJEN.map((p) => [p]))('%s: equal those derived from the policy table', (partij) => {
    expect(sorted(contracts.get(partij) ?? [])).toEqual(expectedForbidden(partij));
  });

  it('leave the Werkgroep and Toezicht no personal field at all, and the resident every one', () => {
    const personal = sorted([...ALL].filter(([, d]) => d.kind !== 'vrij').map(([c]) => c));
    expect(sorted(contracts.get('WERKGROEP')!)).toEqual(personal);
    expect(sorted(contracts.get('TOEZICHT')!)).toEqual(personal);
    expect(contracts.get('INWONER')!.size).toBe(0);
  });

  it('leave the guarantee fund only the claims, and the regisseur never a BSN', () => {
    const fund = sorted([...DECLARED.keys()].filter((k) => !contracts.get('GARANTIEFONDS')!.has(k)));
    expect(fund.length).toBeGreaterThan(0);
    // The fund's data, and that a case exists under its code (TRAJECT): nothing else.
    expect(fund.filter((k) => DECLARED.has(k) && !['FONDS', 'TRAJECT'].includes(DECLARED.get(k)!.categorie))).toEqual([]);
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

  it.each(PARTIJEN.map((p) => [p]))('%s: lacks its forbidden coordinates and is a valid schema of its own', (partij) => {
    const contract = contractSchema(supergraph, contracts.get(partij)!, partij);
    const seen = coordinates(contract);
    for (const c of expectedForbidden(partij)) expect(seen.has(c), c).toBe(false);
    // Valid: codegen and client-side validation accept it (no empty types, no dangling fields).
    expect(validateSchema(contract).map((e) => e.message)).toEqual([]);
    expect(coordinates(supergraph)).toEqual(all);
  });

  it('shows each party only the acts it may ever perform, and only the inputs those need', () => {
    const mutations = (p: Partij) => sorted(Object.keys(contractSchema(supergraph, contracts.get(p)!, p).getMutationType()?.getFields() ?? {}));
    expect(mutations('WERKGROEP')).toEqual([]);
    expect(mutations('GARANTIEFONDS')).toContain('betaalGarantieaanvraagUit');
    expect(mutations('CORPORATIE')).not.toContain('betaalGarantieaanvraagUit');
    const corporatie = contractSchema(supergraph, contracts.get('CORPORATIE')!, 'CORPORATIE');
    expect(corporatie.getType('DoorbrekingInput')).toBeUndefined();
    expect(corporatie.getType('HuurovereenkomstInput')).toBeDefined();
  });

  it('offers each connection exactly where its list is offered, with the Relay structure partners’ clients expect', () => {
    const lists = [
      ['Query.trajecten', 'Query.trajectenPagina', 'TrajectConnection', 'TrajectEdge'],
      ['Query.garantieaanvragen', 'Query.garantieaanvragenPagina', 'GarantieaanvraagConnection', 'GarantieaanvraagEdge'],
      ['Fonds.grootboek', 'Fonds.grootboekPagina', 'GrootboekregelConnection', 'GrootboekregelEdge'],
      ['Fonds.bijdragen', 'Fonds.bijdragenPagina', 'BijdrageConnection', 'BijdrageEdge'],
    ] as const;
    const offered = new Set<string>();
    for (const partij of PARTIJEN) {
      const seen = coordinates(contractSchema(supergraph, contracts.get(partij)!, partij));
      for (const [list, page, connection, edge] of lists) {
        expect(seen.has(page), `${partij}: ${page}`).toBe(seen.has(list));
        if (!seen.has(page)) continue;
        offered.add(`${partij} ${page}`);
        for (const c of [`${connection}.edges`, `${connection}.pageInfo`, `${edge}.cursor`, `${edge}.node`, 'PageInfo.hasNextPage', 'PageInfo.endCursor']) expect(seen.has(c), `${partij}: ${c}`).toBe(true);
      }
    }
    expect(offered).toContain('CORPORATIE Query.trajectenPagina');
    expect(offered).toContain('GARANTIEFONDS Fonds.grootboekPagina');
    expect(offered).not.toContain('WERKGROEP Query.trajectenPagina');
  });

  it('gives the guarantee fund no way to a resident: no Inwoner, no Melding, no Transitie type at all', () => {
    const fund = contractSchema(supergraph, contracts.get('GARANTIEFONDS')!, 'GARANTIEFONDS');
    for (const t of ['Inwoner', 'Melding', 'Transitie', 'Document', 'Huurovereenkomst']) expect(fund.getType(t), t).toBeUndefined();
  });
});
