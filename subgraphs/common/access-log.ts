/**
 * The contract between the dosing runtime and the access log: the runtime buffers one request's
 * records and hands them over in one call before the response leaves. The writer must be durable
 * when it resolves; if it rejects, the response carries no data (fail closed).
 */
import type { Caller } from '../../schema/context.js';
import type { AccessRecord } from '../../schema/transform.js';
import type { Db } from './database.js';

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

/**
 * Performs an act and appends its records in one transaction: the change and its record commit
 * together, or neither does. `perform` gets the transaction to do all its writing in; `records`
 * says, from what the act returned, what it processed. A failed append rolls the act back and
 * rejects with `ActNotRecorded`.
 */
export type ActLog = <T>(meta: RequestMeta, perform: (tx: Db) => Promise<T>, records: (value: T) => readonly AccessRecord[]) => Promise<T>;

/** The act's record could not be written, so the act was rolled back. */
export class ActNotRecorded extends Error {
  constructor(readonly reason: unknown) {
    super('logboek: the act could not be recorded and was rolled back', { cause: reason });
    this.name = 'ActNotRecorded';
  }
}
