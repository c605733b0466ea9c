/**
 * Heavy requests (issue 14 item 5) are refused at the gateway with `OPERATIE_TE_GROOT` and the limit
 * that was hit, before planning and before any subgraph fetch (counted on the subgraphs' own HTTP
 * servers); the normal workloads stay well under the limits; a malformed body is `ONGELDIGE_JSON`
 * without an echo; a subgraph called directly refuses the same way. Every limit is tried just over
 * (refused, named, no subgraph fetch) and at its value (accepted).
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { DEFAULT_LIMITS, subgraphLimits } from '../../schema/limits/operation-limits.js';
import { WERKGROEP_QUERY } from '../../gateway/werkgroep/query.js';
import { captureLogs } from '../helpers/log-capture.js';
import { seedDemo, startTestFederation, type TestFederation } from '../helpers/federation.js';

const REGISSEUR: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const GEMEENTE: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };
const WERKGROEP: Persona = { partij: 'WERKGROEP' };
const VIEW = `{ trajecten(eerste: 20) { code fase inwoner { naam } bemiddelingsprofiel { conclusie } woningaanbod { id } huurovereenkomst { corporatie } evaluaties { id } garantieaanvragen { id } } }`;

let fed: TestFederation;
let subgraphRequests = 0;
const logs = captureLogs();
beforeAll(async () => {
  fed = await startTestFederation({ logger: logs.logger });
  await seedDemo(fed);
  for (const s of Object.values(fed.subgraphs)) s.subgraph.server.on('request', () => void subgraphRequests++);
});
afterAll(async () => {
  await fed?.stop();
});

type Raw = { status: number; text: string; json: { data?: unknown; errors?: { message: string; extensions?: Record<string, any> }[] } };

async function raw(body: BodyInit, contentType = 'application/json', url = `${fed.gatewayUrl}/graphql`, extra: RequestInit = {}): Promise<Raw> {
  const token = await fed.token(REGISSEUR);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body,
    ...extra,
  });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Raw['json'] };
}

/** A body of `total` bytes sent in chunks without a Content-Length; counts what the server pulled. */
function chunked(total: number) {
  const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
  const head = new TextEncoder().encode('{"query":"{ __typename } #');
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const part = sent === 0 ? head : chunk;
      sent += part.byteLength;
      controller.enqueue(part);
    },
  });
  return { stream, sent: () => sent };
}

const aliases = (n: number, field = 'trajecten { id }') => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const repeat = (n: number, text: string) => Array.from({ length: n }, () => text).join(' ');
const L = DEFAULT_LIMITS;

/** Asserts one refusal with our code and the named limit, and that no subgraph was called. */
async function refused(query: string, naam: string, variables?: Record<string, unknown>) {
  const before = subgraphRequests;
  const r = await fed.gql(REGISSEUR, query, variables);
  expect(r.status).toBe(400);
  expect(r.data ?? null).toBeNull();
  expect(r.errors).toHaveLength(1);
  const e = r.errors![0]!;
  expect(e.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam, maximum: (L as any)[naam] } });
  expect(e.extensions?.['http']).toBeUndefined();
  expect(e.message).toMatch(new RegExp(`^Operatie te groot: de limiet voor ${naam} \\(.+\\) is \\d+`));
  // Never an echo of the query: no locations, no source, nothing of its text.
  expect(JSON.stringify(e)).not.toMatch(/trajecten|__typename|locations/);
  expect(subgraphRequests - before).toBe(0);
  return e;
}

/** Asserts the gateway ran the operation (no limit refused it). */
async function accepted(query: string, variables?: Record<string, unknown>) {
  const r = await fed.gql(REGISSEUR, query, variables);
  expect(r.errors?.filter((e) => e.extensions?.['code'] === 'OPERATIE_TE_GROOT') ?? []).toEqual([]);
  // Dosing may refuse fields per case; nothing else may fail (no validation error, no subgraph refusal).
  const other = (r.errors ?? []).filter((e) => e.extensions?.['code'] !== 'DOSERING_GEWEIGERD');
  expect(other.map((e) => e.extensions?.['code'] ?? e.message)).toEqual([]);
  expect(r.status).toBe(200);
  expect(r.data).toBeTruthy();
  return r;
}

describe('operation limits at the gateway', () => {
  it('refuses 1,000 aliases of trajecten before any subgraph fetch, and logs who and which limit', async () => {
    logs.clear();
    const e = await refused(aliases(1000), 'tokens');
    expect(e.extensions).toMatchObject({ limiet: { naam: 'tokens', maximum: L.tokens, env: 'MAX_TOKENS' }, gevonden: 6002 });
    expect(logs.records()).toContainEqual(
      expect.objectContaining({ service: 'gateway', msg: 'geweigerd', status: 400, code: 'OPERATIE_TE_GROOT', limiet: 'tokens', gevonden: 6002, maximum: 3000, partij: 'REGISSEUR', traceId: expect.stringMatching(/^[0-9a-f]{32}$/) }),
    );
    expect(logs.lines.join('\n')).not.toMatch(/a999|trajecten/);
  });

  it('refuses 2,000 aliases quickly', async () => {
    const started = performance.now();
    await refused(aliases(2000), 'tokens');
    const ms = performance.now() - started;
    console.log(`2,000 aliases of trajecten refused in ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(5000); // the figure above is the measure; this only catches a runaway
  });

  it('refuses each limit just over it, with its name, and accepts it at its value', async () => {
    // aliases (inside one root field, so the root-field limit is not what refuses)
    const aliased = (n: number) => `{ trajecten(eerste: 1) { ${Array.from({ length: n }, (_, i) => `x${i}: id`).join(' ')} } }`;
    await accepted(aliased(L.aliassen));
    await refused(aliased(L.aliassen + 1), 'aliassen');
    // root fields
    await accepted(`{ ${repeat(L.hoofdvelden, '__typename')} }`);
    await refused(`{ ${repeat(L.hoofdvelden + 1, '__typename')} }`, 'hoofdvelden');
    // depth: the operation's set, trajecten's set and each inline fragment is a level
    const nest = (n: number) => `{ trajecten(eerste: 1) { ${'... on Traject { '.repeat(n)} id ${'} '.repeat(n)} } }`;
    await accepted(nest(L.diepte - 2));
    await refused(nest(L.diepte - 1), 'diepte');
    // directives
    const directed = (n: number) => `{ trajecten(eerste: 1) { id @include(if: true) ${Array.from({ length: n - 1 }, (_, i) => `d${i}: id @include(if: true)`).join(' ')} } }`;
    await accepted(directed(L.directives));
    await refused(directed(L.directives + 1), 'directives');
    // cost: the page size comes from the request's variables; 10,000 cases × (1 + 10 offers) = 110,000
    const costly = 'query($n: Int) { trajecten(eerste: $n) { id woningaanbod { id } } }';
    await accepted(costly, { n: 100 });
    const e = await refused(costly, 'kosten', { n: 10_000 });
    expect(e.extensions?.['gevonden']).toBe(110_000);
  });

  it('answers a 3,000-deep nest of inline fragments with 400 and our code, never 500', async () => {
    const deep = `{ ${'... on Query { '.repeat(3000)} __typename ${'} '.repeat(3000)}}`;
    const before = subgraphRequests;
    const r = await raw(JSON.stringify({ query: deep }));
    expect(r.status).toBe(400);
    expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT' });
    expect(subgraphRequests - before).toBe(0);
  });

  it('refuses a 10 MB body with 413 and our code, from its Content-Length', async () => {
    const before = subgraphRequests;
    const body = JSON.stringify({ query: `{ trajecten { id } } #${'x'.repeat(10 * 1024 * 1024)}` });
    const r = await raw(body);
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'bytes', maximum: L.bytes, env: 'MAX_BODY_BYTES' }, gevonden: Buffer.byteLength(body) });
    expect(r.text).not.toMatch(/xxxx|trajecten/);
    expect(subgraphRequests - before).toBe(0);
  });

  it('refuses a 10 MB chunked body with 413 once it passes the limit, without reading it all', async () => {
    const body = chunked(10 * 1024 * 1024);
    const r = await raw(body.stream as never, 'application/json', undefined, { duplex: 'half' } as RequestInit);
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'bytes', maximum: L.bytes } });
    console.log(`chunked 10 MB body: ${(body.sent() / 2 ** 20).toFixed(1)} MB sent before the 413`);
    expect(body.sent()).toBeLessThan(10 * 1024 * 1024);
  });

  it('accepts a body at the limit', async () => {
    const query = '{ __typename }';
    const pad = L.bytes - JSON.stringify({ query, extensions: { pad: '' } }).length;
    const body = JSON.stringify({ query, extensions: { pad: 'x'.repeat(pad) } });
    expect(Buffer.byteLength(body)).toBe(L.bytes);
    const r = await raw(body);
    expect(r.status).toBe(200);
    expect(r.json.data).toEqual({ __typename: 'Query' });
  });

  it('refuses malformed JSON with ONGELDIGE_JSON and echoes nothing of it', async () => {
    const r = await raw('{"query": "{ trajecten { id } }", GEHEIM-123-456');
    expect(r.status).toBe(400);
    expect(r.json.errors?.[0]?.extensions).toEqual({ code: 'ONGELDIGE_JSON' });
    expect(r.text).not.toMatch(/GEHEIM|originalError|Unexpected token/);
  });

  it('keeps the normal workloads well under the limits', async () => {
    const view = await fed.gql(REGISSEUR, VIEW);
    expect(view.errors?.filter((e) => e.extensions?.['code'] === 'OPERATIE_TE_GROOT') ?? []).toEqual([]);
    expect((view.data as any).trajecten.length).toBe(20);
    const first = await fed.gql(GEMEENTE, '{ trajecten(eerste: 3) { id code fase regio inwoner { naam telefoon } } }');
    expect(first.errors?.filter((e) => e.extensions?.['code'] === 'OPERATIE_TE_GROOT') ?? []).toEqual([]);
    expect((first.data as any).trajecten.length).toBe(3);
    const wg = await fed.gql(WERKGROEP, WERKGROEP_QUERY, { periode: 'JAAR', van: '2025-01-01', tot: '2027-01-01', regio: null });
    expect(wg.errors).toBeUndefined();
    expect((wg.data as any).monitoring).toBeTruthy();
  });

  it('leaves room at the subgraphs for the plans of an operation at every gateway limit', async () => {
    // 30 root fields of which 29 cases by id, each with an entity fetch to three other subgraphs.
    const list = await fed.gql(REGISSEUR, '{ trajecten(eerste: 29) { id } }');
    const ids = ((list.data as any).trajecten as { id: string }[]).map((t) => t.id);
    const byId = ids.map((id, i) => `c${i}: traject(id: ${JSON.stringify(id)}) { id fase woningaanbod { id } evaluaties { id } garantieaanvragen { id } inwoner { naam } }`);
    const r = await accepted(`{ __typename ${byId.join(' ')} }`);
    expect(Object.keys(r.data as object)).toHaveLength(ids.length + 1);
  });

  it('keeps gateway memory bounded over 20 oversized requests', async () => {
    setFlagsFromString('--expose_gc');
    const gc = runInNewContext('gc') as () => void;
    const big = JSON.stringify({ query: aliases(40_000, 'trajecten { id code fase }') }).slice(0, (1 << 20) - 200) + '" }';
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 20; i++) {
      const r = await raw(i % 2 ? big : JSON.stringify({ query: `{ trajecten { id } } #${'x'.repeat(2 << 20)}` }));
      expect([400, 413]).toContain(r.status);
    }
    gc();
    const grown = (process.memoryUsage().heapUsed - before) / 2 ** 20;
    console.log(`heap grew ${grown.toFixed(1)} MB over 20 oversized requests`);
    expect(grown).toBeLessThan(64);
  });
});

describe('the same limits at a subgraph called directly', () => {
  const S = subgraphLimits(DEFAULT_LIMITS);

  it('refuses 10,000 aliases and more aliases than the gateway ever sends, with OPERATIE_TE_GROOT', async () => {
    const r = await fed.direct('regisseur', REGISSEUR, aliases(10_000));
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'tokens', maximum: S.tokens } });
    const a = await fed.direct('regisseur', REGISSEUR, aliases(S.aliassen + 1, '__typename'));
    expect(a.status).toBe(400);
    expect(a.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'aliassen', maximum: S.aliassen } });
    const deep = await fed.direct('regisseur', REGISSEUR, `{ ${'... on Query { '.repeat(3000)} __typename ${'} '.repeat(3000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0]?.extensions?.['code']).toBe('OPERATIE_TE_GROOT');
  });

  it('refuses the same over GET, so the query string is no way around', async () => {
    const url = new URL(fed.subgraphs.regisseur.url);
    url.searchParams.set('query', aliases(S.aliassen + 1, '__typename'));
    const response = await fetch(url, { headers: { authorization: `Bearer ${await fed.token(REGISSEUR)}`, 'apollo-require-preflight': 'true' } });
    expect(response.status).toBe(400);
    const json = (await response.json()) as Raw['json'];
    expect(json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'aliassen' } });
  });

  it('refuses an operation over its cost limit before any resolver runs, and accepts the gateway\'s plans', async () => {
    const costly = 'query($n: Int) { trajecten(eerste: $n) { id } }';
    const ok = await fed.direct('regisseur', REGISSEUR, costly, { n: 3 });
    expect(ok.errors).toBeUndefined();
    const r = await fed.direct('regisseur', REGISSEUR, costly, { n: S.kosten + 1 });
    expect(r.status).toBe(400);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'kosten', maximum: S.kosten, env: 'MAX_COST' }, gevonden: S.kosten + 1 });
    expect(r.errors?.[0]?.extensions?.['http']).toBeUndefined();
    // The gateway's own plans of an operation just under its cost limit (3,000 × 31 = 93,000) pass every subgraph.
    await accepted('query($n: Int) { trajecten(eerste: $n) { id woningaanbod { id } evaluaties { id } garantieaanvragen { id } } }', { n: 3_000 });
  });

  it('refuses a 10 MB body with 413 and the same code', async () => {
    const body = JSON.stringify({ query: `{ __typename } #${'x'.repeat(10 * 1024 * 1024)}` });
    const r = await raw(body, 'application/json', fed.subgraphs.regisseur.url);
    expect(r.status).toBe(413);
    expect(r.json.errors?.[0]?.extensions).toMatchObject({ code: 'OPERATIE_TE_GROOT', limiet: { naam: 'bytes', maximum: L.bytes }, gevonden: Buffer.byteLength(body) });
  });
});
