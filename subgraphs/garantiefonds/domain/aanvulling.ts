/**
 * When the fund asks for a new round (art. 7.6: "Indien het totaal aan middelen … onder een bedrag
 * van € 25.000,- komt"): at the moment the balance DROPS below the threshold, not for every mutation
 * while it stays below. Asking again on every payout while the parties have not yet paid the last
 * call would pile up rounds nobody agreed to; a start-up fund (balance 0, first round still due)
 * never "came below" anything.
 */
import { needsReplenishment } from './contributions.js';
import type { Cents } from './money.js';

/** True when a mutation took the balance from at least € 25.000 to below it. */
export function zaktOnderAanvulgrens(saldoVoor: Cents, saldoNa: Cents): boolean {
  return !needsReplenishment(saldoVoor) && needsReplenishment(saldoNa);
}
