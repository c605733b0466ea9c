/**
 * Where tokens come from and how strictly they are held, parsed from the environment the same way
 * for the gateway and every subgraph: `JWT_ISSUER`, `JWT_AUDIENCE`, `JWKS_URL` and the NL GOV
 * bounds of `token-policy.ts`.
 */
import { tokenPolicyFromEnv, type TokenPolicy } from './token-policy.js';

export interface AuthConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUrl: string;
  readonly policy: TokenPolicy;
}

type Env = Record<string, string | undefined>;

/**
 * `devJwksUrl` is the development issuer's JWKS, used only when `npm start` runs the demo. Without
 * it, `JWKS_URL` is required: a service deployed on its own never trusts a key it made itself.
 */
export function authConfigFromEnv(env: Env, devJwksUrl?: string): AuthConfig {
  const jwksUrl = env['JWKS_URL'] || devJwksUrl;
  if (!jwksUrl) {
    throw new TypeError('JWKS_URL ontbreekt: zet de JWKS van de identity provider van de organisatie (de ontwikkeluitgever draait alleen bij npm start)');
  }
  new URL(jwksUrl); // throws on a malformed URL at boot
  return Object.freeze({
    issuer: env['JWT_ISSUER'] ?? 'https://woonkans.dev/issuer',
    audience: env['JWT_AUDIENCE'] ?? 'woonkans-gateway',
    jwksUrl,
    policy: tokenPolicyFromEnv(env),
  });
}
