/**
 * A claim (aanvraag) as the fund records it: the submitted form, the amount asked, its status and the
 * conditions it did not meet at submission. A claim that misses a condition is still recorded, because
 * the Voorzitter may, exceptionally and with the overleg's consent, deviate from the rules (art. 7.9);
 * a form that is incomplete or malformed is not ("gecontroleerd op volledigheid", seed 001 §2.2).
 */
import { FORMULIER_CODES, claimableCents, validateAanvraag, type AanvraagFormulier, type TrajectFeiten } from './claims.js';
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';
import type { Cents } from './money.js';

/** The life of a claim: INGEDIEND → GOEDGEKEURD | AFGEWEZEN; GOEDGEKEURD → UITBETAALD. */
export const AANVRAAG_STATUSSEN = ['INGEDIEND', 'GOEDGEKEURD', 'AFGEWEZEN', 'UITBETAALD'] as const;
export type AanvraagStatus = (typeof AANVRAAG_STATUSSEN)[number];

/** The Voorzitter's possible outcomes (art. 7.8). */
export type BesluitUitkomst = Extract<AanvraagStatus, 'GOEDGEKEURD' | 'AFGEWEZEN'>;

/** The recorded decision: what, why, and whether it was an exception the overleg consented to. */
export interface Besluit {
  readonly uitkomst: BesluitUitkomst;
  readonly motivering: string;
  /** Art. 7.8: decided after consulting the parties of the case. */
  readonly partijenGeraadpleegd: true;
  /** Art. 7.9: the overleg consented to deviating from the rules. */
  readonly overlegInstemming: boolean;
  /** True when a claim that missed a condition was approved (art. 7.9). */
  readonly uitzondering: boolean;
  /** ISO 8601 timestamp of the decision. */
  readonly at: string;
}

export interface Aanvraag {
  readonly id: string;
  readonly formulier: AanvraagFormulier;
  /** The amount asked and, once approved, paid: the lines' total (see `claimableCents`). */
  readonly bedragCents: Cents;
  readonly status: AanvraagStatus;
  /** Conditions not met at submission (empty for a claim that meets every rule). */
  readonly bevindingen: readonly FondsErrorCode[];
  /** ISO 8601 timestamp of submission. */
  readonly ingediendOp: string;
  readonly besluit?: Besluit;
  /** ISO 8601 timestamp of the ledger's payout entry. */
  readonly uitbetaaldOp?: string;
}

/** Input of a submission: the form, the case facts from the other subgraphs, and identity/time. */
export interface AanvraagIndiening {
  readonly id: string;
  readonly formulier: AanvraagFormulier;
  readonly feiten: TrajectFeiten;
  readonly at: string;
}

/**
 * Records a submitted claim with status INGEDIEND. Refuses (with all reasons) a form that is
 * incomplete, malformed or carries personal data — those cannot be decided on. A form that only
 * misses a *condition* (e.g. amount not above the deposit) is recorded with those codes as
 * `bevindingen`, so the Voorzitter sees them and can reject, or approve as a consented exception.
 */
export function submitAanvraag(input: AanvraagIndiening): Result<Aanvraag> {
  const validation = validateAanvraag(input.formulier, input.feiten);
  const codes = validation.ok ? [] : validation.codes;
  const blocking = codes.filter((code) => FORMULIER_CODES.includes(code));
  if (typeof input.id !== 'string' || input.id.trim().length === 0) blocking.push(FondsErrorCode.AANVRAAG_ID_ONGELDIG);
  if (blocking.length > 0) return refuse(blocking);
  return ok({
    id: input.id,
    formulier: input.formulier,
    bedragCents: claimableCents(input.formulier),
    status: 'INGEDIEND',
    bevindingen: codes,
    ingediendOp: input.at,
  });
}
