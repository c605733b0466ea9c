/**
 * Who may act on the fund (art. 7.7–7.8): the Voorzitter of the Woonkans-overleg decides, the MGR
 * as cashier books and pays, the matched corporation claims. Checked before anything is read, so a
 * refusal here says nothing about any case.
 */
import type { Caller } from '../../../schema/context.js';
import { FondsErrorCode } from '../domain/index.js';
import { weigerFonds } from '../store/refusal.js';

/** The Voorzitter: a regisseur whose token carries `rol: VOORZITTER` (DESIGN §2). */
export function isVoorzitter(caller: Caller): boolean {
  return caller.partij === 'REGISSEUR' && caller.rol === 'VOORZITTER';
}

export function eisVoorzitter(caller: Caller): void {
  if (!isVoorzitter(caller)) throw weigerFonds(FondsErrorCode.NIET_VOORZITTER);
}

/** The cashier: the GARANTIEFONDS party (MGR sociaal domein Limburg-Noord). */
export function eisKassier(caller: Caller): void {
  if (caller.partij !== 'GARANTIEFONDS') throw weigerFonds(FondsErrorCode.NIET_KASSIER);
}

/** Only a corporation can be the matched corporation of a case. */
export function eisCorporatie(caller: Caller): void {
  if (caller.partij !== 'CORPORATIE') throw weigerFonds(FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT);
}

/** Who sees the fund's aggregate figures (balance, due, claims, paid): never a case. */
export function magCijfersZien(caller: Caller): boolean {
  return caller.partij === 'GARANTIEFONDS' || caller.partij === 'WERKGROEP' || caller.partij === 'REGISSEUR';
}

/** Who sees the fund's details (parties, rounds, contributions, ledger): the cashier and the Voorzitter, who accounts for it. */
export function magDetailsZien(caller: Caller): boolean {
  return caller.partij === 'GARANTIEFONDS' || isVoorzitter(caller);
}

/** The party key under which a caller's own contributions are booked, or null when it pays none. */
export function eigenDeelnemer(caller: Caller): string | null {
  if (caller.partij === 'GEMEENTE' && caller.gemeente) return `GEMEENTE:${caller.gemeente}`;
  if (caller.partij === 'CORPORATIE' || caller.partij === 'ZORGAANBIEDER') return `${caller.partij}:${caller.organisatie}`;
  return null;
}
