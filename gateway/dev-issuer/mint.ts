/**
 * DEVELOPMENT ONLY. Mints a token for any persona of DESIGN §2, filling the claims a persona needs
 * (gemeente, regio) from sensible defaults so `npm run token -- --partij GEMEENTE` just works. Tokens
 * follow the NL GOV profile the services enforce: a fresh `jti` each, `azp` and `acr`, and the
 * lifetime of `DEFAULT_TOKEN_POLICY` (shorter for a machine client, whose `sub` is its client id).
 */
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { GEMEENTEN, type Partij, type Regio } from '../../schema/vocabulary.js';
import { DEFAULT_TOKEN_POLICY } from '../../schema/identity/token-policy.js';
import type { DevKeys } from './keys.js';

/** The development client (`azp`) of people's tokens: the CLI and the dashboard's sign-in. */
export const DEV_CLIENT_ID = 'woonkans-ontwikkeling';
/** Says plainly that no real authentication took place. */
export const DEV_ACR = 'urn:woonkans:acr:ontwikkeling';

export interface Persona {
  readonly partij: Partij;
  readonly organisatie?: string;
  readonly sub?: string;
  readonly rol?: string;
  readonly gemeente?: string;
  readonly regio?: Regio;
  /** A machine client (client-credentials): `sub` and `azp` are the client id. */
  readonly machine?: boolean;
}

export interface MintOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime in seconds. @default the policy's bound: 3600 for people, 900 for machines */
  readonly ttlSeconds?: number;
}

const DEFAULT_ORGANISATIE: Record<Partij, string> = {
  INWONER: 'inwoner',
  ZORGAANBIEDER: 'leger-des-heils',
  GEMEENTE: 'gemeente-venlo',
  REGISSEUR: 'regio-noord-limburg',
  CORPORATIE: 'woonwenz',
  GARANTIEFONDS: 'mgr',
  WERKGROEP: 'werkgroep-woonkans',
  TOEZICHT: 'functionaris-gegevensbescherming',
};

/** Completes a persona with the defaults its party needs. */
export function completePersona(p: Persona): Required<Omit<Persona, 'gemeente' | 'regio' | 'rol' | 'machine'>> & Persona {
  let { gemeente, regio, organisatie } = p;
  if (p.partij === 'GEMEENTE') {
    gemeente ??= organisatie?.replace(/^gemeente-/, '') ?? 'venlo';
    if (!(gemeente in GEMEENTEN)) throw new Error(`onbekende gemeente: ${gemeente}`);
    organisatie ??= `gemeente-${gemeente}`;
  }
  if (p.partij === 'REGISSEUR') {
    regio ??= organisatie === 'regio-midden-limburg' ? 'MIDDEN_LIMBURG' : 'NOORD_LIMBURG';
    organisatie ??= regio === 'MIDDEN_LIMBURG' ? 'regio-midden-limburg' : 'regio-noord-limburg';
  }
  organisatie ??= DEFAULT_ORGANISATIE[p.partij];
  const sub = p.sub ?? (p.machine ? `${organisatie}-systeem` : `${organisatie}:${randomUUID().slice(0, 8)}`);
  return { ...p, organisatie, gemeente, regio, sub };
}

export async function mintToken(keys: DevKeys, persona: Persona, options: MintOptions): Promise<string> {
  const p = completePersona(persona);
  const claims: Record<string, unknown> = { partij: p.partij, organisatie: p.organisatie };
  if (p.rol) claims['rol'] = p.rol;
  if (p.gemeente) claims['gemeente'] = p.gemeente;
  if (p.regio) claims['regio'] = p.regio;
  claims['azp'] = p.machine ? p.sub : DEV_CLIENT_ID;
  claims['acr'] = DEV_ACR;
  const ttl = options.ttlSeconds ?? (p.machine ? DEFAULT_TOKEN_POLICY.maxLifetimeMachine : DEFAULT_TOKEN_POLICY.maxLifetimePerson);
  // One clock reading for both claims: jose reads the clock per call, and a second boundary between
  // `setIssuedAt()` and a relative `setExpirationTime` made exp − iat one second too long.
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'JWT' })
    .setSubject(p.sub)
    .setJti(randomUUID())
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(keys.privateKey);
}

