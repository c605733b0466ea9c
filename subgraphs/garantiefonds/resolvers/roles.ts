/**
 * Who may read the fund's worklist, figures and details. Who may *act* on the fund (art. 7.7–7.8:
 * the Voorzitter decides, the MGR as cashier books and pays, the matched corporation claims) is
 * the acts table's (`schema/acts.ts`). Checked before anything is read, so a refusal here says
 * nothing about any case.
 */
import { VOORZITTER } from '../../../schema/acts.js';
import type { Caller } from '../../../schema/context.js';
import { ErrorCode, weigering } from '../../../schema/errors.js';
import type { SubgraphContext } from '../../common/server.js';
import { FondsErrorCode } from '../domain/index.js';
import { weigerFonds } from '../store/refusal.js';

/** The Voorzitter: a regisseur whose token carries `rol: VOORZITTER` (DESIGN §2). */
export function isVoorzitter(caller: Caller): boolean {
  return caller.partij === 'REGISSEUR' && caller.rol === VOORZITTER;
}

export function eisVoorzitter(caller: Caller): void {
  if (!isVoorzitter(caller)) throw weigerFonds(FondsErrorCode.NIET_VOORZITTER);
}

/** Who sees the fund's aggregate figures (balance, due, claims, paid): never a case. */
export function magCijfersZien(caller: Caller): boolean {
  return caller.partij === 'GARANTIEFONDS' || caller.partij === 'WERKGROEP' || caller.partij === 'REGISSEUR';
}

/** Who sees the fund's details (parties, rounds, contributions, ledger): the cashier and the Voorzitter, who accounts for it. */
export function magDetailsZien(caller: Caller): boolean {
  return caller.partij === 'GARANTIEFONDS' || isVoorzitter(caller);
}

/** Refuses the fund's details (NIET_BEVOEGD) to all but the cashier and the Voorzitter. */
export function eisDetails(ctx: SubgraphContext): void {
  if (!magDetailsZien(ctx.caller)) {
    throw weigering(ErrorCode.NIET_BEVOEGD, 'De details van het fonds zijn voor de kassier en de Voorzitter; anderen zien de totalen.');
  }
}

/** The party key under which a caller's own contributions are booked, or null when it pays none. */
export function eigenDeelnemer(caller: Caller): string | null {
  if (caller.partij === 'GEMEENTE' && caller.gemeente) return `GEMEENTE:${caller.gemeente}`;
  if (caller.partij === 'CORPORATIE' || caller.partij === 'ZORGAANBIEDER') return `${caller.partij}:${caller.organisatie}`;
  return null;
}
