/**
 * The federation stands: real HTTP between gateway and four subgraphs, real signed tokens, a case
 * composed from three subgraphs, health and readiness, and the standard error codes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { captureLogs } from '../helpers/log-capture.js';

let fed: TestFederation;
const logs = captureLogs();
beforeAll(async () => {
  fed = await startTestFederation({ logger: logs.logger });
});
afterAll(async () => {
  await fed?.stop();
});

const venlo = { partij: 'GEMEENTE', gemeente: 'venlo' } as const;

describe('federation', () => {
  it('composes a case from the gemeente, regisseur and corporatie subgraphs', async () => {
    const created = await fed.gql(venlo, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: "Test Persoon", telefoon: "0612345678" }) { id } }`);
    expect(created.errors).toBeUndefined();
    const id = created.data.registreerMelding.id;
    const res = await fed.gql(venlo, `query($id: ID!) { traject(id: $id) { id code fase regio gemeente inwoner { naam telefoon } woningaanbod { id } } }`, { id });
    // The offers are the mediation's (PROFIEL): a gemeente reads them from the hand-over on, so in
    // MELDING the list is refused as a whole — null, not an empty list that would say "none yet".
    expect(res.errors?.map((e) => `${e.path?.join('.')} ${e.extensions?.['reden']}`)).toEqual(['traject.woningaanbod FASE']);
    expect({ ...res, errors: undefined }).toEqual({
      status: 200,
      errors: undefined,
      data: {
        traject: {
          id,
          code: expect.stringMatching(/^WK-[2-9A-HJ-NP-Z]{5}$/),
          fase: 'MELDING',
          regio: 'NOORD_LIMBURG',
          gemeente: 'venlo',
          inwoner: { naam: 'Test Persoon', telefoon: '0612345678' },
          woningaanbod: null,
        },
      },
    });
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${fed.gatewayUrl}/healthz`)).status).toBe(200);
    const ready = await fetch(`${fed.gatewayUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      status: 'ready',
      database: 'ready',
      subgraphs: { gemeente: 'ready', regisseur: 'ready', corporatie: 'ready', garantiefonds: 'ready' },
    });
  });

  it('serves Prometheus metrics of requests, phases and subgraph fetches, with nothing of a resident in them', async () => {
    await fed.gql(venlo, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: "Metriek Persoon" }) { id } }`);
    const list = await fed.gql(venlo, `query Lijst { trajecten(eerste: 2) { id code inwoner { naam } } }`);
    const { id, code, inwoner } = list.data.trajecten[0];
    await fetch(`${fed.gatewayUrl}/graphql?query=${encodeURIComponent(`query Een($id: ID!) { traject(id: $id) { code } }`)}&variables=${encodeURIComponent(JSON.stringify({ id }))}`, {
      headers: { authorization: `Bearer ${await fed.token(venlo)}`, 'apollo-require-preflight': 'true' },
    });
    const metrics = await fetch(`${fed.gatewayUrl}/metrics`);
    expect(metrics.status).toBe(200);
    const text = await metrics.text();
    for (const name of ['graphql_yoga_http_duration', 'graphql_envelop_phase_execute', 'graphql_gateway_subgraph_execute_duration', 'graphql_gateway_fetch_duration']) expect(text).toContain(name);
    expect(text).toContain('operationName="Lijst"');
    expect(text).toMatch(/subgraphName="regisseur"/);
    for (const secret of [id, code, inwoner.naam, 'Bearer', 'authorization']) expect(text).not.toContain(secret);
  });

  it('refuses a missing or bad token with HTTP 401 and UNAUTHENTICATED', async () => {
    for (const token of [null, 'not-a-jwt']) {
      const r = await fetch(`${fed.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query: '{ trajecten { id } }' }),
      });
      expect(r.status).toBe(401);
      const json = (await r.json()) as { errors: { extensions: { code: string } }[]; data?: unknown };
      expect(json.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
      expect(json.data).toBeUndefined();
    }
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED and an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const parse = await fed.gql(venlo, '{ trajecten { id ');
    expect(parse.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await fed.gql(venlo, '{ trajecten { bestaatNiet } }');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify([parse, unknown])).not.toMatch(/stack|at .*\.ts/);
  });

  it('refuses a variable of the wrong type with HTTP 400 and BAD_USER_INPUT naming it, before anything runs', async () => {
    const query = 'query($fase: Fase, $n: Int) { trajecten(fase: $fase, eerste: $n) { id } }';
    for (const variables of [{ fase: 'WEEK' }, { n: 'twintig' }]) {
      const res = await fed.gql(venlo, query, variables);
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.message).toMatch(new RegExp(`Variable "\\$${Object.keys(variables)[0]}"`));
    }
  });

  it('answers an operation whose every root field is skipped with empty data, through fragments and variables too', async () => {
    for (const [query, variables] of [
      ['{ trajecten @include(if: false) { id } }', {}],
      ['query($uit: Boolean!) { ... @skip(if: $uit) { trajecten { id } } organisaties @include(if: false) { gemeenten { slug } } }', { uit: true }],
      ['{ ...F } fragment F on Query { trajecten @skip(if: true) { id } }', {}],
    ] as const) {
      const res = await fed.gql(venlo, query, variables);
      expect(res, query).toMatchObject({ status: 200, data: {} });
      expect(res.errors, query).toBeUndefined();
    }
    const kept = await fed.gql<any>(venlo, 'query($uit: Boolean!) { trajecten @skip(if: $uit) { id } }', { uit: false });
    expect(Array.isArray(kept.data?.trajecten)).toBe(true);
  });
});

describe('a refused root field stays local', () => {
  it('nulls only itself, keeps its code, and its siblings from the same subgraph keep their data', async () => {
    const antares = { partij: 'CORPORATIE', organisatie: 'antares' } as const;
    const fonds = await fed.gql(antares, `{ mijnBijdragen { soort } aanvragenTerBeslissing { borgCent } }`);
    expect(fonds.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['aanvragenTerBeslissing', 'NIET_VOORZITTER']]);
    expect(fonds.data).toMatchObject({ mijnBijdragen: expect.any(Array), aanvragenTerBeslissing: null });
    const regisseur = await fed.gql(venlo, `{ organisaties { corporaties } trajecten(eerste: 2, na: "onbekend") { id } }`);
    expect(regisseur.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code']])).toEqual([['trajecten', 'ONGELDIGE_INVOER']]);
    expect(regisseur.data.organisaties.corporaties).toContain('antares');
  });
});

describe('invalid dates', () => {
  it('are refused as ONGELDIGE_INVOER naming the field, without echoing the value, and nothing is stored', async () => {
    const count = async () => ((await fed.gql(venlo, `{ trajecten(eerste: 500) { id } }`)).data.trajecten as unknown[]).length;
    const before = await count();
    const r = await fed.gql(venlo, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "met-ggz", machtigingOp: "2026-13-45", naam: "Datum Fout" }) { id } }`);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'input.machtigingOp' });
    expect(JSON.stringify(r)).not.toContain('2026-13-45');
    expect(await count()).toBe(before);
  });
});

describe('the organisations a partner may name', () => {
  it('lists the gemeenten, corporations and care providers to every party, and each is accepted where it is named', async () => {
    const q = `{ organisaties { gemeenten { slug naam regio } corporaties zorgaanbieders } }`;
    for (const persona of [venlo, { partij: 'CORPORATIE', organisatie: 'woonwenz' }, { partij: 'ZORGAANBIEDER', organisatie: 'met-ggz' }, { partij: 'WERKGROEP' }] as const) {
      const r = await fed.gql(persona, q);
      expect(r.errors, persona.partij).toBeUndefined();
      expect(r.data.organisaties.gemeenten).toHaveLength(13);
      expect(r.data.organisaties.gemeenten).toContainEqual({ slug: 'venlo', naam: 'Venlo', regio: 'NOORD_LIMBURG' });
      expect(r.data.organisaties.corporaties).toContain('woonwenz');
    }
    const { zorgaanbieders } = (await fed.gql(venlo, q)).data.organisaties as { zorgaanbieders: string[] };
    // A name from the list is what a melding accepts; another is refused naming the list.
    const melding = (z: string) =>
      fed.gql(venlo, `mutation($z: String) { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: $z, machtigingOp: "2026-11-01", naam: "Org Lijst" }) { id } }`, { z });
    expect((await melding(zorgaanbieders[0]!)).errors).toBeUndefined();
    const refused = await melding('onbekend-zorg');
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('ONGELDIGE_INVOER');
    expect(refused.errors?.[0]?.message).toContain(zorgaanbieders[0]);
  });
});

describe('static dosing layer', () => {
  it('refuses before execution a field the party can never see, with HTTP 403', async () => {
    const res = await fed.gql(venlo, '{ trajecten { garantieaanvragen { bedragCent } } }');
    expect(res.status).toBe(403);
    expect(res.data).toBeUndefined();
    // Both the list (what it stands for, FONDS) and its field are outside the gemeente's contract.
    expect(res.errors?.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'DOSERING_GEWEIGERD', reden: 'PARTIJ', partij: 'GEMEENTE', veld: 'Traject.garantieaanvragen' }),
      expect.objectContaining({ code: 'DOSERING_GEWEIGERD', reden: 'PARTIJ', partij: 'GEMEENTE', veld: 'Garantieaanvraag.bedragCent' }),
    ]);
  });

  it('judges the same operation text per party, never reusing another party’s verdict', async () => {
    const q = '{ trajecten { garantieaanvragen { bedragCent } } }';
    const fund = await fed.gql({ partij: 'GARANTIEFONDS' }, q);
    expect(fund.status).toBe(200);
    expect(fund.errors).toBeUndefined();
    const gemeente = await fed.gql(venlo, q);
    expect(gemeente.status).toBe(403);
    expect(gemeente.errors?.[0]?.extensions?.['reden']).toBe('PARTIJ');
    const fundAgain = await fed.gql({ partij: 'GARANTIEFONDS' }, q);
    expect(fundAgain.status).toBe(200);
  });

  it('shows each party only its own contract in introspection', async () => {
    const q = '{ __type(name: "Inwoner") { fields { name } } }';
    const names = async (who: Parameters<TestFederation['gql']>[0]) =>
      ((await fed.gql<any>(who, q)).data?.__type?.fields ?? []).map((f: { name: string }) => f.name);
    expect(await names(venlo)).toContain('bsn');
    expect(await names({ partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' })).not.toContain('bsn');
    expect(await names({ partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' })).toContain('naam');
    expect(await names({ partij: 'WERKGROEP' })).toEqual([]);
  });

  it('logs every refusal by code and field — the gateway’s static ones and the subgraphs’ — never a value', async () => {
    logs.clear();
    await fed.gql(venlo, '{ trajecten { garantieaanvragen { bedragCent } } }');
    const bad = await fed.gql(venlo, `mutation { registreerMelding(input: { gemeente: "atlantis", ingediendDoor: GEMEENTE, naam: "Geheime Naam" }) { id } }`);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('ONGELDIGE_INVOER');
    expect(logs.records()).toContainEqual(
      expect.objectContaining({ service: 'gateway', msg: 'statisch geweigerd', partij: 'GEMEENTE', organisatie: 'gemeente-venlo', velden: expect.arrayContaining([expect.stringContaining('bedragCent')]) }),
    );
    expect(logs.records()).toContainEqual(expect.objectContaining({ service: 'gemeente', msg: 'geweigerd', code: 'ONGELDIGE_INVOER', rootField: 'registreerMelding' }));
    expect(logs.lines.join('\n')).not.toContain('Geheime Naam');
  });
});
