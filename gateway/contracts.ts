/**
 * Each party's contract: the fields it could ever resolve, read from the `@dosering` declarations in
 * the supergraph and the policy table. The gateway refuses anything outside it before execution and
 * shows each party only its own contract in introspection.
 */
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { Kind, parse, type ConstDirectiveNode, type GraphQLSchema } from 'graphql';
import { DOSERING_DIRECTIVE } from '../schema/directives.js';
import { categoriesEverVisible } from '../schema/policy.js';
import { PARTIJEN, type Gegevenscategorie, type Partij } from '../schema/vocabulary.js';

function categorieOf(directives: readonly ConstDirectiveNode[] | undefined): Gegevenscategorie | undefined {
  const d = directives?.find((x) => x.name.value === DOSERING_DIRECTIVE);
  const arg = d?.arguments?.find((a) => a.name.value === 'categorie');
  return arg?.value.kind === Kind.ENUM ? (arg.value.value as Gegevenscategorie) : undefined;
}

/** Per coordinate (`Type.field`), the category declared on the field or on its type. */
export function declaredCategories(supergraphSdl: string): Map<string, Gegevenscategorie> {
  const out = new Map<string, Gegevenscategorie>();
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const onType = categorieOf(def.directives);
    for (const field of def.fields ?? []) {
      const c = categorieOf(field.directives) ?? onType;
      if (c) out.set(`${def.name.value}.${field.name.value}`, c);
    }
  }
  return out;
}

export type Contracts = ReadonlyMap<Partij, ReadonlySet<string>>;

/** Per party, the coordinates it may never resolve in any phase, relation or consent state. */
export function forbiddenCoordinates(supergraphSdl: string): Contracts {
  const declared = declaredCategories(supergraphSdl);
  return new Map(
    PARTIJEN.map((partij) => {
      const visible = categoriesEverVisible(partij);
      return [partij, new Set([...declared].filter(([, c]) => !visible.has(c)).map(([coordinate]) => coordinate))];
    }),
  );
}

/** The schema a party sees in introspection: its contract only. */
export function contractSchema(schema: GraphQLSchema, forbidden: ReadonlySet<string>): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (config, fieldName, typeName) => (forbidden.has(`${typeName}.${fieldName}`) ? null : config),
  });
}
