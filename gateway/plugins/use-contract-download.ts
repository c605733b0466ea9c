/**
 * `GET /contract`: the caller's own contract as SDL — the same schema its introspection shows, so a
 * partner can generate its client from it (`npm run contract -- --partij X` prints it offline).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { printSchema, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../schema/errors.js';
import type { VerifyToken } from '../../schema/identity/verify.js';
import { contractCache, type Contracts } from '../contracts.js';

export const CONTRACT_PATH = '/contract';

export function useContractDownload({ contracts, verify }: { contracts: Contracts; verify: VerifyToken }): GatewayPlugin {
  const contractFor = contractCache(contracts);
  let schema: GraphQLSchema | undefined;
  return {
    onSchemaChange({ schema: next }) {
      schema = next;
    },
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== CONTRACT_PATH || request.method !== 'GET') return;
      const respond = (status: number, body: string, type: string) =>
        endResponse(new fetchAPI.Response(body, { status, headers: { 'content-type': type } }));
      let partij;
      try {
        partij = (await verify(request.headers.get('authorization'))).partij;
      } catch (error) {
        return respond(401, JSON.stringify({ errors: [{ message: (error as Error).message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] }), 'application/json');
      }
      if (!schema) return respond(503, JSON.stringify({ errors: [{ message: 'Het schema is nog niet geladen.' }] }), 'application/json');
      respond(200, printSchema(contractFor(schema, partij)), 'text/plain; charset=utf-8');
    },
  };
}
