/**
 * The contract between the dosing runtime and the access log: the runtime buffers one request's
 * records and hands them over in one call before the response leaves. The writer must be durable
 * when it resolves; if it rejects, the response carries no data (fail closed).
 */
import type { Caller } from '../../schema/context.js';
import type { AccessRecord } from '../../schema/transform.js';

export interface RequestMeta {
  readonly caller: Caller;
  readonly traceId: string;
  readonly spanId: string;
  readonly operationName: string | null;
  readonly subgraph: string;
}

export type AccessLogWriter = (records: readonly AccessRecord[], meta: RequestMeta) => Promise<void>;
