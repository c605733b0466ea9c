/**
 * Bench only — columns (c) of `npm run bench`: two bare gateways in front of the federation's own
 * subgraphs (column (a)'s, with dosing and the access log): no authentication, limits, dosing or
 * other plugins of ours, only what a subgraph needs to answer — the caller's `authorization` and
 * `traceparent` passed on as they came.
 *
 * - `hiveRust`: Hive Gateway's runtime with the Rust query planner (`@graphql-hive/router-runtime`);
 * - `apolloGateway`: `@apollo/gateway` on `@apollo/server`.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import * as httpTransport from '@graphql-mesh/transport-http';
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { BenchGateway } from './undosed.js';

const PASSED_ON = ['authorization', 'traceparent'] as const;

/** Hive Gateway with the Rust query planner over `supergraph` (the subgraphs' URLs filled in). */
export async function launchHiveRust(supergraph: string): Promise<BenchGateway> {
  const runtime = createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    transports: { http: httpTransport } as never,
    logging: false,
    landingPage: false,
    graphiql: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) =>
        Object.fromEntries(PASSED_ON.map((h) => [h, request.headers.get(h) ?? ''] as const).filter(([, v]) => v !== '')),
    },
  });
  const server = createServer(runtime as never);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as { port: number };
  return {
    name: 'hiveRust',
    gatewayUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await runtime.dispose();
    },
  };
}

interface HeadersContext {
  readonly headers: IncomingHttpHeaders;
}

/** `@apollo/gateway` over `supergraph`, served by `@apollo/server`'s standalone HTTP server. */
export async function launchApolloGateway(supergraph: string): Promise<BenchGateway> {
  const gateway = new ApolloGateway({
    supergraphSdl: supergraph,
    logger: { debug() {}, info() {}, warn() {}, error: (m: unknown) => console.error('[apollo-gateway]', m) },
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<HeadersContext>({
        url,
        willSendRequest({ request, context }) {
          for (const h of PASSED_ON) {
            const v = context.headers?.[h];
            if (typeof v === 'string') request.http?.headers.set(h, v);
          }
        },
      }),
  });
  const server = new ApolloServer<HeadersContext>({ gateway, introspection: false });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({ headers: req.headers }),
  });
  return {
    name: 'apolloGateway',
    gatewayUrl: url.replace(/\/$/, ''),
    stop: () => server.stop(),
  };
}
