/**
 * A fuzz generator for the gateway (issue 14: "a fuzz test of at least 100,000 generated malformed,
 * deep, wide, aliased and batched operations and malformed tokens against the running gateway"),
 * shared by `test/integration/fuzz.test.ts` (a few thousand, in `npm test`) and `npm run fuzz`
 * (`scripts/fuzz.ts`, 100,000 by default).
 *
 * - **Reproducible by seed.** Request `i` of a run with seed `s` is `generateRequest(s, i, …)`: its own
 *   PRNG (sfc32) seeded from `(s, i)`, so a failure is replayed alone with the seed and index it
 *   printed. Only the signatures and `jti`s of minted tokens differ between runs, not their kind.
 * - **Everything a partner could send.** Malformed JSON bodies, other content types and methods,
 *   malformed GraphQL (truncated, unbalanced, huge strings, bad escapes, invalid UTF-8, NUL bytes),
 *   deep nesting, wide selections, many aliases, batches, unknown fields and arguments, wrong variable
 *   types, introspection, directives, fragment cycles and bombs, huge `eerste`, mutations with garbage
 *   inputs and malformed tokens — and, for a third of the requests, a valid token of a random persona
 *   sending a random VALID operation built from that party's contract (`GET /contract`), so the
 *   dosing path runs (runtime refusals per phase, relation and consent).
 * - **Checks per answer** (`checkAnswer`): never a 5xx; a JSON body (or none where the gateway sends
 *   none); for every `DOSERING_GEWEIGERD` error with a `path`, nothing but null at that path; no data
 *   under a field outside the caller's contract.
 */
import { SignJWT, base64url, generateKeyPair } from 'jose';
import { randomUUID } from 'node:crypto';
import {
  Kind,
  buildASTSchema,
  buildSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type DocumentNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { DevKeys } from '../../gateway/dev-issuer/keys.js';
import { mintToken, type Persona } from '../../gateway/dev-issuer/mint.js';

// ————————————————————————————————————————————— PRNG

/** sfc32, seeded through splitmix32 from the run's seed and the request's index. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number, index = 0) {
    let s = (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    this.d = next();
    for (let i = 0; i < 12; i++) this.u32();
  }
  u32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }
  /** [0, 1) */
  float(): number {
    return this.u32() / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }
  /** Mostly small, sometimes large: a log-uniform integer in [lo, hi]. */
  size(lo: number, hi: number): number {
    return Math.min(hi, Math.max(lo, Math.floor(Math.exp(Math.log(lo || 1) + this.float() * (Math.log(hi) - Math.log(lo || 1))))));
  }
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let r = this.float() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [k, w] of entries) if ((r -= w) < 0) return k;
    return entries[entries.length - 1]![0];
  }
  string(len: number, alphabet = 'abcdefghijklmnopqrstuvwxyz'): string {
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(this.float() * alphabet.length)];
    return s;
  }
  bytes(len: number): Uint8Array {
    const out = new Uint8Array(len);
    for (let i = 0; i < len; i++) out[i] = this.u32() & 0xff;
    return out;
  }
}

// ————————————————————————————————————————————— personas

/** The personas the valid requests take: every party, both regions, several organisations. */
export const FUZZ_PERSONAS: readonly Persona[] = [
  { partij: 'GEMEENTE', gemeente: 'venlo', sub: 'fuzz-consulent-venlo' },
  { partij: 'GEMEENTE', gemeente: 'roermond', sub: 'fuzz-consulent-roermond' },
  { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', sub: 'fuzz-ketenregisseur' },
  { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER', sub: 'fuzz-voorzitter' },
  { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG', sub: 'fuzz-regisseur-midden' },
  { partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'fuzz-woonwenz' },
  { partij: 'CORPORATIE', organisatie: 'antares', sub: 'fuzz-antares' },
  { partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils', sub: 'fuzz-begeleider' },
  { partij: 'GARANTIEFONDS', sub: 'fuzz-fonds' },
  { partij: 'WERKGROEP', sub: 'fuzz-werkgroep' },
  { partij: 'TOEZICHT', sub: 'fuzz-fg' },
  { partij: 'INWONER', sub: 'fuzz-inwoner' },
];

/** The regisseur's 20-case view (the regisseur's screen of a region's cases, composed from every subgraph). */
export const REGISSEUR_VIEW =
  '{ trajecten(eerste: 20) { id code fase inwoner { naam } bemiddelingsprofiel { conclusie } woningaanbod { id } huurovereenkomst { corporatie } evaluaties { id } garantieaanvragen { id } } }';

// ————————————————————————————————————————————— requests

/** How a request authenticates; resolved to a header by `TokenSource` (tokens are minted, not generated). */
export type Auth =
  | { readonly kind: 'none' }
  | { readonly kind: 'persona'; readonly persona: number }
  | { readonly kind: 'header'; readonly value: string }
  | { readonly kind: 'bad'; readonly variant: BadToken; readonly persona: number };

export const BAD_TOKENS = [
  'bad-base64',
  'two-parts',
  'alg-none',
  'alg-hs256',
  'alg-unknown',
  'wrong-signature',
  'foreign-key',
  'expired',
  'future-iat',
  'too-long-lived',
  'missing-claims',
  'wrong-audience',
  'wrong-issuer',
  'unknown-partij',
  'oversized-header',
  'unknown-kid',
  'truncated',
  'not-bearer',
] as const;
export type BadToken = (typeof BAD_TOKENS)[number];

export interface FuzzRequest {
  readonly seed: number;
  readonly index: number;
  /** The generator branch, e.g. `json.truncated`, `graphql.fragment-bomb`, `valid.query`. */
  readonly kind: string;
  readonly method: string;
  /** Path and query string, e.g. `/graphql` or `/graphql?query=…`. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly auth: Auth;
  /** The operations as sent (for the checks), when the body is a JSON operation or batch. */
  readonly operations?: readonly { query: string; variables?: Record<string, unknown> }[];
}

export interface GeneratorContext {
  /** Per persona index (`FUZZ_PERSONAS`), the schema of that party's contract (from `GET /contract`). */
  readonly contracts: readonly GraphQLSchema[];
  /** The whole API schema (for operations outside a contract, refused statically). */
  readonly schema: GraphQLSchema;
  /** Real case ids, so valid operations by id reach real cases. */
  readonly ids: readonly string[];
  /** Real case codes. */
  readonly codes: readonly string[];
}

/** The generator's branches and their weights; a weight of 0 excludes a branch (name a bug beside it). */
export const BRANCHES = {
  'json.malformed': 5,
  'content-type': 3,
  method: 2,
  'graphql.malformed': 7,
  'graphql.strings': 4,
  'graphql.deep': 4,
  'graphql.wide': 3,
  'graphql.aliases': 3,
  batch: 4,
  unknown: 4,
  variables: 4,
  introspection: 3,
  directives: 4,
  fragments: 5,
  eerste: 4,
  mutation: 4,
  token: 8,
  valid: 33,
} as const;
export type Branch = keyof typeof BRANCHES;

const JSON_HEADERS = { 'content-type': 'application/json' } as const;
const tp = (rng: Rng) => `00-${hex(rng, 32)}-${hex(rng, 16)}-01`;
function hex(rng: Rng, n: number): string {
  return rng.string(n, '0123456789abcdef');
}

const SIMPLE = '{ __typename }';
const LEGIT = [
  '{ trajecten(eerste: 3) { id code fase } }',
  '{ organisaties { __typename } }',
  '{ trajecten(eerste: 2) { code inwoner { naam } } }',
  REGISSEUR_VIEW,
];

/** The request `index` of the run `seed`. */
export function generateRequest(seed: number, index: number, ctx: GeneratorContext, weights: Readonly<Record<Branch, number>> = BRANCHES): FuzzRequest {
  const rng = new Rng(seed, index);
  const branch = rng.weighted(weights);
  const persona = rng.int(0, FUZZ_PERSONAS.length - 1);
  const base = { seed, index, persona };
  const gen = GENERATORS[branch];
  return gen(rng, ctx, base);
}

type Base = { seed: number; index: number; persona: number };
type Gen = (rng: Rng, ctx: GeneratorContext, base: Base) => FuzzRequest;

/** A plain POST of JSON operations with a valid token (most branches vary only the operation). */
function post(base: Base, rng: Rng, kind: string, ops: { query: string; variables?: Record<string, unknown> }[] | { query: string; variables?: Record<string, unknown> }, extra: { auth?: Auth; body?: string } = {}): FuzzRequest {
  const operations = Array.isArray(ops) ? ops : [ops];
  return {
    seed: base.seed,
    index: base.index,
    kind,
    method: 'POST',
    path: '/graphql',
    headers: { ...JSON_HEADERS, traceparent: tp(rng) },
    body: extra.body ?? JSON.stringify(Array.isArray(ops) ? ops : ops),
    auth: extra.auth ?? { kind: 'persona', persona: base.persona },
    operations,
  };
}

const repeat = (s: string, n: number) => s.repeat(Math.max(0, n));

const GENERATORS: Record<Branch, Gen> = {
  'json.malformed': (rng, _ctx, base) => {
    const valid = JSON.stringify({ query: rng.pick(LEGIT) });
    const variant = rng.pick([
      'truncated',
      'garbage',
      'empty',
      'scalar',
      'deep-array',
      'deep-object',
      'bad-escape',
      'lone-surrogate',
      'invalid-utf8',
      'nul',
      'trailing',
      'query-not-string',
      'variables-not-object',
      'bom',
      'huge-number',
      'duplicate-keys',
      'extensions-garbage',
    ] as const);
    let body: string | Uint8Array;
    switch (variant) {
      case 'truncated':
        body = valid.slice(0, rng.int(0, valid.length - 1));
        break;
      case 'garbage':
        body = rng.bytes(rng.size(1, 4096));
        break;
      case 'empty':
        body = '';
        break;
      case 'scalar':
        body = rng.pick(['null', 'true', '42', '"{ __typename }"', '[]', '[null]', '[1,2]', '{}', '[[]]']);
        break;
      case 'deep-array': {
        const n = rng.size(10, 200_000);
        body = repeat('[', n) + repeat(']', rng.chance(0.5) ? n : rng.int(0, n));
        break;
      }
      case 'deep-object': {
        const n = rng.size(10, 100_000);
        body = `{"query":"{ __typename }","variables":${repeat('{"a":', n)}1${repeat('}', n)}}`;
        break;
      }
      case 'bad-escape':
        body = `{"query":"{ __typename \\${rng.pick(['x', 'u12', 'uZZZZ', 'u', '', '\u0001'])} }"}`;
        break;
      case 'lone-surrogate':
        body = `{"query":"{ trajecten(eerste: 1) { code } } # \\ud800\\udfff\\ud800","variables":{"x":"\\udc00"}}`;
        break;
      case 'invalid-utf8': {
        const head = new TextEncoder().encode('{"query":"{ __typename } #');
        const tail = new TextEncoder().encode('"}');
        body = new Uint8Array([...head, ...rng.pick([[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x28, 0xa1]]), ...tail]);
        break;
      }
      case 'nul':
        body = `{"query":"{ __typename }\u0000","x":1}\u0000`;
        break;
      case 'trailing':
        body = `${valid}${rng.pick(['}', ',', ' garbage', '\u0000', valid])}`;
        break;
      case 'query-not-string':
        body = JSON.stringify({ query: rng.pick([42, null, true, [SIMPLE], { query: SIMPLE }, -0, 1e308]) });
        break;
      case 'variables-not-object':
        body = JSON.stringify({ query: 'query($e: Int) { trajecten(eerste: $e) { code } }', variables: rng.pick([42, 'x', [1], true, '{"e":1}']) });
        break;
      case 'bom':
        body = `\ufeff${valid}`;
        break;
      case 'huge-number':
        body = `{"query":"query($e: Int) { trajecten(eerste: $e) { code } }","variables":{"e":${rng.pick(['1e999', '-1e999', '123456789012345678901234567890', '1.5', '-0', '0x10', 'NaN', 'Infinity'])}}}`;
        break;
      case 'duplicate-keys':
        body = `{"query":"{ __typename }","query":"{ trajecten(eerste: 1) { code } }","query":${rng.pick(['1', 'null', '"{"'])}}`;
        break;
      case 'extensions-garbage':
        body = JSON.stringify({ query: SIMPLE, extensions: rng.pick([{ persistedQuery: { version: 1, sha256Hash: hex(rng, 64) } }, 'x', [1], { a: { b: null } }]), operationName: rng.pick([null, 42, 'Nope', '']) });
        break;
    }
    return { ...post(base, rng, `json.${variant}`, { query: SIMPLE }), body, operations: [] };
  },

  'content-type': (rng, _ctx, base) => {
    const q = rng.pick(LEGIT);
    const variant = rng.pick(['text/plain', 'form', 'multipart', 'application/graphql', 'none', 'utf-16', 'xml', 'json-preflight', 'graphql-response'] as const);
    const r = post(base, rng, `content-type.${variant}`, { query: q });
    const headers: Record<string, string> = { traceparent: r.headers['traceparent']! };
    let body: string | Uint8Array = r.body!;
    switch (variant) {
      case 'text/plain':
        headers['content-type'] = 'text/plain';
        break;
      case 'form':
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = `query=${encodeURIComponent(q)}`;
        break;
      case 'multipart':
        headers['content-type'] = 'multipart/form-data; boundary=----fuzz';
        body = `------fuzz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${r.body as string}\r\n------fuzz${rng.chance(0.5) ? '--' : ''}\r\n`;
        break;
      case 'application/graphql':
        headers['content-type'] = 'application/graphql';
        body = q;
        break;
      case 'none':
        break;
      case 'utf-16':
        headers['content-type'] = 'application/json; charset=utf-16';
        body = new Uint8Array(Buffer.from(r.body as string, 'utf16le'));
        break;
      case 'xml':
        headers['content-type'] = 'application/xml';
        headers['apollo-require-preflight'] = 'true';
        body = `<query>${q}</query>`;
        break;
      case 'json-preflight':
        headers['content-type'] = 'text/plain';
        headers['apollo-require-preflight'] = 'true';
        break;
      case 'graphql-response':
        headers['content-type'] = 'application/graphql-response+json';
        headers['accept'] = rng.pick(['application/graphql-response+json', 'text/event-stream', 'multipart/mixed', 'image/png', '*/*;q=0']);
        break;
    }
    return { ...r, headers, body, operations: variant === 'none' || variant === 'text/plain' || variant === 'form' || variant === 'xml' ? [] : r.operations! };
  },

  method: (rng, _ctx, base) => {
    const q = rng.pick(LEGIT);
    const method = rng.pick(['GET', 'GET', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'] as const);
    const path = rng.pick([
      `/graphql?query=${encodeURIComponent(q)}`,
      `/graphql?query=${encodeURIComponent('mutation { __typename }')}`,
      `/graphql?query=${encodeURIComponent(q)}&variables=${encodeURIComponent('{bad')}`,
      '/graphql',
      `/graphql?query=${repeat('%7B', rng.size(1, 2000))}`,
      '/%2e%2e/graphql',
      '/graphql/../readyz',
      `/${rng.string(rng.int(1, 20))}`,
      '/contract',
      '/dev/token?partij=NIEMAND',
    ]);
    const r = post(base, rng, `method.${method}`, { query: q });
    return { ...r, method, path, headers: { traceparent: r.headers['traceparent']!, ...(method === 'GET' && rng.chance(0.5) ? { 'apollo-require-preflight': 'true' } : {}) }, body: method === 'PUT' || method === 'PATCH' || method === 'DELETE' ? r.body! : undefined, operations: path.startsWith('/graphql?query=') && method === 'GET' ? [{ query: q }] : [] } as FuzzRequest;
  },

  'graphql.malformed': (rng, ctx, base) => {
    const valid = validOperation(rng, ctx.contracts[base.persona] ?? ctx.schema, ctx);
    const variant = rng.pick(['truncated', 'unbalanced-open', 'unbalanced-close', 'garbage', 'empty', 'only-comment', 'nul', 'bad-token', 'anonymous-twice', 'unknown-operation-name', 'subscription', 'no-selection'] as const);
    let query: string;
    let operationName: string | undefined;
    switch (variant) {
      case 'truncated':
        query = valid.query.slice(0, rng.int(0, valid.query.length - 1));
        break;
      case 'unbalanced-open':
        query = repeat('{', rng.size(1, 5000)) + valid.query;
        break;
      case 'unbalanced-close':
        query = valid.query + repeat('}', rng.size(1, 5000));
        break;
      case 'garbage':
        query = rng.string(rng.size(1, 5000), '{}()[]:$@!.,"\\ \n\tabcxyz0123456789#&|=');
        break;
      case 'empty':
        query = rng.pick(['', ' ', '\n\n', '#']);
        break;
      case 'only-comment':
        query = `# ${rng.string(rng.size(1, 1000))}`;
        break;
      case 'nul':
        query = `{ __typename\u0000 }`;
        break;
      case 'bad-token':
        query = `{ trajecten(eerste: ${rng.pick(['1.', '.5', '0x1', '1e', '00', '-', '"', '"""'])}) { code } }`;
        break;
      case 'anonymous-twice':
        query = `${SIMPLE} ${SIMPLE}`;
        break;
      case 'unknown-operation-name':
        query = `query A ${SIMPLE} query B ${SIMPLE}`;
        operationName = rng.pick(['C', '', 'A B']);
        break;
      case 'subscription':
        query = 'subscription { __typename }';
        break;
      case 'no-selection':
        query = rng.pick(['{ trajecten }', '{ trajecten(eerste: 1) { inwoner } }', '{ __typename { x } }', 'query', 'fragment F on Query { __typename }']);
        break;
    }
    const op = { query, ...(operationName !== undefined ? { operationName } : {}) };
    return post(base, rng, `graphql.${variant}`, op);
  },

  'graphql.strings': (rng, _ctx, base) => {
    const variant = rng.pick(['huge-string', 'huge-block-string', 'bad-escape', 'unterminated', 'control-chars', 'unicode', 'huge-name', 'huge-comment'] as const);
    let query: string;
    switch (variant) {
      case 'huge-string':
        query = `{ trajectOpCode(code: "${repeat('x', rng.size(10, 1_100_000))}") { code } }`;
        break;
      case 'huge-block-string':
        query = `{ trajectOpCode(code: """${repeat('ab\n', rng.size(10, 300_000))}""") { code } }`;
        break;
      case 'bad-escape':
        query = `{ trajectOpCode(code: "${rng.pick(['\\x41', '\\u12', '\\uD800', '\\uDC00\\uD800', '\\u{110000}', '\\u{', '\\'])}") { code } }`;
        break;
      case 'unterminated':
        query = `{ trajectOpCode(code: "abc${rng.pick(['', '\n"', '\\"'])}) { code } }`;
        break;
      case 'control-chars':
        query = `{ trajectOpCode(code: "${String.fromCharCode(rng.int(0, 31))}") { code } }`;
        break;
      case 'unicode':
        query = `{ trajectOpCode(code: "${rng.pick(['\u{1F600}', '\u202E', '\uFFFF', 'é́́́', '\u0000'])}") { code } }`;
        break;
      case 'huge-name':
        query = `{ ${repeat('a', rng.size(10, 500_000))} }`;
        break;
      case 'huge-comment':
        query = `# ${repeat('c', rng.size(10, 900_000))}\n{ __typename }`;
        break;
    }
    return post(base, rng, `graphql.${variant}`, { query });
  },

  'graphql.deep': (rng, _ctx, base) => {
    const n = rng.size(5, 20_000);
    const variant = rng.pick(['fields', 'inline-fragments', 'list-values', 'object-values', 'real-fields', 'parens'] as const);
    let query: string;
    switch (variant) {
      case 'fields':
        query = `{${repeat(' a {', n)} b ${repeat('}', n)} }`;
        break;
      case 'inline-fragments':
        query = `{${repeat(' ... on Query {', n)} __typename ${repeat('}', n)} }`;
        break;
      case 'list-values':
        query = `{ trajecten(eerste: ${repeat('[', n)}1${repeat(']', n)}) { code } }`;
        break;
      case 'object-values':
        query = `mutation { registreerMelding(input: ${repeat('{ a: ', n)}1${repeat('}', n)}) { id } }`;
        break;
      case 'real-fields': {
        // Real, nested selections as deep as the schema goes (traject → inwoner → … → traject).
        const d = rng.int(2, 40);
        query = `{ trajecten(eerste: 2) ${repeat('{ code huurovereenkomst ', d)}{ corporatie }${repeat(' }', d)} }`;
        break;
      }
      case 'parens':
        query = `{ trajecten${repeat('(', Math.min(n, 5000))}eerste: 1${repeat(')', Math.min(n, 5000))} { code } }`;
        break;
    }
    return post(base, rng, `graphql.deep-${variant}`, { query });
  },

  'graphql.wide': (rng, ctx, base) => {
    const n = rng.size(10, 100_000);
    const variant = rng.pick(['same-field', 'root-fields', 'real-fields', 'typename'] as const);
    let query: string;
    switch (variant) {
      case 'same-field':
        query = `{ trajecten(eerste: 5) { ${repeat('code ', n)} } }`;
        break;
      case 'root-fields':
        query = `{ ${repeat('organisaties { __typename } ', Math.min(n, 5000))} }`;
        break;
      case 'real-fields': {
        const t = ctx.schema.getType('Traject') as GraphQLObjectType | undefined;
        const leaves = t ? Object.values(t.getFields()).filter((f) => isLeafType(getNamedType(f.type)) && !f.args.some((a) => isNonNullType(a.type))).map((f) => f.name) : ['code'];
        query = `{ trajecten(eerste: ${rng.pick([1, 20, 100, 500])}) { ${Array.from({ length: Math.min(n, 3000) }, () => rng.pick(leaves)).join(' ')} } }`;
        break;
      }
      case 'typename':
        query = `{ ${repeat('__typename ', n)} }`;
        break;
    }
    return post(base, rng, `graphql.wide-${variant}`, { query });
  },

  'graphql.aliases': (rng, _ctx, base) => {
    const n = rng.size(2, 20_000);
    const variant = rng.pick(['typename', 'trajecten', 'nested', 'duplicate', 'conflict'] as const);
    let query: string;
    switch (variant) {
      case 'typename':
        query = `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
        break;
      case 'trajecten':
        query = `{ ${Array.from({ length: Math.min(n, 2000) }, (_, i) => `t${i}: trajecten(eerste: ${1 + (i % 20)}) { code inwoner { naam } }`).join(' ')} }`;
        break;
      case 'nested':
        query = `{ trajecten(eerste: 3) { ${Array.from({ length: Math.min(n, 5000) }, (_, i) => `n${i}: inwoner { naam }`).join(' ')} } }`;
        break;
      case 'duplicate':
        query = `{ ${repeat('x: __typename ', Math.min(n, 5000))} }`;
        break;
      case 'conflict':
        query = `{ x: trajecten(eerste: 1) { code } x: trajecten(eerste: 2) { fase } }`;
        break;
    }
    return post(base, rng, `graphql.aliases-${variant}`, { query });
  },

  batch: (rng, ctx, base) => {
    const n = rng.pick([0, 1, 2, 5, 10, 11, 50, rng.size(1, 5000)]);
    const ops = Array.from({ length: n }, () => (rng.chance(0.7) ? validOperation(rng, ctx.contracts[base.persona] ?? ctx.schema, ctx) : { query: rng.pick([SIMPLE, '{', repeat('a: __typename ', 100), `{${repeat('{', 100)}`]) }));
    if (n > 0 && rng.chance(0.2)) (ops as unknown[])[rng.int(0, n - 1)] = rng.pick([null, 42, 'x', [], [SIMPLE]]);
    return post(base, rng, `batch.${n}`, ops as { query: string }[]);
  },

  unknown: (rng, ctx, base) => {
    const valid = validOperation(rng, ctx.contracts[base.persona] ?? ctx.schema, ctx);
    const variant = rng.pick(['field', 'argument', 'type-condition', 'root', 'nested-argument', 'suggestion-bait'] as const);
    let query: string;
    switch (variant) {
      case 'field':
        query = valid.query.replace(/\{ /, `{ ${rng.string(rng.int(1, 30))} `);
        break;
      case 'argument':
        query = `{ trajecten(eerste: 1, ${rng.string(rng.int(1, 12))}: ${rng.pick(['1', '"x"', 'null', '[1]', '{a: 1}', 'ENUM'])}) { code } }`;
        break;
      case 'type-condition':
        query = `{ trajecten(eerste: 1) { ... on ${rng.pick(['Nope', 'Query', 'Inwoner', 'String', '__Schema'])} { __typename } } }`;
        break;
      case 'root':
        query = `{ ${rng.pick(['inwoners', 'gebruikers', '_service', '_entities(representations: [])  { __typename }', 'admin', 'sdl'])} }`;
        break;
      case 'nested-argument':
        query = `{ trajecten(eerste: 1) { inwoner(${rng.string(4)}: 1) { naam } } }`;
        break;
      case 'suggestion-bait':
        query = `{ ${rng.pick(['trajectn', 'trajekten', 'inwoner', 'bsn', 'traject { bsn }', 'trajecten { gezondhied }'])} }`;
        break;
    }
    return post(base, rng, `unknown.${variant}`, { ...valid, query });
  },

  variables: (rng, ctx, base) => {
    const variant = rng.pick(['wrong-type', 'undeclared', 'unused', 'missing-required', 'nested-garbage', 'huge-list', 'deep-variable', 'wrong-declared-type', 'default-wrong'] as const);
    const garbage = () => rng.pick<unknown>([null, 'x', 1.5, -1, 2 ** 53, true, [], {}, [[[]]], { a: 1 }, '1', repeat('y', rng.size(1, 100_000))]);
    let op: { query: string; variables?: Record<string, unknown> };
    switch (variant) {
      case 'wrong-type':
        op = { query: 'query($e: Int, $f: Fase) { trajecten(eerste: $e, fase: $f) { code } }', variables: { e: garbage(), f: garbage() } };
        break;
      case 'undeclared':
        op = { query: '{ trajecten(eerste: $e) { code } }', variables: { e: 1 } };
        break;
      case 'unused':
        op = { query: 'query($e: Int, $x: String) { trajecten(eerste: 2) { code } }', variables: { e: garbage(), x: garbage(), y: garbage() } };
        break;
      case 'missing-required':
        op = { query: 'query($id: ID!) { traject(id: $id) { code } }', variables: rng.chance(0.5) ? {} : { id: null } };
        break;
      case 'nested-garbage': {
        const mutation = ctx.schema.getMutationType();
        const m = mutation ? rng.pick(Object.values(mutation.getFields()).filter((f) => f.args.some((a) => isInputObjectType(getNamedType(a.type))))) : undefined;
        const arg = m?.args.find((a) => isInputObjectType(getNamedType(a.type)));
        op = m && arg
          ? { query: `mutation($v: ${String(arg.type)}) { ${m.name}(${m.args.map((a) => `${a.name}: ${a === arg ? '$v' : literalFor(rng, a.type, ctx, 1)}`).join(', ')}) { __typename } }`, variables: { v: garbageInput(rng, 0) } }
          : { query: SIMPLE };
        break;
      }
      case 'huge-list':
        op = { query: 'query($c: [String!]!) { trajecten(eerste: 1) { code } }', variables: { c: Array.from({ length: rng.size(1, 100_000) }, (_, i) => `c${i}`) } };
        break;
      case 'deep-variable': {
        // Written out by hand: JSON.stringify itself overflows its stack on a value this deep.
        const n = rng.size(10, 200_000);
        const query = 'query($e: [[Int]]) { trajecten(eerste: 1) { code } }';
        return post(base, rng, 'variables.deep-variable', { query }, { body: `{"query":${JSON.stringify(query)},"variables":{"e":${repeat('[', n)}1${repeat(']', n)}}}` });
      }
      case 'wrong-declared-type':
        op = { query: `query($e: ${rng.pick(['String', 'Boolean', 'Nope', '[Int]', 'Int!!', 'Traject', 'ID'])}) { trajecten(eerste: $e) { code } }`, variables: { e: 1 } };
        break;
      case 'default-wrong':
        op = { query: `query($e: Int = ${rng.pick(['"x"', '1.5', 'null', '[1]', 'TRUE', '99999999999999999999'])}) { trajecten(eerste: $e) { code } }` };
        break;
    }
    return post(base, rng, `variables.${variant}`, op);
  },

  introspection: (rng, _ctx, base) => {
    const variant = rng.pick(['full', 'types', 'type', 'typename', 'mixed', 'deep-oftype', 'service'] as const);
    const query = {
      full: getIntrospectionQuery({ descriptions: rng.chance(0.5), inputValueDeprecation: rng.chance(0.5), specifiedByUrl: rng.chance(0.5), directiveIsRepeatable: rng.chance(0.5) }),
      types: '{ __schema { types { name kind fields(includeDeprecated: true) { name args { name } } } } }',
      type: `{ __type(name: "${rng.pick(['Traject', 'Inwoner', 'Query', 'Mutation', 'Nope', '', 'join__Graph', '_Any'])}") { name fields { name type { name } } } }`,
      typename: '{ __typename a: __typename }',
      mixed: '{ __schema { queryType { name } } trajecten(eerste: 1) { code } }',
      'deep-oftype': `{ __schema { types { ${repeat('ofType { ', 12)} name ${repeat('} ', 12)} } } }`,
      service: '{ _service { sdl } }',
    }[variant];
    return post(base, rng, `introspection.${variant}`, { query });
  },

  directives: (rng, ctx, base) => {
    const variant = rng.pick(['skip-include', 'unknown', 'many', 'repeated', 'on-operation', 'on-fragment', 'wrong-arg', 'deprecated'] as const);
    let op: { query: string; variables?: Record<string, unknown> };
    switch (variant) {
      case 'skip-include': {
        const v = () => rng.pick<unknown>([true, false, null, 'x', 1, undefined]);
        op = {
          query: `query($a: Boolean!, $b: Boolean) { trajecten(eerste: 3) { code inwoner @skip(if: $a) { naam } bemiddelingsprofiel @include(if: $b) { conclusie } fase @include(if: ${rng.pick(['true', 'false', '$a'])}) } }`,
          variables: { a: v(), b: v() },
        };
        break;
      }
      case 'unknown':
        op = { query: `{ trajecten(eerste: 1) @${rng.pick(['foo', 'cached', 'defer', 'stream', 'live', 'export(as: "x")', 'dosering', 'join__field', 'inaccessible', 'specifiedBy(url: "x")'])} { code } }` };
        break;
      case 'many':
        op = { query: `{ __typename ${repeat('@skip(if: false) ', rng.size(2, 5000))} }` };
        break;
      case 'repeated':
        op = { query: '{ trajecten(eerste: 1) @include(if: true) @include(if: false) { code } }' };
        break;
      case 'on-operation':
        op = { query: `query Q @skip(if: true) ${SIMPLE}` };
        break;
      case 'on-fragment': {
        const valid = validOperation(rng, ctx.contracts[base.persona] ?? ctx.schema, ctx);
        op = { query: `${valid.query.replace(/^\{/, '{ ...F @skip(if: false)')} fragment F on Query @include(if: true) { __typename }`, variables: valid.variables ?? {} };
        break;
      }
      case 'wrong-arg':
        op = { query: `{ trajecten(eerste: 1) @skip(if: ${rng.pick(['"yes"', '1', 'null', '[true]'])}) { code } __typename @include }` };
        break;
      case 'deprecated':
        op = { query: '{ trajecten(eerste: 1) @deprecated(reason: "x") { code } }' };
        break;
    }
    return post(base, rng, `directives.${variant}`, op);
  },

  fragments: (rng, _ctx, base) => {
    const variant = rng.pick(['self-cycle', 'cycle', 'long-cycle', 'bomb', 'bomb-real', 'unused', 'undefined', 'wrong-type', 'many', 'duplicate-name'] as const);
    let query: string;
    switch (variant) {
      case 'self-cycle':
        query = '{ ...A } fragment A on Query { __typename ...A }';
        break;
      case 'cycle':
        query = '{ ...A } fragment A on Query { trajecten(eerste: 1) { code } ...B } fragment B on Query { __typename ...A }';
        break;
      case 'long-cycle': {
        const n = rng.size(3, 2000);
        query = `{ ...F0 } ${Array.from({ length: n }, (_, i) => `fragment F${i} on Query { __typename ...F${(i + 1) % n} }`).join(' ')}`;
        break;
      }
      case 'bomb': {
        const n = rng.int(5, 60);
        query = `{ ...F${n} } fragment F0 on Query { __typename } ${Array.from({ length: n }, (_, i) => `fragment F${i + 1} on Query { ...F${i} ...F${i} }`).join(' ')}`;
        break;
      }
      case 'bomb-real': {
        const n = rng.int(3, 40);
        query = `{ trajecten(eerste: 20) { ...T${n} } } fragment T0 on Traject { code inwoner { naam } } ${Array.from({ length: n }, (_, i) => `fragment T${i + 1} on Traject { a${i}: inwoner { naam } ...T${i} ...T${i} }`).join(' ')}`;
        break;
      }
      case 'unused':
        query = `${SIMPLE} fragment U on Query { __typename }`;
        break;
      case 'undefined':
        query = '{ ...Nope }';
        break;
      case 'wrong-type':
        query = '{ trajecten(eerste: 1) { ...I } } fragment I on Inwoner { naam }';
        break;
      case 'many': {
        const n = rng.size(2, 3000);
        query = `{ ${Array.from({ length: n }, (_, i) => `...M${i}`).join(' ')} } ${Array.from({ length: n }, (_, i) => `fragment M${i} on Query { __typename }`).join(' ')}`;
        break;
      }
      case 'duplicate-name':
        query = '{ ...A } fragment A on Query { __typename } fragment A on Query { trajecten(eerste: 1) { code } }';
        break;
    }
    return post(base, rng, `fragments.${variant}`, { query });
  },

  eerste: (rng, _ctx, base) => {
    const n = rng.pick(['2147483647', '2147483648', '-2147483649', '9007199254740993', '1e308', '-1', '0', '501', '500', '99999999999999999999999999', '1.0', '"1"', 'null', 'true', '[1]', '1_000']);
    const asVariable = rng.chance(0.4);
    const field = rng.pick(['trajecten', 'garantieaanvragen', 'mijnBijdragen']);
    const query =
      field === 'trajecten'
        ? asVariable
          ? `query($e: Int) { trajecten(eerste: $e) { code inwoner { naam } } }`
          : `{ trajecten(eerste: ${n}${rng.chance(0.3) ? `, na: "${rng.pick(['0', '-1', 'x', repeat('9', 40)])}"` : ''}) { code inwoner { naam } } }`
        : `{ trajecten(eerste: ${n}) { code garantieaanvragen { id } } }`;
    const variables: Record<string, unknown> | undefined = asVariable ? { e: rng.pick<unknown>([2 ** 31, 2 ** 53 + 2, 1e308, -1, 0, 501, 1.5, '1', null, Number.MAX_SAFE_INTEGER]) } : undefined;
    return post(base, rng, `eerste.${asVariable ? 'variable' : 'literal'}`, { query, ...(variables ? { variables } : {}) });
  },

  mutation: (rng, ctx, base) => {
    const mutationType = (ctx.contracts[base.persona] ?? ctx.schema).getMutationType() ?? ctx.schema.getMutationType();
    if (!mutationType) return post(base, rng, 'mutation.none', { query: 'mutation { __typename }' });
    const m = rng.pick(Object.values(mutationType.getFields()));
    const variant = rng.pick(['literal-garbage', 'typed-garbage', 'missing-args', 'null-args', 'huge-input', 'as-query', 'several'] as const);
    const sel = selectionFor(rng, m.type, ctx.schema, 2) ?? '';
    let query: string;
    switch (variant) {
      case 'literal-garbage':
        query = `mutation { ${m.name}(${m.args.map((a) => `${a.name}: ${garbageLiteral(rng, 0)}`).join(', ')}) ${sel} }`;
        break;
      case 'typed-garbage':
        query = `mutation { ${m.name}(${m.args.map((a) => `${a.name}: ${literalFor(rng, a.type, ctx, 0)}`).join(', ')}) ${sel} }`;
        break;
      case 'missing-args':
        query = `mutation { ${m.name} ${sel} }`;
        break;
      case 'null-args':
        query = `mutation { ${m.name}(${m.args.map((a) => `${a.name}: null`).join(', ')}) ${sel} }`;
        break;
      case 'huge-input':
        query = `mutation { ${m.name}(${m.args.map((a) => `${a.name}: ${literalFor(rng, a.type, ctx, 0, rng.size(100, 200_000))}`).join(', ')}) ${sel} }`;
        break;
      case 'as-query':
        query = `{ ${m.name} }`;
        break;
      case 'several':
        query = `mutation { ${Array.from({ length: rng.int(2, 40) }, (_, i) => `m${i}: ${m.name}(${m.args.map((a) => `${a.name}: ${literalFor(rng, a.type, ctx, 0)}`).join(', ')}) ${sel}`).join(' ')} }`;
        break;
    }
    return post(base, rng, `mutation.${variant}`, { query });
  },

  token: (rng, ctx, base) => {
    const variant = rng.pick(BAD_TOKENS);
    const op = rng.chance(0.7) ? validOperation(rng, ctx.contracts[base.persona] ?? ctx.schema, ctx) : { query: rng.pick(LEGIT) };
    const r = post(base, rng, `token.${variant}`, op, { auth: { kind: 'bad', variant, persona: base.persona } });
    // Some without any token at all, and some with a header that is not a bearer token.
    if (rng.chance(0.1)) return { ...r, kind: 'token.absent', auth: { kind: 'none' } };
    if (rng.chance(0.1)) return { ...r, kind: 'token.header-garbage', auth: { kind: 'header', value: rng.pick(['Bearer', 'Bearer ', 'bearer x', 'Basic dXNlcjpwYXNz', `Bearer ${repeat('a', rng.size(1, 100_000))}`, 'Bearer a.b.c', 'Bearer ..', `Bearer ${base64url.encode(rng.bytes(64))}`]) } };
    return r;
  },

  valid: (rng, ctx, base) => {
    const contract = ctx.contracts[base.persona] ?? ctx.schema;
    const persona = FUZZ_PERSONAS[base.persona]!;
    // The regisseur's 20-case view now and then, as its own screen asks it.
    if (persona.partij === 'REGISSEUR' && rng.chance(0.25)) return post(base, rng, 'valid.regisseur-view', { query: REGISSEUR_VIEW });
    const n = rng.chance(0.15) ? rng.int(2, 10) : 1;
    const ops = Array.from({ length: n }, () => validOperation(rng, contract, ctx));
    return post(base, rng, n > 1 ? 'valid.batch' : 'valid.query', n > 1 ? ops : ops[0]!);
  },
};

// ————————————————————————————————————————————— valid operations from a schema

/** A random query the schema accepts: root fields with their required arguments, nested selections, now and then a directive or variable. */
export function validOperation(rng: Rng, schema: GraphQLSchema, ctx: Pick<GeneratorContext, 'ids' | 'codes'>): { query: string; variables?: Record<string, unknown> } {
  const query = schema.getQueryType();
  if (!query) return { query: SIMPLE };
  const roots = Object.values(query.getFields()).filter((f) => !f.name.startsWith('_'));
  if (roots.length === 0) return { query: SIMPLE };
  const count = rng.chance(0.7) ? 1 : rng.int(2, 4);
  const parts: string[] = [];
  const variables: Record<string, unknown> = {};
  const defs: string[] = [];
  for (let i = 0; i < count; i++) {
    const f = rng.pick(roots);
    const args = f.args
      .filter((a) => isNonNullType(a.type) || rng.chance(0.4))
      .map((a) => {
        if (a.name === 'eerste') return `eerste: ${rng.pick([1, 2, 5, 20, 50])}`;
        if (rng.chance(0.2) && isLeafType(getNamedType(a.type))) {
          const name = `v${i}_${a.name}`;
          defs.push(`$${name}: ${String(a.type)}`);
          variables[name] = valueFor(rng, a.type, ctx, a.name);
          return `${a.name}: $${name}`;
        }
        return `${a.name}: ${literalFor(rng, a.type, ctx, 1, undefined, a.name)}`;
      });
    const sel = selectionFor(rng, f.type, schema, rng.int(1, 4));
    const directive = rng.chance(0.1) ? ` @include(if: ${rng.pick(['true', 'false'])})` : '';
    parts.push(`${count > 1 ? `r${i}: ` : ''}${f.name}${args.length ? `(${args.join(', ')})` : ''}${directive}${sel ? ` ${sel}` : ''}`);
  }
  const head = defs.length ? `query(${defs.join(', ')}) ` : '';
  return { query: `${head}{ ${parts.join(' ')} }`, ...(defs.length ? { variables } : {}) };
}

function selectionFor(rng: Rng, type: GraphQLInputType | import('graphql').GraphQLOutputType, schema: GraphQLSchema, depth: number): string | undefined {
  const named = getNamedType(type) as GraphQLNamedType;
  if (isLeafType(named)) return undefined;
  if (isAbstractType(named)) {
    const possible = schema.getPossibleTypes(named);
    const frags = possible.filter(() => rng.chance(0.5)).map((t) => `... on ${t.name} ${selectionFor(rng, t, schema, depth) ?? '{ __typename }'}`);
    return `{ __typename ${frags.join(' ')} }`;
  }
  if (!isObjectType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter((f) => !f.name.startsWith('_'));
  const usable = fields.filter((f) => depth > 0 || isLeafType(getNamedType(f.type)));
  if (usable.length === 0) return '{ __typename }';
  const picked = new Set<GraphQLField<unknown, unknown>>();
  const k = rng.int(1, Math.min(6, usable.length));
  for (let i = 0; i < k; i++) picked.add(rng.pick(usable));
  const parts = [...picked].map((f) => {
    const required = f.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
    const args = required.map((a) => `${a.name}: ${literalFor(rng, a.type, { ids: [], codes: [] }, 1, undefined, a.name)}`);
    const sub = selectionFor(rng, f.type, schema, depth - 1);
    return `${f.name}${args.length ? `(${args.join(', ')})` : ''}${sub ? ` ${sub}` : ''}`;
  });
  if (rng.chance(0.2)) parts.push('__typename');
  // `id` wherever there is one: it places a refusal whose path has no list index (see `valuesAt`).
  if (named.getFields()['id'] && !picked.has(named.getFields()['id']!)) parts.push('id');
  return `{ ${parts.join(' ')} }`;
}

/** A JS value of the input type (for variables). */
function valueFor(rng: Rng, type: GraphQLInputType, ctx: Pick<GeneratorContext, 'ids' | 'codes'>, name = ''): unknown {
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return Array.from({ length: rng.int(0, 3) }, () => valueFor(rng, t.ofType, ctx, name));
  if (isEnumType(t)) return rng.pick(t.getValues()).name;
  if (isInputObjectType(t)) {
    return Object.fromEntries(Object.values(t.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.3)).map((f) => [f.name, valueFor(rng, f.type, ctx, f.name)]));
  }
  if (isScalarType(t)) {
    switch (t.name) {
      case 'Int':
        return rng.int(0, 30);
      case 'Float':
        return rng.float() * 100;
      case 'Boolean':
        return rng.chance(0.5);
      case 'ID':
        return ctx.ids.length && rng.chance(0.8) ? rng.pick(ctx.ids) : String(rng.int(0, 10_000));
      default:
        if (/code/i.test(name) && ctx.codes.length) return rng.pick(ctx.codes);
        if (/^(van|tot|.*Op)$/.test(name)) return rng.pick(['2025-01-01', '2026-01-01', '2025-07-01', 'gisteren']);
        return rng.string(rng.int(0, 12));
    }
  }
  return null;
}

/** A GraphQL literal of the input type; `size` makes its strings that long. */
function literalFor(rng: Rng, type: GraphQLInputType, ctx: Pick<GeneratorContext, 'ids' | 'codes'>, depth: number, size?: number, name = ''): string {
  if (size !== undefined) {
    const t = getNamedType(type);
    if (isScalarType(t) && (t.name === 'String' || t.name === 'ID')) return JSON.stringify(repeat('x', size));
  }
  const t = getNullableType(type) as GraphQLInputType;
  if (isListType(t)) return `[${Array.from({ length: size ? Math.min(size, 5000) : rng.int(0, 3) }, () => literalFor(rng, t.ofType, ctx, depth + 1, undefined, name)).join(', ')}]`;
  if (isEnumType(t)) return rng.pick(t.getValues()).name;
  if (isInputObjectType(t)) {
    if (depth > 6) return 'null';
    const fields = Object.values(t.getFields()).filter((f) => isNonNullType(f.type) || rng.chance(0.3));
    return `{ ${fields.map((f) => `${f.name}: ${literalFor(rng, f.type, ctx, depth + 1, size, f.name)}`).join(', ')} }`;
  }
  return JSON.stringify(valueFor(rng, t, ctx, name));
}

function garbageLiteral(rng: Rng, depth: number): string {
  const options = ['null', '0', '-1', '2147483648', '1.5e300', '""', '"x"', 'true', 'ENUM', '$undeclared', `"${repeat('z', rng.size(1, 10_000))}"`];
  if (depth < 4) options.push('[]', `[${garbageLiteral(rng, depth + 1)}]`, `{ ${rng.string(3)}: ${garbageLiteral(rng, depth + 1)} }`, '{}');
  return rng.pick(options);
}

function garbageInput(rng: Rng, depth: number): unknown {
  if (depth > 4) return null;
  return rng.pick<() => unknown>([
    () => null,
    () => rng.string(rng.size(0, 5000)),
    () => rng.int(-1e9, 1e9),
    () => 1e308,
    () => [garbageInput(rng, depth + 1)],
    () => ({ [rng.string(4)]: garbageInput(rng, depth + 1), trajectId: garbageInput(rng, depth + 1) }),
    () => ({ __proto__: { polluted: true }, constructor: { prototype: { x: 1 } } }),
  ])();
}

// ————————————————————————————————————————————— tokens

export interface TokenSource {
  /** The `authorization` header for the request, or undefined for none. */
  header(auth: Auth): Promise<string | undefined>;
}

/**
 * Mints the tokens: a few per persona (reused, as a client would — `jti` is bound to its one token),
 * and the malformed ones. With the issuer's keys (`keys`, in-process), the malformed tokens are
 * correctly signed with one broken rule each (expired, `iat` in the future, …); without them (against
 * a gateway elsewhere) valid tokens come from its `/dev/token` and the signed malformed ones are signed
 * with a key the gateway does not know.
 */
export function createTokenSource(options: { keys?: DevKeys; issuer: string; audience: string; devTokenUrl?: string }): TokenSource {
  const pools = new Map<number, Promise<string[]>>();
  const bad = new Map<string, Promise<string>>();
  let foreign: Promise<{ privateKey: CryptoKey }> | undefined;
  const mint = async (persona: Persona): Promise<string> => {
    if (options.keys) return mintToken(options.keys, persona, { issuer: options.issuer, audience: options.audience });
    if (!options.devTokenUrl) throw new Error('geen sleutels en geen /dev/token');
    const q = new URLSearchParams(Object.entries(persona).filter(([, v]) => typeof v === 'string') as [string, string][]);
    const r = await fetch(`${options.devTokenUrl}?${q}`);
    if (!r.ok) throw new Error(`/dev/token ${r.status}: ${await r.text()}`);
    return ((await r.json()) as { token: string }).token;
  };
  const pool = (i: number) => {
    let p = pools.get(i);
    if (!p) pools.set(i, (p = Promise.all([0, 1, 2].map(() => mint(FUZZ_PERSONAS[i]!)))));
    return p;
  };
  const sign = async (claims: Record<string, unknown>, header: Record<string, unknown>, key?: CryptoKey) => {
    foreign ??= generateKeyPair('ES256', { extractable: true });
    const signingKey = key ?? options.keys?.privateKey ?? (await foreign).privateKey;
    return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', ...header } as never).sign(signingKey);
  };
  const claimsOf = (persona: Persona, now = Math.floor(Date.now() / 1000)) => ({
    sub: persona.sub ?? 'fuzz',
    partij: persona.partij,
    organisatie: persona.organisatie ?? (persona.partij === 'GEMEENTE' ? `gemeente-${persona.gemeente}` : persona.partij === 'REGISSEUR' ? 'regio-noord-limburg' : 'fuzz'),
    ...(persona.gemeente ? { gemeente: persona.gemeente } : {}),
    ...(persona.regio ? { regio: persona.regio } : {}),
    ...(persona.rol ? { rol: persona.rol } : {}),
    azp: 'woonkans-ontwikkeling',
    acr: 'urn:woonkans:acr:ontwikkeling',
    iss: options.issuer,
    aud: options.audience,
    iat: now,
    exp: now + 600,
    jti: randomUUID(),
  });
  const kid = options.keys?.kid ?? 'onbekend';
  const enc = (o: unknown) => base64url.encode(JSON.stringify(o));
  const makeBad = async (variant: BadToken, persona: Persona): Promise<string> => {
    const c = claimsOf(persona);
    const now = c.iat;
    const valid = await sign(c, { kid, typ: 'JWT' });
    const [h, p, s] = valid.split('.') as [string, string, string];
    switch (variant) {
      case 'bad-base64':
        return `${h}.${p.slice(0, -3)}!!*.${s}`;
      case 'two-parts':
        return `${h}.${p}`;
      case 'alg-none':
        return `${enc({ alg: 'none', kid, typ: 'JWT' })}.${p}.`;
      case 'alg-hs256':
        return `${enc({ alg: 'HS256', kid, typ: 'JWT' })}.${p}.${s}`;
      case 'alg-unknown':
        return `${enc({ alg: 'XX512', kid })}.${p}.${s}`;
      case 'wrong-signature':
        return `${h}.${p}.${s.slice(0, -4)}${s.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      case 'foreign-key': {
        foreign ??= generateKeyPair('ES256', { extractable: true });
        return sign(c, { kid, typ: 'JWT' }, (await foreign).privateKey);
      }
      case 'expired':
        return sign({ ...c, iat: now - 7200, exp: now - 3600 }, { kid, typ: 'JWT' });
      case 'future-iat':
        return sign({ ...c, iat: now + 3600, exp: now + 4000 }, { kid, typ: 'JWT' });
      case 'too-long-lived':
        return sign({ ...c, exp: now + 365 * 24 * 3600 }, { kid, typ: 'JWT' });
      case 'missing-claims': {
        const { jti: _j, partij: _p, ...rest } = c;
        return sign(rest, { kid, typ: 'JWT' });
      }
      case 'wrong-audience':
        return sign({ ...c, aud: 'iemand-anders' }, { kid, typ: 'JWT' });
      case 'wrong-issuer':
        return sign({ ...c, iss: 'https://evil.example' }, { kid, typ: 'JWT' });
      case 'unknown-partij':
        return sign({ ...c, partij: 'ADMIN', organisatie: { $ne: null } }, { kid, typ: 'JWT' });
      case 'oversized-header':
        return sign(c, { kid: 'k'.repeat(40_000), typ: 'JWT', x5u: 'http://127.0.0.1:1/jwks', jku: 'http://127.0.0.1:1/jwks' });
      case 'unknown-kid':
        return sign(c, { kid: 'dev-onbekend', typ: 'JWT' });
      case 'truncated':
        return valid.slice(0, Math.floor(valid.length / 2));
      case 'not-bearer':
        return valid;
    }
  };
  return {
    async header(auth) {
      switch (auth.kind) {
        case 'none':
          return undefined;
        case 'header':
          return auth.value;
        case 'persona': {
          const tokens = await pool(auth.persona);
          return `Bearer ${tokens[Math.floor(Math.random() * tokens.length)]!}`;
        }
        case 'bad': {
          const key = `${auth.variant} ${auth.persona}`;
          let t = bad.get(key);
          if (!t) bad.set(key, (t = makeBad(auth.variant, FUZZ_PERSONAS[auth.persona]!)));
          const token = await t;
          return auth.variant === 'not-bearer' ? `Token ${token}` : `Bearer ${token}`;
        }
      }
    },
  };
}

// ————————————————————————————————————————————— sending and checking

export interface FuzzAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  /** The parsed body, when it is JSON. */
  readonly json?: unknown;
  readonly ms: number;
  /** A transport failure (connection reset, timeout): the gateway did not answer. */
  readonly failure?: string;
}

export async function send(baseUrl: string, request: FuzzRequest, tokens: TokenSource, timeoutMs = 30_000): Promise<FuzzAnswer> {
  const t0 = performance.now();
  const authorization = await tokens.header(request.auth);
  try {
    const r = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...request.headers, ...(authorization !== undefined ? { authorization } : {}) },
      ...(request.body !== undefined ? { body: request.body as BodyInit } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await r.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, contentType: r.headers.get('content-type') ?? '', text, json, ms: performance.now() - t0 };
  } catch (error) {
    return { status: 0, contentType: '', text: '', ms: performance.now() - t0, failure: String((error as Error).cause ?? error) };
  }
}

export interface Violation {
  readonly rule: 'transport' | '5xx' | 'not-json' | 'refused-value' | 'outside-contract';
  readonly detail: string;
}

/** Refusals whose path has no list index and whose case is not found by `id` in the answer (counted, not checkable). */
export const unplaced = { n: 0 };

type GqlResult = { data?: unknown; errors?: { path?: (string | number)[]; extensions?: { code?: unknown } }[] };

/**
 * The values at `path` in `data` that a refusal says must be null.
 *
 * A path with every list index is followed as it is. Gateways on the graphql-tools planner report a
 * refusal in an entity fetch without the list index, and where they merged several aliases into one
 * fetch, under the first alias (`["t0", "inwoner"]` for a case of `t5`; graphql-tools#2950): such a
 * path cannot be followed. The judge keeps accepting those so that it checks values, whatever the
 * gateway's planner; that this gateway puts each refusal at its own path is `dosing-matrix.test.ts`'s. Then, when the
 * refusal names its case (`trajectId`), every object in the answer with that `id` is checked under
 * the path's last key — the same caller asked the same field of the same case, so it must be null
 * everywhere; without `trajectId`, or when no object carries that `id`, the refusal is `unplaced`.
 * The defect also puts a refusal on another case's list index (`edges.0` for the case at
 * `edges.4`): where the path runs through an object whose `id` is not the refusal's `trajectId`,
 * the objects with that id are checked under the rest of the path instead.
 */
function valuesAt(data: unknown, path: readonly (string | number)[], trajectId: unknown, state: { unplaced: boolean }): unknown[] {
  let v = data;
  let exact = true;
  // The path below the innermost object on it that carries an `id` (the case it runs through).
  let suffix: readonly (string | number)[] = path.slice(-1);
  for (const [i, key] of path.entries()) {
    if (v === null || v === undefined || typeof v !== 'object') return [];
    if (Array.isArray(v) && typeof key === 'string') {
      exact = false;
      break;
    }
    const id = (v as Record<string, unknown>)['id'];
    if (!Array.isArray(v) && typeof id === 'string') {
      suffix = path.slice(i);
      // The same defect with the index present: a batched fetch's refusal put on another case's
      // index. The refusal's `trajectId` says whose field it is.
      if (typeof trajectId === 'string' && id !== trajectId) {
        exact = false;
        break;
      }
    }
    v = (v as Record<string | number, unknown>)[key];
  }
  if (exact) return v === null || v === undefined ? [] : [v];
  const found: unknown[] = [];
  let placed = false;
  const follow = (from: unknown): void => {
    let x = from;
    for (const key of suffix) {
      if (x === null || x === undefined || typeof x !== 'object' || Array.isArray(x) || !(String(key) in x)) return;
      x = (x as Record<string, unknown>)[String(key)];
    }
    placed = true;
    if (x !== null && x !== undefined) found.push(x);
  };
  const visit = (x: unknown, depth: number) => {
    if (x === null || typeof x !== 'object' || depth > 64) return;
    if (Array.isArray(x)) return x.forEach((y) => visit(y, depth + 1));
    const o = x as Record<string, unknown>;
    if (typeof trajectId === 'string' && o['id'] === trajectId) follow(o);
    for (const y of Object.values(o)) visit(y, depth + 1);
  };
  visit(data, 0);
  if (!placed) state.unplaced = true;
  return found;
}

/**
 * The violations in one answer:
 * - the gateway did not answer, or answered with a 5xx;
 * - an answer on `/graphql` that is not JSON (some may be empty, see `mayBeEmpty`; other paths —
 *   the dashboard, the contract, an unknown path — may be anything but a 5xx);
 * - a `DOSERING_GEWEIGERD` error with a `path` where the data holds a value;
 * - data under a field that the caller's contract does not contain (valid persona tokens only).
 */
export function checkAnswer(request: FuzzRequest, answer: FuzzAnswer, contract?: GraphQLSchema): Violation[] {
  const out: Violation[] = [];
  if (answer.failure !== undefined) return [{ rule: 'transport', detail: answer.failure }];
  // `/graphql/../readyz` is `/readyz`, whose 503 is its documented answer while a subgraph does not
  // answer its own check within 2 s (as under this load on two cores): not a failure of the request.
  const readyz = new URL(request.path, 'http://gateway').pathname === '/readyz' && answer.status === 503;
  if (answer.status >= 500 && !readyz) out.push({ rule: '5xx', detail: `HTTP ${answer.status}: ${answer.text.slice(0, 500)}` });
  const graphqlPath = request.path === '/graphql' || request.path.startsWith('/graphql?');
  // Empty by design: a preflight or HEAD, a 204; Yoga's 404/405/406/415 (unknown path, method,
  // accepted or content type) and Node's own 413/431 (body or headers too large) carry no body.
  const mayBeEmpty = request.method === 'HEAD' || request.method === 'OPTIONS' || [204, 404, 405, 406, 413, 415, 431].includes(answer.status);
  if (graphqlPath && answer.json === undefined && !(mayBeEmpty && answer.text === '')) {
    out.push({ rule: 'not-json', detail: `HTTP ${answer.status} ${answer.contentType}: ${JSON.stringify(answer.text.slice(0, 300))}` });
  }
  if (!graphqlPath || answer.json === undefined) return out;
  const results: GqlResult[] = Array.isArray(answer.json) ? (answer.json as GqlResult[]) : [answer.json as GqlResult];
  for (const [i, result] of results.entries()) {
    if (!result || typeof result !== 'object') continue;
    for (const e of result.errors ?? []) {
      if (e?.extensions?.code !== 'DOSERING_GEWEIGERD' || !Array.isArray(e.path)) continue;
      const state = { unplaced: false };
      const values = valuesAt(result.data, e.path, (e.extensions as { trajectId?: unknown }).trajectId, state);
      if (state.unplaced) unplaced.n++;
      // A refusal that cannot be placed is counted, not judged (the valid operations ask `id` wherever
      // a type has one, so this stays rare).
      if (values.length > 0) out.push({ rule: 'refused-value', detail: `resultaat ${i}, pad ${e.path.join('.')}: ${JSON.stringify(values).slice(0, 200)}` });
    }
    const op = request.operations?.[i];
    if (contract && request.auth.kind === 'persona' && op && result.data && typeof result.data === 'object') {
      for (const coordinate of outsideContract(contract, op.query, result.data as Record<string, unknown>)) {
        out.push({ rule: 'outside-contract', detail: `resultaat ${i}: ${coordinate}` });
      }
    }
  }
  return out;
}

/**
 * The coordinates (`Type.field`) under which `data` holds a value but the contract has no such
 * field. Walks the answer along the operation's selections (fragments expanded, `__typename` used for
 * abstract types when present); a field the walk cannot place is counted as outside.
 */
export function outsideContract(contract: GraphQLSchema, query: string, data: Record<string, unknown>): string[] {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return [];
  }
  const fragments = new Map(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [];
  const root = operation.operation === 'mutation' ? contract.getMutationType() : contract.getQueryType();
  const out = new Set<string>();
  const collect = (set: SelectionSetNode, typeName: string | undefined, into: Map<string, FieldNode[]>, seen: Set<string>) => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        const key = s.alias?.value ?? s.name.value;
        into.set(key, [...(into.get(key) ?? []), s]);
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        if (!s.typeCondition || !typeName || appliesTo(contract, s.typeCondition.name.value, typeName)) collect(s.selectionSet, typeName, into, seen);
      } else {
        const f = fragments.get(s.name.value);
        if (!f || seen.has(f.name.value)) continue;
        if (!typeName || appliesTo(contract, f.typeCondition.name.value, typeName)) collect(f.selectionSet, typeName, into, new Set([...seen, f.name.value]));
      }
    }
  };
  const walk = (value: unknown, set: SelectionSetNode, parentName: string, depth: number) => {
    if (value === null || value === undefined || depth > 64) return;
    if (Array.isArray(value)) {
      for (const v of value) walk(v, set, parentName, depth + 1);
      return;
    }
    if (typeof value !== 'object') return;
    const obj = value as Record<string, unknown>;
    const typename = typeof obj['__typename'] === 'string' ? (obj['__typename'] as string) : undefined;
    const parent = contract.getType(typename ?? parentName);
    const concrete = parent && isObjectType(parent) ? parent.name : undefined;
    const fields = new Map<string, FieldNode[]>();
    collect(set, concrete, fields, new Set());
    for (const [key, v] of Object.entries(obj)) {
      if (v === null || v === undefined) continue;
      const nodes = fields.get(key);
      if (!nodes || nodes.length === 0) continue; // not asked: the gateway's own (never seen here)
      const name = nodes[0]!.name.value;
      if (name.startsWith('__')) continue;
      const candidates = parent ? (isObjectType(parent) ? [parent] : isAbstractType(parent) ? contract.getPossibleTypes(parent) : []) : [];
      const field = candidates.map((t) => t.getFields()[name]).find((f) => f !== undefined);
      if (!field) {
        out.add(`${typename ?? parentName}.${name}`);
        continue;
      }
      const sub = nodes.flatMap((n) => n.selectionSet?.selections ?? []);
      if (sub.length) walk(v, { kind: Kind.SELECTION_SET, selections: sub }, getNamedType(field.type).name, depth + 1);
    }
  };
  if (!root) {
    for (const [k, v] of Object.entries(data)) if (v !== null && !k.startsWith('__')) out.add(`${operation.operation}.${k}`);
    return [...out];
  }
  walk(data, operation.selectionSet, root.name, 0);
  return [...out];
}

function appliesTo(schema: GraphQLSchema, condition: string, typeName: string): boolean {
  if (condition === typeName) return true;
  const c = schema.getType(condition);
  const t = schema.getType(typeName);
  return !!c && !!t && isAbstractType(c) && isObjectType(t) && schema.isSubType(c, t);
}

// ————————————————————————————————————————————— a run

export interface RunStats {
  sent: number;
  statuses: Map<number, number>;
  kinds: Map<string, number>;
  violations: { request: FuzzRequest; answer: FuzzAnswer; violations: Violation[] }[];
  /** Errors the gateway masked as INTERNAL_SERVER_ERROR (not a 5xx, but worth a look). */
  internal: { request: FuzzRequest; answer: FuzzAnswer }[];
  /** Answers to valid persona requests that carried data, and how many DOSERING_GEWEIGERD errors came with a path. */
  withData: number;
  refusalsWithPath: number;
}

export function newStats(): RunStats {
  return { sent: 0, statuses: new Map(), kinds: new Map(), violations: [], internal: [], withData: 0, refusalsWithPath: 0 };
}

export function record(stats: RunStats, request: FuzzRequest, answer: FuzzAnswer, contract?: GraphQLSchema): Violation[] {
  stats.sent++;
  stats.statuses.set(answer.status, (stats.statuses.get(answer.status) ?? 0) + 1);
  const family = request.kind.split('.')[0]!;
  stats.kinds.set(family, (stats.kinds.get(family) ?? 0) + 1);
  const violations = checkAnswer(request, answer, contract);
  if (violations.length) stats.violations.push({ request, answer, violations });
  if (/"code":"INTERNAL_SERVER_ERROR"/.test(answer.text)) stats.internal.push({ request, answer });
  const results = (Array.isArray(answer.json) ? answer.json : [answer.json]) as (GqlResult | undefined)[];
  for (const r of results) {
    if (r && typeof r === 'object' && r.data && request.auth.kind === 'persona') stats.withData++;
    stats.refusalsWithPath += (r?.errors ?? []).filter((e) => e?.extensions?.code === 'DOSERING_GEWEIGERD' && Array.isArray(e.path)).length;
  }
  return violations;
}

/** What to print about a failing request so it can be replayed: seed, index, kind, the request and the answer. */
export function describeFailure(request: FuzzRequest, answer: FuzzAnswer, violations: readonly Violation[]): string {
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : `<${request.body.byteLength} bytes: ${Buffer.from(request.body.slice(0, 200)).toString('hex')}>`;
  return [
    `seed ${request.seed}, index ${request.index} (${request.kind}): ${violations.map((v) => `${v.rule}: ${v.detail}`).join('; ')}`,
    `  replay: npm run fuzz -- --seed ${request.seed} --vanaf ${request.index} --aantal 1`,
    `  ${request.method} ${request.path.slice(0, 300)} auth=${JSON.stringify(request.auth)} headers=${JSON.stringify(request.headers)}`,
    `  body (${body.length} tekens): ${body.slice(0, 1500)}`,
    `  antwoord: HTTP ${answer.status} ${answer.contentType} ${answer.text.slice(0, 1500)}`,
  ].join('\n');
}

/** Runs `count` requests of the run `seed` from `from`, at most `concurrency` in flight. */
export async function runFuzz(options: {
  baseUrl: string;
  seed: number;
  count: number;
  from?: number;
  concurrency?: number;
  ctx: GeneratorContext;
  tokens: TokenSource;
  weights?: Readonly<Record<Branch, number>>;
  stats?: RunStats;
  onAnswer?: (request: FuzzRequest, answer: FuzzAnswer, violations: Violation[], stats: RunStats) => void;
}): Promise<RunStats> {
  const stats = options.stats ?? newStats();
  const from = options.from ?? 0;
  let next = from;
  const end = from + options.count;
  await Promise.all(
    Array.from({ length: options.concurrency ?? 8 }, async () => {
      while (next < end) {
        const i = next++;
        const request = generateRequest(options.seed, i, options.ctx, options.weights);
        const answer = await send(options.baseUrl, request, options.tokens);
        const contract = request.auth.kind === 'persona' ? options.ctx.contracts[request.auth.persona] : undefined;
        const violations = record(stats, request, answer, contract);
        options.onAnswer?.(request, answer, violations, stats);
      }
    }),
  );
  return stats;
}

/**
 * The generator's context from a running gateway: each persona's contract (`GET /contract`), the
 * whole schema (the union of the contracts' types is not the API; the supergraph's API schema is
 * passed in), and real case ids and codes as the regisseurs see them.
 */
export async function contextFrom(baseUrl: string, tokens: TokenSource, schema: GraphQLSchema): Promise<GeneratorContext> {
  const contracts = await Promise.all(
    FUZZ_PERSONAS.map(async (_, i) => {
      const authorization = (await tokens.header({ kind: 'persona', persona: i }))!;
      const r = await fetch(`${baseUrl}/contract`, { headers: { authorization } });
      if (!r.ok) throw new Error(`/contract ${r.status}: ${await r.text()}`);
      return buildSchema(await r.text(), { assumeValidSDL: true });
    }),
  );
  const ids: string[] = [];
  const codes: string[] = [];
  for (const i of FUZZ_PERSONAS.flatMap((p, i) => (p.partij === 'REGISSEUR' || p.partij === 'GEMEENTE' ? [i] : []))) {
    const r = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: (await tokens.header({ kind: 'persona', persona: i }))! },
      body: JSON.stringify({ query: '{ trajecten(eerste: 50) { id code } }' }),
    });
    const body = (await r.json()) as { data?: { trajecten?: { id: string; code: string }[] } };
    for (const t of body.data?.trajecten ?? []) {
      ids.push(t.id);
      codes.push(t.code);
    }
  }
  return { contracts, schema, ids: [...new Set(ids)], codes: [...new Set(codes)] };
}

/**
 * The supergraph as a schema to pick fields from: its root fields and types are the API's; the
 * federation's own (`join__*`, `link__*`) are never picked, since only `Query` and `Mutation` are
 * walked from.
 */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
}
