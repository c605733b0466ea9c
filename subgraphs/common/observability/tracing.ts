/**
 * OpenTelemetry spans over OTLP/HTTP, only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set. The gateway's
 * spans come from Hive Gateway's own plugin (`gateway/plugins/use-tracing.ts`); each subgraph
 * records one span per request here, in the trace the gateway's `traceparent` names, and that
 * span's id is the `span_id` of the request's access records — so a trace found in the collector
 * leads to the access log and back.
 *
 * Every span leaves through `redactingExporter`: only attributes on a closed list (operation name
 * and type, subgraph names, error codes, HTTP method and status) are exported; the query text, its
 * hash, the URL (a GET carries its variables), client IP and user agent, exception messages and
 * status messages are not.
 */
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, TraceFlags, trace, type Attributes, type Span, type Tracer } from '@opentelemetry/api';
import type { ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  BatchSpanProcessor,
  ParentBasedSampler,
  type ReadableSpan,
  type SpanExporter,
  type TimedEvent,
} from '@opentelemetry/sdk-trace-base';
import type { TraceIds } from '../trace.js';

/** The only attributes a span may carry out of the process. */
export const EXPORTED_ATTRIBUTES: ReadonlySet<string> = new Set([
  'graphql.operation.name',
  'graphql.operation.type',
  'hive.graphql.error.codes',
  'hive.graphql.error.count',
  'hive.gateway.upstream.subgraph.name',
  'hive.gateway.operation.subgraph.names',
  'http.method',
  'http.status_code',
  'woonkans.subgraph',
  'woonkans.error.codes',
]);

const HTTP_SPAN = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) (\S*)$/;

/** An HTTP span is named by method and path; only `/graphql` is kept as a path (others may be anything a caller typed). */
function safeName(name: string): string {
  const m = HTTP_SPAN.exec(name);
  return m ? (m[2] === '/graphql' ? name : m[1]!) : name;
}

function allowed(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).filter(([k]) => EXPORTED_ATTRIBUTES.has(k)));
}

/** The span as exported: the same span, with its name, attributes, events and status cut to what may leave. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return Object.create(span, {
    name: { value: safeName(span.name) },
    attributes: { value: allowed(span.attributes) },
    events: { value: span.events.map((e): TimedEvent => ({ name: e.name, time: e.time, attributes: {} })) },
    status: { value: { code: span.status.code } },
  }) as ReadableSpan;
}

export function redactingExporter(inner: SpanExporter): SpanExporter {
  return {
    export: (spans: ReadableSpan[], done: (result: ExportResult) => void) => inner.export(spans.map(redactSpan), done),
    shutdown: () => inner.shutdown(),
    ...(inner.forceFlush ? { forceFlush: () => inner.forceFlush!() } : {}),
  };
}

/** `<endpoint>/v1/traces`, as the OTLP specification builds the traces URL from the base endpoint. */
export const otlpTracesUrl = (endpoint: string): string => `${endpoint}/v1/traces`;

/** The OTLP/HTTP exporter (JSON encoding) behind the redaction. */
export const otlpExporter = (endpoint: string): SpanExporter => redactingExporter(new OTLPTraceExporter({ url: otlpTracesUrl(endpoint) }));

/** Follows the caller's sampling decision; starts sampled when there is none. */
export const parentBasedSampler = () => new ParentBasedSampler({ root: new AlwaysOnSampler() });

export interface RequestSpan {
  /** The request's trace ids: the span's own trace and span id, the caller's span as parent. */
  readonly trace: TraceIds;
  /** Runs `work` in a child span named `name` (the policy-context lookup, the access-log write), so a trace shows where the time went. */
  child<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Ends the span with the operation's type and name and the codes of its errors (never their messages). */
  end(outcome: { operationType?: string | undefined; operationName?: string | null | undefined; codes?: readonly string[] }): void;
}

export interface SubgraphTracer {
  /** Starts the request's span as a child of `incoming` (what `traceFrom` read of the `traceparent`). */
  startRequest(incoming: TraceIds): RequestSpan;
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

/** A subgraph's tracer: its own provider (not the process's global one), so services in one process stay apart. */
export function createSubgraphTracer(subgraph: string, exporter: SpanExporter): SubgraphTracer {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': subgraph }),
    sampler: parentBasedSampler(),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: 1000 })],
  });
  const tracer: Tracer = provider.getTracer('woonkans-subgraph');
  return {
    startRequest(incoming) {
      const parent = incoming.parentSpanId
        ? trace.setSpanContext(ROOT_CONTEXT, {
            traceId: incoming.traceId,
            spanId: incoming.parentSpanId,
            traceFlags: incoming.sampled !== false ? TraceFlags.SAMPLED : TraceFlags.NONE,
            isRemote: true,
          })
        : ROOT_CONTEXT;
      const span: Span = tracer.startSpan('graphql.request', { kind: SpanKind.SERVER, attributes: { 'woonkans.subgraph': subgraph } }, parent);
      const own = span.spanContext();
      const inSpan = trace.setSpan(ROOT_CONTEXT, span);
      return {
        async child(name, work) {
          const step = tracer.startSpan(name, { kind: SpanKind.INTERNAL, attributes: { 'woonkans.subgraph': subgraph } }, inSpan);
          try {
            return await work();
          } catch (error) {
            step.setStatus({ code: SpanStatusCode.ERROR });
            throw error;
          } finally {
            step.end();
          }
        },
        trace: { traceId: own.traceId, spanId: own.spanId, parentSpanId: incoming.parentSpanId, sampled: (own.traceFlags & TraceFlags.SAMPLED) === TraceFlags.SAMPLED },
        end({ operationType, operationName, codes = [] }) {
          if (operationType) span.setAttribute('graphql.operation.type', operationType);
          if (operationName) span.setAttribute('graphql.operation.name', operationName);
          span.updateName(`graphql.${operationType ?? 'request'}${operationName ? ` ${operationName}` : ''}`);
          if (codes.length) {
            span.setAttribute('woonkans.error.codes', [...new Set(codes)]);
            if (codes.includes('INTERNAL_SERVER_ERROR')) span.setStatus({ code: SpanStatusCode.ERROR });
          }
          span.end();
        },
      };
    },
    shutdown: () => provider.shutdown(),
  };
}
