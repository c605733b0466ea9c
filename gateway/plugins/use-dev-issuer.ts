/**
 * DEVELOPMENT ONLY: the local identity provider's JWKS (`/dev/jwks.json`) and a token endpoint
 * (`/dev/token?partij=…&organisatie=…`) for the dashboard's development sign-in. Off in production.
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { PARTIJEN, type Partij } from '../../schema/vocabulary.js';
import type { DevKeys } from '../dev-issuer/keys.js';
import { mintToken, type MintOptions } from '../dev-issuer/mint.js';

export interface DevIssuerOptions {
  readonly keys: DevKeys;
  readonly mint: MintOptions;
}

export function useDevIssuer({ keys, mint }: DevIssuerOptions): GatewayPlugin {
  const json = (fetchAPI: { Response: typeof Response }, status: number, body: unknown) =>
    new fetchAPI.Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
  return {
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (request.method !== 'GET') return;
      if (url.pathname === '/dev/jwks.json') return endResponse(json(fetchAPI, 200, { keys: [keys.publicJwk] }));
      if (url.pathname !== '/dev/token') return;
      const partij = url.searchParams.get('partij') as Partij | null;
      if (!partij || !PARTIJEN.includes(partij)) return endResponse(json(fetchAPI, 400, { error: 'onbekende partij' }));
      const q = (k: string) => url.searchParams.get(k) ?? undefined;
      try {
        const token = await mintToken(
          keys,
          { partij, organisatie: q('organisatie'), gemeente: q('gemeente'), regio: q('regio') as never, rol: q('rol'), sub: q('sub') },
          mint,
        );
        endResponse(json(fetchAPI, 200, { token }));
      } catch (error) {
        endResponse(json(fetchAPI, 400, { error: (error as Error).message }));
      }
    },
  };
}
