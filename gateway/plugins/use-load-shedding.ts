/**
 * Load shedding: beyond `MAX_IN_FLIGHT` requests in progress the gateway refuses a new one at once
 * with 503 `OVERBELAST` and `Retry-After`, before it is authenticated, parsed or planned. Under
 * overload requests used to queue for more than 30 s (issue 14, the soak's burst); a refusal in
 * milliseconds that says "nothing was done, retry later" is what a partner can act on. Health, the
 * error catalogue, metrics and the development JWKS are never shed: a balancer and an operator must
 * still see in, and the requests in progress must still get their tokens checked.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Foutcode } from '../../schema/error-catalogue.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

// The development issuer's keys too: the services check every token against them (npm start).
const NEVER_SHED = new Set(['/healthz', '/readyz', '/metrics', '/fouten', '/fouten.json', '/dev/jwks.json']);
const OVERBELAST: Foutcode = 'OVERBELAST';

export interface LoadSheddingOptions {
  /** Requests in progress at most; the next one is refused. */
  readonly maxInFlight: number;
  /** Seconds a refused client is asked to wait. @default 1 */
  readonly retryAfterS?: number;
  readonly log?: GatewayLog;
}

export function useLoadShedding({ maxInFlight, retryAfterS = 1, log = NO_LOG }: LoadSheddingOptions): GatewayPlugin {
  let inFlight = 0;
  let shedSinceLog = 0;
  const counted = new WeakSet<Request>();
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (NEVER_SHED.has(url.pathname)) return;
      if (inFlight >= maxInFlight) {
        // One line per burst, not per refusal: a log that floods is a second overload.
        if (shedSinceLog++ === 0) log.warn('overbelast; nieuwe verzoeken worden geweigerd', { code: OVERBELAST, inFlight, maxInFlight });
        return endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: 'De gateway is overbelast; er is niets uitgevoerd. Probeer het later opnieuw.', extensions: { code: OVERBELAST } }] }),
            { status: 503, headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': String(retryAfterS) } },
          ),
        );
      }
      if (shedSinceLog > 0) {
        log.warn('overbelasting voorbij', { geweigerd: shedSinceLog });
        shedSinceLog = 0;
      }
      counted.add(request);
      inFlight++;
    },
    onResponse({ request }) {
      if (counted.delete(request)) inFlight--;
    },
  };
}
