/**
 * The Woonkans gateway: Hive Gateway's runtime (MIT) over the checked-in supergraph, with identity,
 * the static dosing layer, health checks, W3C trace propagation and — in development — the local
 * issuer. It forwards the caller's own token; every subgraph verifies it again.
 */
import { createGatewayRuntime, type GatewayPlugin, type GatewayRuntime } from '@graphql-hive/gateway-runtime';
import type { GraphQLSchema } from 'graphql';
import * as httpTransport from '@graphql-mesh/transport-http';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { holdIdleConnections, listen } from '../schema/http-server.js';
import { cachedJtiRegister, postgresJtiRegister } from '../schema/identity/jti-register.js';
import { createTokenVerifier } from '../schema/identity/verify.js';
import type { Database } from '../subgraphs/common/database.js';
import type { GatewayConfig } from './config.js';
import { forbiddenCoordinates } from './contracts.js';
import { maskGatewayError } from './mask-errors.js';
import { tokenJti } from './db/tables.js';
import type { DevKeys } from './dev-issuer/keys.js';
import { useAuthentication } from './plugins/use-authentication.js';
import { useContractDownload } from './plugins/use-contract-download.js';
import { useCors } from './plugins/use-cors.js';
import { useCsrfPrevention } from './plugins/use-csrf-prevention.js';
import { useDevIssuer } from './plugins/use-dev-issuer.js';
import { useErrorCatalogue } from './plugins/use-error-catalogue.js';
import { useHealth } from './plugins/use-health.js';
import { useLoadShedding } from './plugins/use-load-shedding.js';
import { useMetrics } from './plugins/use-metrics.js';
import { useOperationLimits } from './plugins/use-operation-limits.js';
import { useStaticDosing } from './plugins/use-static-dosing.js';
import { flushTracing, useTracing, tracedTraceId } from './plugins/use-tracing.js';
import { useRequestId } from './plugins/use-request-id.js';
import { useVariableCheck } from './plugins/use-variable-check.js';
import { useSkippedRoot } from './plugins/use-skipped-root.js';
import { useErrorsAsData } from './plugins/use-errors-as-data.js';
import { gatewayLog } from './request-log.js';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { loadSupergraph } from './supergraph.js';
import { createDocumentCheck } from './trusted-documents/check.js';
import { trustedDocuments, useObjectParams } from './trusted-documents/enforcement.js';
import { useDocumentRegister } from './plugins/use-document-register.js';
import { DEFAULT_LIMITS } from '../schema/limits/operation-limits.js';
import { createLogger, type Logger } from '../subgraphs/common/observability/log.js';

export interface GatewayDeps {
  /** The gateway's own database (`openGatewayDatabase`): its token register, shared by its replicas. */
  readonly database: Database;
  /** The development issuer's keys, when `config.devIssuer` is on. */
  readonly devKeys?: DevKeys;
  /** Extra plugins (e.g. the Werkgroep dashboard page). */
  readonly plugins?: GatewayPlugin[];
  /** The process's logger; the gateway logs through `logger.child({ service: 'gateway' })`. @default JSON on stdout */
  readonly logger?: Logger;
  /** The OTLP/HTTP collector (`OTEL_EXPORTER_OTLP_ENDPOINT`); unset, no spans are recorded. */
  readonly otlpEndpoint?: string | undefined;
}

export interface RunningGateway {
  readonly url: string;
  readonly server: Server;
  stop(): Promise<void>;
}

const traceparents = new WeakMap<Request, string>();
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

/**
 * The `traceparent` the gateway sends to every subgraph for one request: the partner's trace when it
 * sent a valid one (else a new trace), with the gateway's own span as the parent of the subgraphs'.
 */
function traceparentOf(request: Request): string {
  let tp = traceparents.get(request);
  if (!tp) {
    const m = TRACEPARENT.exec(request.headers.get('traceparent')?.trim().toLowerCase() ?? '');
    const valid = m && m[1] !== 'ff' && !/^0+$/.test(m[2]!) && !/^0+$/.test(m[3]!);
    const traceId = valid ? m[2]! : randomBytes(16).toString('hex');
    tp = `00-${traceId}-${randomBytes(8).toString('hex')}-${valid ? m[4]! : '01'}`;
    traceparents.set(request, tp);
  }
  return tp;
}

export function createWoonkansGateway(config: GatewayConfig, deps: GatewayDeps) {
  const logger = (deps.logger ?? createLogger()).child({ service: 'gateway' });
  const tracing = deps.otlpEndpoint ? useTracing({ endpoint: deps.otlpEndpoint, logger }) : undefined;
  // The request's trace id in the gateway's log lines: the span's when traced, else the one sent on.
  const traceIdOf = (request: Request) => (tracing && tracedTraceId(tracing, request)) || traceparentOf(request).split('-')[1];
  const log = gatewayLog(logger, traceIdOf);
  const supergraph = loadSupergraph(config.subgraphUrls);
  const contracts = forbiddenCoordinates(supergraph);
  const verify = createTokenVerifier(config.auth, { jtiRegister: cachedJtiRegister(postgresJtiRegister(deps.database.db, tokenJti)) });
  if (config.devIssuer && !deps.devKeys) throw new TypeError('DEV_ISSUER staat aan maar er zijn geen ontwikkelsleutels');

  const runtime: GatewayRuntime = createGatewayRuntime({
    supergraph,
    unifiedGraphHandler,
    transports: { http: httpTransport } as never,
    logging: false,
    landingPage: false,
    // Replaced by `useCors`: the runtime's default reflects any origin with credentials.
    cors: false,
    graphiql: false,
    maskedErrors: { maskError: maskGatewayError },
    batching: { limit: 10 },
    // Ours (`useRequestId`): the trace id, or the partner's own id when well-formed.
    requestId: false,
    persistedDocuments: trustedDocuments({ modus: config.vertrouwdeDocumenten ?? 'uit', db: deps.database.db, log }),
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => ({
        authorization: request.headers.get('authorization') ?? '',
        // When traced, the plugin sends its own span's `traceparent` (same trace) to each subgraph.
        ...(tracing ? {} : { traceparent: traceparentOf(request) }),
      }),
    },
    plugins: (ctx) => [
      ...(tracing ? [tracing] : []),
      useRequestId(traceIdOf),
      useLoadShedding({ maxInFlight: config.maxInFlight ?? 256, maxEventLoopDelayMs: config.maxEventLoopDelayMs ?? 0, log }),
      useCors(config.corsOrigins),
      useMetrics({ log: ctx.log }),
      ...(config.devIssuer && deps.devKeys
        ? [useDevIssuer({ keys: deps.devKeys, mint: { issuer: config.auth.issuer, audience: config.auth.audience } })]
        : []),
      useHealth({ subgraphUrls: config.subgraphUrls, ping: () => deps.database.ping() }),
      useErrorCatalogue(),
      ...(deps.plugins ?? []),
      useCsrfPrevention({ log }),
      useAuthentication({ verify, log }),
      useOperationLimits(config.limits, { log }),
      useObjectParams(),
      useStaticDosing({ contracts, log }),
      useVariableCheck(),
      useSkippedRoot(),
      useErrorsAsData(),
      useDocumentRegister({
        db: deps.database.db,
        verify,
        check: createDocumentCheck({ supergraphSdl: supergraph, contracts, ...(config.limits ? { limits: config.limits } : {}) }),
        maxBytes: (config.limits ?? DEFAULT_LIMITS).bytes,
        log,
      }),
      useContractDownload({ contracts, verify, getSchema: (): GraphQLSchema | Promise<GraphQLSchema> => runtime.getSchema() }),
    ],
  });

  return {
    runtime,
    async listen(port = config.port, host = config.host): Promise<RunningGateway> {
      const server = holdIdleConnections(createServer(runtime as never));
      const url = await listen(server, port, host);
      return {
        url,
        server,
        stop: async () => {
          server.closeAllConnections();
          await new Promise<void>((resolve) => server.close(() => resolve()));
          await runtime.dispose();
          if (tracing) await flushTracing();
        },
      };
    },
  };
}
