/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (every subgraph answers its own readiness
 * check, which includes its database). Part of the public contract (DESIGN §6).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface HealthOptions {
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** The gateway's own database (its token register): without it no token can be checked. */
  readonly ping?: () => Promise<void>;
  /** Per subgraph check timeout. @default 2000 */
  readonly timeoutMs?: number;
}

/** Every gateway of this process: its in-flight count, and whether it is stopping. */
const gateways = new Set<{ inFlight: number; draining: boolean }>();

/**
 * The first step of a graceful stop (SIGTERM): every gateway in this process answers `/readyz` with
 * 503 at once, keeps serving for `delayMs` (a balancer notices), then this resolves when no GraphQL
 * request is in flight any more, at most `timeoutMs` later. The caller then closes the server.
 */
export async function drainGateways({ delayMs = 0, timeoutMs = 10_000 }: { delayMs?: number; timeoutMs?: number } = {}): Promise<void> {
  for (const g of gateways) g.draining = true;
  if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
  const deadline = Date.now() + timeoutMs;
  while ([...gateways].some((g) => g.inFlight > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

export function useHealth({ subgraphUrls, ping, timeoutMs = 2000 }: HealthOptions): GatewayPlugin {
  const state = { inFlight: 0, draining: false };
  gateways.add(state);
  const counted = new WeakSet<Request>();
  const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown) =>
    new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== '/readyz' && url.pathname !== '/healthz') {
        counted.add(request);
        state.inFlight++;
      }
      if (request.method !== 'GET') return;
      if (url.pathname === '/healthz') return endResponse(json(fetchAPI, 200, { status: 'ok' }));
      if (url.pathname !== '/readyz') return;
      if (state.draining) return endResponse(json(fetchAPI, 503, { status: 'stopping' }));
      const checks = await Promise.all(
        Object.entries(subgraphUrls).map(async ([name, graphqlUrl]) => {
          try {
            const r = await fetch(new URL('/readyz', graphqlUrl), { signal: AbortSignal.timeout(timeoutMs) });
            return [name, r.ok ? 'ready' : `HTTP ${r.status}`] as const;
          } catch {
            return [name, 'onbereikbaar'] as const;
          }
        }),
      );
      const database = ping
        ? await Promise.race([ping().then(() => 'ready'), new Promise<string>((r) => setTimeout(() => r('onbereikbaar'), timeoutMs).unref())]).catch(() => 'onbereikbaar')
        : 'ready';
      const ready = checks.every(([, s]) => s === 'ready') && database === 'ready';
      endResponse(json(fetchAPI, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', database, subgraphs: Object.fromEntries(checks) }));
    },
    onResponse({ request }) {
      if (counted.delete(request)) state.inFlight--;
    },
  };
}
