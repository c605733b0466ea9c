/**
 * DEVELOPMENT ONLY. Mints a token for any persona of DESIGN §2, filling the claims a persona needs
 * (gemeente, regio) from sensible defaults so `npm run token -- --partij GEMEENTE` just works.
 */
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { GEMEENTEN, type Partij, type Regio } from '../../schema/vocabulary.js';
import type { DevKeys } from './keys.js';

export interface Persona {
  readonly partij: Partij;
  readonly organisatie?: string;
  readonly sub?: string;
  readonly rol?: string;
  readonly gemeente?: string;
  readonly regio?: Regio;
}

export interface MintOptions {
  readonly issuer: string;
  readonly audience: string;
  /** Lifetime in seconds. @default 3600 */
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
export function completePersona(p: Persona): Required<Omit<Persona, 'gemeente' | 'regio' | 'rol'>> & Persona {
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
  return { ...p, organisatie, gemeente, regio, sub: p.sub ?? `${organisatie}:${randomUUID().slice(0, 8)}` };
}

export async function mintToken(keys: DevKeys, persona: Persona, options: MintOptions): Promise<string> {
  const p = completePersona(persona);
  const claims: Record<string, unknown> = { partij: p.partij, organisatie: p.organisatie };
  if (p.rol) claims['rol'] = p.rol;
  if (p.gemeente) claims['gemeente'] = p.gemeente;
  if (p.regio) claims['regio'] = p.regio;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'JWT' })
    .setSubject(p.sub)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(`${options.ttlSeconds ?? 3600}s`)
    .sign(keys.privateKey);
}

