/**
 * Bearer-token verification with jose, shared by the gateway and every subgraph: each verifies the
 * token itself, so a subgraph reached directly is no back door.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Caller } from '../context.js';
import { callerFromClaims } from './claims.js';

/** Only asymmetric algorithms: `none` and HS256-with-the-public-key are refused by construction. */
export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

export interface VerifierOptions {
  /** Expected `iss`. */
  readonly issuer: string;
  /** Expected `aud`. */
  readonly audience: string;
  /** Where the issuer publishes its keys. An unknown `kid` triggers one refetch (jose's cooldown), then a refusal. */
  readonly jwksUrl: string;
}

export type VerifyToken = (authorization: string | null | undefined) => Promise<Caller>;

export class AuthenticationError extends Error {}

export function createTokenVerifier(options: VerifierOptions, keys?: JWTVerifyGetKey): VerifyToken {
  const jwks = keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('Geen bearer-token meegegeven.');
    try {
      const { payload } = await jwtVerify(match[1]!, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...ALLOWED_ALGORITHMS],
        requiredClaims: ['exp', 'sub'],
      });
      return callerFromClaims(payload);
    } catch (error) {
      // jose's messages name the failed check (expired, audience, signature) without token content.
      throw new AuthenticationError(`Token ongeldig: ${(error as Error).message}`);
    }
  };
}
