/**
 * CORS from an allowlist (`CORS_ORIGINS`). An origin on the list gets exactly itself back, with
 * credentials (for a dashboard behind an SSO proxy); any other origin gets no CORS headers at all, so
 * the browser withholds the response from its page. Never `*`, never a reflected arbitrary origin.
 * The runtime's own CORS is switched off (`cors: false`): by default it reflects every origin with
 * credentials, and to it an empty list means "every origin".
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PREFLIGHT_HEADERS } from './use-csrf-prevention.js';
import { REQUEST_ID_HEADER } from './use-request-id.js';

const ALLOWED_HEADERS = ['authorization', 'content-type', 'traceparent', REQUEST_ID_HEADER, ...PREFLIGHT_HEADERS].join(', ');

export function useCors(allowlist: readonly string[]): GatewayPlugin {
  const allowed = new Set(allowlist);
  const headersFor = (request: Request): Record<string, string> => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.has(origin)) return {};
    // The request id is the one header a page needs to read: to quote it when asking after a request.
    return { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': REQUEST_ID_HEADER };
  };
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method !== 'OPTIONS') return;
      const headers = headersFor(request);
      endResponse(
        new fetchAPI.Response(null, {
          status: 204,
          headers: {
            'content-length': '0',
            ...headers,
            ...(headers['access-control-allow-origin']
              ? { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': ALLOWED_HEADERS, 'access-control-max-age': '600' }
              : {}),
          },
        }),
      );
    },
    onResponse({ request, response }) {
      // The answer differs per origin, so a shared cache must key on it.
      response.headers.append('vary', 'Origin');
      for (const [name, value] of Object.entries(headersFor(request))) response.headers.set(name, value);
    },
  };
}
