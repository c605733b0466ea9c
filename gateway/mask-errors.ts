/**
 * What a partner sees of a failure. Refusals and known failures keep their meaning on the way through
 * the gateway — their `code`, `reden` and the subgraph's `serviceName` — so a partner can tell a
 * refusal from overload from a bug; an unreachable subgraph says which one; only true internal errors
 * are masked. What a subgraph request carried (`request`, `response`) never leaves the gateway.
 */
import { GraphQLError } from 'graphql';
import { zonderStack } from '../schema/errors.js';
import { invalidJsonError } from '../schema/limits/operation-limits.js';

/** The code a partner gets when a subgraph could not be reached: what it contributes is null. */
export const SUBGRAAF_ONBEREIKBAAR = 'SUBGRAAF_ONBEREIKBAAR';

/** Extensions that describe the gateway's own traffic, never the partner's answer. */
const INTERN = new Set(['request', 'response', 'stacktrace', 'originalError', 'exception', 'unexpected']);

type WithExtensions = { message?: string; extensions?: Record<string, unknown>; originalError?: unknown };

function* causes(error: unknown): Generator<WithExtensions> {
  let e = error as WithExtensions | undefined;
  for (let depth = 0; e && typeof e === 'object' && depth < 4; depth++, e = e.originalError as WithExtensions | undefined) yield e;
}

const where = (error: unknown) => {
  const g = error instanceof GraphQLError ? error : undefined;
  return { ...(g?.nodes ? { nodes: g.nodes } : {}), ...(g?.path ? { path: g.path } : {}) };
};

/** As graphql-yoga decides it: a GraphQL error all the way down was raised on purpose, not a crash. */
function isOriginalGraphQLError(error: unknown): boolean {
  if (!(error instanceof GraphQLError)) return false;
  return error.originalError == null || isOriginalGraphQLError(error.originalError);
}

export function maskGatewayError(error: unknown, message: string): Error {
  const chain = [...causes(error)];
  // A GET's `variables` or `extensions` that is no JSON fails in the server's own JSON.parse: the
  // caller's input, said as such (as a POST body that is no JSON), not an internal error.
  if (chain.some((c) => c instanceof SyntaxError)) return invalidJsonError();
  const unreachable = chain.find((c) => c.extensions?.['code'] === 'SUBREQUEST_HTTP_ERROR');
  if (unreachable) {
    const serviceName = unreachable.extensions?.['serviceName'];
    return new GraphQLError(`De subgraaf ${String(serviceName ?? 'onbekend')} is niet bereikbaar; wat hij bijdraagt ontbreekt in dit antwoord.`, {
      ...where(error),
      extensions: { code: SUBGRAAF_ONBEREIKBAAR, ...(serviceName ? { serviceName } : {}) },
    });
  }
  const known = isOriginalGraphQLError(error) ? chain[0] : chain.find((c) => typeof c.extensions?.['code'] === 'string' && c.extensions['code'] !== 'INTERNAL_SERVER_ERROR');
  if (known) {
    const extensions = Object.fromEntries(Object.entries(known.extensions ?? {}).filter(([k]) => !INTERN.has(k)));
    // A refusal or known failure is data (most often a subgraph's, made by the dozen per answer):
    // rebuilt without a stack. An internal error keeps one, below.
    return zonderStack(() => new GraphQLError(known.message ?? message, { ...where(error), extensions }));
  }
  return new GraphQLError(message, { ...where(error), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
