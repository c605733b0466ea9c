/**
 * OpenTelemetry spans of the gateway, from Hive Gateway's own plugin
 * (`@graphql-hive/plugin-opentelemetry`): the HTTP request, the GraphQL phases, every subgraph
 * execution and fetch. It continues a partner's valid `traceparent` and injects its own into every
 * subgraph fetch, so the subgraphs' spans and access records carry the same trace id. Only when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` is set; then the spans leave over OTLP/HTTP through the same
 * redaction as the subgraphs' (`subgraphs/common/observability/tracing.ts`): no query text or hash,
 * no URL, no client address, no exception message.
 */
import { Logger as HiveLogger } from '@graphql-hive/gateway-runtime';
import { openTelemetrySetup } from '@graphql-hive/plugin-opentelemetry/setup';
import { useOpenTelemetry, type OpenTelemetryPlugin } from '@graphql-hive/plugin-opentelemetry';
import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import type { Logger } from '../../subgraphs/common/observability/log.js';
import { otlpExporter, parentBasedSampler } from '../../subgraphs/common/observability/tracing.js';

export interface TracingOptions {
  /** The OTLP/HTTP collector's base URL (`OTEL_EXPORTER_OTLP_ENDPOINT`). */
  readonly endpoint: string;
  /** The gateway's logger: the plugin's own messages (set-up, export failures) go there as JSON lines. */
  readonly logger: Logger;
}

/** Hive's logger interface over ours, so the plugin's lines are JSON lines like every other. */
function hiveLogger(logger: Logger): HiveLogger {
  return new HiveLogger({ level: 'info', writers: [{ write: (level, attrs, msg) => void logger[level]({ ...(attrs ?? {}) }, msg ?? '') }] });
}

// OpenTelemetry's tracer provider and propagator are process-wide, and the plugin takes its tracer
// from them; so the first gateway in a process sets them up, and later ones (tests) share them.
let setUpFor: string | undefined;

export function useTracing({ endpoint, logger }: TracingOptions): OpenTelemetryPlugin {
  if (setUpFor === undefined) {
    openTelemetrySetup({
      // No global context manager: the plugin keeps each request's spans in the request's state.
      contextManager: null,
      resource: { serviceName: 'gateway' },
      traces: { exporter: otlpExporter(endpoint), batching: { scheduledDelayMillis: 1000 } },
      sampler: parentBasedSampler(),
      // W3C trace context only: a partner's `baggage` header is not passed on to the subgraphs.
      propagators: [new W3CTraceContextPropagator()],
      configureDiagLogger: false,
      log: hiveLogger(logger),
    });
    setUpFor = endpoint;
  } else if (setUpFor !== endpoint) {
    throw new TypeError(`OpenTelemetry is in dit proces al ingesteld voor ${setUpFor}`);
  }
  // Flushing on dispose is ours (`flushTracing`): the plugin's looks for `forceFlush` on the global
  // proxy provider, which has none.
  return useOpenTelemetry({ useContextManager: false, hashOperation: null, traces: true, flushOnDispose: false, log: hiveLogger(logger) });
}

/** Exports the spans still buffered (a gateway stopping). */
export async function flushTracing(): Promise<void> {
  const provider = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as { forceFlush?: () => Promise<void> };
  await provider.forceFlush?.();
}

/** The trace id of the span the plugin opened for `request`, if it traces it. */
export function tracedTraceId(plugin: OpenTelemetryPlugin, request: Request): string | undefined {
  const ctx = plugin.getHttpContext(request);
  return ctx ? trace.getSpan(ctx)?.spanContext().traceId : undefined;
}
