/**
 * Each party's contract: the fields it could ever resolve, read from the declarations in the
 * supergraph (`schema/declarations.ts`, the same reading the subgraphs' transformer uses) and the
 * policy table. The gateway refuses anything outside it before execution, and serves each party its
 * contract as a schema of its own: valid (`validateSchema` passes), without empty types, without
 * fields that lead only to what the party cannot read, and with only the acts it may perform.
 */
import { MapperKind, mapSchema, pruneSchema } from '@graphql-tools/utils';
import { buildASTSchema, getNamedType, isObjectType, lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { actRule } from '../schema/acts.js';
import { readDeclarations, type Declaration } from '../schema/declarations.js';
import { categoriesEverVisible } from '../schema/policy.js';
import { PARTIJEN, type Gegevenscategorie, type Partij } from '../schema/vocabulary.js';

export type Contracts = ReadonlyMap<Partij, ReadonlySet<string>>;

function everVisible(d: Declaration, visible: ReadonlySet<Gegevenscategorie>): boolean {
  if (d.kind === 'vrij') return true;
  if (d.kind === 'dosering') return visible.has(d.decl.categorie);
  return d.decls.some((x) => visible.has(x.categorie));
}

/** Every field's declaration in the supergraph: the fields of all subgraphs, entity fields included. */
export function supergraphDeclarations(supergraphSdl: string): ReadonlyMap<string, Declaration> {
  return readDeclarations(buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true })).byCoordinate;
}

/** Per party, the coordinates it may never resolve in any phase, relation or consent state. */
export function forbiddenCoordinates(supergraphSdl: string): Contracts {
  const byCoordinate = supergraphDeclarations(supergraphSdl);
  return new Map(
    PARTIJEN.map((partij) => {
      const visible = categoriesEverVisible(partij);
      return [partij, new Set([...byCoordinate].filter(([, d]) => !everVisible(d, visible)).map(([coordinate]) => coordinate))];
    }),
  );
}

/** Whether the acts table lets `partij` perform the mutation at all (in some relation and phase). */
function mayEverPerform(partij: Partij, mutation: string): boolean {
  return !!actRule(mutation)?.mag.some((m) => m.partij === partij);
}

/**
 * The schema a party sees: its contract only. Fields outside it go, then — until nothing changes —
 * object types left without fields and the fields that lead to them; what is then unreachable
 * (inputs of acts it may not perform, enums only those used) is pruned.
 */
export function contractSchema(schema: GraphQLSchema, forbidden: ReadonlySet<string>, partij?: Partij): GraphQLSchema {
  const mutationType = schema.getMutationType()?.name;
  const gone = new Set(forbidden);
  if (partij && mutationType) {
    for (const name of Object.keys(schema.getMutationType()!.getFields())) {
      if (!mayEverPerform(partij, name)) gone.add(`${mutationType}.${name}`);
    }
  }
  const emptyTypes = new Set<string>();
  for (;;) {
    let changed = false;
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || emptyTypes.has(type.name)) continue;
      const fields = Object.values(type.getFields());
      for (const f of fields) {
        const coordinate = `${type.name}.${f.name}`;
        if (!gone.has(coordinate) && emptyTypes.has(getNamedType(f.type).name)) {
          gone.add(coordinate);
          changed = true;
        }
      }
      if (fields.every((f) => gone.has(`${type.name}.${f.name}`))) {
        emptyTypes.add(type.name);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const narrowed = mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => (emptyTypes.has(type.name) && type.name !== schema.getQueryType()?.name ? null : type),
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => (gone.has(`${typeName}.${fieldName}`) ? null : config),
  });
  return pruneSchema(narrowed);
}

/** Per gateway schema and party, its contract schema, built once. */
/**
 * A party's contract as SDL, types and fields in alphabetical order: the same text whichever gateway
 * runtime composed the schema (the Rust query planner's lists types in another order than
 * graphql-tools' stitching), so `GET /contract` and `npm run contract` agree byte for byte.
 */
export function printContract(contract: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(contract));
}

export function contractCache(contracts: Contracts): (schema: GraphQLSchema, partij: Partij) => GraphQLSchema {
  const perSchema = new WeakMap<GraphQLSchema, Map<Partij, GraphQLSchema>>();
  return (schema, partij) => {
    let byParty = perSchema.get(schema);
    if (!byParty) perSchema.set(schema, (byParty = new Map()));
    let s = byParty.get(partij);
    if (!s) byParty.set(partij, (s = contractSchema(schema, contracts.get(partij) ?? new Set(), partij)));
    return s;
  };
}

