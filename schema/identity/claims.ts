/**
 * Turns verified JWT claims into a `Caller`. A token whose claims do not make a complete persona
 * (DESIGN §2) is as good as no token: the caller is refused, never guessed.
 */
import type { JWTPayload } from 'jose';
import type { Caller } from '../context.js';
import { GEMEENTEN, PARTIJEN, REGIOS, type Partij, type Regio } from '../vocabulary.js';

export class ClaimsError extends Error {}

export function callerFromClaims(payload: JWTPayload): Caller {
  const { sub, partij, organisatie, rol, gemeente, regio, azp, client_id, acr } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') throw new ClaimsError('claim sub ontbreekt');
  if (typeof partij !== 'string' || !(PARTIJEN as readonly string[]).includes(partij)) {
    throw new ClaimsError('claim partij ontbreekt of is onbekend');
  }
  if (typeof organisatie !== 'string' || organisatie === '') throw new ClaimsError('claim organisatie ontbreekt');
  if (partij === 'GEMEENTE' && (typeof gemeente !== 'string' || !(gemeente in GEMEENTEN))) {
    throw new ClaimsError('claim gemeente ontbreekt of is onbekend');
  }
  if (partij === 'REGISSEUR' && (typeof regio !== 'string' || !(REGIOS as readonly string[]).includes(regio))) {
    throw new ClaimsError('claim regio ontbreekt of is onbekend');
  }
  return Object.freeze({
    sub,
    partij: partij as Partij,
    organisatie,
    rol: typeof rol === 'string' ? rol : undefined,
    gemeente: partij === 'GEMEENTE' ? (gemeente as string) : undefined,
    regio: partij === 'REGISSEUR' ? (regio as Regio) : undefined,
    // RFC 9068 names the client `client_id`; the NL GOV profile and OIDC name it `azp`.
    azp: typeof azp === 'string' ? azp : typeof client_id === 'string' ? client_id : undefined,
    acr: typeof acr === 'string' ? acr : undefined,
  });
}
