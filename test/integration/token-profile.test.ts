/**
 * Issue 12, part 2: tokens held to the NL GOV OAuth profile by the gateway and every subgraph alike —
 * a bounded lifetime, nothing issued in the future, a required `jti` bound to its one token — and the
 * token's `azp` and `acr` in the access log's audit rows.
 */
import { sql } from 'drizzle-orm';
import { SignJWT, decodeJwt } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDevKeys, type DevKeys } from '../../gateway/dev-issuer/keys.js';
import { DEV_ACR, DEV_CLIENT_ID } from '../../gateway/dev-issuer/mint.js';
import { SUBGRAPH_NAMES } from '../../subgraphs/catalog.js';
import { rowsOf } from '../../subgraphs/common/rows.js';
import { buildDosingCases, seedDosingCases } from '../helpers/dosing-fixtures.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
let keys: DevKeys;
const [CASE] = buildDosingCases([{ fase: 'ONDERZOEK', staat: 'GELDIG' }]);
const NOW = Math.floor(Date.now() / 1000);
const JAAR = 365 * 86_400;
const VENLO = { partij: 'GEMEENTE', organisatie: 'gemeente-venlo', gemeente: 'venlo' };

beforeAll(async () => {
  keys = (await generateDevKeys()).keys;
  fed = await startTestFederation({ devKeys: keys });
  await seedDosingCases(fed, [CASE!]);
});
afterAll(async () => {
  await fed?.stop();
});

interface Claims {
  readonly iat?: number;
  readonly exp?: number;
  readonly jti?: string | null;
  readonly extra?: Record<string, unknown>;
}

/** A token correctly signed by the federation's own issuer: only the claims under test are odd. */
function sign({ iat = NOW, exp = NOW + 600, jti = randomUUID(), extra = {} }: Claims = {}): Promise<string> {
  const jwt = new SignJWT({ ...VENLO, ...extra })
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'JWT' })
    .setSubject('wmo-venlo')
    .setIssuer(fed.config.auth.issuer)
    .setAudience(fed.config.auth.audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp);
  if (jti !== null) jwt.setJti(jti);
  return jwt.sign(keys.privateKey);
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const QUERY = { query: `query($id: ID!) { traject(id: $id) { id inwoner { naam } } }`, variables: { id: CASE!.ctx.trajectId } };

/** Every door a token can knock on: the gateway, each subgraph directly, the policy-context endpoint. */
function doors(): Record<string, [string, unknown]> {
  return {
    gateway: [`${fed.gatewayUrl}/graphql`, QUERY],
    ...Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, [fed.subgraphs[n].url, { query: '{ __typename }' }]])),
    beleidscontext: [new URL('/beleidscontext', fed.subgraphs.regisseur.url).toString(), { trajectIds: [CASE!.ctx.trajectId] }],
  };
}

async function refusedEverywhere(token: string, reden: string): Promise<void> {
  for (const [door, [url, body]] of Object.entries(doors())) {
    const res = await post(url, token, body);
    expect(res.status, door).toBe(401);
    if (door === 'beleidscontext') {
      // A plain JSON route: the same code and reden, under `fout`.
      expect(res.json.fout, door).toMatchObject({ code: 'UNAUTHENTICATED', reden });
      continue;
    }
    expect(res.json.errors?.[0]?.extensions, door).toMatchObject({ code: 'UNAUTHENTICATED', reden });
  }
}

describe('tokens by the NL GOV OAuth profile, at the gateway and every subgraph', () => {
  it('refuses a correctly signed token with exp fifty years ahead', async () => {
    await refusedEverywhere(await sign({ exp: NOW + 50 * JAAR }), 'TOKEN_TE_LANG_GELDIG');
  });

  it('refuses a correctly signed token issued a year in the future', async () => {
    await refusedEverywhere(await sign({ iat: NOW + JAAR, exp: NOW + JAAR + 600 }), 'TOKEN_UIT_DE_TOEKOMST');
  });

  it('refuses a token without jti', async () => {
    await refusedEverywhere(await sign({ jti: null }), 'TOKEN_ONVOLLEDIG');
  });

  it('accepts one token at every service and again and again; refuses another token with its jti everywhere', async () => {
    const jti = randomUUID();
    const first = await sign({ jti });
    for (let i = 0; i < 2; i++) {
      for (const [door, [url, body]] of Object.entries(doors())) expect((await post(url, first, body)).status, door).toBe(200);
    }
    const gw = await post(`${fed.gatewayUrl}/graphql`, first, QUERY);
    expect(gw.json.data.traject.inwoner.naam).toEqual(expect.any(String));
    await refusedEverywhere(await sign({ jti, extra: { rol: 'TEAMLEIDER' } }), 'TOKEN_HERGEBRUIKT');
  });

  it('gives every development token a fresh jti, azp and acr', async () => {
    const [a, b] = [decodeJwt(await fed.token(VENLO as never)), decodeJwt(await fed.token(VENLO as never))];
    expect(a.jti).toEqual(expect.any(String));
    expect(a.jti).not.toBe(b.jti);
    expect(a).toMatchObject({ azp: DEV_CLIENT_ID, acr: DEV_ACR });
    expect(a.exp! - a.iat!).toBe(3600);
    const machine = decodeJwt(await fed.token({ partij: 'GEMEENTE', gemeente: 'venlo', machine: true }));
    expect(machine.sub).toBe(machine['azp']);
    expect(machine.exp! - machine.iat!).toBe(900);
  });

  it('records azp and acr in the audit row of every subgraph that logged the access', async () => {
    const token = await sign({ extra: { azp: 'wmo-app-venlo', acr: 'http://eidas.europa.eu/LoA/substantial' } });
    const res = await post(`${fed.gatewayUrl}/graphql`, token, QUERY);
    expect(res.json.errors).toBeUndefined();
    const rows = rowsOf<{ azp: string; acr: string }>(
      await fed.subgraphs.gemeente.database.db.execute(sql`select azp, acr from gemeente.audit order by id desc limit 1`),
    );
    expect(rows[0]).toEqual({ azp: 'wmo-app-venlo', acr: 'http://eidas.europa.eu/LoA/substantial' });
  });
});
