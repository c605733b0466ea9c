/**
 * W3C Trace Context: one partner request can be followed across gateway and subgraphs. The gateway
 * sends one `traceparent` (one trace id) to every subgraph it calls for a request; each subgraph
 * continues that trace with a span of its own and keeps the gateway's span as its parent, so the
 * access-log rows of all subgraphs for one request share `trace_id` and point at the same
 * `parent_span_id`.
 */
import { randomBytes } from 'node:crypto';

export interface TraceIds {
  readonly traceId: string;
  /** This subgraph's own span for the request (new per request). */
  readonly spanId: string;
  /** The caller's span (the `traceparent` parent id); null when the request started a new trace. */
  readonly parentSpanId: string | null;
  /** The caller's sampling decision (`traceparent` flags), passed on so a trace is recorded everywhere or nowhere. @default true */
  readonly sampled?: boolean;
}

const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * Continues the caller's trace when it sent a valid `traceparent`, else starts one; always a new
 * span. All-zero trace or span ids and the forbidden version `ff` are invalid per the spec, and
 * then the header is ignored as a whole (a new trace, no parent) rather than half-trusted.
 */
export function traceFrom(traceparent: string | null | undefined): TraceIds {
  const match = TRACEPARENT.exec((traceparent ?? '').trim().toLowerCase());
  const valid = match && match[1] !== 'ff' && !/^0+$/.test(match[2]!) && !/^0+$/.test(match[3]!);
  return {
    traceId: valid ? match[2]! : randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    parentSpanId: valid ? match[3]! : null,
    sampled: valid ? (parseInt(match[4]!, 16) & 1) === 1 : true,
  };
}

/** The `traceparent` this service sends on its own outgoing calls: the same trace, its own span. */
export function outgoingTraceparent(trace: TraceIds): string {
  return `00-${trace.traceId}-${trace.spanId}-${trace.sampled === false ? '00' : '01'}`;
}
