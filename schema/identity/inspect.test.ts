/**
 * The onboarding check names every broken rule of a token, and its verdict is the verifier's: a
 * token it passes is one the services accept, a token it fails is one they refuse.
 */
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectToken } from './inspect.js';
import { createTokenVerifier, type VerifierOptions } from './verify.js';

const NOW = Math.floor(Date.now() / 1000);
const OPTIONS: VerifierOptions = { issuer: 'https://idp.test', audience: 'woonkans-gateway', jwksUrl: 'https://idp.test/jwks.json' };
const PERSOON = { partij: 'CORPORATIE', organisatie: 'woonwenz', azp: 'verhuur-app', acr: 'http://eidas.europa.eu/LoA/substantial' };

let key: CryptoKey;
let otherKey: CryptoKey;
let jwk: JWK;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  key = pair.privateKey;
  jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  otherKey = (await generateKeyPair('ES256')).privateKey;
});

interface Variant {
  readonly claims?: JWTPayload;
  readonly iss?: string;
  readonly aud?: string;
  readonly iat?: number;
  readonly exp?: number;
  readonly jti?: string | null;
  readonly signer?: 'other';
}

function sign(v: Variant = {}): Promise<string> {
  const jwt = new SignJWT({ ...PERSOON, ...v.claims })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject('medewerker-1')
    .setIssuer(v.iss ?? OPTIONS.issuer)
    .setAudience(v.aud ?? OPTIONS.audience)
    .setIssuedAt(v.iat ?? NOW)
    .setExpirationTime(v.exp ?? NOW + 600);
  if (v.jti !== null) jwt.setJti(v.jti ?? randomUUID());
  return jwt.sign(v.signer === 'other' ? otherKey : key);
}

const VARIANTS: Record<string, Variant> = {
  goed: {},
  'andere sleutel': { signer: 'other' },
  'verkeerde iss': { iss: 'https://elders.test' },
  'verkeerde aud': { aud: 'iemand-anders' },
  verlopen: { iat: NOW - 4000, exp: NOW - 400 },
  'vijftig jaar': { exp: NOW + 50 * 365 * 86_400 },
  'iat in de toekomst': { iat: NOW + 86_400, exp: NOW + 86_400 + 600 },
  'zonder jti': { jti: null },
  'onbekende partij': { claims: { partij: 'BUURMAN' } },
  'gemeente zonder gemeente': { claims: { partij: 'GEMEENTE', organisatie: 'gemeente-venlo' } },
  'machine te lang': { claims: { azp: 'medewerker-1' }, exp: NOW + 3600 },
};

describe('npm run check-token: every rule, with the verifier\'s verdict', () => {
  it.each(Object.keys(VARIANTS))('%s: passes every rule exactly when the verifier accepts it', async (name) => {
    const token = await sign(VARIANTS[name]);
    const keys = createLocalJWKSet({ keys: [jwk] });
    const checks = await inspectToken(token, OPTIONS, { keys });
    const verify = createTokenVerifier(OPTIONS, { keys, jtiRegister: async (_jti, fingerprint) => fingerprint });
    const accepted = await verify(`Bearer ${token}`).then(() => true, () => false);
    expect(checks.every((c) => c.ok), JSON.stringify(checks, null, 1)).toBe(accepted);
    expect(accepted).toBe(name === 'goed');
  });

  it('names each broken rule with what it found, all at once', async () => {
    const token = await sign({ iss: 'https://elders.test', aud: 'iemand-anders', exp: NOW + 50 * 365 * 86_400, claims: { partij: 'BUURMAN' } });
    const checks = await inspectToken(token, OPTIONS, { keys: createLocalJWKSet({ keys: [jwk] }) });
    const failed = Object.fromEntries(checks.filter((c) => !c.ok).map((c) => [c.regel, c.uitleg]));
    expect(Object.keys(failed).sort()).toEqual(['aud', 'iss', 'persona', 'tijden (NL GOV)']);
    expect(failed['iss']).toContain('https://elders.test; verwacht https://idp.test');
    expect(failed['tijden (NL GOV)']).toMatch(/^TOKEN_TE_LANG_GELDIG/);
    expect(failed['persona']).toMatch(/^CLAIMS_ONVOLLEDIG: claim partij/);
  });

  it('says what a non-token is, without throwing', async () => {
    const checks = await inspectToken('geen.token', OPTIONS, { keys: createLocalJWKSet({ keys: [jwk] }) });
    expect(checks).toEqual([expect.objectContaining({ regel: 'vorm', ok: false })]);
  });
});
