import { SignJWT, createLocalJWKSet, generateKeyPair, exportJWK, type JWTPayload } from 'jose';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JtiRegister } from './jti-register.js';
import { DEFAULT_TOKEN_POLICY, isMachineClient } from './token-policy.js';
import { AuthenticationError, createTokenVerifier, type VerifyToken } from './verify.js';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'woonkans-gateway';
const NOW = Math.floor(Date.now() / 1000);
const PERSOON = { partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo', azp: 'wmo-app', acr: 'http://eidas.europa.eu/LoA/substantial' };

/** The register's contract in memory: first token wins its jti. */
function memoryRegister(): JtiRegister {
  const bound = new Map<string, string>();
  return async (jti, fingerprint) => {
    if (!bound.has(jti)) bound.set(jti, fingerprint);
    return bound.get(jti)!;
  };
}

let privateKey: CryptoKey;
let verify: VerifyToken;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256', { extractable: true });
  privateKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256' };
  verify = createTokenVerifier(
    { issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'https://idp.test/jwks.json' },
    { keys: createLocalJWKSet({ keys: [jwk] }), jtiRegister: memoryRegister() },
  );
});

interface Times {
  readonly iat?: number | undefined;
  readonly exp?: number | undefined;
  readonly nbf?: number | undefined;
  readonly jti?: string | null;
  readonly sub?: string;
}

function sign(claims: JWTPayload, t: Times = {}): Promise<string> {
  const jwt = new SignJWT({ ...claims, ...(t.nbf !== undefined ? { nbf: t.nbf } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
    .setSubject(t.sub ?? 'medewerker-1')
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(t.iat ?? NOW)
    .setExpirationTime(t.exp ?? NOW + 600);
  if (t.jti !== null) jwt.setJti(t.jti ?? randomUUID());
  return jwt.sign(privateKey);
}

async function reden(token: string): Promise<string> {
  try {
    await verify(`Bearer ${token}`);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthenticationError);
    return (error as AuthenticationError).reden;
  }
  return 'AANVAARD';
}

describe('tokens by the NL GOV OAuth profile', () => {
  it('refuses a correctly signed token that lives fifty years', async () => {
    expect(await reden(await sign(PERSOON, { exp: NOW + 50 * 365 * 86_400 }))).toBe('TOKEN_TE_LANG_GELDIG');
  });

  it('refuses iat a year in the future, and nbf beyond the clock skew; accepts both within it', async () => {
    const jaar = 365 * 86_400;
    expect(await reden(await sign(PERSOON, { iat: NOW + jaar, exp: NOW + jaar + 600 }))).toBe('TOKEN_UIT_DE_TOEKOMST');
    expect(await reden(await sign(PERSOON, { nbf: NOW + 3600 }))).toBe('TOKEN_NOG_NIET_GELDIG');
    expect(await reden(await sign(PERSOON, { iat: NOW + 30, nbf: NOW + 30, exp: NOW + 630 }))).toBe('AANVAARD');
  });

  it('allows a person one hour and a machine client a quarter of an hour', async () => {
    expect(await reden(await sign(PERSOON, { exp: NOW + DEFAULT_TOKEN_POLICY.maxLifetimePerson }))).toBe('AANVAARD');
    expect(await reden(await sign(PERSOON, { exp: NOW + DEFAULT_TOKEN_POLICY.maxLifetimePerson + 1 }))).toBe('TOKEN_TE_LANG_GELDIG');
    const machine = { ...PERSOON, azp: 'venlo-retentie' };
    expect(await reden(await sign(machine, { sub: 'venlo-retentie', exp: NOW + 900 }))).toBe('AANVAARD');
    expect(await reden(await sign(machine, { sub: 'venlo-retentie', exp: NOW + 1200 }))).toBe('TOKEN_TE_LANG_GELDIG');
    // The same twenty minutes are fine for a person using that client.
    expect(await reden(await sign(machine, { exp: NOW + 1200 }))).toBe('AANVAARD');
  });

  it('recognises a machine client as RFC 9068 does: sub is the client id', () => {
    expect(isMachineClient({ sub: 'svc', client_id: 'svc' })).toBe(true);
    expect(isMachineClient({ sub: 'svc', azp: 'svc' })).toBe(true);
    expect(isMachineClient({ sub: 'medewerker-1', azp: 'svc' })).toBe(false);
    expect(isMachineClient({ sub: 'medewerker-1' })).toBe(false);
  });

  it('requires jti, iat and exp', async () => {
    expect(await reden(await sign(PERSOON, { jti: null }))).toBe('TOKEN_ONVOLLEDIG');
    expect(await reden(await sign(PERSOON, { jti: '' }))).toBe('TOKEN_ONVOLLEDIG');
    const zonderIat = await new SignJWT(PERSOON).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setSubject('x').setIssuer(ISSUER).setAudience(AUDIENCE).setJti(randomUUID()).setExpirationTime(NOW + 600).sign(privateKey);
    expect(await reden(zonderIat)).toBe('TOKEN_ONVOLLEDIG');
  });

  it('accepts one token many times (forwarded, a session) and refuses another token with its jti', async () => {
    const jti = randomUUID();
    const token = await sign(PERSOON, { jti });
    for (let i = 0; i < 3; i++) expect(await reden(token)).toBe('AANVAARD');
    expect(await reden(await sign({ ...PERSOON, partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' }, { jti }))).toBe('TOKEN_HERGEBRUIKT');
    // Even the same claims signed again make another token: a jti names exactly one.
    expect(await reden(await sign(PERSOON, { jti }))).toBe('TOKEN_HERGEBRUIKT');
    expect(await reden(token)).toBe('AANVAARD');
  });

  it('still refuses an expired token, and keeps azp and acr for the audit row', async () => {
    expect(await reden(await sign(PERSOON, { iat: NOW - 1200, exp: NOW - 600 }))).toBe('TOKEN_VERLOPEN');
    const caller = await verify(`Bearer ${await sign(PERSOON)}`);
    expect(caller).toMatchObject({ partij: 'GEMEENTE', azp: 'wmo-app', acr: 'http://eidas.europa.eu/LoA/substantial' });
  });
});
