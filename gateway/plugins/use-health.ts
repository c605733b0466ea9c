/**
 * `GET /healthz` (the process is alive) and `GET /readyz` (every subgraph answers its own readiness
 * check, which includes its database). Part of the public contract (DESIGN §6).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

export interface HealthOptions {
  readonly subgraphUrls: Readonly<Record<string, string>>;
  /** Per subgraph check timeout. @default 2000 */
  readonly timeoutMs?: number;
}

export function useHealth({ subgraphUrls, timeoutMs = 2000 }: HealthOptions): GatewayPlugin {
  const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown) =>
    new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/healthz') return endResponse(json(fetchAPI, 200, { status: 'ok' }));
      if (url.pathname !== '/readyz') return;
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
      const ready = checks.every(([, s]) => s === 'ready');
      endResponse(json(fetchAPI, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', subgraphs: Object.fromEntries(checks) }));
    },
  };
}
