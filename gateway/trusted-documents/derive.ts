/**
 * What an operation can ever touch, read from the schema's dosing declarations: per operation in a
 * document, the (category, legal basis, purpose) triples of every field it selects — through
 * fragments, inline fragments and entity fields of every subgraph alike, since the supergraph carries
 * each field's `@dosering` (`schema/declarations.ts`, the same reading the subgraphs, the contracts
 * and the register use). This is what the privacy officer approves.
 */
import {
  Kind,
  getNamedType,
  isAbstractType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Declaration } from '../../schema/declarations.js';
import { categoriesEverOnBasis } from '../../schema/policy.js';
import { BIJZONDERE_CATEGORIEEN, GEGEVENSCATEGORIEEN, type Doel, type Gegevenscategorie, type Grondslag, type Partij } from '../../schema/vocabulary.js';

/** One processing an operation can perform: a category on its owner's basis and purpose, and the fields that carry it. */
export interface Verwerking {
  readonly categorie: Gegevenscategorie;
  readonly grondslag: Grondslag;
  readonly doel: Doel;
  /** The selected fields (`Type.veld`) that carry it. */
  readonly velden: readonly string[];
  /** A special category of personal data (AVG art. 9). */
  readonly bijzonder: boolean;
  /** The registering party sees this category on no legal basis: every read needs the resident's targeted consent. */
  readonly alleenMetToestemming: boolean;
}

export interface OperatieVerwerkingen {
  /** The operation's name; `null` for the one anonymous operation a document may hold. */
  readonly naam: string | null;
  readonly soort: 'query' | 'mutation' | 'subscription';
  readonly verwerkingen: readonly Verwerking[];
}

type Touch = Pick<Verwerking, 'categorie' | 'grondslag' | 'doel'> & { readonly veld: string };

/**
 * The triples a selection set touches. A field with its own category touches it. An object or list
 * that stands for its type's categories (`afgeleid`) touches what is selected inside it; only when
 * nothing inside carries a category (just `__typename`, or fields free of personal data) does its
 * existence, count and order tell something, and then it touches what it stands for ("structure is
 * data", DESIGN §3b). Listing every category of `Inwoner` for `inwoner { naam }` would tell the
 * privacy officer more than the operation can read.
 */
function touches(
  schema: GraphQLSchema,
  declarations: ReadonlyMap<string, Declaration>,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType | undefined,
  inFragments: ReadonlySet<string>,
): Touch[] {
  const out: Touch[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      out.push(...touches(schema, declarations, fragments, selection.selectionSet, type, inFragments));
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || inFragments.has(name)) continue;
      const type = schema.getType(fragment.typeCondition.name.value);
      out.push(...touches(schema, declarations, fragments, fragment.selectionSet, type, new Set([...inFragments, name])));
      continue;
    }
    if (!parent || selection.name.value.startsWith('__')) continue;
    // An abstract parent (none in the supergraph today) stands for each of its object types.
    const owners: readonly GraphQLObjectType[] = isObjectType(parent) ? [parent] : isAbstractType(parent) ? schema.getPossibleTypes(parent) : [];
    for (const owner of owners) {
      const field = owner.getFields()[selection.name.value];
      if (!field) continue;
      const veld = `${owner.name}.${field.name}`;
      const inside = selection.selectionSet
        ? touches(schema, declarations, fragments, selection.selectionSet, getNamedType(field.type), inFragments)
        : [];
      const d = declarations.get(veld);
      if (d?.kind === 'dosering') out.push({ categorie: d.decl.categorie, grondslag: d.decl.grondslag, doel: d.decl.doel, veld });
      if (d?.kind === 'afgeleid' && inside.length === 0) {
        out.push(...d.decls.map((x) => ({ categorie: x.categorie, grondslag: x.grondslag, doel: x.doel, veld })));
      }
      out.push(...inside);
    }
  }
  return out;
}

const order = (c: Gegevenscategorie) => GEGEVENSCATEGORIEEN.indexOf(c);

function grouped(list: readonly Touch[], opGrondslag: ReadonlySet<Gegevenscategorie>): Verwerking[] {
  const byTriple = new Map<string, { categorie: Gegevenscategorie; grondslag: Grondslag; doel: Doel; velden: Set<string> }>();
  for (const t of list) {
    const key = `${t.categorie}|${t.grondslag}|${t.doel}`;
    let v = byTriple.get(key);
    if (!v) byTriple.set(key, (v = { categorie: t.categorie, grondslag: t.grondslag, doel: t.doel, velden: new Set() }));
    v.velden.add(t.veld);
  }
  return [...byTriple.values()]
    .sort((a, b) => order(a.categorie) - order(b.categorie) || a.grondslag.localeCompare(b.grondslag) || a.doel.localeCompare(b.doel))
    .map((v) => ({
      categorie: v.categorie,
      grondslag: v.grondslag,
      doel: v.doel,
      velden: [...v.velden].sort(),
      bijzonder: BIJZONDERE_CATEGORIEEN.includes(v.categorie),
      alleenMetToestemming: !opGrondslag.has(v.categorie),
    }));
}

/**
 * Per operation of a document that validates against `schema`, what it can ever touch when `partij`
 * sends it. `declarations` are the supergraph's (`supergraphDeclarations`): every subgraph's fields,
 * entity fields included.
 */
export function deriveVerwerkingen(
  schema: GraphQLSchema,
  declarations: ReadonlyMap<string, Declaration>,
  document: DocumentNode,
  partij: Partij,
): OperatieVerwerkingen[] {
  const opGrondslag = categoriesEverOnBasis(partij);
  const fragments = new Map(
    document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])),
  );
  return document.definitions.flatMap((d) => {
    if (d.kind !== Kind.OPERATION_DEFINITION) return [];
    const root = schema.getRootType(d.operation) ?? undefined;
    return [{ naam: d.name?.value ?? null, soort: d.operation, verwerkingen: grouped(touches(schema, declarations, fragments, d.selectionSet, root, new Set()), opGrondslag) }];
  });
}
