import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { describe, expect, it } from 'vitest';
import { createSubgraphTracer, redactingExporter } from './tracing.js';

describe('span redaction', () => {
  it('exports only listed attributes, no exception or status message, and no path but /graphql in a name', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(redactingExporter(memory))] });
    const tracer = provider.getTracer('t');
    const span = tracer.startSpan('GET /contract/inwoner-piet', {
      attributes: { 'http.method': 'GET', 'http.url': 'http://gw/graphql?variables={"bsn":"123456789"}', 'graphql.document': '{ traject(id: "x") { id } }', 'graphql.operation.name': 'Lees', 'http.client_ip': '10.0.0.1' },
    });
    span.recordException(new Error('Piet Jansen niet gevonden'));
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'Piet Jansen' });
    span.end();
    tracer.startSpan('POST /graphql').end();
    await provider.forceFlush();
    const [first, second] = memory.getFinishedSpans();
    expect(first!.name).toBe('GET');
    expect(first!.attributes).toEqual({ 'http.method': 'GET', 'graphql.operation.name': 'Lees' });
    expect(first!.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(first!.events.map((e) => [e.name, e.attributes])).toEqual([['exception', {}]]);
    expect(second!.name).toBe('POST /graphql');
  });

  it('continues the caller’s trace in a subgraph span, whose ids become the request’s', async () => {
    // Kept past shutdown (the in-memory exporter forgets its spans when shut down).
    const exported: ReadableSpan[] = [];
    const tracer = createSubgraphTracer('gemeente', { export: (spans, done) => (exported.push(...spans), done({ code: 0 })), shutdown: async () => {} });
    const parent = { traceId: 'a'.repeat(32), spanId: 'unused', parentSpanId: 'b'.repeat(16), sampled: true };
    const request = tracer.startRequest(parent);
    expect(request.trace).toMatchObject({ traceId: parent.traceId, parentSpanId: parent.parentSpanId, sampled: true });
    expect(await request.child('beleidscontext', async () => 42)).toBe(42);
    await expect(request.child('toegangslog', async () => Promise.reject(new Error('weg')))).rejects.toThrow('weg');
    request.end({ operationType: 'query', operationName: 'Lees', codes: ['DOSERING_GEWEIGERD'] });
    const unsampled = tracer.startRequest({ ...parent, sampled: false });
    expect(unsampled.trace.sampled).toBe(false);
    unsampled.end({});
    await tracer.shutdown();
    const [lookup, write, ...spans] = exported;
    expect(spans).toHaveLength(1);
    expect([lookup!.name, write!.name]).toEqual(['beleidscontext', 'toegangslog']);
    expect(lookup!.parentSpanContext?.spanId).toBe(request.trace.spanId);
    expect(write!.status.code).toBe(SpanStatusCode.ERROR);
    expect(spans[0]!.spanContext()).toMatchObject({ traceId: parent.traceId, spanId: request.trace.spanId });
    expect(spans[0]!.parentSpanContext?.spanId).toBe(parent.parentSpanId);
    expect(spans[0]!.name).toBe('graphql.query Lees');
    expect(spans[0]!.attributes).toEqual({ 'woonkans.subgraph': 'gemeente', 'graphql.operation.type': 'query', 'graphql.operation.name': 'Lees', 'woonkans.error.codes': ['DOSERING_GEWEIGERD'] });
  });
});
