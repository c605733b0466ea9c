/**
 * Filing a claim in the system: the standard form (art. 7.10) checked against the facts of the case
 * as the routeplanner records them. `validateAanvraag` knows the rules of Bijlage 3; this adds what
 * only the running system can know (the recorded outcome and its kind, whether legal costs followed
 * all regular mediation) and decides which broken conditions stop the filing and which the
 * Voorzitter may still weigh as an exception (art. 7.9).
 */
import { claimableCents, validateAanvraag, NEGATIEVE_UITKOMST, type AanvraagFormulier, type Beeindigingssoort } from './claims.js';
import { FondsErrorCode, ok, refuse, type Result } from './errors.js';
import type { Cents } from './money.js';
import { findPersonalData } from './personal-data-guard.js';

/** The routeplanner's outcomes that are a negative end of the three-party agreement, and their kind. */
export const NEGATIEVE_UITKOMSTEN = {
  HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD: 'ONTRUIMD',
  HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN: 'VERTROKKEN',
} as const satisfies Record<string, Beeindigingssoort>;
export type NegatieveUitkomst = keyof typeof NEGATIEVE_UITKOMSTEN;

/** The kind of negative end an outcome means, or null when the outcome is not a negative end. */
export function soortVanUitkomst(uitkomst: string | null | undefined): Beeindigingssoort | null {
  return uitkomst && Object.hasOwn(NEGATIEVE_UITKOMSTEN, uitkomst) ? NEGATIEVE_UITKOMSTEN[uitkomst as NegatieveUitkomst] : null;
}

/**
 * The conditions the Voorzitter may deviate from (art. 7.9: "in individuele gevallen afwijken …
 * indien een aanvrager onevenredige gevolgen ervaart"), and only when the corporation asks for it
 * with a reason. Only the deposit threshold is a matter of proportion. The others are not: who
 * claims (the matched corporation) is an authorisation, a negative end is the fund's very purpose,
 * the evaluation and evidence are what the Voorzitter must account for (art. 7.8), one claim per
 * end prevents paying twice, and serious negligence excludes the claim (Bijlage 3 §2).
 */
export const AFWIJKBARE_VOORWAARDEN: readonly FondsErrorCode[] = [FondsErrorCode.BEDRAG_NIET_BOVEN_BORG];

/** The largest amount one GraphQL `Int` carries: € 21.474.836,47; a claim's total must fit. */
export const MAX_BEDRAG_CENTS: Cents = 2_147_483_647;

/** What a corporation files, and what the system knows about the case at that moment. */
export interface IndieningInvoer {
  /** The form; the date it was discussed in the overleg is the Voorzitter's to record, not the claimant's. */
  readonly formulier: Omit<AanvraagFormulier, 'besprokenInOverlegOp'>;
  /** The case's recorded outcome (the routeplanner's `UitkomstSoort`), null while the case is open. */
  readonly uitkomst: string | null | undefined;
  /** The corporation matched to the case, as the routeplanner records it. */
  readonly gematcht: string | null | undefined;
  /** The case's code, as the routeplanner records it: the form must name this case. */
  readonly trajectCode: string | null | undefined;
  /** The deposit of the case's lease, as the corporation recorded it when signing; null when unknown. */
  readonly huurBorgCents: Cents | null | undefined;
  /** The date the corporation ended the lease (`beeindigHuur`), as the routeplanner records it; null when unknown. */
  readonly huurEinddatum: string | null | undefined;
  readonly nalatigheidVastgelegd: boolean;
  readonly alAangevraagd: boolean;
  /** Bijlage 3 §2: legal costs only "als alle reguliere bemiddelingstrajecten zijn doorlopen". */
  readonly reguliereBemiddelingDoorlopen: boolean;
  /** A request to deviate from a condition (art. 7.9), with the reason; null when none is asked. */
  readonly uitzondering: { readonly toelichting: string } | null;
}

export interface Indiening {
  readonly bedragCents: Cents;
  /** The waivable conditions this claim does not meet; the Voorzitter sees them and decides. */
  readonly bevindingen: readonly FondsErrorCode[];
}

/**
 * Judges a filing. Refuses, with every applicable code (most basic first), a form that is
 * incomplete, a claimant that is not the matched corporation, a form whose case code or deposit is
 * not the case's and its lease's, an end date other than the lease's recorded end, a case without a negative end or whose end differs from the form, legal costs before mediation was exhausted, an amount beyond a
 * GraphQL Int, a claim after negligence or after an earlier claim, and — unless an exception is
 * asked with a reason — an amount not above the deposit. Returns the amount and the waived
 * conditions otherwise.
 */
export function beoordeelIndiening(invoer: IndieningInvoer): Result<Indiening> {
  const soort = soortVanUitkomst(invoer.uitkomst);
  const formulier: AanvraagFormulier = { ...invoer.formulier, besprokenInOverlegOp: null };
  const validation = validateAanvraag(formulier, {
    caseCorporation: invoer.gematcht ?? null,
    caseOutcome: soort ? NEGATIEVE_UITKOMST : (invoer.uitkomst ?? 'GEEN_UITKOMST'),
    negligenceRecorded: invoer.nalatigheidVastgelegd,
    alreadyClaimed: invoer.alAangevraagd,
  });
  // Discussion in the overleg follows the filing; the Voorzitter records it with the decision.
  const codes = (validation.ok ? [] : validation.codes).filter((c) => c !== FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG);
  // The form is about this case and this lease: its code and deposit are the recorded ones, so the
  // deposit threshold is checked against the lease, not against what the form says.
  if (!invoer.trajectCode || formulier.trajectCode !== invoer.trajectCode) codes.push(FondsErrorCode.TRAJECTCODE_WIJKT_AF);
  if (invoer.huurBorgCents === null || invoer.huurBorgCents === undefined || formulier.borgCents !== invoer.huurBorgCents) {
    codes.push(FondsErrorCode.BORG_WIJKT_AF);
  }
  // …and the end it claims for is the end that was recorded, not an earlier or later date.
  if (!invoer.huurEinddatum || formulier.datumBeeindiging !== invoer.huurEinddatum) codes.push(FondsErrorCode.DATUM_BEEINDIGING_WIJKT_AF);
  if (soort !== null && formulier.soortBeeindiging !== soort) codes.push(FondsErrorCode.SOORT_BEEINDIGING_WIJKT_AF);
  if (formulier.kostenposten.some((l) => l.soort === 'JURIDISCHE_KOSTEN') && !invoer.reguliereBemiddelingDoorlopen) {
    codes.push(FondsErrorCode.BEMIDDELING_NIET_DOORLOPEN);
  }
  const bedragCents = claimableCents(formulier);
  if (bedragCents > MAX_BEDRAG_CENTS) codes.push(FondsErrorCode.BEDRAG_ONGELDIG);
  if (invoer.uitzondering) {
    const toelichting = invoer.uitzondering.toelichting.trim();
    if (toelichting.length === 0) codes.push(FondsErrorCode.UITZONDERING_ZONDER_TOELICHTING);
    else if (findPersonalData(toelichting).length > 0) codes.push(FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST);
  }
  const waivable = invoer.uitzondering ? AFWIJKBARE_VOORWAARDEN : [];
  const blocking = codes.filter((c) => !waivable.includes(c));
  if (blocking.length > 0) return refuse(blocking);
  return ok({ bedragCents, bevindingen: [...new Set(codes)] });
}
