import { buildSchema, GraphQLError, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  firstOverLimit,
  knownWithinLimits,
  limitsFromEnv,
  operationCost,
  parseWithinLimits,
  scanDocument,
  subgraphLimits,
  type OperationLimits,
} from './operation-limits.js';

const L: OperationLimits = { ...DEFAULT_LIMITS, tokens: 100, diepte: 4, aliassen: 3, hoofdvelden: 3, directives: 2 };

function refusal(source: string, limits: OperationLimits = L): GraphQLError {
  try {
    parseWithinLimits(source, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return error as GraphQLError;
  }
  throw new Error('niet geweigerd');
}

function expectRefused(source: string, naam: string, gevonden?: number, limits: OperationLimits = L) {
  const e = refusal(source, limits);
  expect(e.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam, maximum: (limits as any)[naam] } });
  if (gevonden !== undefined) expect(e.extensions['gevonden']).toBe(gevonden);
  expect(e.message).toMatch(/^Operatie te groot: de limiet voor /);
  expect(e.message).not.toMatch(/__typename|fragment|\{/); // never an echo of the query
  expect(e.nodes ?? []).toEqual([]);
}

const fields = (n: number, f = (i: number) => `f${i}: __typename`) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

describe('parseWithinLimits', () => {
  it('tokens: at the limit accepted, one over refused with the count', () => {
    const at = `{ ${'a '.repeat(L.tokens - 2)}}`; // braces + fields
    expect(scanDocument(at).tokens).toBe(L.tokens);
    expect(() => parseWithinLimits(at, { ...L, hoofdvelden: 1000 })).not.toThrow();
    expectRefused(`{ ${'a '.repeat(L.tokens - 1)}}`, 'tokens', L.tokens + 1);
    expect(scanDocument('{ a # comment with { braces }\n }').tokens).toBe(3);
  });

  it('depth: fields and inline fragments each count a level; spreads expand', () => {
    expect(() => parseWithinLimits('{ a { b { c { d } } } }', L)).not.toThrow();
    expectRefused('{ a { b { c { d { e } } } } }', 'diepte', 5);
    expectRefused('{ a { ... on A { ... on A { ... on A { d } } } } }', 'diepte', 5);
    expect(() => parseWithinLimits('{ a { ... on A { ... on A { d } } } }', L)).not.toThrow();
    expectRefused('{ a { ...F } } fragment F on A { b { c { d { e } } } }', 'diepte', 5);
    expect(() => parseWithinLimits('{ a { ...F } } fragment F on A { b { c { d } } }', L)).not.toThrow();
    // braces of input objects are no selection levels
    expect(() => parseWithinLimits('{ a(x: {y: {z: {w: {v: 1}}}}) { b } }', L)).not.toThrow();
  });

  it('3,000 nested inline fragments: refused, never a stack overflow, even with tokens to spare', () => {
    const deep = `{ ${'... on Query { '.repeat(3000)} __typename ${'} '.repeat(3000)}}`;
    expectRefused(deep, 'tokens', undefined, DEFAULT_LIMITS);
    expectRefused(deep, 'diepte', 3001, { ...DEFAULT_LIMITS, tokens: 1_000_000 });
    const deeper = `{ ${'... on Query { '.repeat(100_000)} __typename ${'} '.repeat(100_000)}}`;
    expectRefused(deeper, 'diepte', 100_001, { ...DEFAULT_LIMITS, tokens: 10_000_000 });
  });

  it('aliases: counted with fragments expanded', () => {
    expect(() => parseWithinLimits(`{ a { ${fields(3)} } }`, L)).not.toThrow();
    expectRefused(`{ a { ${fields(4)} } }`, 'aliassen', 4);
    expectRefused(`{ a { ...F } b { ...F } } fragment F on A { x: y z: y }`, 'aliassen', 4);
  });

  it('root fields: counted through fragments', () => {
    expect(() => parseWithinLimits('{ a b c }', L)).not.toThrow();
    expectRefused('{ a b c d }', 'hoofdvelden', 4);
    expectRefused('{ a ...F } fragment F on Query { b c d }', 'hoofdvelden', 4);
  });

  it('directives: on fields, fragments and the operation', () => {
    expect(() => parseWithinLimits('query Q @x { a @include(if: true) }', L)).not.toThrow();
    expectRefused('query Q @x { a @include(if: true) @skip(if: false) }', 'directives', 3);
  });

  it('a fragment bomb is counted in linear time', () => {
    const defs = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Q { a: x ...F${i + 1} b: x ...F${i + 1} }`).join(' ');
    const started = performance.now();
    const e = refusal(`{ ...F0 } ${defs} fragment F30 on Q { x }`, { ...DEFAULT_LIMITS });
    expect(e.extensions['limiet']).toMatchObject({ naam: 'aliassen' });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('counts the aliases of __typename and the directives of fragments (armor, configured)', () => {
    expectRefused(`{ ${fields(4)} }`, 'aliassen', 4, { ...L, hoofdvelden: 10 });
    expectRefused('{ a { ...F @skip(if: false) } } fragment F on A @x { b @include(if: true) }', 'directives', 3);
    // several over at once: the refusal names the first in the order depth, aliases, root fields, directives
    expectRefused(`{ ...F } fragment F on Query { ${fields(4)} }`, 'aliassen', 4);
  });

  it('a syntax error stays a syntax error', () => {
    const e = refusal('{ a ');
    expect(e.extensions['code']).toBeUndefined();
    expect(e.message).toMatch(/Syntax Error/);
  });
});

describe('firstOverLimit with the texts known to be within the limits', () => {
  it('remembers a text within the limits, never one over them or a syntax error, and still refuses the next over-limit text', () => {
    const known = knownWithinLimits();
    const ok = `{ ${fields(3)} }`;
    const over = `{ ${fields(4)} }`;
    expect(firstOverLimit({ query: ok }, L, known)).toBeUndefined();
    expect(known.has(ok)).toBe(true);
    expect(firstOverLimit([{ query: ok }, { query: over }], L, known)?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'aliassen' } });
    expect(known.has(over)).toBe(false);
    expect(firstOverLimit({ query: '{ niet af' }, L, known)).toBeUndefined();
    expect(known.has('{ niet af')).toBe(false);
  });

  it('is bounded: the oldest text goes first, and a long text is not kept', () => {
    const known = knownWithinLimits(2, 30);
    for (const t of ['{ a }', '{ b }', '{ c }']) known.add(t);
    expect(['{ a }', '{ b }', '{ c }'].map((t) => known.has(t))).toEqual([false, true, true]);
    const long = `{ ${'x'.repeat(40)} }`;
    known.add(long);
    expect(known.has(long)).toBe(false);
  });
});

describe('operationCost', () => {
  const schema = buildSchema(`
    type Query { trajecten(eerste: Int = 100): [T!]! traject: T pagina(eerste: Int = 50): P! }
    type Mutation { doe: T }
    type T { id: ID! lijst: [U!]! enkel: U }
    type U { id: ID! }
    type P { regels: [U!]! }
  `);
  const cost = (q: string, variables?: Record<string, unknown>, lijst = 10) => operationCost(schema, parse(q), undefined, variables, lijst);

  it('objects cost 1, scalars 0, a mutation 10 more', () => {
    expect(cost('{ traject { id enkel { id } } }')).toBe(2);
    expect(cost('mutation { doe { id } }')).toBe(11);
  });

  it('a list multiplies by its page argument, its default, or the list size', () => {
    expect(cost('{ trajecten(eerste: 5) { id } }')).toBe(5);
    expect(cost('{ trajecten { id } }')).toBe(100);
    expect(cost('query($n: Int) { trajecten(eerste: $n) { lijst { id } } }', { n: 3 })).toBe(3 * (1 + 10));
    expect(cost('{ traject { lijst { id } } }', undefined, 7)).toBe(1 + 7);
    // a page object passes its size to its list
    expect(cost('{ pagina(eerste: 20) { regels { id } } }')).toBe(1 + 20);
    expect(cost('{ pagina { regels { id } } }')).toBe(1 + 50);
  });

  it('fragments and inline fragments count as their fields', () => {
    expect(cost('{ trajecten(eerste: 2) { ...F } } fragment F on T { enkel { id } }')).toBe(2 * (1 + 1));
    expect(cost('{ trajecten(eerste: 2) { ... on T { enkel { id } } } }')).toBe(4);
  });

  it('a subgraph sizes _entities by its representations', () => {
    const sub = buildSchema(`
      scalar _Any
      union _Entity = T
      type Query { _entities(representations: [_Any!]!): [_Entity]! }
      type T { id: ID! lijst: [U!]! }
      type U { id: ID! }
    `);
    const q = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on T { id lijst { id } } } }';
    const reps = Array.from({ length: 7 }, (_, i) => ({ __typename: 'T', id: String(i) }));
    expect(operationCost(sub, parse(q), undefined, { r: reps }, 10)).toBe(7 * (1 + 10));
  });

  it('refuses over the limit with the measured cost', () => {
    expect(cost('query($n: Int) { trajecten(eerste: $n) { lijst { id } } }', { n: 10_000 })).toBeGreaterThan(DEFAULT_LIMITS.kosten);
  });
});

describe('configuration', () => {
  it('reads every limit from the environment and refuses nonsense at boot', () => {
    expect(limitsFromEnv({})).toEqual(DEFAULT_LIMITS);
    const l = limitsFromEnv({ MAX_BODY_BYTES: '2048', MAX_TOKENS: '10', MAX_DEPTH: '3', MAX_ALIASES: '1', MAX_ROOT_FIELDS: '2', MAX_DIRECTIVES: '4', MAX_COST: '5', LIST_SIZE: '6' });
    expect(l).toEqual({ bytes: 2048, tokens: 10, diepte: 3, aliassen: 1, hoofdvelden: 2, directives: 4, kosten: 5, lijstgrootte: 6 });
    expect(() => limitsFromEnv({ MAX_DEPTH: '0' })).toThrow(/MAX_DEPTH/);
    expect(() => limitsFromEnv({ MAX_TOKENS: 'veel' })).toThrow(/MAX_TOKENS/);
  });

  it('gives the subgraphs room for the gateway plans, with the same body limit', () => {
    const s = subgraphLimits(DEFAULT_LIMITS);
    expect(s.bytes).toBe(DEFAULT_LIMITS.bytes);
    for (const k of ['tokens', 'diepte', 'aliassen', 'hoofdvelden', 'directives'] as const) expect(s[k]).toBeGreaterThan(DEFAULT_LIMITS[k]);
  });
});
