/**
 * Bearer-token verification with jose, shared by the gateway and every subgraph: each verifies the
 * token itself, so a subgraph reached directly is no back door. Beyond the signature it holds tokens
 * to the NL GOV OAuth profile: bounded lifetime, no issuing in the future (`token-policy.ts`), and a
 * `jti` that is required and bound to its one token (`jti-register.ts`).
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Caller } from '../context.js';
import { TokenReden } from '../errors.js';
import { ClaimsError, callerFromClaims } from './claims.js';
import { tokenFingerprint, type JtiRegister } from './jti-register.js';
import { checkTokenTimes, DEFAULT_TOKEN_POLICY, TokenPolicyError, type TokenPolicy } from './token-policy.js';

/** Only asymmetric algorithms: `none` and HS256-with-the-public-key are refused by construction. */
export const ALLOWED_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** A token id longer than this is no id but a way to fill the register. */
export const MAX_JTI_LENGTH = 256;

export interface VerifierOptions {
  /** Expected `iss`. */
  readonly issuer: string;
  /** Expected `aud`. */
  readonly audience: string;
  /** Where the issuer publishes its keys. An unknown `kid` triggers one refetch (jose's cooldown), then a refusal. */
  readonly jwksUrl: string;
  /** Lifetime and clock-skew bounds. @default DEFAULT_TOKEN_POLICY */
  readonly policy?: TokenPolicy | undefined;
}

export interface VerifierDeps {
  /** This service's register of token ids (shared by its replicas). */
  readonly jtiRegister: JtiRegister;
  /** Keys to verify with instead of fetching the JWKS (tests of a single service). */
  readonly keys?: JWTVerifyGetKey | undefined;
  /** The clock. @default Date.now */
  readonly now?: () => number;
}

export type VerifyToken = (authorization: string | null | undefined) => Promise<Caller>;

/** A refused token; `reden` is the rule it broke (`TokenReden`). */
export class AuthenticationError extends Error {
  constructor(
    message: string,
    readonly reden: TokenReden = TokenReden.TOKEN_ONGELDIG,
  ) {
    super(message);
  }
}

/** jose's errors name the failed check without token content; this maps them to a reden. */
function redenOf(error: unknown): TokenReden {
  if (error instanceof errors.JWTExpired) return TokenReden.TOKEN_VERLOPEN;
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return TokenReden.TOKEN_ONVOLLEDIG;
    if (error.claim === 'nbf') return TokenReden.TOKEN_NOG_NIET_GELDIG;
  }
  return TokenReden.TOKEN_ONGELDIG;
}

export function createTokenVerifier(options: VerifierOptions, deps: VerifierDeps): VerifyToken {
  const jwks = deps.keys ?? createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000 });
  const policy = options.policy ?? DEFAULT_TOKEN_POLICY;
  const now = deps.now ?? Date.now;
  return async (authorization) => {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('Geen bearer-token meegegeven.', TokenReden.GEEN_TOKEN);
    const token = match[1]!;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        algorithms: [...ALLOWED_ALGORITHMS],
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
        clockTolerance: policy.clockSkew,
        currentDate: new Date(now()),
      }));
      checkTokenTimes(payload, policy, Math.floor(now() / 1000));
      if (typeof payload.jti !== 'string' || payload.jti === '' || payload.jti.length > MAX_JTI_LENGTH) {
        throw new TokenPolicyError(TokenReden.TOKEN_ONVOLLEDIG, `jti moet een tekst van 1 tot ${MAX_JTI_LENGTH} tekens zijn`);
      }
    } catch (error) {
      const reden = error instanceof TokenPolicyError ? error.reden : redenOf(error);
      throw new AuthenticationError(`Token ongeldig: ${(error as Error).message}`, reden);
    }
    let caller: Caller;
    try {
      caller = callerFromClaims(payload);
    } catch (error) {
      if (error instanceof ClaimsError) throw new AuthenticationError(`Token ongeldig: ${error.message}`, TokenReden.CLAIMS_ONVOLLEDIG);
      throw error;
    }
    const fingerprint = tokenFingerprint(token);
    const until = new Date((payload.exp! + policy.clockSkew) * 1000);
    if ((await deps.jtiRegister(payload.jti!, fingerprint, until)) !== fingerprint) {
      throw new AuthenticationError('Token ongeldig: deze jti is al gebruikt voor een ander token.', TokenReden.TOKEN_HERGEBRUIKT);
    }
    return caller;
  };
}
