/**
 * The time rules of the NL GOV Assurance profile for OAuth 2.0 that a signature check alone does not
 * give: a token lives briefly (`exp − iat` bounded, shorter for machines than for people), and it was
 * not issued in the future (`iat`, `nbf` at most a small clock skew ahead). A token signed correctly
 * with `exp` fifty years ahead is a bearer credential for fifty years; these rules refuse it.
 */
import type { JWTPayload } from 'jose';
import { TokenReden } from '../errors.js';

export interface TokenPolicy {
  /** Longest `exp − iat` of a person's token, in seconds (`TOKEN_MAX_LIFETIME_S`). @default 3600 */
  readonly maxLifetimePerson: number;
  /** Longest `exp − iat` of a machine client's token, in seconds (`TOKEN_MAX_LIFETIME_MACHINE_S`). @default 900 */
  readonly maxLifetimeMachine: number;
  /** How far clocks of issuer and service may differ, in seconds (`TOKEN_CLOCK_SKEW_S`). @default 60 */
  readonly clockSkew: number;
}

export const DEFAULT_TOKEN_POLICY: TokenPolicy = Object.freeze({ maxLifetimePerson: 3600, maxLifetimeMachine: 900, clockSkew: 60 });

/** A refusal by the policy: `reden` goes to the caller's error, `message` says which claim. */
export class TokenPolicyError extends Error {
  constructor(
    readonly reden: TokenReden,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A machine client is recognised as RFC 9068 §2.2 (JWT access tokens) describes a token of the
 * client-credentials grant: there is no resource owner, so `sub` is the client itself — `sub` equals
 * `client_id` (or `azp`, the NL GOV profile's name for the authorised party). A person's token names
 * the person in `sub` and the application in `client_id`/`azp`, which then differ.
 */
export function isMachineClient(payload: JWTPayload): boolean {
  const client = (payload as Record<string, unknown>)['client_id'] ?? payload['azp'];
  return typeof client === 'string' && client !== '' && client === payload.sub;
}

/** Throws a `TokenPolicyError` when the token's times break the policy. `nowSeconds` is epoch seconds. */
export function checkTokenTimes(payload: JWTPayload, policy: TokenPolicy, nowSeconds: number): void {
  const { iat, exp, nbf } = payload;
  if (typeof iat !== 'number' || typeof exp !== 'number') {
    throw new TokenPolicyError(TokenReden.TOKEN_ONVOLLEDIG, 'claims iat en exp zijn verplicht');
  }
  if (iat > nowSeconds + policy.clockSkew) {
    throw new TokenPolicyError(TokenReden.TOKEN_UIT_DE_TOEKOMST, 'iat ligt in de toekomst');
  }
  if (typeof nbf === 'number' && nbf > nowSeconds + policy.clockSkew) {
    throw new TokenPolicyError(TokenReden.TOKEN_NOG_NIET_GELDIG, 'nbf ligt in de toekomst');
  }
  const machine = isMachineClient(payload);
  const max = machine ? policy.maxLifetimeMachine : policy.maxLifetimePerson;
  if (exp - iat > max) {
    throw new TokenPolicyError(
      TokenReden.TOKEN_TE_LANG_GELDIG,
      `exp − iat is ${exp - iat} s, langer dan de ${max} s die een ${machine ? 'machinetoken' : 'persoonstoken'} mag gelden`,
    );
  }
}

type Env = Record<string, string | undefined>;

function seconds(env: Env, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new TypeError(`${name} moet een geheel aantal seconden van minstens ${min} zijn, niet "${raw}"`);
  return n;
}

/** The policy from the environment, shared by the gateway's and the subgraphs' configuration. */
export function tokenPolicyFromEnv(env: Env): TokenPolicy {
  return Object.freeze({
    maxLifetimePerson: seconds(env, 'TOKEN_MAX_LIFETIME_S', DEFAULT_TOKEN_POLICY.maxLifetimePerson, 1),
    maxLifetimeMachine: seconds(env, 'TOKEN_MAX_LIFETIME_MACHINE_S', DEFAULT_TOKEN_POLICY.maxLifetimeMachine, 1),
    clockSkew: seconds(env, 'TOKEN_CLOCK_SKEW_S', DEFAULT_TOKEN_POLICY.clockSkew, 0),
  });
}
