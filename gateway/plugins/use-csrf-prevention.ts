/**
 * CSRF prevention as Apollo Server does it (and as the subgraphs already have it): a browser sends a
 * cross-site request without a CORS preflight only when it is "simple" — GET, or POST with
 * `application/x-www-form-urlencoded`, `multipart/form-data` or `text/plain`. Such a request may carry
 * whatever cookies or SSO session the browser has, so it is refused unless it carries a header no
 * simple request can have (`apollo-require-preflight`, `x-apollo-operation-name`); anything else
 * (`application/json`, say) has already passed the browser's preflight against our CORS allowlist.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { ErrorCode } from '../../schema/errors.js';
import { NO_LOG, type GatewayLog } from '../request-log.js';

/** Content types a browser sends cross-site without asking first (Fetch standard, CORS-safelisted). */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/** Headers a client sets to show it is no simple request; the names Apollo's clients already send. */
export const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;

export interface CsrfPreventionOptions {
  /** The GraphQL path. @default '/graphql' */
  readonly graphqlPath?: string;
  readonly log?: GatewayLog;
}

/** The MIME type without parameters, as the browser would classify it. */
function mimeType(contentType: string | null): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? type : undefined;
}

/** True when a browser could have sent `request` cross-site without a preflight. */
export function mayBeForged(request: Request): boolean {
  const type = mimeType(request.headers.get('content-type'));
  if (type !== undefined && !SIMPLE_CONTENT_TYPES.has(type)) return false;
  return !PREFLIGHT_HEADERS.some((name) => (request.headers.get(name) ?? '') !== '');
}

export function useCsrfPrevention({ graphqlPath = '/graphql', log = NO_LOG }: CsrfPreventionOptions = {}): GatewayPlugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== graphqlPath || request.method === 'OPTIONS' || !mayBeForged(request)) return;
      log.info('geweigerd', { status: 400, code: ErrorCode.CSRF_GEWEIGERD, method: request.method }, request);
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message: `Dit verzoek kan uit een andere website komen (CSRF) en wordt geweigerd. Stuur content-type application/json, of een van de headers ${PREFLIGHT_HEADERS.join(', ')}.`,
                extensions: { code: ErrorCode.CSRF_GEWEIGERD },
              },
            ],
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
