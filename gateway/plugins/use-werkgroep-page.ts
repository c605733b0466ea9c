/**
 * Serves the Werkgroep dashboard (`gateway/werkgroep/`) at `GET /werkgroep`: one HTML document,
 * rendered once at start-up, and at `GET /werkgroep/grafiek.js` the charting library (Chart.js) from the
 * installed package, so the page loads nothing from another host. The page holds no figures; it asks
 * the GraphQL endpoint for them with the user's own bearer token, so serving it needs no
 * authentication and reveals nothing.
 *
 * Why the headers: the document's `<meta>` Content-Security-Policy cannot forbid framing, so the same
 * policy is also sent as a header with `frame-ancestors 'none'` (no clickjacking of the token field);
 * `no-store` keeps a shared proxy from holding an old page with an old query.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { grafiekBibliotheek } from '../werkgroep/chart-library.js';
import { renderWerkgroepDocument } from '../werkgroep/page.js';

/** Options of {@link useWerkgroepPage}. */
export interface WerkgroepPageOptions {
  /**
   * Show the development sign-in, which fetches a token from `GET /dev/token?partij=WERKGROEP`
   * (`use-dev-issuer.ts`). Only where the development issuer runs.
   * @default false
   */
  readonly devPersonas?: boolean;
  /**
   * Where the page is served.
   * @default '/werkgroep'
   */
  readonly path?: string;
  /**
   * Where the page sends its query.
   * @default '/graphql'
   */
  readonly graphqlPath?: string;
}

/** Serves the Werkgroep dashboard page. */
export function useWerkgroepPage({ devPersonas = false, path = '/werkgroep', graphqlPath = '/graphql' }: WerkgroepPageOptions = {}): GatewayPlugin {
  const grafiekPad = `${path}/grafiek.js`;
  const { html, contentSecurityPolicy } = renderWerkgroepDocument({ graphqlPath, devPersonas, grafiekScriptPad: grafiekPad });
  const bibliotheek = grafiekBibliotheek();
  // The library is public code: a browser may keep it for a day (the page itself is never cached, and
  // its integrity hash changes with the installed version).
  const scriptHeaders = {
    'content-type': 'text/javascript; charset=utf-8',
    'cache-control': 'public, max-age=86400',
    'x-content-type-options': 'nosniff',
  };
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `${contentSecurityPolicy}; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  const paths = new Set([path, `${path}/`]);
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname === grafiekPad && (request.method === 'GET' || request.method === 'HEAD')) {
        return endResponse(new fetchAPI.Response(request.method === 'GET' ? bibliotheek.code : null, { status: 200, headers: scriptHeaders }));
      }
      if (!paths.has(url.pathname)) return;
      if (request.method === 'GET') return endResponse(new fetchAPI.Response(html, { status: 200, headers }));
      if (request.method === 'HEAD') return endResponse(new fetchAPI.Response(null, { status: 200, headers }));
      endResponse(new fetchAPI.Response('Methode niet toegestaan.', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' } }));
    },
  };
}
