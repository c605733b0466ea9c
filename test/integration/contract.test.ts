/**
 * A contract per party that is a real schema (issue 11 §6): the SDL a party downloads from the
 * gateway (`GET /contract`) is its introspection, valid for codegen, the same as `npm run contract`
 * prints, and no error message — suggestions included, at the gateway and at every subgraph — names
 * a field outside the caller's contract.
 */
import { buildClientSchema, buildSchema, getIntrospectionQuery, lexicographicSortSchema, printSchema, validateSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { contractSdl } from '../../scripts/contract.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/catalog.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

const PERSONAS: Record<string, Persona> = {
  CORPORATIE: { partij: 'CORPORATIE', organisatie: 'woonwenz' },
  GARANTIEFONDS: { partij: 'GARANTIEFONDS' },
  WERKGROEP: { partij: 'WERKGROEP' },
  REGISSEUR: { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' },
};

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
});
afterAll(async () => {
  await fed?.stop();
});

const download = async (persona: Persona | null) =>
  fetch(`${fed.gatewayUrl}/contract`, { headers: persona ? { authorization: `Bearer ${await fed.token(persona)}` } : {} });

describe('the contract a party downloads', () => {
  it.each(Object.entries(PERSONAS))('%s: is valid, equals its introspection, and equals npm run contract', async (partij, persona) => {
    const res = await download(persona);
    expect(res.status).toBe(200);
    const sdl = await res.text();
    const schema = buildSchema(sdl);
    expect(validateSchema(schema)).toEqual([]);
    const introspection = await fed.gql<any>(persona, getIntrospectionQuery());
    // The same types, fields and directives; introspection lists them in the gateway's own order.
    expect(printSchema(lexicographicSortSchema(buildClientSchema(introspection.data)))).toBe(printSchema(lexicographicSortSchema(schema)));
    expect(sdl.trim()).toBe(contractSdl(partij as never).trim());
  });

  it('gives the fund no Inwoner and the Werkgroep no case at all', async () => {
    const fund = await (await download(PERSONAS['GARANTIEFONDS']!)).text();
    expect(fund).not.toMatch(/\btype Inwoner\b|\bbsn\b|\bgezondheid\b|\btransities\b/);
    const werkgroep = buildSchema(await (await download(PERSONAS['WERKGROEP']!)).text());
    expect(werkgroep.getType('Traject')).toBeUndefined();
    expect(Object.keys(werkgroep.getQueryType()!.getFields())).toContain('monitoring');
    expect(werkgroep.getMutationType()).toBeUndefined();
  });

  it('answers without a token with 401 UNAUTHENTICATED', async () => {
    const res = await download(null);
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('no error names a field outside the contract', () => {
  it('the gateway suggests nothing: a typo of a hidden field is just unknown', async () => {
    const res = await fed.gql(PERSONAS['GARANTIEFONDS']!, '{ trajecten { inwoner { bssn } } }');
    const text = JSON.stringify(res.errors);
    expect(text).toContain('bssn');
    expect(text).not.toMatch(/Did you mean|"bsn"|\bbsn\b/);
  });

  it.each(SUBGRAPH_NAMES.map((n) => [n]))('%s subgraph suggests nothing either', async (name) => {
    const token = await fed.token(PERSONAS['CORPORATIE']!);
    const res = await fetch(fed.subgraphs[name].url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
      body: JSON.stringify({ query: '{ _entities(representations: [{ __typename: "Traject", id: "x" }]) { ... on Traject { idd } } }' }),
    });
    const text = await res.text();
    expect(text).toContain('idd');
    expect(text).not.toMatch(/Did you mean/);
  });
});
