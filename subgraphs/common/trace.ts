/** W3C Trace Context: one partner request can be followed across gateway and subgraphs. */
import { randomBytes } from 'node:crypto';

export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
}

const TRACEPARENT = /^[0-9a-f]{2}-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

/** Continues the caller's trace when it sent a valid `traceparent`, else starts one; always a new span. */
export function traceFrom(traceparent: string | null | undefined): TraceIds {
  const match = TRACEPARENT.exec(traceparent ?? '');
  const traceId = match && !/^0+$/.test(match[1]!) ? match[1]! : randomBytes(16).toString('hex');
  return { traceId, spanId: randomBytes(8).toString('hex') };
}
