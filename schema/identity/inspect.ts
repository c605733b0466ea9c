/**
 * A partner's token, checked rule by rule against this federation's configuration, for the
 * onboarding check command (`npm run check-token`). The services stop at the first broken rule and
 * say only which (`reden`); an IdP administrator setting up claims needs every rule at once, with the
 * value that broke it. The rules are the verifier's own (`verify.ts`, `token-policy.ts`,
 * `claims.ts`), called one at a time; a test holds the verdict equal to the verifier's.
 *
 * It never registers the token's `jti`: checking a token does not use it up.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ClaimsError, callerFromClaims } from './claims.js';
import { checkTokenTimes, DEFAULT_TOKEN_POLICY, isMachineClient, TokenPolicyError } from './token-policy.js';
import { ALLOWED_ALGORITHMS, MAX_JTI_LENGTH, type VerifierOptions } from './verify.js';

export interface TokenCheck {
  readonly regel: string;
  readonly ok: boolean;
  /** What was found; never the signature, and only claims a token shows to whoever holds it. */
  readonly uitleg: string;
}

export interface InspectDeps {
  readonly keys: JWTVerifyGetKey;
  /** @default Date.now */
  readonly now?: () => number;
}

const check = (regel: string, ok: boolean, uitleg: string): TokenCheck => ({ regel, ok, uitleg });

export async function inspectToken(token: string, options: VerifierOptions, deps: InspectDeps): Promise<TokenCheck[]> {
  const policy = options.policy ?? DEFAULT_TOKEN_POLICY;
  const nowSeconds = Math.floor((deps.now ?? Date.now)() / 1000);
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(token);
    payload = decodeJwt(token);
  } catch (error) {
    return [check('vorm', false, `geen JWT (drie base64url-delen met JSON): ${(error as Error).message}`)];
  }
  const checks: TokenCheck[] = [];
  const alg = String(header.alg);
  checks.push(check('algoritme', (ALLOWED_ALGORITHMS as readonly string[]).includes(alg), `${alg}; toegestaan: ${ALLOWED_ALGORITHMS.join(', ')}`));
  try {
    await compactVerify(token, deps.keys, { algorithms: [...ALLOWED_ALGORITHMS] });
    checks.push(check('handtekening', true, `geldig met sleutel ${header.kid ?? '(geen kid)'} uit ${options.jwksUrl}`));
  } catch (error) {
    checks.push(check('handtekening', false, `niet te verifiëren met de sleutels van ${options.jwksUrl} (kid ${header.kid ?? 'ontbreekt'}): ${(error as Error).message}`));
  }
  checks.push(check('iss', payload.iss === options.issuer, `${payload.iss ?? '(ontbreekt)'}; verwacht ${options.issuer} (JWT_ISSUER)`));
  const audiences = payload.aud === undefined ? [] : [payload.aud].flat();
  checks.push(check('aud', audiences.includes(options.audience), `${audiences.join(', ') || '(ontbreekt)'}; verwacht ${options.audience} (JWT_AUDIENCE)`));
  const missing = (['exp', 'iat', 'jti', 'sub'] as const).filter((claim) => payload[claim] === undefined);
  checks.push(check('verplichte claims', missing.length === 0, missing.length ? `ontbreekt: ${missing.join(', ')}` : 'exp, iat, jti en sub aanwezig'));
  if (typeof payload.exp === 'number') {
    const left = payload.exp - nowSeconds;
    checks.push(check('exp', left > -policy.clockSkew, left > 0 ? `nog ${left} s geldig` : `${-left} s geleden verlopen (speling ${policy.clockSkew} s)`));
  }
  try {
    checkTokenTimes(payload, policy, nowSeconds);
    const max = isMachineClient(payload) ? policy.maxLifetimeMachine : policy.maxLifetimePerson;
    checks.push(check('tijden (NL GOV)', true, `${isMachineClient(payload) ? 'machinetoken' : 'persoonstoken'}: exp − iat ${Number(payload.exp) - Number(payload.iat)} s ≤ ${max} s; iat/nbf niet in de toekomst`));
  } catch (error) {
    if (!(error instanceof TokenPolicyError)) throw error;
    checks.push(check('tijden (NL GOV)', false, `${error.reden}: ${error.message}`));
  }
  const jti = payload.jti;
  checks.push(check('jti', typeof jti === 'string' && jti !== '' && jti.length <= MAX_JTI_LENGTH, typeof jti === 'string' ? `${jti.length} tekens (1–${MAX_JTI_LENGTH}), eenmalig per token` : 'ontbreekt'));
  try {
    const caller = callerFromClaims(payload);
    const waar = caller.gemeente ? `, gemeente ${caller.gemeente}` : caller.regio ? `, regio ${caller.regio}` : '';
    checks.push(check('persona', true, `${caller.partij}, organisatie ${caller.organisatie}${waar}${caller.rol ? `, rol ${caller.rol}` : ''}`));
    // Not a refusal: the access log's audit rows record them, and stay emptier without.
    checks.push(check('azp/acr (vastgelegd in het logboek)', true, `azp ${caller.azp ?? '(ontbreekt)'}, acr ${caller.acr ?? '(ontbreekt)'}`));
  } catch (error) {
    if (!(error instanceof ClaimsError)) throw error;
    checks.push(check('persona', false, `CLAIMS_ONVOLLEDIG: ${error.message}`));
  }
  return checks;
}
