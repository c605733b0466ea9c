/**
 * Issue 15 item 3: the catalogue of error codes, served by the real gateway without a token, and
 * the codes (and `reden`s, `voorwaarden`) of real refusals of the running federation are in it.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type GqlResponse, type TestFederation } from '../helpers/federation.js';
import { GEMEENTE_VENLO, LEGER, toOnderzoek, type WalkedCase } from '../helpers/walk.js';

interface Served {
  groepen: {
    groep: string;
    titel: string;
    codes: { code: string; groep: string; betekenis: string; wanneer: string; watTeDoen: string; herhaalbaar: boolean; http?: number | number[]; redenen?: Record<string, unknown>; voorwaarden?: Record<string, unknown> }[];
  }[];
}

let fed: TestFederation;
let served: Served;
let walked: WalkedCase;
const entry = (code: unknown) => served.groepen.flatMap((g) => g.codes).find((c) => c.code === code);

beforeAll(async () => {
  fed = await startTestFederation();
  walked = await toOnderzoek(fed);
  served = (await (await fetch(`${fed.gatewayUrl}/fouten.json`)).json()) as Served;
});
afterAll(async () => {
  await fed?.stop();
});

/** Every error of a response: its code is served, and so is its `reden` and every `voorwaarde`. */
function expectCatalogued(res: GqlResponse<unknown>, code: string): void {
  const errors = res.errors ?? [];
  expect(errors.map((e) => e.extensions?.['code'])).toContain(code);
  for (const e of errors) {
    const x = e.extensions ?? {};
    const served = entry(x['code']);
    expect(served, `${String(x['code'])} in /fouten.json`).toBeDefined();
    if (x['reden'] !== undefined) expect(Object.keys(served!.redenen ?? {}), `${String(x['code'])} reden`).toContain(x['reden']);
    for (const v of (x['voorwaarden'] as string[] | undefined) ?? []) expect(Object.keys(served!.voorwaarden ?? {})).toContain(v);
  }
}

describe('GET /fouten and /fouten.json at the gateway', () => {
  it('serves the catalogue as JSON without a token, grouped, every entry complete', async () => {
    const res = await fetch(`${fed.gatewayUrl}/fouten.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual(served);
    const codes = served.groepen.flatMap((g) => g.codes);
    expect(codes.length).toBeGreaterThan(50);
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
    expect(served.groepen.map((g) => g.groep)).toEqual(expect.arrayContaining(['toegang', 'dosering', 'handelingen', 'garantiefonds', 'invoer', 'beschikbaarheid', 'limieten']));
    for (const c of codes) {
      expect(c.betekenis && c.wanneer && c.watTeDoen, c.code).toBeTruthy();
      expect(typeof c.herhaalbaar, c.code).toBe('boolean');
    }
  });

  it('serves a readable HTML page without a token: a table per group, every code, no script', async () => {
    const res = await fetch(`${fed.gatewayUrl}/fouten`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<table>/g)?.length).toBe(served.groepen.length);
    for (const c of served.groepen.flatMap((g) => g.codes)) expect(html).toContain(`id="${c.code}"`);
    expect(html).not.toMatch(/<script/i);
  });

  it('answers another method with 405 and leaves other paths alone', async () => {
    expect((await fetch(`${fed.gatewayUrl}/fouten`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${fed.gatewayUrl}/fouten.json`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${fed.gatewayUrl}/healthz`)).status).toBe(200);
  });
});

describe('real refusals carry catalogued codes', () => {
  it('UNAUTHENTICATED, with its reden', async () => {
    const res = await fed.gql('geen-token', '{ trajecten { id } }');
    expect(res.status).toBe(401);
    expectCatalogued(res, 'UNAUTHENTICATED');
  });

  it('DOSERING_GEWEIGERD, before execution (PARTIJ) and per field at run time', async () => {
    const never = await fed.gql(GEMEENTE_VENLO, '{ trajecten { garantieaanvragen { bedragCent } } }');
    expect(never.status).toBe(403);
    expectCatalogued(never, 'DOSERING_GEWEIGERD');
    const perField = await fed.gql(LEGER, 'query($id: ID!) { traject(id: $id) { id fase inwoner { naam bsn } documenten { id } } }', { id: walked.id });
    expectCatalogued(perField, 'DOSERING_GEWEIGERD');
  });

  it('NIET_GEVONDEN, for a case that does not exist', async () => {
    const res = await fed.gql(GEMEENTE_VENLO, 'mutation($id: ID!) { startOnderzoek(trajectId: $id, versie: 1) { id } }', { id: randomUUID() });
    expectCatalogued(res, 'NIET_GEVONDEN');
  });

  it('VOORWAARDE_ONTBREEKT, with every voorwaarde it names', async () => {
    const res = await fed.gql(GEMEENTE_VENLO, 'mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { id } }', { id: walked.id, v: walked.versie });
    expectCatalogued(res, 'VOORWAARDE_ONTBREEKT');
    expect(res.errors?.[0]?.extensions?.['voorwaarden']).toEqual(expect.arrayContaining(['DOELGROEP_BEOORDEELD']));
  });

  it('VERSIE_CONFLICT and GRAPHQL_VALIDATION_FAILED too', async () => {
    const stale = await fed.gql(GEMEENTE_VENLO, 'mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { id } }', { id: walked.id, v: walked.versie - 1 });
    expectCatalogued(stale, 'VERSIE_CONFLICT');
    expectCatalogued(await fed.gql(GEMEENTE_VENLO, '{ trajecten { bestaatNiet } }'), 'GRAPHQL_VALIDATION_FAILED');
  });
});
