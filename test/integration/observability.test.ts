/**
 * Logs and metrics of the running federation (issue 15 item 7), over real HTTP: every service
 * writes one JSON line per event with `service`, `level`, `msg` and the request's trace id, and a
 * value planted in a request's variables appears in no line; each subgraph serves Prometheus metrics
 * at its own `GET /metrics` whose labels hold no id.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logboek as gemeenteLog } from '../../subgraphs/gemeente/db/tables.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { captureLogs } from '../helpers/log-capture.js';

let fed: TestFederation;
const logs = captureLogs('debug');
beforeAll(async () => {
  fed = await startTestFederation({ logger: logs.logger });
});
afterAll(async () => {
  await fed?.stop();
});

const venlo = { partij: 'GEMEENTE', gemeente: 'venlo' } as const;
const PLANTED = `Plantwaarde-${randomBytes(6).toString('hex')}`;

/** POSTs to the gateway with a `traceparent` of our own; returns the trace id, the answer and its request id. */
async function traced(query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const traceId = randomBytes(16).toString('hex');
  const response = await fetch(`${fed.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fed.token(venlo)}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const requestId = response.headers.get('x-request-id');
  return { traceId, requestId, body: (await response.json()) as { data?: any; errors?: { extensions?: Record<string, unknown> }[] } };
}

const metricsOf = async (name: keyof TestFederation['subgraphs']) => {
  const response = await fetch(new URL('/metrics', fed.subgraphs[name].url));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  return response.text();
};

describe('request ids', () => {
  it('answers every request with x-request-id: the trace id the logs and access records carry, or the partner’s own well-formed id', async () => {
    const plain = await traced(`{ __typename }`, {});
    expect(plain.requestId).toBe(plain.traceId);
    logs.clear();
    const own = await traced(`{ trajecten { garantieaanvragen { bedragCent } } }`, {}, { 'x-request-id': 'woonwenz-2026-0042' });
    expect(own.requestId).toBe('woonwenz-2026-0042');
    expect(logs.records()).toContainEqual(expect.objectContaining({ service: 'gateway', msg: 'statisch geweigerd', traceId: own.traceId, requestId: 'woonwenz-2026-0042' }));
    // Anything else a partner sends is neither echoed nor logged.
    const odd = await traced(`{ __typename }`, {}, { 'x-request-id': `<script>${'x'.repeat(200)}` });
    expect(odd.requestId).toBe(odd.traceId);
    // A refusal before anything ran (no token) carries one too.
    const refused = await fetch(`${fed.gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('structured logs', () => {
  it('writes one JSON object per line with service, level and msg, the request’s trace id on its refusals, and never a planted variable', async () => {
    logs.clear();
    // A case with the planted name, read back (personal data: access records), and a refused act with it.
    const created = await traced(`mutation($naam: String!) { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: $naam, telefoon: "0611112222" }) { id } }`, { naam: PLANTED });
    expect(created.body.errors).toBeUndefined();
    const id = created.body.data.registreerMelding.id as string;
    const read = await traced(`query($id: ID!) { traject(id: $id) { id inwoner { naam } } }`, { id });
    expect(read.body.data.traject.inwoner.naam).toBe(PLANTED);
    const refused = await traced(`mutation($naam: String!) { registreerMelding(input: { gemeente: "atlantis", ingediendDoor: GEMEENTE, naam: $naam }) { id } }`, { naam: PLANTED });
    expect(refused.body.errors?.[0]?.extensions?.['code']).toBe('ONGELDIGE_INVOER');
    const unknownField = await traced(`query($id: ID!) { traject(id: $id) { garantieaanvragen { bedragCent } } }`, { id });
    expect(unknownField.body.errors?.[0]?.extensions?.['code']).toBe('DOSERING_GEWEIGERD');

    expect(logs.lines.length).toBeGreaterThan(0);
    for (const line of logs.lines) {
      expect(line.trimEnd().includes('\n'), line).toBe(false);
      const record = JSON.parse(line) as Record<string, unknown>;
      expect(record).toMatchObject({ service: expect.any(String), level: expect.stringMatching(/^(trace|debug|info|warn|error|fatal)$/), msg: expect.any(String) });
    }
    expect(logs.records()).toContainEqual(expect.objectContaining({ service: 'gemeente', msg: 'geweigerd', code: 'ONGELDIGE_INVOER', traceId: refused.traceId, rootField: 'registreerMelding' }));
    expect(logs.records()).toContainEqual(expect.objectContaining({ service: 'gateway', msg: 'statisch geweigerd', code: 'DOSERING_GEWEIGERD', traceId: unknownField.traceId }));
    // The field refusals of one request are one line: how many, by reason, which fields (in the
    // melding phase the gemeente has not researched yet, so some of these are refused).
    const vroeg = await traced(`query($id: ID!) { traject(id: $id) { inwoner { naam bsn geboortedatum gezondheid } } }`, { id });
    const refusals = (vroeg.body.errors ?? []).filter((e) => e.extensions?.['code'] === 'DOSERING_GEWEIGERD').map((e) => e.extensions!);
    expect(refusals.length).toBeGreaterThan(1);
    const redenen: Record<string, number> = {};
    for (const r of refusals) redenen[String(r['reden'])] = (redenen[String(r['reden'])] ?? 0) + 1;
    const lines = logs.records().filter((r) => r['traceId'] === vroeg.traceId && r['service'] === 'gemeente' && String(r['msg']).includes('geweigerd'));
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'velden geweigerd', code: 'DOSERING_GEWEIGERD', aantal: refusals.length, redenen, velden: [...new Set(refusals.map((r) => String(r['veld'])))].sort() }),
    ]);
    // The read was logged in the access log under the same trace id the logs use.
    const rows = await fed.subgraphs.gemeente.database.db
      .select({ traceId: gemeenteLog.verwerkingen.traceId })
      .from(gemeenteLog.verwerkingen)
      .where(eq(gemeenteLog.verwerkingen.traceId, read.traceId));
    expect(rows.length).toBeGreaterThan(0);

    const all = logs.lines.join('\n');
    expect(all).not.toContain(PLANTED);
    expect(all).not.toContain(id);
    expect(all).not.toContain('0611112222');
    expect(all).not.toMatch(/Bearer|eyJ[A-Za-z0-9_-]{10,}/);
  });
});

describe('subgraph metrics', () => {
  it('counts requests and times them by operation type, refusals by code, access-log writes and policy-context lookups — with no id in any label', async () => {
    const created = await fed.gql(venlo, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: "Metriek Persoon" }) { id } }`);
    const id = created.data.registreerMelding.id as string;
    await fed.gql(venlo, `query($id: ID!) { traject(id: $id) { inwoner { naam } } }`, { id });
    await fed.gql(venlo, `mutation { registreerMelding(input: { gemeente: "atlantis", ingediendDoor: GEMEENTE, naam: "X" }) { id } }`);

    const text = await metricsOf('gemeente');
    // The value of `series` (`name{a="x",b="y"}`), whatever order the exposition lists its labels in.
    const value = (series: string) => {
      const key = (s: string) => s.replace(/\{(.*)\}/, (_, l: string) => `{${l.split(',').sort().join(',')}}`);
      const line = text.split('\n').find((l) => key(l.slice(0, l.lastIndexOf(' '))) === key(series));
      return Number(line?.slice(line.lastIndexOf(' ') + 1) ?? NaN);
    };
    expect(value('woonkans_subgraph_requests_total{operation_type="mutation",subgraph="gemeente"}')).toBeGreaterThanOrEqual(2);
    expect(value('woonkans_subgraph_requests_total{operation_type="query",subgraph="gemeente"}')).toBeGreaterThanOrEqual(1);
    expect(value('woonkans_subgraph_request_duration_seconds_count{operation_type="query",subgraph="gemeente"}')).toBeGreaterThanOrEqual(1);
    expect(value('woonkans_subgraph_errors_total{code="ONGELDIGE_INVOER",subgraph="gemeente"}')).toBeGreaterThanOrEqual(1);
    expect(value('woonkans_subgraph_access_log_write_seconds_count{outcome="ok",subgraph="gemeente"}')).toBeGreaterThanOrEqual(1);
    expect(value('woonkans_subgraph_access_log_batch_seconds_count{outcome="ok",subgraph="gemeente"}')).toBeGreaterThanOrEqual(1);
    expect(value('woonkans_subgraph_policy_context_seconds_count{outcome="ok",subgraph="gemeente"}')).toBeGreaterThanOrEqual(1);

    // Each subgraph its own registry: the regisseur counts its own requests under its own name.
    const regisseur = await metricsOf('regisseur');
    expect(regisseur).toMatch(/^woonkans_subgraph_requests_total\{operation_type="query",subgraph="regisseur"\} \d+/m);
    expect(regisseur).not.toContain('subgraph="gemeente"');

    // Every label value is a closed word: an operation type, a code, an outcome, a subgraph, a bucket.
    for (const body of [text, regisseur]) {
      for (const [, name, labels] of body.matchAll(/^(woonkans_\w+)\{([^}]*)\}/gm)) {
        for (const [, key, v] of labels!.matchAll(/(\w+)="([^"]*)"/g)) {
          expect(`${name} ${key}=${v}`).toMatch(/ (operation_type=(query|mutation|subscription|onbekend)|code=[A-Z_]+|outcome=(ok|fout)|subgraph=[a-z]+|le=[0-9.+Inf]+)$/);
        }
      }
      expect(body).not.toContain(id);
    }
  });
});
