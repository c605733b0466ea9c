/**
 * How the gateway's plugins log: an event name, fields that say nothing about a resident (codes,
 * limits, the caller's party and organisation, schema coordinates) and — where a request is in
 * scope — the request, from which the line gets the trace id the subgraphs' logs and access
 * records of that request carry.
 */
import type { Logger } from '../subgraphs/common/observability/log.js';
import { partnerRequestId } from './plugins/use-request-id.js';

export type LogFields = Readonly<Record<string, unknown>>;
export type LogEvent = (msg: string, fields?: LogFields, request?: Request) => void;

export interface GatewayLog {
  readonly info: LogEvent;
  readonly warn: LogEvent;
}

export const NO_LOG: GatewayLog = { info: () => {}, warn: () => {} };

export function gatewayLog(logger: Logger, traceIdOf: (request: Request) => string | undefined): GatewayLog {
  const at =
    (level: 'info' | 'warn'): LogEvent =>
    (msg, fields = {}, request) => {
      const traceId = request ? traceIdOf(request) : undefined;
      // The partner's own request id too, when it sent one: what it will quote when it asks.
      const requestId = request ? partnerRequestId(request) : undefined;
      logger[level]({ ...(traceId ? { traceId } : {}), ...(requestId ? { requestId } : {}), ...fields }, msg);
    };
  return { info: at('info'), warn: at('warn') };
}
