/**
 * The catalogue of error codes (`schema/error-catalogue.ts`) as a page: `GET /fouten` is readable
 * HTML, a table per group, and `GET /fouten.json` the same as data. Both are rendered once at
 * start-up and need no token: they describe the contract, never a resident or a case.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { catalogusAlsHtml, catalogusAlsJson } from '../../schema/error-catalogue.js';

export interface ErrorCatalogueOptions {
  /** Where the page is served; the JSON is at `${path}.json`. @default '/fouten' */
  readonly path?: string;
}

export function useErrorCatalogue({ path = '/fouten' }: ErrorCatalogueOptions = {}): GatewayPlugin {
  const common = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
  const pages = new Map<string, { body: string; headers: Record<string, string> }>();
  const html = {
    body: catalogusAlsHtml(),
    headers: {
      ...common,
      'content-type': 'text/html; charset=utf-8',
      // No script, no remote anything: only the inline style of the page itself.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
      'x-frame-options': 'DENY',
    },
  };
  pages.set(path, html);
  pages.set(`${path}/`, html);
  pages.set(`${path}.json`, { body: `${JSON.stringify(catalogusAlsJson(), null, 2)}\n`, headers: { ...common, 'content-type': 'application/json; charset=utf-8' } });
  return {
    onRequest({ url, request, endResponse, fetchAPI }) {
      const page = pages.get(url.pathname);
      if (!page) return;
      if (request.method === 'GET') return endResponse(new fetchAPI.Response(page.body, { status: 200, headers: page.headers }));
      if (request.method === 'HEAD') return endResponse(new fetchAPI.Response(null, { status: 200, headers: page.headers }));
      endResponse(new fetchAPI.Response('Methode niet toegestaan.', { status: 405, headers: { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' } }));
    },
  };
}
