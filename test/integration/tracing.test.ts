/**
 * OpenTelemetry over OTLP/HTTP (issue 15 item 7): with `OTEL_EXPORTER_OTLP_ENDPOINT` set, the
 * gateway (Hive's plugin) and every subgraph export spans to a collector — here a tiny OTLP/HTTP
 * receiver over real HTTP. The spans of one request carry the trace id the partner sent, which is
 * the trace id of that request's access records; a subgraph's span id is its records' `span_id`;
 * no span carries the query, a variable or an id.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logboek as gemeenteLog } from '../../subgraphs/gemeente/db/tables.js';
import { logboek as regisseurLog } from '../../subgraphs/regisseur/db/tables.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

interface ReceivedSpan {
  readonly service: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

/** OTLP/JSON: resourceSpans → scopeSpans → spans; ids in hex, attributes as `{ key, value: { stringValue | … } }`. */
function decode(body: any): ReceivedSpan[] {
  const value = (v: any): unknown => v?.stringValue ?? v?.intValue ?? v?.boolValue ?? v?.doubleValue ?? v?.arrayValue?.values?.map(value);
  const attrs = (list: any[] | undefined) => Object.fromEntries((list ?? []).map((a) => [a.key, value(a.value)]));
  return (body.resourceSpans ?? []).flatMap((rs: any) => {
    const service = String(attrs(rs.resource?.attributes)['service.name']);
    return (rs.scopeSpans ?? []).flatMap((ss: any) =>
      (ss.spans ?? []).map((s: any) => ({ service, traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId ?? '', name: s.name, attributes: attrs(s.attributes) })),
    );
  });
}

const received: ReceivedSpan[] = [];
const raw: string[] = [];
const contentTypes = new Set<string>();
let receiver: Server;
let fed: TestFederation;

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      contentTypes.add(String(req.headers['content-type']));
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const text = Buffer.concat(chunks).toString('utf8');
        raw.push(text);
        received.push(...decode(JSON.parse(text)));
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const { port } = receiver.address() as { port: number };
  fed = await startTestFederation({ otlpEndpoint: `http://127.0.0.1:${port}` });
});
afterAll(async () => {
  await fed?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

const venlo = { partij: 'GEMEENTE', gemeente: 'venlo' } as const;

describe('OpenTelemetry spans', () => {
  it('exports the gateway’s and the subgraphs’ spans of a request in the trace of its access records, without its query or variables', async () => {
    const token = await fed.token(venlo);
    const planted = `Spoor-${randomBytes(6).toString('hex')}`;
    const created = await fed.gql(token, `mutation($naam: String!) { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: $naam }) { id } }`, { naam: planted });
    const id = created.data.registreerMelding.id as string;

    const traceId = randomBytes(16).toString('hex');
    const response = await fetch(`${fed.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
      body: JSON.stringify({ query: `query Lees($id: ID!) { traject(id: $id) { code inwoner { naam } } }`, variables: { id } }),
    });
    const answer = (await response.json()) as any;
    expect(answer.data.traject.inwoner.naam).toBe(planted);

    const records = async (db: TestFederation['subgraphs']['gemeente']['database']['db'], log: typeof gemeenteLog) =>
      db.select({ traceId: log.verwerkingen.traceId, spanId: log.verwerkingen.spanId, parentSpanId: log.verwerkingen.parentSpanId }).from(log.verwerkingen).where(eq(log.verwerkingen.traceId, traceId));
    const gemeente = await records(fed.subgraphs.gemeente.database.db, gemeenteLog);
    const regisseur = await records(fed.subgraphs.regisseur.database.db, regisseurLog);
    expect(gemeente.length).toBeGreaterThan(0);
    expect(regisseur.length).toBeGreaterThan(0);

    // Stopping flushes every exporter (the gateway's on dispose, each subgraph's on stop).
    await fed.stop();
    fed = undefined as never;

    expect([...contentTypes]).toEqual(['application/json']);
    const ofTrace = received.filter((s) => s.traceId === traceId);
    const services = new Set(ofTrace.map((s) => s.service));
    expect(services).toContain('gateway');
    expect(services).toContain('gemeente');
    expect(services).toContain('regisseur');
    expect(ofTrace.find((s) => s.service === 'gateway' && s.name === 'POST /graphql')).toBeDefined();
    expect(ofTrace).toContainEqual(expect.objectContaining({ service: 'gateway', attributes: expect.objectContaining({ 'graphql.operation.name': 'Lees', 'graphql.operation.type': 'query' }) }));

    // Each access record's span is a subgraph span of that trace, child of a gateway span.
    const byId = new Map(ofTrace.map((s) => [s.spanId, s]));
    for (const [service, rows] of [['gemeente', gemeente], ['regisseur', regisseur]] as const) {
      for (const row of rows) {
        const span = byId.get(row.spanId);
        expect(span, `${service} span ${row.spanId}`).toMatchObject({ service, traceId });
        expect(span!.parentSpanId).toBe(row.parentSpanId);
        expect(byId.get(span!.parentSpanId)?.service).toBe('gateway');
      }
    }

    // The gemeente's lookup of the policy context and its access-log write are steps of its span.
    for (const step of ['beleidscontext', 'toegangslog']) {
      const span = ofTrace.find((s) => s.service === 'gemeente' && s.name === step);
      expect(span, step).toBeDefined();
      expect(gemeente.map((r) => r.spanId)).toContain(span!.parentSpanId);
    }

    const everything = raw.join('\n');
    expect(everything).not.toContain(planted);
    expect(everything).not.toContain(id);
    expect(everything).not.toContain('inwoner');
    expect(everything).not.toContain(token);
  });
});
