/**
 * A minimal node:http integration for Apollo Server (its documented `executeHTTPGraphQLRequest`
 * API), so a subgraph can serve `/graphql` beside its own plain routes (health, policy context)
 * without a web framework.
 */
import { HeaderMap, type ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextThunk } from '@apollo/server';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GraphQLError } from 'graphql';
import { holdIdleConnections } from '../../schema/http-server.js';
import {
  firstOverLimit,
  knownWithinLimits,
  isLimitError,
  limitError,
  limitsFromEnv,
  operationCost,
  parseWithinLimits,
  subgraphLimits,
  type OperationLimits,
} from '../../schema/limits/operation-limits.js';

/** A plain route's answer: JSON, or text of its own type (Prometheus' exposition format). */
export type RouteResponse = { status: number; json: unknown } | { status: number; text: string; contentType: string };
export type Route = (req: IncomingMessage, body: unknown) => Promise<RouteResponse>;

export interface HttpOptions<TContext extends BaseContext> {
  readonly apollo: ApolloServer<TContext>;
  readonly context: (req: IncomingMessage) => ReturnType<ContextThunk<TContext>>;
  /** Plain JSON routes, by `METHOD /path`. */
  readonly routes?: Record<string, Route>;
  /** Largest request body accepted. @default the operation limits' `bytes` (1 MiB, `MAX_BODY_BYTES`) */
  readonly maxBodyBytes?: number;
  /**
   * The operation limits, checked before Apollo parses: the gateway's own (`MAX_*` from the
   * environment, as the gateway reads them) with room for its query plans (`subgraphLimits`), so a
   * direct caller cannot bypass what the gateway refuses.
   */
  readonly limits?: OperationLimits;
}

/** The gateway's limits (`MAX_*`, read as the gateway reads them) with room for its query plans. */
const subgraphLimitsFromEnv = (): OperationLimits => subgraphLimits(limitsFromEnv(process.env));

/**
 * The cost limit, which needs the subgraph's schema: once Apollo has resolved the operation, before
 * any resolver runs, estimated as the gateway estimates it (`_entities` sized by its
 * representations). A refusal is a 400 with `OPERATIE_TE_GROOT`, like the others.
 */
export function costLimitPlugin(limits: OperationLimits = subgraphLimitsFromEnv()): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operationName, request }) {
          const cost = operationCost(schema, document, operationName, request.variables, limits.lijstgrootte);
          if (cost > limits.kosten) throw limitError('kosten', limits.kosten, cost);
        },
      };
    },
  };
}

/** Refused with `OPERATIE_TE_GROOT` as the gateway refuses it; `Content-Length` first, then while reading. */
async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw limitError('bytes', limit, declared);
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw limitError('bytes', limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A refusal as a GraphQL error response (no `http` extension, no query). */
function limitResponse(error: { message: string; extensions: Record<string, unknown> }) {
  const { http: _http, ...extensions } = error.extensions;
  return { errors: [{ message: error.message, extensions }] };
}

function sendJson(res: ServerResponse, status: number, json: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(json));
}

export function createHttpServer<TContext extends BaseContext>(options: HttpOptions<TContext>): Server {
  const limits = options.limits ?? subgraphLimitsFromEnv();
  const known = knownWithinLimits();
  const { apollo, routes = {}, maxBodyBytes = limits.bytes } = options;
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://subgraph');
      const raw = req.method === 'POST' ? await readBody(req, maxBodyBytes) : '';
      const route = routes[`${req.method} ${url.pathname}`];
      if (route) {
        let body: unknown;
        try {
          body = raw ? JSON.parse(raw) : undefined;
        } catch {
          return sendJson(res, 400, { error: 'ONGELDIGE_JSON' });
        }
        const out = await route(req, body);
        if ('text' in out) {
          res.writeHead(out.status, { 'content-type': out.contentType });
          return res.end(out.text);
        }
        return sendJson(res, out.status, out.json);
      }
      if (url.pathname !== '/graphql') return sendJson(res, 404, { error: 'NIET_GEVONDEN' });
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      let body: unknown = raw;
      if (raw && headers.get('content-type')?.includes('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw; // Apollo answers a malformed body with its own 400.
        }
      }
      const refused = firstOverLimit(req.method === 'GET' ? { query: url.searchParams.get('query') } : body, limits, known);
      if (refused) return sendJson(res, 400, limitResponse(refused));
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') return res.end(response.body.string);
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    } catch (error) {
      if (isLimitError(error) && !res.headersSent) {
        // Answer at once and close the connection rather than read the rest of an oversized body.
        res.setHeader('connection', 'close');
        return sendJson(res, 413, limitResponse(error));
      }
      const status = (error as { status?: number }).status ?? 500;
      if (!res.headersSent) sendJson(res, status, { error: 'INTERNE_FOUT' });
      else res.end();
    }
  });
  return holdIdleConnections(server);
}

export { listen } from '../../schema/http-server.js';
