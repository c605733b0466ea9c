/**
 * The `@dosering` transformer on a tiny inline subgraph (the graphql-tools `execWithRole` style): one
 * query per claim set, asserting `data`, `errors[].path` and `extensions.code`/`reden` exactly, that
 * a refused value appears nowhere in the response, the type-level fallback, fail-closed contexts, the
 * access records, and that `_entities` still reaches `__resolveReference` (federation#1131).
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Caller, CaseContext } from './context.js';
import { DOSERING_DIRECTIVE_SDL, VOCABULARY_SDL, subgraphHeader } from './directives.js';
import { readDeclarations } from './declarations.js';
import { doseringTransformer, type AccessRecord, type DoseringContext } from './transform.js';

/**
 * Execute with the same `graphql` build that `@apollo/subgraph` (CommonJS) built the schema with:
 * under vitest a bare ESM import resolves to `index.mjs`, a second realm the executor would reject.
 */
const { graphql } = createRequire(import.meta.url)('graphql') as typeof import('graphql');

const NOW = Date.parse('2026-06-01T12:00:00Z');
const DAG = 24 * 3600 * 1000;

const SDL = `${subgraphHeader([])}
${DOSERING_DIRECTIVE_SDL}
${VOCABULARY_SDL}
type Query {
  dossier(id: ID!): Dossier @geenPersoonsgegeven(reden: "test: the root hands out any dossier; its fields are dosed")
  dossierZonderTraject: Dossier @geenPersoonsgegeven(reden: "test: a dossier that names no case")
}
type Dossier @key(fields: "id") {
  id: ID! @geenPersoonsgegeven(reden: "opaque id")
  dossiernummer: String @geenPersoonsgegeven(reden: "test: an administrative number")
  naam: String @dosering(categorie: IDENTITEIT, grondslag: WMO_PUBLIEKE_TAAK, doel: PASSENDE_ONDERSTEUNING)
  bsn: String @dosering(categorie: BSN, grondslag: WMO_PUBLIEKE_TAAK, doel: PASSENDE_ONDERSTEUNING)
  gezondheid: String @dosering(categorie: GEZONDHEID, grondslag: WMO_GEZONDHEID, doel: PASSENDE_ONDERSTEUNING)
  profiel: Profiel
}
type Profiel @dosering(categorie: PROFIEL, grondslag: WMO_PUBLIEKE_TAAK, doel: MATCH_BEMIDDELING) {
  woonsituatie: String
  conclusie: String
  bejegeningsadvies: String @dosering(categorie: BEJEGENINGSADVIES, grondslag: WMO_PUBLIEKE_TAAK, doel: PASSENDE_WONING)
}
`;

const PROFIEL = { woonsituatie: 'Dakloos sinds maart, slaapt bij zus', conclusie: 'Zelfstandig wonen met ambulante begeleiding', bejegeningsadvies: 'Bij zorgen bel de begeleider; bezoek met twee medewerkers' };
const DOSSIERS: Record<string, Record<string, unknown>> = {
  d1: { id: 'd1', dossiernummer: 'DN-0001', naam: 'Jan Jansen-Smit', bsn: '111222333', gezondheid: 'Diabetes type 2; behandeld bij de GGZ', profiel: PROFIEL, trajectId: 'traject-1' },
  d2: { id: 'd2', dossiernummer: 'DN-0002', naam: 'Petra de Wit-Bos', bsn: '123456782', gezondheid: 'Verslavingszorg afgerond', profiel: PROFIEL, trajectId: 'traject-2' },
};

const consent = { id: 't-1', ontvanger: { partij: 'CORPORATIE' as const, organisatie: 'woonwenz' }, categorieen: ['GEZONDHEID' as const], doel: 'PASSENDE_WONING' as const, richting: 'VERSTREKKEN' as const, gegevenOp: new Date(NOW - DAG).toISOString(), geldigTot: new Date(NOW + 300 * DAG).toISOString() };
const CONTEXTS: Record<string, CaseContext> = {
  'traject-1': { trajectId: 'traject-1', fase: 'CORPORATIEGESPREK', gemeente: 'venlo', regio: 'NOORD_LIMBURG', betrokkene: 'inwoner-1', geselecteerd: ['woonwenz'], toestemmingen: [consent], doorbrekingen: [] },
  'traject-2': { trajectId: 'traject-2', fase: 'HUUROVEREENKOMST', gemeente: 'venlo', regio: 'NOORD_LIMBURG', betrokkene: 'inwoner-2', geselecteerd: ['woonwenz'], gematcht: 'woonwenz', gekoppeldeZorgaanbieder: 'met-ggz', toestemmingen: [], doorbrekingen: [] },
};

let referenceCalls: unknown[] = [];
function buildSchema(): { before: GraphQLSchema; after: GraphQLSchema } {
  const before = buildSubgraphSchema([
    {
      typeDefs: parse(SDL),
      resolvers: {
        Query: {
          dossier: (_: unknown, { id }: { id: string }) => DOSSIERS[id] ?? null,
          dossierZonderTraject: () => {
            const { trajectId: _t, ...rest } = DOSSIERS['d1']!;
            return rest;
          },
        },
        Dossier: {
          __resolveReference: (ref: { id: string }) => {
            referenceCalls.push(ref);
            return DOSSIERS[ref.id] ?? null;
          },
          profiel: (d: { trajectId?: string; profiel: object }) => ({ ...d.profiel, trajectId: d.trajectId }),
        },
      } as never,
    },
  ]);
  return { before, after: doseringTransformer(before) };
}
const { before, after: schema } = buildSchema();

interface Run {
  result: { data?: any; errors?: readonly { path?: readonly (string | number)[]; extensions: Record<string, unknown> }[] };
  records: AccessRecord[];
  lookups: string[];
}

/** Runs `query` once as `caller`; the policy context comes from `contexts` (or is unavailable). */
async function execWithRole(caller: Caller, query: string, contexts: Record<string, CaseContext> | 'onbereikbaar' = CONTEXTS, variables?: Record<string, unknown>): Promise<Run> {
  const records: AccessRecord[] = [];
  const lookups: string[] = [];
  const contextValue: DoseringContext = {
    dosering: {
      caller,
      contextFor: async (id) => {
        lookups.push(id);
        return contexts === 'onbereikbaar' ? undefined : (contexts[id] ?? null);
      },
      record: (r) => void records.push(r),
      now: () => NOW,
    },
  };
  const result = (await graphql({ schema, source: query, contextValue, ...(variables ? { variableValues: variables } : {}) })) as Run['result'];
  return { result, records, lookups };
}

/** The errors as `path → code/reden`, sorted, for exact comparison. */
const refusals = (r: Run) =>
  (r.result.errors ?? []).map((e) => `${e.path?.join('.')} ${e.extensions['code']}/${e.extensions['reden']}`).sort();

/** Every refused field is null and its value appears nowhere in the serialized response. */
function expectNoTraceOfRefused(r: Run, dossier: Record<string, unknown>) {
  const text = JSON.stringify(r.result);
  for (const e of r.result.errors ?? []) {
    const path = e.path!;
    let value: any = r.result.data;
    for (const p of path) value = value?.[p];
    expect(value, path.join('.')).toBeNull();
    const field = path[path.length - 1] as string;
    const secret = path.includes('profiel') ? (PROFIEL as Record<string, string>)[field] : dossier[field];
    if (typeof secret === 'string') expect(text).not.toContain(secret);
  }
}

const Q = `{ dossier(id: "d1") { id dossiernummer naam bsn gezondheid profiel { woonsituatie conclusie bejegeningsadvies } } }`;
const gemeente: Caller = { sub: 'wmo-1', partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo' };
const woonwenz: Caller = { sub: 'ww-1', partij: 'CORPORATIE', organisatie: 'woonwenz' };
const antares: Caller = { sub: 'an-1', partij: 'CORPORATIE', organisatie: 'antares' };
const regisseur: Caller = { sub: 'r-1', partij: 'REGISSEUR', organisatie: 'regio-noord-limburg', regio: 'NOORD_LIMBURG' };
const metGgz: Caller = { sub: 'mg-1', partij: 'ZORGAANBIEDER', organisatie: 'met-ggz' };
const werkgroep: Caller = { sub: 'wg-1', partij: 'WERKGROEP', organisatie: 'werkgroep-woonkans' };

describe('@dosering per claim set', () => {
  it('resolves the Wmo file for the own gemeente, but not the corporations\' handling advice (PARTIJ)', async () => {
    const r = await execWithRole(gemeente, Q);
    expect(refusals(r)).toEqual(['dossier.profiel.bejegeningsadvies DOSERING_GEWEIGERD/PARTIJ']);
    expect(r.result.data).toEqual({
      dossier: {
        id: 'd1',
        dossiernummer: 'DN-0001',
        naam: 'Jan Jansen-Smit',
        bsn: '111222333',
        gezondheid: 'Diabetes type 2; behandeld bij de GGZ',
        profiel: { ...PROFIEL, bejegeningsadvies: null },
      },
    });
    expectNoTraceOfRefused(r, DOSSIERS['d1']!);
  });

  it('gives a selected corporation the profile and, with its consent, health — never name or BSN', async () => {
    const r = await execWithRole(woonwenz, Q);
    expect(refusals(r)).toEqual(['dossier.bsn DOSERING_GEWEIGERD/FASE', 'dossier.naam DOSERING_GEWEIGERD/FASE']);
    expect(r.result.data).toEqual({ dossier: { id: 'd1', dossiernummer: 'DN-0001', naam: null, bsn: null, gezondheid: 'Diabetes type 2; behandeld bij de GGZ', profiel: PROFIEL } });
    expectNoTraceOfRefused(r, DOSSIERS['d1']!);
  });

  it('refuses every declared field to a corporation without relation, with RELATIE — the profile as a whole', async () => {
    const r = await execWithRole(antares, Q);
    expect(refusals(r)).toEqual(['dossier.bsn', 'dossier.gezondheid', 'dossier.naam', 'dossier.profiel'].map((p) => `${p} DOSERING_GEWEIGERD/RELATIE`));
    expect(r.result.data.dossier.profiel).toBeNull();
    expectNoTraceOfRefused(r, DOSSIERS['d1']!);
  });

  it('refuses the regisseur BSN by PARTIJ and health by TOESTEMMING (no consent for it)', async () => {
    const r = await execWithRole(regisseur, Q);
    expect(refusals(r)).toEqual(['dossier.bsn DOSERING_GEWEIGERD/PARTIJ', 'dossier.gezondheid DOSERING_GEWEIGERD/TOESTEMMING']);
    expect(r.result.data.dossier.naam).toBe('Jan Jansen-Smit');
    expectNoTraceOfRefused(r, DOSSIERS['d1']!);
  });

  it('applies the type-level declaration as fallback and the field-level one where given (linked care provider)', async () => {
    const r = await execWithRole(metGgz, Q.replace('"d1"', '"d2"'));
    expect(refusals(r)).toEqual([
      'dossier.bsn DOSERING_GEWEIGERD/PARTIJ',
      // A care provider reads health only of a melding it filed itself (MELDER in MELDING).
      'dossier.gezondheid DOSERING_GEWEIGERD/FASE',
      // The profile stands for the type's PROFIEL, which a care provider sees only with consent: the
      // object is refused as a whole, so not even its existence shows.
      'dossier.profiel DOSERING_GEWEIGERD/TOESTEMMING',
    ]);
    expect(r.result.data.dossier.profiel).toBeNull();
    expect(r.result.data.dossier.naam).toBe('Petra de Wit-Bos');
    expectNoTraceOfRefused(r, DOSSIERS['d2']!);
  });

  it('gives the Werkgroep only fields declared free of personal data, refusing the rest by PARTIJ', async () => {
    const r = await execWithRole(werkgroep, Q);
    expect(r.result.data.dossier).toEqual({ id: 'd1', dossiernummer: 'DN-0001', naam: null, bsn: null, gezondheid: null, profiel: null });
    expect(new Set(refusals(r).map((x) => x.split(' ')[1]))).toEqual(new Set(['DOSERING_GEWEIGERD/PARTIJ']));
    expectNoTraceOfRefused(r, DOSSIERS['d1']!);
  });

  it('says why in the extensions (party, category, field, phase, relation), never the value', async () => {
    const r = await execWithRole(woonwenz, `{ dossier(id: "d1") { bsn } }`);
    expect(r.result.errors).toHaveLength(1);
    expect(r.result.errors![0]!.extensions).toEqual({
      code: 'DOSERING_GEWEIGERD',
      reden: 'FASE',
      partij: 'CORPORATIE',
      categorie: 'BSN',
      veld: 'Dossier.bsn',
      trajectId: expect.any(String),
      fase: 'CORPORATIEGESPREK',
      relatie: 'GESELECTEERD',
    });
  });

  it('refuses aliases, fragments and variables alike', async () => {
    const r = await execWithRole(
      woonwenz,
      `query($id: ID!) { a: dossier(id: $id) { x: naam ...F ... on Dossier { y: bsn } } } fragment F on Dossier { z: naam }`,
      CONTEXTS,
      { id: 'd1' },
    );
    expect(refusals(r)).toEqual(['a.x DOSERING_GEWEIGERD/FASE', 'a.y DOSERING_GEWEIGERD/FASE', 'a.z DOSERING_GEWEIGERD/FASE']);
    expect(JSON.stringify(r.result)).not.toMatch(/Jan Jansen|111222333/);
  });
});

describe('a refusal as graphql-js passes it on', () => {
  it('is made where it is refused, with its path and location, and without a stack: no wrapping error', async () => {
    const records: AccessRecord[] = [];
    const contextValue: DoseringContext = { dosering: { caller: woonwenz, contextFor: async (id) => CONTEXTS[id] ?? null, record: (r) => void records.push(r), now: () => NOW } };
    const { errors } = await graphql({ schema, source: '{ dossier(id: "d1") { naam } }', contextValue });
    expect(errors).toHaveLength(1);
    const refusal = errors![0]!;
    expect(refusal.path).toEqual(['dossier', 'naam']);
    expect(refusal.locations).toEqual([{ line: 1, column: 23 }]);
    // Not wrapped by graphql-js's locatedError (one more error, one more stack capture each).
    expect(refusal.originalError).toBeUndefined();
    expect(refusal.stack?.split('\n')).toHaveLength(1);
  });
});

describe('fail closed', () => {
  it('refuses with CONTEXT_ONBESCHIKBAAR when the policy context cannot be loaded (PARTIJ still first)', async () => {
    const r = await execWithRole(gemeente, Q, 'onbereikbaar');
    expect(refusals(r)).toEqual(['dossier.bsn', 'dossier.gezondheid', 'dossier.naam', 'dossier.profiel'].map((p) => `${p} DOSERING_GEWEIGERD/CONTEXT_ONBESCHIKBAAR`));
    expectNoTraceOfRefused(r, DOSSIERS['d1']!);
    const w = await execWithRole(werkgroep, Q, 'onbereikbaar');
    expect(new Set(refusals(w).map((x) => x.split(' ')[1]))).toEqual(new Set(['DOSERING_GEWEIGERD/PARTIJ']));
  });

  it('refuses with CONTEXT_ONBESCHIKBAAR when the parent does not say which case it belongs to, without a lookup', async () => {
    const r = await execWithRole(gemeente, `{ dossierZonderTraject { id naam bsn } }`);
    expect(refusals(r)).toEqual(['dossierZonderTraject.bsn DOSERING_GEWEIGERD/CONTEXT_ONBESCHIKBAAR', 'dossierZonderTraject.naam DOSERING_GEWEIGERD/CONTEXT_ONBESCHIKBAAR']);
    expect(r.lookups).toEqual([]);
  });

  it('answers an unknown case like one without relation (RELATIE)', async () => {
    const r = await execWithRole(woonwenz, Q, {});
    expect(new Set(refusals(r).map((x) => x.split(' ')[1]))).toEqual(new Set(['DOSERING_GEWEIGERD/RELATIE']));
    expect(refusals(r)).toHaveLength(4);
  });
});

describe('access records', () => {
  it('records every access and every refusal of a declared field, and nothing for undeclared ones', async () => {
    const r = await execWithRole(woonwenz, Q);
    expect(r.records.map((x) => `${x.field.coordinate} ${x.decision.allowed ? 'ok' : x.decision.reden}`).sort()).toEqual(
      ['Dossier.bsn FASE', 'Dossier.gezondheid ok', 'Dossier.naam FASE', 'Dossier.profiel ok', 'Profiel.bejegeningsadvies ok', 'Profiel.conclusie ok', 'Profiel.woonsituatie ok'].sort(),
    );
    expect(new Set(r.records.map((x) => x.trajectId))).toEqual(new Set(['traject-1']));
    expect(r.records.find((x) => x.field.coordinate === 'Dossier.gezondheid')!.decision).toMatchObject({ grondslag: 'TOESTEMMING', toestemmingId: 't-1' });
    // The records name the data subject by pseudonym only; the values themselves are never recorded.
    expect(JSON.stringify(r.records)).not.toMatch(/Jan Jansen|111222333|Diabetes/);
  });

  it('batches the policy context: one lookup per case per request', async () => {
    const r = await execWithRole(gemeente, `{ a: dossier(id: "d1") { naam bsn } b: dossier(id: "d1") { gezondheid } }`);
    expect(r.lookups.every((id) => id === 'traject-1')).toBe(true);
  });
});

describe('the schema after the transformer', () => {
  it('reads declarations per coordinate: the field\'s, the type\'s as fallback, an object\'s from what it stands for', () => {
    const { byCoordinate: d, missing } = readDeclarations(schema);
    expect(missing).toEqual([]);
    expect(d.get('Profiel.woonsituatie')).toEqual({ kind: 'dosering', decl: { coordinate: 'Profiel.woonsituatie', categorie: 'PROFIEL', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'MATCH_BEMIDDELING' } });
    expect(d.get('Profiel.bejegeningsadvies')).toMatchObject({ decl: { categorie: 'BEJEGENINGSADVIES', doel: 'PASSENDE_WONING' } });
    expect(d.get('Dossier.gezondheid')).toMatchObject({ decl: { categorie: 'GEZONDHEID', grondslag: 'WMO_GEZONDHEID' } });
    // An object field stands for its type's category when the type declares one.
    // Each keeps its leaf's coordinate, so an override naming a leaf opens the object that holds it.
    expect(d.get('Dossier.profiel')).toMatchObject({ kind: 'afgeleid', decls: [{ coordinate: 'Profiel.woonsituatie', categorie: 'PROFIEL' }, { coordinate: 'Profiel.conclusie', categorie: 'PROFIEL' }] });
    expect(d.get('Dossier.dossiernummer')).toEqual({ kind: 'vrij', reden: 'test: an administrative number' });
  });

  it('adds, removes or renames no field and leaves its input untouched (federation#1165)', () => {
    expect(printSchemaWithDirectives(schema)).toBe(printSchemaWithDirectives(before));
    const naamBefore = (before.getType('Dossier') as GraphQLObjectType).getFields()['naam']!;
    const naamAfter = (schema.getType('Dossier') as GraphQLObjectType).getFields()['naam']!;
    expect(naamBefore.resolve).toBeUndefined();
    expect(naamAfter.resolve).toBeTypeOf('function');
  });

  it('still reaches __resolveReference through _entities, and doses the entity\'s fields (federation#1131)', async () => {
    referenceCalls = [];
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dossier { id naam bsn } } }`;
    const reps = { r: [{ __typename: 'Dossier', id: 'd1' }] };
    const g = await execWithRole(gemeente, q, CONTEXTS, reps);
    expect(g.result).toEqual({ data: { _entities: [{ id: 'd1', naam: 'Jan Jansen-Smit', bsn: '111222333' }] } });
    expect(referenceCalls).toEqual([{ __typename: 'Dossier', id: 'd1' }]);
    const a = await execWithRole(antares, q, CONTEXTS, reps);
    expect(refusals(a)).toEqual(['_entities.0.bsn DOSERING_GEWEIGERD/RELATIE', '_entities.0.naam DOSERING_GEWEIGERD/RELATIE']);
    expect(JSON.stringify(a.result)).not.toMatch(/Jan Jansen|111222333/);
    expect(referenceCalls).toHaveLength(2);
  });

  it('still serves _service.sdl', async () => {
    const r = await execWithRole(werkgroep, `{ _service { sdl } }`);
    expect(r.result.data._service.sdl).toContain('type Dossier');
  });
});

describe('the closed world', () => {
  const header = `${subgraphHeader([])}\n${DOSERING_DIRECTIVE_SDL}\n${VOCABULARY_SDL}`;
  const D = '@dosering(categorie: DOCUMENTEN, grondslag: WMO_PUBLIEKE_TAAK, doel: PASSENDE_ONDERSTEUNING)';
  const T = '@dosering(categorie: TRAJECT, grondslag: WMO_PUBLIEKE_TAAK, doel: PASSENDE_ONDERSTEUNING)';
  const closed = (extra = '') => `${header}
type Query { zaken: [Traject!]! ${T} zaak(id: ID!): Traject ${T} }
type Traject @key(fields: "id") {
  id: ID! @geenPersoonsgegeven(reden: "opaque id")
  documenten: [Stuk!]
  ${extra}
}
type Stuk ${D} { soort: String }`;
  const ZAKEN = [
    { id: 'traject-1', documenten: [{ soort: 'BRP' }, { soort: 'IB60' }, { soort: 'BESCHIKKING' }] },
    { id: 'traject-2', documenten: [{ soort: 'BRP' }] },
  ];
  const build = (sdl: string) =>
    doseringTransformer(
      buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: { Query: { zaken: () => ZAKEN, zaak: (_: unknown, a: { id: string }) => ZAKEN.find((z) => z.id === a.id) ?? null } } as never }]),
    );
  const run = async (caller: Caller, query: string) => {
    const records: AccessRecord[] = [];
    const contextValue: DoseringContext = { dosering: { caller, contextFor: async (id) => CONTEXTS[id] ?? null, record: (r) => void records.push(r), now: () => NOW } };
    return { result: (await graphql({ schema: build(closed()), source: query, contextValue })) as Run['result'], records };
  };

  it('refuses to build a subgraph in which a field declares nothing', () => {
    expect(() => build(closed('notitie: String'))).toThrow(/Traject\.notitie/);
  });

  it('answers a refused list with null and the refusal: no items, no count, no __typename', async () => {
    // A selected corporation may not read DOCUMENTEN: three documents would say a court order is on file.
    const { result } = await run(woonwenz, `{ zaak(id: "traject-1") { id documenten { __typename } } }`);
    expect(result.data).toEqual({ zaak: { id: 'traject-1', documenten: null } });
    expect(result.errors?.map((e) => `${e.path?.join('.')} ${e.extensions['reden']}`)).toEqual(['zaak.documenten FASE']);
  });

  it('leaves out, at the root, every case the caller may not know of — and records each decision', async () => {
    // woonwenz is selected for traject-1 (CORPORATIEGESPREK) and matched for traject-2; antares for neither.
    const a = await run(antares, `{ zaken { id } zaak(id: "traject-1") { __typename } }`);
    expect(a.result).toEqual({ data: { zaken: [], zaak: null } });
    expect(a.records.map((r) => `${r.trajectId} ${r.field.categorie} ${r.decision.allowed}`).sort()).toEqual(
      ['traject-1 TRAJECT false', 'traject-1 TRAJECT false', 'traject-2 TRAJECT false'],
    );
    const w = await run(woonwenz, `{ zaken { id } }`);
    expect(w.result.data.zaken).toEqual([{ id: 'traject-1' }, { id: 'traject-2' }]);
  });

  it('hands the case down to the objects a dosed field returns, so nested declarations decide on it', async () => {
    const { result } = await run(gemeente, `{ zaak(id: "traject-2") { documenten { soort } } }`);
    expect(result).toEqual({ data: { zaak: { documenten: [{ soort: 'BRP' }] } } });
  });
});

describe('Relay connections', () => {
  const header = `${subgraphHeader([])}\n${DOSERING_DIRECTIVE_SDL}\n${VOCABULARY_SDL}`;
  const T = '@dosering(categorie: TRAJECT, grondslag: WMO_PUBLIEKE_TAAK, doel: PASSENDE_ONDERSTEUNING)';
  const sdl = (edges: string) => `${header}
type Query { zaakPagina: ZaakConnection ${T} }
type ZaakConnection { edges: [ZaakEdge!] ${edges} pageInfo: PageInfo! }
type ZaakEdge @geenPersoonsgegeven(reden: "test: an edge decided at its connection") { cursor: String! node: Traject }
type PageInfo @geenPersoonsgegeven(reden: "test: where the page stands") { hasNextPage: Boolean! endCursor: String }
type Traject @key(fields: "id") { id: ID! @geenPersoonsgegeven(reden: "opaque id") code: String ${T} }`;
  const PAGE = {
    edges: ['traject-1', 'traject-2'].map((id, i) => ({ cursor: `c${i}`, trajectId: id, node: { id, code: `WK-${i}` } })),
    pageInfo: { hasNextPage: false, endCursor: 'c1' },
  };
  const build = (edges: string) =>
    doseringTransformer(buildSubgraphSchema([{ typeDefs: parse(sdl(edges)), resolvers: { Query: { zaakPagina: () => PAGE } } as never }]));
  const run = async (caller: Caller) => {
    const records: AccessRecord[] = [];
    const contextValue: DoseringContext = { dosering: { caller, contextFor: async (id) => CONTEXTS[id] ?? null, record: (r) => void records.push(r), now: () => NOW } };
    const source = '{ zaakPagina { edges { cursor node { id code } } pageInfo { hasNextPage } } }';
    return { result: (await graphql({ schema: build(T), source, contextValue })) as Run['result'], records };
  };

  it('decides each edge on its own case, as the items of a root list, and records each decision', async () => {
    const a = await run(antares);
    expect(a.result).toEqual({ data: { zaakPagina: { edges: [], pageInfo: { hasNextPage: false } } } });
    expect(a.records.map((r) => `${r.trajectId} ${r.field.coordinate} ${r.decision.allowed}`).sort()).toEqual([
      'traject-1 ZaakConnection.edges false',
      'traject-2 ZaakConnection.edges false',
    ]);
    const w = await run(woonwenz);
    expect(w.result.data.zaakPagina.edges.map((e: { node: { code: string } }) => e.node.code)).toEqual(['WK-0', 'WK-1']);
    expect(w.records.filter((r) => r.field.coordinate === 'ZaakConnection.edges').map((r) => `${r.trajectId} ${r.decision.allowed}`)).toEqual([
      'traject-1 true',
      'traject-2 true',
    ]);
  });

  it('refuses to build a dosed field that hands out a page whose edges claim to be free of personal data', () => {
    expect(() => build('@geenPersoonsgegeven(reden: "test: edges wrongly declared free")')).toThrow(/ZaakConnection\.edges/);
  });
});
