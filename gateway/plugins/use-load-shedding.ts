/**
 * Load shedding: beyond `MAX_IN_FLIGHT` requests in progress, or while the event loop runs late by
 * more than `MAX_EVENT_LOOP_DELAY_MS`, the gateway refuses a new request at once with 503
 * `OVERBELAST` and `Retry-After`, before it is authenticated, parsed or planned. A refusal in
 * milliseconds that says "nothing was done, retry later" is what a partner can act on.
 *
 * Why the delay, not only the count: a Node server whose event loop is saturated by the requests of
 * its open keep-alive connections hardly accepts new connections (measured: about one a second, its
 * accept queue full), so a burst of new clients waits in the kernel for more than 30 s — below any
 * in-flight limit, never reaching a hook that could refuse it (issue 14, the soak's burst). Refusing
 * while the loop is late gives it the slack to accept, and the burst its 503s.
 *
 * Health, the error catalogue, metrics and the development JWKS are never shed: a balancer and an
 * operator must still see in, and the requests in progress must still get their tokens checked.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Foutcode } from '../../schema/error-catalogue.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

// The development issuer's keys too: the services check every token against them (npm start).
const NEVER_SHED = new Set(['/healthz', '/readyz', '/metrics', '/fouten', '/fouten.json', '/dev/jwks.json']);
const OVERBELAST: Foutcode = 'OVERBELAST';

export interface LoadSheddingOptions {
  /** Requests in progress at most; the next one is refused. */
  readonly maxInFlight: number;
  /** The event loop's longest delay (ms) in the last window above which new requests are refused; 0 switches it off. @default 0 */
  readonly maxEventLoopDelayMs?: number;
  /** Seconds a refused client is asked to wait. @default 1 */
  readonly retryAfterS?: number;
  readonly log?: GatewayLog;
}

/** How often the event loop's delay is judged: the window its longest delay is taken over. */
const DELAY_WINDOW_MS = 250;

/** Whether the event loop ran later than `maxMs` in the last window; the monitor stops on `stop`. */
function eventLoopLate(maxMs: number): { readonly late: () => boolean; readonly stop: () => void } {
  if (maxMs <= 0) return { late: () => false, stop: () => {} };
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  let late = false;
  const timer = setInterval(() => {
    late = histogram.max / 1e6 > maxMs;
    histogram.reset();
  }, DELAY_WINDOW_MS);
  timer.unref();
  return {
    late: () => late,
    stop: () => {
      clearInterval(timer);
      histogram.disable();
    },
  };
}

export function useLoadShedding({ maxInFlight, maxEventLoopDelayMs = 0, retryAfterS = 1, log = NO_LOG }: LoadSheddingOptions): GatewayPlugin {
  let inFlight = 0;
  let shedSinceLog = 0;
  const counted = new WeakSet<Request>();
  const loop = eventLoopLate(maxEventLoopDelayMs);
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (NEVER_SHED.has(url.pathname)) return;
      const late = loop.late();
      if (inFlight >= maxInFlight || late) {
        // One line per burst, not per refusal: a log that floods is a second overload.
        if (shedSinceLog++ === 0) log.warn('overbelast; nieuwe verzoeken worden geweigerd', { code: OVERBELAST, inFlight, maxInFlight, ...(late ? { maxEventLoopDelayMs } : {}) });
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
    onDispose() {
      loop.stop();
    },
  };
}
