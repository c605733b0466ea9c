/**
 * The closed world, read from a schema: every field of every object type says what it carries about a
 * person — a category with basis and purpose (`@dosering`), or nothing, with the reason
 * (`@geenPersoonsgegeven`). The subgraphs' transformer, the gateway's contracts, the register and the
 * build all read declarations through this one function, so they cannot disagree.
 *
 * How a field gets its declaration, first match wins:
 * 1. its own `@dosering` or `@geenPersoonsgegeven`;
 * 2. its type's (the parent's) directive;
 * 3. for a field whose value is an object or a list of objects: what that object stands for — the
 *    target type's own `@dosering`, else every category its fields carry (the object exists for a caller
 *    that may read at least one of them: "structure is data", DESIGN §3b);
 * 4. nothing: the field is listed in `missing`, and the build fails.
 */
import { getDirective } from '@graphql-tools/utils';
import { getNamedType, isObjectType, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import type { FieldDeclaration } from './decide.js';
import { DOSERING_DIRECTIVE, PERSOONSVRIJ_DIRECTIVE } from './directives.js';

export type Declaration =
  /** The field's own category (or its type's) decides it, leaf or object. */
  | { readonly kind: 'dosering'; readonly decl: FieldDeclaration }
  /** An object or list that stands for what its type holds: it exists if any of that may be read. */
  | { readonly kind: 'afgeleid'; readonly decls: readonly FieldDeclaration[] }
  /** Nothing about a person. */
  | { readonly kind: 'vrij'; readonly reden: string };

export interface Declarations {
  readonly byCoordinate: ReadonlyMap<string, Declaration>;
  /** Fields without any declaration: the build refuses a schema with one. */
  readonly missing: readonly string[];
}

type Declared = Omit<FieldDeclaration, 'coordinate'>;

/** Types and fields that Apollo Federation adds to every subgraph: machinery, not data. */
const FEDERATION_TYPES = new Set(['_Service']);
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

function own(schema: GraphQLSchema, node: GraphQLField<unknown, unknown> | GraphQLObjectType, coordinate: string): Declaration | undefined {
  const d = getDirective(schema, node, DOSERING_DIRECTIVE)?.[0] as Declared | undefined;
  if (d) return { kind: 'dosering', decl: { coordinate, categorie: d.categorie, grondslag: d.grondslag, doel: d.doel } };
  const v = getDirective(schema, node, PERSOONSVRIJ_DIRECTIVE)?.[0] as { reden: string } | undefined;
  return v ? { kind: 'vrij', reden: v.reden } : undefined;
}

/** The object types a schema's clients can reach (introspection and federation machinery excluded). */
export function dataObjectTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__') && !FEDERATION_TYPES.has(t.name),
  );
}

export function readDeclarations(schema: GraphQLSchema): Declarations {
  const byCoordinate = new Map<string, Declaration>();
  const missing: string[] = [];
  /**
   * What an object type stands for, as the leaf declarations it holds (cycles are cut: a type seen
   * is empty). Each keeps its leaf's coordinate, so a conflict van plichten that names a leaf
   * (`Inwoner.gezondheid`) opens the object that holds it, exactly as it opens the leaf.
   */
  const standsFor = (type: GraphQLObjectType, seen: Set<string>): FieldDeclaration[] => {
    const onType = own(schema, type, type.name);
    if (onType?.kind === 'vrij' || seen.has(type.name)) return [];
    seen.add(type.name);
    const out = new Map<string, FieldDeclaration>();
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      const d = own(schema, field, coordinate);
      const target = getNamedType(field.type);
      // A type that declares its category stands for that category; its fields with one of their
      // own (a handling advice in a profile) are read with the object, not what makes it exist.
      if (onType?.kind === 'dosering') {
        if (!d) out.set(coordinate, { ...onType.decl, coordinate });
        continue;
      }
      const decls = d?.kind === 'dosering' ? [d.decl] : d?.kind === 'vrij' ? [] : isObjectType(target) ? standsFor(target, seen) : [];
      for (const x of decls) out.set(x.coordinate, x);
    }
    if (out.size === 0 && onType?.kind === 'dosering') out.set(type.name, onType.decl);
    return [...out.values()];
  };

  for (const type of dataObjectTypes(schema)) {
    const onType = own(schema, type, type.name);
    for (const field of Object.values(type.getFields())) {
      const coordinate = `${type.name}.${field.name}`;
      if (FEDERATION_FIELDS.has(coordinate)) continue;
      let decl = own(schema, field, coordinate);
      if (!decl && onType) decl = onType.kind === 'dosering' ? { kind: 'dosering', decl: { ...onType.decl, coordinate } } : onType;
      const target = getNamedType(field.type);
      const targetOwn = isObjectType(target) ? own(schema, target, coordinate) : undefined;
      if (!decl && targetOwn?.kind === 'vrij') decl = targetOwn;
      if (!decl && isObjectType(target)) {
        const decls = standsFor(target, new Set());
        if (decls.length > 0) decl = { kind: 'afgeleid', decls };
      }
      if (decl) byCoordinate.set(coordinate, decl);
      else missing.push(coordinate);
    }
  }
  return { byCoordinate, missing };
}

/** Refuses a schema in which a field does not declare what it carries. */
export function assertClosedWorld(schema: GraphQLSchema, where: string): void {
  const { missing } = readDeclarations(schema);
  if (missing.length > 0) {
    throw new Error(
      `${where}: ${missing.length} veld(en) zonder @dosering of @geenPersoonsgegeven (elk veld zegt wat het over een persoon draagt): ${missing.join(', ')}`,
    );
  }
}
