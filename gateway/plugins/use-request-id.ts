/**
 * Every answer of the gateway carries `x-request-id`, the id a partner quotes when asking after a
 * request: the partner's own when it sent a well-formed one, else the request's trace id — the id
 * the gateway's and the subgraphs' log lines, the access records and the FG's `…Audit(traceId)`
 * lookup already carry. Replaces Hive's `useRequestId`, which echoes any header value as it came.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export const REQUEST_ID_HEADER = 'x-request-id';
const WELL_FORMED = /^[A-Za-z0-9._:-]{1,128}$/;

/** The partner's own request id, when it sent one that can be logged and echoed safely. */
export function partnerRequestId(request: Request): string | undefined {
  const sent = request.headers.get(REQUEST_ID_HEADER)?.trim();
  return sent && WELL_FORMED.test(sent) ? sent : undefined;
}

export function useRequestId(traceIdOf: (request: Request) => string | undefined): GatewayPlugin {
  return {
    onResponse({ request, response }) {
      const id = partnerRequestId(request) ?? traceIdOf(request);
      if (id) response.headers.set(REQUEST_ID_HEADER, id);
    },
  };
}
