/**
 * The contract between the dosing runtime and the access log: the runtime buffers one request's
 * records and hands them over in one call before the response leaves. The writer must be durable
 * when it resolves; if it rejects, the response carries no data (fail closed).
 */
import type { Caller } from '../../schema/context.js';
import type { AccessRecord } from '../../schema/transform.js';

export interface RequestMeta {
  readonly caller: Caller;
  /** W3C trace id: the same in every subgraph that served one partner request. */
  readonly traceId: string;
  /** This subgraph's span for the request. */
  readonly spanId: string;
  /** The caller's span (the gateway's, from `traceparent`); null when the request started the trace. */
  readonly parentSpanId?: string | null | undefined;
  readonly operationName: string | null;
  readonly subgraph: string;
}

export type AccessLogWriter = (records: readonly AccessRecord[], meta: RequestMeta) => Promise<void>;
