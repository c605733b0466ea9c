/**
 * Verifies the bearer token of every GraphQL request before anything runs; a missing, invalid or
 * expired token gets HTTP 401 with `UNAUTHENTICATED`. The verified caller is kept per request.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { Caller } from '../../schema/context.js';
import { ErrorCode } from '../../schema/errors.js';
import { AuthenticationError, type VerifyToken } from '../../schema/identity/verify.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

export interface AuthenticationOptions {
  readonly verify: VerifyToken;
  /** The GraphQL path. @default '/graphql' */
  readonly graphqlPath?: string;
  /** Where refusals are logged (never the token). */
  readonly log?: GatewayLog;
}

const callers = new WeakMap<Request, Caller>();

/** The verified caller of a request, set by `useAuthentication`. */
export function callerOf(request: Request): Caller | undefined {
  return callers.get(request);
}

export function useAuthentication({ verify, graphqlPath = '/graphql', log = NO_LOG }: AuthenticationOptions): GatewayPlugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath || request.method === 'OPTIONS') return;
      try {
        callers.set(request, await verify(request.headers.get('authorization')));
      } catch (error) {
        log.info('geweigerd', { status: 401, code: ErrorCode.UNAUTHENTICATED, ...(error instanceof AuthenticationError ? { reden: error.reden } : {}) }, request);
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: (error as Error).message,
                  // Which rule of the NL GOV profile the token broke, as the subgraphs say it too.
                  extensions: { code: ErrorCode.UNAUTHENTICATED, ...(error instanceof AuthenticationError ? { reden: error.reden } : {}) },
                },
              ],
            }),
            { status: 401, headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } },
          ),
        );
      }
    },
  };
}
