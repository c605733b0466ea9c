/**
 * The Voorzitter's decision on a claim (art. 7.8–7.9) and the claim's status machine. The Voorzitter
 * decides after consulting the parties of the case, always with a motivation; a claim that misses a
 * condition may only be approved as an exception the Woonkans-overleg consented to, and that consent
 * is recorded with the decision so it can be accounted for.
 */
import type { Aanvraag, AanvraagStatus, Besluit, BesluitUitkomst } from './aanvraag.js';
import { FORMULIER_CODES } from './claims.js';
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';
import { findPayout, type LedgerEntry } from './ledger.js';
import { findPersonalData } from './personal-data-guard.js';

/** The only legal moves: INGEDIEND → GOEDGEKEURD | AFGEWEZEN, GOEDGEKEURD → UITBETAALD; the rest are final. */
export const STATUSOVERGANGEN: Readonly<Record<AanvraagStatus, readonly AanvraagStatus[]>> = {
  INGEDIEND: ['GOEDGEKEURD', 'AFGEWEZEN'],
  GOEDGEKEURD: ['UITBETAALD'],
  AFGEWEZEN: [],
  UITBETAALD: [],
};

/** True when the status machine allows moving from `from` to `to`; the single source of that truth. */
export function canTransition(from: AanvraagStatus, to: AanvraagStatus): boolean {
  return STATUSOVERGANGEN[from]?.includes(to) ?? false;
}

/** What the Voorzitter submits. */
export interface BesluitInvoer {
  readonly uitkomst: BesluitUitkomst;
  readonly motivering: string;
  /** Art. 7.8: the parties of the case were consulted. */
  readonly partijenGeraadpleegd: boolean;
  /** Art. 7.9: the Woonkans-overleg consented to deviating from the rules for this claim. */
  readonly overlegInstemming?: boolean;
  /** ISO 8601 timestamp. */
  readonly at: string;
}

/**
 * Records the Voorzitter's decision on a submitted claim, returning the claim with its new status and
 * the recorded `besluit`. Refuses, with every applicable code:
 * - ONGELDIGE_STATUSOVERGANG when the claim is not INGEDIEND (a decision is taken once);
 * - MOTIVERING_ONTBREEKT when the motivation is blank (accountability, art. 7.8);
 * - PERSOONSGEGEVENS_IN_TEKST when the motivation holds a BSN, e-mail, phone number or IBAN;
 * - PARTIJEN_NIET_GERAADPLEEGD when the case's parties were not consulted (art. 7.8);
 * - UITZONDERING_ZONDER_INSTEMMING when approving a claim with `bevindingen` (it failed a rule) without
 *   `overlegInstemming: true` — art. 7.9 allows deviating only with the overleg's consent;
 * - the form codes themselves when approving a claim whose form is incomplete (never approvable).
 * Rejecting needs no consent: refusing a claim that fails the rules is the rule.
 */
export function decide(claim: Aanvraag, decision: BesluitInvoer): Result<Aanvraag> {
  const codes: FondsErrorCode[] = [];
  if (!canTransition(claim.status, decision.uitkomst)) codes.push(FondsErrorCode.ONGELDIGE_STATUSOVERGANG);
  const motivering = typeof decision.motivering === 'string' ? decision.motivering.trim() : '';
  if (motivering.length === 0) codes.push(FondsErrorCode.MOTIVERING_ONTBREEKT);
  else if (findPersonalData(motivering).length > 0) codes.push(FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST);
  if (decision.partijenGeraadpleegd !== true) codes.push(FondsErrorCode.PARTIJEN_NIET_GERAADPLEEGD);
  const approving = decision.uitkomst === 'GOEDGEKEURD';
  const exception = approving && claim.bevindingen.length > 0;
  if (exception && decision.overlegInstemming !== true) codes.push(FondsErrorCode.UITZONDERING_ZONDER_INSTEMMING);
  if (approving) codes.push(...claim.bevindingen.filter((code) => FORMULIER_CODES.includes(code)));
  if (codes.length > 0) return refuse(codes, `aanvraag ${claim.id}, status ${claim.status}`);
  const besluit: Besluit = {
    uitkomst: decision.uitkomst,
    motivering,
    partijenGeraadpleegd: true,
    overlegInstemming: decision.overlegInstemming === true,
    uitzondering: exception,
    at: decision.at,
  };
  return ok({ ...claim, status: decision.uitkomst, besluit });
}

/**
 * Moves an approved claim to UITBETAALD once — and only once — the ledger holds its payout, so the
 * claim's status can never claim a payment the ledger does not show. Refuses ONGELDIGE_STATUSOVERGANG
 * when the claim is not GOEDGEKEURD, and UITBETALING_NIET_GEBOEKT when the ledger has no payout of
 * exactly the approved amount for it.
 */
export function markPaid(claim: Aanvraag, entries: readonly LedgerEntry[]): Result<Aanvraag> {
  const codes: FondsErrorCode[] = [];
  if (!canTransition(claim.status, 'UITBETAALD')) codes.push(FondsErrorCode.ONGELDIGE_STATUSOVERGANG);
  const payout = findPayout(entries, claim.id);
  if (payout === undefined || payout.cents !== -claim.bedragCents) codes.push(FondsErrorCode.UITBETALING_NIET_GEBOEKT);
  if (codes.length > 0 || payout === undefined) return refuse(codes, `aanvraag ${claim.id}, status ${claim.status}`);
  return ok({ ...claim, status: 'UITBETAALD', uitbetaaldOp: payout.at });
}
