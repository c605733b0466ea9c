/**
 * Operation limits at the gateway (issue 14 item 5), all before planning and before any subgraph
 * fetch:
 *
 * - the body size: a `Content-Length` over the limit is refused before a byte is read, and a body
 *   without one (chunked) is read only until it passes the limit (413);
 * - tokens and textual depth in one lexer pass, then graphql-js's parser (`maxTokens`), then depth,
 *   aliases and directives by graphql-armor's rules and the root fields, fragments expanded (400);
 * - the estimated cost with the request's variables, just before execution, i.e. before the
 *   federation plans a single subgraph fetch (400). Hive Gateway's own `demandControl` is not used:
 *   it costs each subgraph fetch as it goes out, so it cannot refuse before the first (see
 *   `operationCost`).
 *
 * The structural limits run here, in the request parser, rather than as armor's envelop plugins in
 * `onValidate`: the response is ours (status, one error, no echo), and a document too long or too
 * deep is refused before Yoga parses it at all.
 *
 * Each refusal is `OPERATIE_TE_GROOT` with `limiet: { naam, maximum, env }` and `gevonden`, in Dutch,
 * without any of the query, and is logged as the gateway logs other refusals (status, who, which
 * limit, the numbers). A malformed JSON body is `ONGELDIGE_JSON`, without echoing any of it (Yoga's
 * own parser does). The limits are shared with the subgraphs (`schema/limits`).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { setMaxListeners } from 'node:events';
import type { GraphQLError } from 'graphql';
import {
  DEFAULT_LIMITS,
  firstOverLimit,
  knownWithinLimits,
  invalidJsonError,
  isLimitError,
  limitError,
  operationCost,
  parseWithinLimits,
  type OperationLimits,
} from '../../schema/limits/operation-limits.js';
import { callerOf } from './use-authentication.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

export interface OperationLimitsOptions {
  /** Where refusals are recorded (who, which limit, the numbers; never the query or the token). */
  readonly log?: GatewayLog;
}

/** The body, read until it passes `max` bytes; then reading stops and the request is refused. */
export async function readLimited(request: Request, max: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) throw limitError('bytes', max, declared);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > max) {
        await reader.cancel().catch(() => {});
        throw limitError('bytes', max);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks, size);
}

const isJson = (request: Request) => /^application\/(graphql\+)?json\b/i.test(request.headers.get('content-type') ?? '');

/** The refusal as a log line: status, limit, what was found, and who asked (party and organisation, never the token's subject). */
function logRefusal(log: GatewayLog, request: Request | undefined, error: GraphQLError): void {
  const e = error.extensions as { limiet?: { naam: string; maximum: number }; gevonden?: number; http?: { status?: number } };
  const caller = request ? callerOf(request) : undefined;
  log.info(
    'geweigerd',
    {
      status: e.http?.status ?? 400,
      code: 'OPERATIE_TE_GROOT',
      limiet: e.limiet?.naam,
      maximum: e.limiet?.maximum,
      ...(e.gevonden === undefined ? {} : { gevonden: e.gevonden }),
      ...(caller ? { partij: caller.partij, organisatie: caller.organisatie } : {}),
    },
    request,
  );
}

/** The refusal as its own response: `http.status` for the status, never serialised; the connection closes on a 413. */
function refusal(fetchAPI: { Response: typeof Response }, error: GraphQLError): Response {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } } & Record<string, unknown>;
  const status = http?.status ?? 400;
  return new fetchAPI.Response(JSON.stringify({ errors: [{ message: error.message, extensions }] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...(status === 413 ? { connection: 'close' } : {}) },
  });
}

/** The subgraphs one operation can reach (gemeente, regisseur, corporatie, garantiefonds). */
const SUBGRAPHS_PER_REQUEST = 4;

export function useOperationLimits(limits: OperationLimits = DEFAULT_LIMITS, { log = NO_LOG }: OperationLimitsOptions = {}): GatewayPlugin {
  // Every subgraph fetch of a request listens on the request's abort signals (the request's, the
  // execution's, the fetch's), so an operation within the limits may hold one listener per alias or
  // root field per subgraph at once: that is the bound Node's "possible leak" warning should use
  // (its default of 10 fired under ordinary load, issue 14); a real leak still goes past it.
  const listenersPerRequest = (limits.aliassen + limits.hoofdvelden) * SUBGRAPHS_PER_REQUEST + 10;
  const known = knownWithinLimits();
  const allow = (...signals: (AbortSignal | undefined)[]) => {
    for (const signal of signals) if (signal) setMaxListeners(listenersPerRequest, signal);
  };
  return {
    onSubgraphExecute({ executionRequest }) {
      allow(executionRequest.signal, executionRequest.info?.signal, (executionRequest.context as { request?: Request } | undefined)?.request?.signal);
    },
    onFetch({ options }) {
      allow(options.signal ?? undefined);
    },
    // Every limit but cost is decided here, as the request is read: the response is ours (status,
    // body), and nothing of the operation has been parsed by Yoga, let alone planned.
    onRequestParse({ request, requestParser, setRequestParser, fetchAPI }) {
      if (!requestParser) return;
      const parseRequest = requestParser;
      setRequestParser(async (req) => {
        let params: Awaited<ReturnType<typeof parseRequest>>;
        if (req.method === 'POST') {
          let bytes: Buffer;
          try {
            bytes = await readLimited(req, limits.bytes);
          } catch (error) {
            if (!isLimitError(error)) throw error;
            logRefusal(log, request, error);
            return refusal(fetchAPI, error); // answered at once; the rest of the body is not read
          }
          if (!isJson(req)) params = await parseRequest(new fetchAPI.Request(req.url, { method: req.method, headers: req.headers, body: new Uint8Array(bytes) }));
          else {
            try {
              params = JSON.parse(bytes.toString('utf8'));
            } catch {
              throw invalidJsonError();
            }
            if (params === null || typeof params !== 'object') throw invalidJsonError();
          }
        } else {
          params = await parseRequest(req);
        }
        if (params instanceof fetchAPI.Response) return params;
        const error = firstOverLimit(params, limits, known);
        if (!error) return params;
        logRefusal(log, request, error);
        return refusal(fetchAPI, error);
      });
    },
    // A backstop for any document that reaches Yoga's parser some other way.
    onParse({ context, parseFn, setParseFn }) {
      const request = (context as { request?: Request }).request;
      setParseFn((source, options) => {
        try {
          return parseWithinLimits(typeof source === 'string' ? source : source.body, limits, parseFn, options);
        } catch (error) {
          if (isLimitError(error)) logRefusal(log, request, error);
          throw error;
        }
      });
    },
    onExecute({ args, setResultAndStopExecution }) {
      const cost = operationCost(args.schema, args.document, args.operationName, args.variableValues as Record<string, unknown>, limits.lijstgrootte);
      if (cost <= limits.kosten) return;
      const error = limitError('kosten', limits.kosten, cost);
      logRefusal(log, (args.contextValue as { request?: Request }).request, error);
      setResultAndStopExecution({ errors: [error] });
    },
  };
}
