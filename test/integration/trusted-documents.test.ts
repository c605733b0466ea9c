/**
 * Trusted documents (issue 15 item 5) against the real federation, with real signed tokens: a partner
 * registers a document and sees what it can touch; with VERTROUWDE_DOCUMENTEN=verplicht only an
 * approved document runs, by id, for the organisation it was approved for, until it is revoked; free
 * text is refused for partners and stays open to the Werkgroep and the privacy officer, and to
 * everyone when the setting is off. Refusals run nothing and are logged without the text.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { documentId } from '../../gateway/trusted-documents/register.js';
import { captureLogs } from '../helpers/log-capture.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

const WOONWENZ: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'verhuur-woonwenz' };
const ZOWONEN: Persona = { partij: 'CORPORATIE', organisatie: 'zowonen', sub: 'verhuur-zowonen' };
const FG: Persona = { partij: 'TOEZICHT', organisatie: 'fg-woonkans', sub: 'fg-1' };
const WERKGROEP: Persona = { partij: 'WERKGROEP' };

const NAAM = 'query Naam($id: ID!) { traject(id: $id) { fase inwoner { naam } } }';
const FASE = 'query Fase($id: ID!) { traject(id: $id) { fase } }';
/** A free query with a literal that must never reach a log line. */
const VRIJ = '{ traject(id: "Geheime-Letterlijke-Waarde") { fase } }';

interface Answer {
  status: number;
  json: any;
}

/** Counts the operations the gateway hands to a subgraph: a refusal must hand none. */
function subgraphCalls(): { plugin: GatewayPlugin; count: () => number } {
  let n = 0;
  return { plugin: { onSubgraphExecute: () => void n++ }, count: () => n };
}

function client(fed: TestFederation) {
  const call = async (who: Persona, method: string, path: string, body?: unknown): Promise<Answer> => {
    const res = await fetch(`${fed.gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${await fed.token(who)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: await res.json() };
  };
  return {
    call,
    registreer: (who: Persona, document: string) => call(who, 'POST', '/documenten', { document }),
    beslis: (who: Persona, organisatie: string, id: string, beslissing: 'goedkeuring' | 'intrekking') =>
      call(who, 'POST', `/documenten/${organisatie}/${id}/${beslissing}`),
    /** Sends a document by id the Apollo way (`extensions.persistedQuery.sha256Hash`). */
    byId: (who: Persona, id: string, variables: Record<string, unknown> = { id: randomUUID() }) =>
      call(who, 'POST', '/graphql', { variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } }),
    /** Sends a document by id the Hive way (`documentId`). */
    byDocumentId: (who: Persona, id: string, variables: Record<string, unknown> = { id: randomUUID() }) =>
      call(who, 'POST', '/graphql', { documentId: id, variables }),
    free: (who: Persona, query: string) => call(who, 'POST', '/graphql', { query }),
  };
}

const code = (a: Answer) => a.json.errors?.[0]?.extensions?.code;
const reden = (a: Answer) => a.json.errors?.[0]?.extensions?.reden;

describe('trusted documents required (VERTROUWDE_DOCUMENTEN=verplicht)', () => {
  let fed: TestFederation;
  let api: ReturnType<typeof client>;
  const calls = subgraphCalls();
  const logs = captureLogs('info');

  beforeAll(async () => {
    fed = await startTestFederation({ vertrouwdeDocumenten: 'verplicht', gatewayPlugins: [calls.plugin], logger: logs.logger });
    api = client(fed);
  }, 60_000);
  afterAll(async () => {
    await fed?.stop();
  });

  /** Runs `fn` and expects the gateway to have handed nothing to a subgraph meanwhile. */
  async function runsNothing(fn: () => Promise<Answer>): Promise<Answer> {
    const before = calls.count();
    const answer = await fn();
    expect(calls.count(), 'subgraph operations during a refusal').toBe(before);
    return answer;
  }

  it('registers a document and shows, per operation, the categories, bases and purposes it can touch', async () => {
    const r = await api.registreer(WOONWENZ, NAAM);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ id: documentId(NAAM), organisatie: 'woonwenz', partij: 'CORPORATIE', status: 'REGISTERED', geregistreerdDoor: 'verhuur-woonwenz' });
    expect(r.json.operaties).toEqual([
      {
        naam: 'Naam',
        soort: 'query',
        verwerkingen: [
          { categorie: 'TRAJECT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'MATCH_BEMIDDELING', velden: ['Query.traject', 'Traject.fase'], bijzonder: false, alleenMetToestemming: false },
          { categorie: 'IDENTITEIT', grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING', velden: ['Inwoner.naam'], bijzonder: false, alleenMetToestemming: false },
        ],
      },
    ]);
    const again = await api.registreer(WOONWENZ, NAAM);
    expect(again.status).toBe(200);
    expect(again.json.status).toBe('REGISTERED');
  });

  it('refuses to register a document that does not fit the party’s contract', async () => {
    const r = await api.registreer({ partij: 'GARANTIEFONDS' }, NAAM);
    expect(r.status).toBe(400);
    expect(code(r)).toBe('DOCUMENT_ONGELDIG');
    expect(r.json.errors[0].extensions.fouten.length).toBeGreaterThan(0);
  });

  it('refuses a registered but unapproved document, before anything runs', async () => {
    const r = await runsNothing(() => api.byId(WOONWENZ, documentId(NAAM)));
    expect(r.status).toBe(403);
    expect(code(r)).toBe('DOCUMENT_NIET_GOEDGEKEURD');
    expect(reden(r)).toBe('NIET_GOEDGEKEURD');
    expect(r.json.data ?? null).toBeNull();
  });

  it('lets only the privacy officer approve, and then runs the document by id (Apollo’s and Hive’s way)', async () => {
    const id = documentId(NAAM);
    const bySelf = await api.beslis(WOONWENZ, 'woonwenz', id, 'goedkeuring');
    expect(bySelf.status).toBe(403);
    expect(code(bySelf)).toBe('NIET_BEVOEGD');

    const approved = await api.beslis(FG, 'woonwenz', id, 'goedkeuring');
    expect(approved.status).toBe(200);
    expect(approved.json).toMatchObject({ status: 'APPROVED', goedgekeurdDoor: 'fg-1' });

    for (const send of [api.byId, api.byDocumentId]) {
      const before = calls.count();
      const r = await send(WOONWENZ, id);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ data: { traject: null } });
      // The counter sees a run: its silence during refusals means something.
      expect(calls.count()).toBeGreaterThan(before);
    }
  });

  it('refuses another organisation’s use of the same id, as an unknown id', async () => {
    const r = await runsNothing(() => api.byId(ZOWONEN, documentId(NAAM)));
    expect(r.status).toBe(403);
    expect(reden(r)).toBe('ONBEKEND');
    // Nor can it see the registration.
    const view = await api.call(ZOWONEN, 'GET', `/documenten/woonwenz/${documentId(NAAM)}`);
    expect(view.status).toBe(404);
    const own = await api.call(ZOWONEN, 'GET', '/documenten');
    expect(own.json.documenten).toEqual([]);
  });

  it('refuses a revoked document from the next request on', async () => {
    const id = documentId(NAAM);
    const revoked = await api.beslis(FG, 'woonwenz', id, 'intrekking');
    expect(revoked.json).toMatchObject({ status: 'REVOKED', ingetrokkenDoor: 'fg-1' });
    const r = await runsNothing(() => api.byId(WOONWENZ, id));
    expect(r.status).toBe(403);
    expect(reden(r)).toBe('INGETROKKEN');
  });

  it('refuses free text and an unknown id from a partner, and logs both without the text', async () => {
    const free = await runsNothing(() => api.free(WOONWENZ, VRIJ));
    expect(free.status).toBe(403);
    expect(code(free)).toBe('DOCUMENT_NIET_GOEDGEKEURD');
    expect(reden(free)).toBe('VRIJE_TEKST');

    const unknown = await runsNothing(() => api.byId(WOONWENZ, documentId(FASE)));
    expect(reden(unknown)).toBe('ONBEKEND');

    const refusals = logs.records().filter((r) => r['msg'] === 'document geweigerd');
    expect(refusals).toContainEqual(expect.objectContaining({ reden: 'VRIJE_TEKST', partij: 'CORPORATIE', organisatie: 'woonwenz' }));
    expect(refusals).toContainEqual(expect.objectContaining({ reden: 'ONBEKEND', documentId: documentId(FASE) }));
    // Never the text (it may hold literals), never who in person.
    expect(logs.lines.join('\n')).not.toContain('Geheime-Letterlijke-Waarde');
    expect(logs.lines.join('\n')).not.toContain('inwoner { naam }');
    expect(logs.lines.join('\n')).not.toContain('verhuur-woonwenz');
  });

  it('keeps free queries for the Werkgroep and the privacy officer', async () => {
    for (const who of [WERKGROEP, FG]) {
      const r = await api.free(who, '{ __typename }');
      expect(r.status, who.partij).toBe(200);
      expect(r.json.data).toEqual({ __typename: 'Query' });
    }
  });

  it('lists every registration to the privacy officer, narrowed by organisation and status', async () => {
    await api.registreer(ZOWONEN, FASE);
    const all = await api.call(FG, 'GET', '/documenten');
    expect(all.json.documenten.map((d: any) => [d.organisatie, d.status])).toEqual([
      ['woonwenz', 'REVOKED'],
      ['zowonen', 'REGISTERED'],
    ]);
    const waiting = await api.call(FG, 'GET', '/documenten?status=REGISTERED');
    expect(waiting.json.documenten.map((d: any) => d.organisatie)).toEqual(['zowonen']);
    const werkgroep = await api.call(WERKGROEP, 'GET', '/documenten');
    expect(werkgroep.status).toBe(403);
  });
});

describe('trusted documents not required (the default)', () => {
  let fed: TestFederation;
  let api: ReturnType<typeof client>;

  beforeAll(async () => {
    fed = await startTestFederation();
    api = client(fed);
  }, 60_000);
  afterAll(async () => {
    await fed?.stop();
  });

  it('runs a partner’s free query, and an approved document by id as well', async () => {
    const free = await api.free(WOONWENZ, VRIJ);
    expect(free.status).toBe(200);
    expect(free.json).toEqual({ data: { traject: null } });

    const unapproved = await api.registreer(WOONWENZ, FASE);
    expect((await api.byId(WOONWENZ, unapproved.json.id)).status).toBe(403);
    await api.beslis(FG, 'woonwenz', unapproved.json.id, 'goedkeuring');
    expect((await api.byId(WOONWENZ, unapproved.json.id)).json).toEqual({ data: { traject: null } });
  });

  it('answers a batch with an item that is no object, or a body with neither query nor id, as a bad request', async () => {
    for (const body of [[null, { query: '{ __typename }' }], [42], {}]) {
      const res = await fetch(`${fed.gatewayUrl}/graphql`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await fed.token(WOONWENZ)}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const json = (await res.json()) as any;
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect([json].flat()[0].errors[0].extensions.code).toBe('BAD_REQUEST');
    }
  });
});
