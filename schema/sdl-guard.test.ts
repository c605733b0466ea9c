/**
 * Guards over every subgraph's SDL: the `@dosering` vocabulary is the policy's, every category of
 * the table is carried by some field, every field of a personal-data type declares what it carries,
 * personal data is nullable (a refusal is `null`), and the public contract of DESIGN §6 is there.
 */
import { Kind, getNamedType, isObjectType, parse, print, type DocumentNode, type GraphQLObjectType, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declarationsFromSdl } from '../test/helpers/dosing-fixtures.js';
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../subgraphs/catalog.js';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraph } from './compose.js';
import { readDeclarations } from './declarations.js';
import { DOSERING_DIRECTIVE, DOSERING_SPEC_URL, PERSOONSVRIJ_DIRECTIVE } from './directives.js';
import { policyRows } from './policy.js';
import { DOELEN, GEGEVENSCATEGORIEEN, GRONDSLAGEN, type Gegevenscategorie } from './vocabulary.js';

const SUBGRAPHS = SUBGRAPH_NAMES.map((name) => ({ name, doc: SUBGRAPH_TYPEDEFS[name]() as DocumentNode }));
const SUPERGRAPH = readFileSync(new URL('./supergraph.graphql', import.meta.url), 'utf8');

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;
const objects = (doc: DocumentNode): ObjectNode[] =>
  doc.definitions.filter((d): d is ObjectNode => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION);
const hasDosering = (n: { directives?: readonly { name: { value: string } }[] | undefined }) => !!n.directives?.some((d) => d.name.value === DOSERING_DIRECTIVE);
const usages = SUBGRAPHS.flatMap(({ name, doc }) =>
  objects(doc).flatMap((t) => [
    ...(t.directives ?? []).filter((d) => d.name.value === DOSERING_DIRECTIVE).map((d) => ({ name, at: t.name.value, d })),
    ...(t.fields ?? []).flatMap((f) => (f.directives ?? []).filter((d) => d.name.value === DOSERING_DIRECTIVE).map((d) => ({ name, at: `${t.name.value}.${f.name.value}`, d }))),
  ]),
);
const arg = (d: (typeof usages)[number]['d'], n: string) => {
  const a = d.arguments?.find((x) => x.name.value === n);
  return a?.value.kind === Kind.ENUM ? a.value.value : undefined;
};

/** All declarations of all subgraphs, by coordinate. */
const DECLARED = new Map(SUBGRAPHS.flatMap(({ doc }) => [...declarationsFromSdl(print(doc))]));

/**
 * Categories of the table that no field carries on purpose, each with its reason. Empty today: the
 * test below fails when a category is listed here but is in fact used, so the list cannot go stale.
 */
const BEWUST_ONGEBRUIKT: Partial<Record<Gegevenscategorie, string>> = {
  LOGBOEK: 'The access log itself: no field of a case carries it; its reads are recorded by the log\'s read side (subgraphs/common/logboek/lezingen.ts).',
};

describe('@dosering uses the policy vocabulary', () => {
  it('is used at all, in every subgraph that holds personal data', () => {
    expect(usages.length).toBeGreaterThan(10);
    expect(new Set(usages.map((u) => u.name))).toEqual(new Set(['gemeente', 'regisseur', 'corporatie', 'garantiefonds']));
  });

  it('names only categories, bases and purposes of the vocabulary, all three every time', () => {
    for (const u of usages) {
      expect(GEGEVENSCATEGORIEEN, u.at).toContain(arg(u.d, 'categorie'));
      expect(GRONDSLAGEN, u.at).toContain(arg(u.d, 'grondslag'));
      expect(DOELEN, u.at).toContain(arg(u.d, 'doel'));
    }
  });

  it('carries every category of the policy table on some field (deliberate exceptions listed with a reason)', () => {
    const inTable = new Set(policyRows().flatMap((r) => [...r.basis, ...r.toestemming]));
    const used = new Set([...DECLARED.values()].map((d) => d.categorie));
    const unused = [...inTable].filter((c) => !used.has(c)).sort();
    expect(unused).toEqual(Object.keys(BEWUST_ONGEBRUIKT).sort());
  });

  it('declares health data on the special-category basis (Wmo art. 5.1.1 with AVG 9.2)', () => {
    const health = [...DECLARED.values()].filter((d) => d.categorie === 'GEZONDHEID');
    expect(health.map((d) => d.coordinate)).toContain('Inwoner.gezondheid');
    for (const d of health) expect(d.grondslag, d.coordinate).toBe('WMO_GEZONDHEID');
  });

  it('is linked and composed in every subgraph, so the supergraph keeps it', () => {
    for (const { name, doc } of SUBGRAPHS) {
      const sdl = print(doc);
      expect(sdl, name).toContain(`@link(url: "${DOSERING_SPEC_URL}", import: ["@${DOSERING_DIRECTIVE}", "@${PERSOONSVRIJ_DIRECTIVE}"])`);
      expect(sdl, name).toContain(`@composeDirective(name: "@${DOSERING_DIRECTIVE}")`);
      expect(sdl, name).toContain(`@composeDirective(name: "@${PERSOONSVRIJ_DIRECTIVE}")`);
    }
  });
});

describe('the closed world: every field declares what it carries', () => {
  it('in every subgraph, every field of every object type has @dosering or @geenPersoonsgegeven (its own, its type\'s, or what its object stands for)', () => {
    for (const { name, doc } of SUBGRAPHS) expect(readDeclarations(buildSubgraphSchema([{ typeDefs: doc }])).missing, name).toEqual([]);
  });

  it('refuses to compose a subgraph with a field that declares nothing', () => {
    const typeDefs = parse(`${print(SUBGRAPHS[0]!.doc)}\nextend type Traject { notitie: String }`);
    expect(() => composeSupergraph([{ name: 'gemeente', typeDefs }])).toThrow(/Traject\.notitie/);
  });

  it('gives every @geenPersoonsgegeven a reason a privacy officer can read', () => {
    for (const { name, doc } of SUBGRAPHS) {
      for (const [coordinate, d] of readDeclarations(buildSubgraphSchema([{ typeDefs: doc }])).byCoordinate) {
        if (d.kind === 'vrij') expect(d.reden.length, `${name}: ${coordinate}`).toBeGreaterThan(20);
      }
    }
  });
});

describe('personal-data types', () => {
  /** Every object type with a @dosering on itself or a field, plus Inwoner (DESIGN §6). */
  const personal = SUBGRAPHS.flatMap(({ name, doc }) =>
    objects(doc)
      .filter((t) => hasDosering(t) || (t.fields ?? []).some(hasDosering) || t.name.value === 'Inwoner')
      .map((t) => ({ name, t })),
  );

  it('include the ones DESIGN names', () => {
    const names = new Set(personal.map((p) => p.t.name.value));
    for (const t of ['Inwoner', 'Bemiddelingsprofiel', 'Huurovereenkomst', 'Garantieaanvraag', 'Document']) expect(names).toContain(t);
  });

  it('are null, never an error of their parent, wherever a decision can refuse them (objects and lists included)', () => {
    const nonNull: string[] = [];
    for (const { name, doc } of SUBGRAPHS) {
      const schema = buildSubgraphSchema([{ typeDefs: doc }]);
      const roots = new Set([schema.getQueryType()?.name, schema.getMutationType()?.name]);
      for (const [coordinate, d] of readDeclarations(schema).byCoordinate) {
        const [type, field] = coordinate.split('.') as [string, string];
        if (d.kind === 'vrij' || roots.has(type)) continue;
        const parent = schema.getType(type) as GraphQLObjectType;
        const f = parent.getFields()[field]!;
        // A field that only inherits its type's category is decided with its object, which is null when refused.
        const inherited = !f.astNode?.directives?.length && !!parent.astNode?.directives?.some((x) => x.name.value === DOSERING_DIRECTIVE) && !isObjectType(getNamedType(f.type));
        if (!inherited && String(f.type).endsWith('!')) nonNull.push(`${name}: ${coordinate}`);
      }
    }
    expect(nonNull).toEqual([]);
  });

  it('are reached from Traject through nullable fields only (a refused case is null, not an error of its parent)', () => {
    const traject = parse(SUPERGRAPH).definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Traject')!;
    const personalNames = new Set(personal.map((p) => p.t.name.value));
    for (const f of traject.fields ?? []) {
      const named = print(f.type).replace(/[[\]!]/g, '');
      if (personalNames.has(named) && f.type.kind === Kind.NON_NULL_TYPE && !print(f.type).startsWith('[')) {
        throw new Error(`Traject.${f.name.value} is non-null but holds personal data`);
      }
    }
  });
});

describe('the public contract (DESIGN §6)', () => {
  const supergraphTypes = new Map(
    parse(SUPERGRAPH).definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION).map((d) => [d.name.value, d]),
  );
  const fieldOf = (type: string, field: string): FieldDefinitionNode | undefined => supergraphTypes.get(type)?.fields?.find((f) => f.name.value === field);

  it('Inwoner has naam, bsn, geboortedatum, geslacht, adres, telefoon, email, gezondheid and the research fields, all nullable and declared', () => {
    const fields = ['naam', 'bsn', 'geboortedatum', 'geslacht', 'adres', 'telefoon', 'email', 'gezondheid', 'opleiding', 'werk', 'inkomen', 'sociaalNetwerk', 'woonsituatie', 'financien'];
    for (const f of fields) {
      const node = fieldOf('Inwoner', f);
      expect(node, `Inwoner.${f}`).toBeDefined();
      expect(node!.type.kind, `Inwoner.${f}`).not.toBe(Kind.NON_NULL_TYPE);
      expect(DECLARED.has(`Inwoner.${f}`), `Inwoner.${f} declared`).toBe(true);
    }
  });

  it('Bemiddelingsprofiel has one nullable field per life domain of the profile template', () => {
    for (const f of ['woonsituatie', 'huishouden', 'daginvulling', 'mobiliteit', 'sociaalNetwerk', 'socialeRedzaamheid', 'financien', 'conclusie']) {
      expect(fieldOf('Bemiddelingsprofiel', f), f).toBeDefined();
      expect(fieldOf('Bemiddelingsprofiel', f)!.type.kind).not.toBe(Kind.NON_NULL_TYPE);
    }
  });

  it('Traject has id, code, fase, regio, gemeente, inwoner, bemiddelingsprofiel, huurovereenkomst and garantieaanvragen; Query has traject(id: ID!) and trajecten', () => {
    for (const f of ['id', 'code', 'fase', 'regio', 'gemeente', 'inwoner', 'bemiddelingsprofiel', 'huurovereenkomst', 'garantieaanvragen']) expect(fieldOf('Traject', f), f).toBeDefined();
    const traject = fieldOf('Query', 'traject')!;
    expect(traject.arguments?.map((a) => `${a.name.value}: ${print(a.type)}`)).toEqual(['id: ID!']);
    expect(traject.type.kind).not.toBe(Kind.NON_NULL_TYPE);
    expect(fieldOf('Query', 'trajecten')).toBeDefined();
  });
});
