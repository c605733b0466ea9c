/**
 * The Voorzitter's decision as the running system takes it (art. 7.8–7.9, Bijlage 3 §3): the claim
 * must first have been discussed in the Woonkans-overleg ("Het aanvraagformulier wordt altijd eerst
 * besproken op het Woonkans-overleg"), and recorded serious negligence excludes approval. The rest —
 * motivation, consulted parties, an exception only with the overleg's consent — is `decide`.
 */
import type { Aanvraag } from './aanvraag.js';
import { isIsoDate } from './claims.js';
import { decide, type BesluitInvoer } from './decision.js';
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';

export interface VoorzittersBesluitInvoer extends BesluitInvoer {
  /** Date (YYYY-MM-DD) of the Woonkans-overleg in which the claim was discussed. */
  readonly besprokenInOverlegOp: string | null | undefined;
}

export interface BesluitFeiten {
  /** Serious negligence of a party of the case was recorded (Bijlage 3 §2). */
  readonly nalatigheidVastgelegd: boolean;
  /** Today (YYYY-MM-DD): an overleg cannot have been held later than today. */
  readonly vandaag: string;
}

/**
 * Decides on a claim. Refuses, with every applicable code, what `decide` refuses, and:
 * - NIET_BESPROKEN_IN_OVERLEG when no overleg date is given (approval and rejection alike: the
 *   Voorzitter decides "na overleg", art. 7.8);
 * - DATUM_ONGELDIG when that date is not a calendar date or lies after today;
 * - ERNSTIGE_NALATIGHEID when approving while negligence is recorded — not even as an exception,
 *   since negligence excludes a claim (Bijlage 3 §2: "kan er geen beroep worden gedaan op het fonds").
 * Returns the decided claim with the overleg date on its form, so the record shows when it was discussed.
 */
export function besluitVoorzitter(claim: Aanvraag, invoer: VoorzittersBesluitInvoer, feiten: BesluitFeiten): Result<Aanvraag> {
  const decided = decide(claim, invoer);
  const codes: FondsErrorCode[] = decided.ok ? [] : [...decided.codes];
  const datum = invoer.besprokenInOverlegOp?.trim() ?? '';
  if (datum.length === 0) codes.push(FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG);
  else if (!isIsoDate(datum) || datum > feiten.vandaag) codes.push(FondsErrorCode.DATUM_ONGELDIG);
  if (invoer.uitkomst === 'GOEDGEKEURD' && feiten.nalatigheidVastgelegd) codes.push(FondsErrorCode.ERNSTIGE_NALATIGHEID);
  if (codes.length > 0 || !decided.ok) return refuse(codes, `aanvraag ${claim.id}, status ${claim.status}`);
  return ok({ ...decided.value, formulier: { ...decided.value.formulier, besprokenInOverlegOp: datum } });
}

/**
 * Serious negligence recorded after the Voorzitter approved a claim (Bijlage 3 §2: "Bij ernstige
 * nalatigheid … kan er geen beroep worden gedaan op het fonds"). The MGR pays only claims approved
 * according to art. 7.8–7.9 (art. 7.7), and an approval the negligence excludes no longer is one:
 * an approved claim not yet paid is rejected at once, with the negligence as the motivation, so the
 * cashier can never pay it. Nothing is left to weigh — approval is refused even as an exception —
 * and the Voorzitter, who records the negligence, is the one who decides. A pending claim stays
 * pending (the Voorzitter can only reject it now); a paid claim stays paid: the fund then holds
 * the negligent party liable, outside the ledger ("kan de betreffende partij aansprakelijk worden
 * gesteld"). Returns the new status and motivation, or null when the claim's status stays.
 */
export function naNalatigheid(
  claim: { readonly status: string; readonly besluitOp?: string | null },
  toelichting: string,
): { readonly status: 'AFGEWEZEN'; readonly motivering: string } | null {
  if (claim.status !== 'GOEDGEKEURD') return null;
  const op = claim.besluitOp ? ` van ${claim.besluitOp.slice(0, 10)}` : '';
  return { status: 'AFGEWEZEN', motivering: `Goedkeuring${op} vervallen: ernstige nalatigheid vastgelegd (Bijlage 3 §2). ${toelichting}` };
}
