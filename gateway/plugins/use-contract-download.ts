/**
 * `GET /contract`: the caller's own contract as SDL — the same schema its introspection shows, so a
 * partner can generate its client from it (`npm run contract -- --partij X` prints it offline).
 */
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { GraphQLSchema } from 'graphql';
import { ErrorCode } from '../../schema/errors.js';
import type { VerifyToken } from '../../schema/identity/verify.js';
import { contractCache, printContract, type Contracts } from '../contracts.js';

export const CONTRACT_PATH = '/contract';

export interface ContractDownloadOptions {
  readonly contracts: Contracts;
  readonly verify: VerifyToken;
  /** The gateway's unified schema (loaded on first use). */
  readonly getSchema: () => GraphQLSchema | Promise<GraphQLSchema>;
}

export function useContractDownload({ contracts, verify, getSchema }: ContractDownloadOptions): GatewayPlugin {
  const contractFor = contractCache(contracts);
  return {
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
      respond(200, printContract(contractFor(await getSchema(), partij)), 'text/plain; charset=utf-8');
    },
  };
}
