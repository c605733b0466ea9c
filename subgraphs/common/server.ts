/**
 * Builds one federated subgraph: its SDL and resolvers through `buildSubgraphSchema`, then the shared
 * dosing transformer and the acts guard, served by Apollo Server over HTTP. Every request is authenticated by the
 * subgraph itself; every access to personal data is logged before the response leaves.
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from './resolver-map.js';
import { pgSchema } from 'drizzle-orm/pg-core';
import { GraphQLError, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { IncomingMessage, Server } from 'node:http';
import type { Caller } from '../../schema/context.js';
import type { Foutcode } from '../../schema/error-catalogue.js';
import { ErrorCode, unauthenticated, withoutSuggestions } from '../../schema/errors.js';
import { AuthenticationError, type VerifyToken } from '../../schema/identity/verify.js';
import { doseringTransformer } from '../../schema/transform.js';
import type { Subgraaf } from '../../schema/acts.js';
import { actGuard, type RecordLocators } from './act-guard.js';
import type { AccessLogWriter, ActLog } from './access-log.js';
import type { Database, Db } from './database.js';
import { costLimitPlugin, createHttpServer, listen, type Route } from './http.js';
import { createLogger, type Logger } from './observability/log.js';
import { createSubgraphMetrics, METRICS_PATH, timed, type SubgraphMetrics } from './observability/metrics.js';
import { classifyError, newObserved, requestObserverPlugin, type Observed } from './observability/request-plugin.js';
import type { RequestSpan, SubgraphTracer } from './observability/tracing.js';
import { INZAGE_TYPE } from './logboek/graphql-sdl.js';
import type { RegisseurVerantwoording } from './logboek/regisseur-bronnen.js';
import { logboekResolvers, type LogboekLezer } from './logboek/resolvers.js';
import { createSleutelCodec } from './logboek/sleutel.js';
import { createCursorCodec, type CursorCodec } from './paging/cursor.js';
import { logboekTables } from './logboek/tables.js';
import { BEWAARTERMIJN_PATH, bewaartermijnRoute, type Bewaartermijn } from './retention/route.js';
import type { PolicyContextSource } from './policy-context.js';
import { createRequestRuntime, type RequestRuntime } from './runtime.js';
import { outgoingTraceparent, traceFrom, type TraceIds } from './trace.js';

export interface SubgraphContext {
  readonly dosering: RequestRuntime;
  readonly caller: Caller;
  readonly authorization: string;
  readonly trace: TraceIds;
  readonly db: Db;
  /** Performs an act and writes its record in one transaction (`act-guard.ts`). */
  readonly actLog: ActLog;
  readonly now: () => number;
  /** Seals and opens the cursors of the subgraph's connections (`paging/`). */
  readonly cursors: CursorCodec;
  /** What the request's logs, metrics and span note of it (operation, error codes). */
  readonly observed: Observed;
  /** The request's span, when tracing is on. */
  readonly span?: RequestSpan | undefined;
}

export interface SubgraphDefinition {
  readonly name: Subgraaf;
  readonly typeDefs: DocumentNode;
  readonly resolvers: GraphQLResolverMap<SubgraphContext>;
  /** Whose case the subgraph's own records belong to, for acts that name a record (`schema/acts.ts`). */
  readonly records?: RecordLocators;
  /** The code of a date input that is no real date, where the subgraph's partners know another. @default ONGELDIGE_INVOER */
  readonly datumFout?: Foutcode;
}

export interface SubgraphDeps {
  readonly database: Database;
  readonly verifyToken: VerifyToken;
  readonly policyContext: PolicyContextSource;
  readonly accessLog: AccessLogWriter;
  /** Where an act and its record commit together: the same log as `accessLog` (`LogboekWriter.act`). */
  readonly actLog: ActLog;
  /** The clock; tests inject one. @default Date.now */
  readonly now?: () => number;
  /** Extra plain JSON routes beside `/graphql`. */
  readonly routes?: (deps: { verify: (req: IncomingMessage) => Promise<Caller> }) => Record<string, Route>;
  /** The subgraph's structured log (`service` bound): refusals by code, errors, never a value. @default JSON on stdout */
  readonly logger?: Logger;
  /** Its Prometheus metrics, served at `GET /metrics`. @default a registry of its own */
  readonly metrics?: SubgraphMetrics;
  /** Its OpenTelemetry spans, when `OTEL_EXPORTER_OTLP_ENDPOINT` is set. @default none */
  readonly tracer?: SubgraphTracer;
  /**
   * The log the read side (`Inzage`, `Toezicht`) reads: the same schema and tables the
   * `accessLog` writer writes. @default the log tables in the schema named after the subgraph
   */
  readonly logboek?: LogboekLezer;
  /**
   * Signs and checks the `sleutel` of `Inzage`/`Toezicht`, and (through a key derived from it) seals
   * the cursors of connections: the same key in every subgraph (`SLEUTEL_KEY_FILE`).
   */
  readonly sleutelKey: Uint8Array;
  /** The regisseur only: the resident's cases and the registers behind `mijnInzage` and `toezicht`. */
  readonly verantwoording?: RegisseurVerantwoording;
  /** The regisseur only: answers `POST /bewaartermijn` (which of the caller's case ids expired). */
  readonly bewaartermijn?: Bewaartermijn;
  /**
   * The dosing transformer applied to the subgraph's schema. The product's assembly
   * (`subgraphs/assemble.ts`) always passes `doseringTransformer`, as does the default; only the
   * bench's undosed comparison (`scripts/bench/undosed.ts`) passes another.
   */
  readonly doseer?: (schema: GraphQLSchema) => GraphQLSchema;
}

export interface StopOptions {
  /** How long `/readyz` answers 503 while requests are still accepted, so a balancer can notice. @default 0 */
  readonly delayMs?: number;
  /** How long in-flight requests may take to finish before their connections are cut. @default 10000 */
  readonly timeoutMs?: number;
}

export interface RunningSubgraph {
  readonly name: string;
  readonly url: string;
  readonly server: Server;
  /** Graceful: readyz turns 503, in-flight requests finish (bounded), then the server closes. */
  stop(options?: StopOptions): Promise<void>;
}

export interface Subgraph {
  readonly name: string;
  readonly apollo: ApolloServer<SubgraphContext>;
  readonly server: Server;
  listen(port: number, host?: string): Promise<RunningSubgraph>;
}

/** Writes the buffered access records; if that fails the response carries no data at all. */
function accessLogPlugin(name: string, writer: AccessLogWriter, logger: Logger, metrics: SubgraphMetrics): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue, operationName }) {
          const records = contextValue.dosering?.records;
          if (!records || records.length === 0) return;
          try {
            const write = () => writer(records, {
              caller: contextValue.caller,
              traceId: contextValue.trace.traceId,
              spanId: contextValue.trace.spanId,
              parentSpanId: contextValue.trace.parentSpanId,
              operationName: operationName ?? null,
              subgraph: name,
            });
            await timed(metrics.accessLogWrite, () => (contextValue.span ? contextValue.span.child('toegangslog', write) : write()));
          } catch (error) {
            const { traceId, spanId } = contextValue.trace;
            logger.error({ traceId, spanId, code: ErrorCode.TOEGANGSLOG_ONBEREIKBAAR, err: error }, 'toegangslog niet geschreven; antwoord zonder gegevens');
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  {
                    message: 'De toegang kon niet worden vastgelegd; daarom worden geen gegevens verstrekt.',
                    extensions: { code: ErrorCode.TOEGANGSLOG_ONBEREIKBAAR },
                  },
                ],
              },
            };
          }
        },
      };
    },
  };
}

/**
 * User-facing errors keep their code, without suggestions or stack; invalid input caught by the
 * database is `ONGELDIGE_INVOER`; anything else is a bug and is masked. Logging and counting them is
 * `requestObserverPlugin`'s job, which sees the request's trace.
 */
function formatError(formatted: { message: string; extensions?: Record<string, unknown> }, error: unknown) {
  const c = classifyError(error, formatted.extensions?.['code']);
  if (c.kind === 'weigering') {
    const { stacktrace: _s, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withoutSuggestions(formatted.message), extensions };
  }
  if (c.kind === 'ongeldig') {
    return { message: 'Een waarde in de invoer kan niet worden opgeslagen of gezocht (zoals een NUL-teken of een onmogelijke datum).', extensions: { code: ErrorCode.ONGELDIGE_INVOER } };
  }
  return { message: 'Interne fout.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** True when the SDL carries the log's read side (`subgraphTypeDefs` was given the subgraph's name). */
function hasLogboekSdl(typeDefs: DocumentNode): boolean {
  return typeDefs.definitions.some((d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === INZAGE_TYPE);
}

/** The subgraph's own resolvers plus the log's, merged per type (the regisseur's `Query` gains two fields). */
function withLogboek(definition: SubgraphDefinition, deps: SubgraphDeps): GraphQLResolverMap<SubgraphContext> {
  if (!hasLogboekSdl(definition.typeDefs)) return definition.resolvers;
  const lezer = deps.logboek ?? { schema: definition.name, tables: logboekTables(pgSchema(definition.name)) };
  const extra = logboekResolvers(definition.name, lezer, createSleutelCodec(deps.sleutelKey), deps.verantwoording);
  const merged: GraphQLResolverMap<SubgraphContext> = { ...definition.resolvers };
  for (const [type, fields] of Object.entries(extra)) {
    const own = definition.resolvers[type];
    merged[type] = own ? ({ ...(own as object), ...(fields as object) } as never) : fields;
  }
  return merged;
}

/**
 * The parsed and validated operations a subgraph keeps, measured as Apollo measures them (the JSON
 * of each document). Its operations come from the gateway's query plans: a few per partner
 * operation, a few hundred in all. Apollo's default is 30 MiB per server, which the fuzz's stream
 * of distinct operations filled in each of the four subgraphs: much of the heap growth of a long run.
 */
const DOCUMENT_STORE_BYTES = 4 * 2 ** 20;

export function createSubgraph(definition: SubgraphDefinition, deps: SubgraphDeps): Subgraph {
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? createLogger().child({ service: definition.name });
  const metrics = deps.metrics ?? createSubgraphMetrics(definition.name);
  const policyContext: typeof deps.policyContext = (...args) => timed(metrics.policyContext, () => deps.policyContext(...args));
  const resolvers = withLogboek(definition, deps);
  const cursors = createCursorCodec(deps.sleutelKey);
  // Fields are dosed per read; every act is authorised by its row of the acts table before it runs.
  const schema = actGuard(
    (deps.doseer ?? doseringTransformer)(buildSubgraphSchema([{ typeDefs: definition.typeDefs, resolvers: resolvers as never }])),
    definition.name,
    definition.records,
    definition.datumFout,
  );
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    documentStore: new InMemoryLRUCache({ maxSize: DOCUMENT_STORE_BYTES }),
    formatError: formatError as never,
    // Inline tracing would send timing data of every field to the gateway; nobody reads it here.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      costLimitPlugin(),
      requestObserverPlugin(logger, metrics) as ApolloServerPlugin<SubgraphContext>,
      accessLogPlugin(definition.name, deps.accessLog, logger, metrics),
    ],
  });
  const verify = async (req: IncomingMessage): Promise<Caller> => {
    try {
      return await deps.verifyToken(req.headers.authorization);
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message, error.reden);
      throw error;
    }
  };
  // The GraphQL requests in progress: counted, timed and their span ended once the response closed
  // (so the access log's commit is inside the span and the duration).
  const requests = new WeakMap<IncomingMessage, { readonly observed: Observed; readonly span: RequestSpan | undefined }>();
  const server = createHttpServer<SubgraphContext>({
    apollo,
    routes: {
      'GET /healthz': async () => ({ status: 200, json: { status: 'ok' } }),
      [`GET ${METRICS_PATH}`]: async () => ({ status: 200, text: await metrics.registry.metrics(), contentType: metrics.registry.contentType }),
      'GET /readyz': async () => {
        if (draining) return { status: 503, json: { status: 'stopt' } };
        try {
          await deps.database.ping();
          return { status: 200, json: { status: 'ready' } };
        } catch {
          return { status: 503, json: { status: 'database onbereikbaar' } };
        }
      },
      ...(deps.bewaartermijn ? { [`POST ${BEWAARTERMIJN_PATH}`]: bewaartermijnRoute(deps.bewaartermijn, verify, now) } : {}),
      ...deps.routes?.({ verify }),
    },
    context: async (req) => {
      const incoming = traceFrom(req.headers.traceparent as string | undefined);
      const span = deps.tracer?.startRequest(incoming);
      const trace = span?.trace ?? incoming;
      const observed = newObserved();
      requests.set(req, { observed, span });
      let caller: Caller;
      try {
        caller = await verify(req);
      } catch (error) {
        const code = (error as GraphQLError).extensions?.['code'];
        observed.codes.push(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR');
        logger.info({ traceId: trace.traceId, spanId: trace.spanId, code, reden: (error as GraphQLError).extensions?.['reden'] }, 'geweigerd');
        throw error;
      }
      const authorization = req.headers.authorization ?? '';
      const dosering = createRequestRuntime(
        caller,
        authorization,
        span ? (...args) => span.child('beleidscontext', () => policyContext(...args)) : policyContext,
        now,
        (error) => logger.warn({ traceId: trace.traceId, spanId: trace.spanId, err: error }, 'beleidscontext niet geladen; velden geweigerd'),
        outgoingTraceparent(trace),
      );
      return { dosering, caller, authorization, trace, db: deps.database.db, actLog: deps.actLog, now, cursors, observed, span };
    },
  });
  let started = false;
  // Requests whose response has not yet closed: a graceful stop waits for them.
  let draining = false;
  let inFlight = 0;
  server.on('request', (req: IncomingMessage, res: { once(event: 'close', cb: () => void): unknown }) => {
    inFlight++;
    const started = performance.now();
    res.once('close', () => {
      inFlight--;
      const request = requests.get(req);
      if (!request) return;
      const { operationType, operationName, codes } = request.observed;
      metrics.requests.inc({ operation_type: operationType });
      metrics.duration.observe({ operation_type: operationType }, (performance.now() - started) / 1000);
      request.span?.end({ operationType: operationType === 'onbekend' ? undefined : operationType, operationName, codes });
    });
  });
  return {
    name: definition.name,
    apollo,
    server,
    async listen(port, host) {
      if (!started) await apollo.start();
      started = true;
      const url = await listen(server, port, host);
      return {
        name: definition.name,
        url,
        server,
        stop: async ({ delayMs = 0, timeoutMs = 10_000 }: StopOptions = {}) => {
          draining = true;
          if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          await drain(server, () => inFlight, timeoutMs);
          server.closeAllConnections();
          await closed;
          await apollo.stop();
          await deps.tracer?.shutdown();
        },
      };
    },
  };
}

/**
 * Waits until no request is in flight (closing keep-alive connections as they go idle), at most
 * `timeoutMs`; the caller cuts what remains.
 */
export async function drain(server: Server, inFlight: () => number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (inFlight() > 0 && Date.now() < deadline) {
    server.closeIdleConnections();
    await new Promise((r) => setTimeout(r, 25));
  }
  server.closeIdleConnections();
}
