/**
 * What a subgraph notes of each GraphQL request for its logs, metrics and span: the operation's
 * type and name, and for every error its code — logged with the request's trace id. A refusal is
 * logged by code, `reden`, the field's schema coordinate (`veld`) and the root field's name (never
 * the response path: it holds the caller's aliases); the field refusals of one request as one line
 * (`velden geweigerd`: how many, by reason, which fields); an internal error with the error itself
 * (`safeError`), never its variables or query.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '../../../schema/errors.js';
import type { TraceIds } from '../trace.js';
import type { Logger } from './log.js';
import { codeLabel, type OperationType, type SubgraphMetrics } from './metrics.js';

/** Filled in while the request runs; read when its response has closed. */
export interface Observed {
  operationType: OperationType;
  operationName: string | null;
  readonly codes: string[];
}

export interface ObservedContext extends BaseContext {
  readonly trace: TraceIds;
  readonly observed: Observed;
}

export const newObserved = (): Observed => ({ operationType: 'onbekend', operationName: null, codes: [] });

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a NUL byte in a text, a date out of range) are
 * the caller's input that got past the checks before the resolver: invalid input, not a bug. The
 * driver's error may sit under drizzle's `cause`.
 */
export function isDataException(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && typeof e === 'object' && depth < 3; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^22[0-9A-Z]{3}$/.test(e.code)) return true;
  }
  return false;
}

export type ErrorKind = { kind: 'weigering'; code: string } | { kind: 'ongeldig' } | { kind: 'intern'; original: unknown };

/** User-facing errors keep their code; a data exception is invalid input; anything else is a bug. */
export function classifyError(error: unknown, code: unknown): ErrorKind {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  if (original instanceof GraphQLError || (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR')) return { kind: 'weigering', code: String(code ?? 'ONBEKEND') };
  if (isDataException(original)) return { kind: 'ongeldig' };
  return { kind: 'intern', original };
}

/** The fault under a refusal, if one caused it: the first error in its chain that is not a GraphQL error. */
function faultUnder(error: unknown): unknown {
  for (let e = (error as { originalError?: unknown })?.originalError, depth = 0; e && depth < 4; e = (e as { originalError?: unknown }).originalError, depth++) {
    if (!(e instanceof GraphQLError)) return e;
  }
  return undefined;
}

/** The root field's name (not its alias) for a response path's first key. */
function rootField(operation: OperationDefinitionNode | undefined, key: unknown): string | undefined {
  for (const s of operation?.selectionSet.selections ?? []) {
    if (s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === key) return s.name.value;
  }
  return undefined;
}

export function requestObserverPlugin(logger: Logger, metrics: SubgraphMetrics): ApolloServerPlugin<ObservedContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, operationName, contextValue }) {
          contextValue.observed.operationType = operation?.operation ?? 'onbekend';
          contextValue.observed.operationName = operationName ?? null;
        },
        async didEncounterErrors({ errors, contextValue, operation }) {
          const { traceId, spanId } = contextValue.trace;
          // Field refusals come by the dozen per answer (61 in the regisseur's 20-case view): one
          // line per request counts them by reason and names their fields; each one, with its
          // case, is in the access log already.
          const velden = new Set<string>();
          const redenen: Record<string, number> = {};
          let geweigerd = 0;
          for (const error of errors) {
            const c = classifyError(error, error.extensions?.['code']);
            const code = c.kind === 'weigering' ? codeLabel(c.code) : c.kind === 'ongeldig' ? ErrorCode.ONGELDIGE_INVOER : 'INTERNAL_SERVER_ERROR';
            contextValue.observed.codes.push(code);
            metrics.errors.inc({ code });
            if (c.kind === 'intern') {
              logger.error({ traceId, spanId, code, operationName: contextValue.observed.operationName, err: c.original }, 'interne fout');
              continue;
            }
            const { reden, veld } = error.extensions ?? {};
            if (code === ErrorCode.DOSERING_GEWEIGERD) {
              geweigerd++;
              if (typeof veld === 'string') velden.add(veld);
              if (typeof reden === 'string') redenen[reden] = (redenen[reden] ?? 0) + 1;
              continue;
            }
            const fields = {
              traceId,
              spanId,
              code,
              ...(typeof reden === 'string' ? { reden } : {}),
              ...(typeof veld === 'string' ? { veld } : {}),
              rootField: rootField(operation, error.path?.[0]),
              operationName: contextValue.observed.operationName,
            };
            // Refused because something failed (the log could not be written): the operator needs
            // the failure itself, which the partner's message leaves out.
            const fault = faultUnder(error);
            if (fault) logger.error({ ...fields, err: fault }, 'geweigerd na een storing');
            else logger.info(fields, 'geweigerd');
          }
          if (geweigerd > 0) {
            logger.info(
              { traceId, spanId, code: ErrorCode.DOSERING_GEWEIGERD, aantal: geweigerd, redenen, velden: [...velden].sort(), operationName: contextValue.observed.operationName },
              'velden geweigerd',
            );
          }
        },
      };
    },
  };
}
