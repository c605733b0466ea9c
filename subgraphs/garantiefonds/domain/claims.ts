/**
 * The standard claim form (art. 7.10, Bijlage 3 §3: "Een aanvraag … wordt gedaan via een vastgesteld
 * aanvraagformulier") and the rules a claim must meet (Bijlage 3 §2). The form carries fund data only:
 * the case's pseudonymous code, never the resident's name, address or BSN, and the contact person's
 * role, never their name.
 */
import { FondsErrorCode, resultOf, type Result } from './errors.js';
import { isCents, isPositiveCents, type Cents } from './money.js';
import { findPersonalData } from './personal-data-guard.js';

/** Bijlage 3 §2 "De volgende kosten kunnen gedeclareerd worden", one value per bullet. */
export const KOSTENSOORTEN = [
  /** Repairs listed on the intake form (opnameformulier) that the resident did not do. */
  'MUTATIEKOSTEN',
  /** Legal (process) costs, only after all regular mediation was tried. */
  'JURIDISCHE_KOSTEN',
  /** Rent arrears / loss of rent. */
  'HUURACHTERSTAND_HUURDERVING',
  /** Costs of the eviction. */
  'ONTRUIMINGSKOSTEN',
] as const;
export type Kostensoort = (typeof KOSTENSOORTEN)[number];

/** Bijlage 3 §2: "wanneer de cliënt is ontruimd of uit de woning is vertrokken". */
export const BEEINDIGINGSSOORTEN = ['ONTRUIMD', 'VERTROKKEN'] as const;
export type Beeindigingssoort = (typeof BEEINDIGINGSSOORTEN)[number];

/** The case outcome (from the regisseur's case record) that means a negative end of the lease. */
export const NEGATIEVE_UITKOMST = 'HUUR_BEEINDIGD_NEGATIEF';

/** One cost line: what kind, how much, and on what evidence (Bijlage 3 §3: "inzicht … in welke kosten"). */
export interface Kostenpost {
  readonly soort: Kostensoort;
  readonly cents: Cents;
  /** A description of the evidence (invoice number, intake-form item, judgment); no personal data. */
  readonly bewijs: string;
}

/** The standard claim form, field for field. */
export interface AanvraagFormulier {
  /** The case's pseudonymous code as said in the overleg (e.g. "WK-2024-017"); never personal data. */
  readonly trajectCode: string;
  /** Slug of the claiming corporation. */
  readonly corporatie: string;
  /** Date (YYYY-MM-DD) the three-party agreement ended negatively. */
  readonly datumBeeindiging: string;
  readonly soortBeeindiging: Beeindigingssoort;
  /** The deposit (borg) of the home, in cents; the claim must exceed it. */
  readonly borgCents: Cents;
  readonly kostenposten: readonly Kostenpost[];
  /** Date (YYYY-MM-DD) the claim was discussed in the Woonkans-overleg, or null if it was not. */
  readonly besprokenInOverlegOp: string | null;
  /** The evaluation of the negative end (Bijlage 3 §2: "wordt er ten allen tijde een evaluatie gedaan"). */
  readonly evaluatie: string;
  /** The contact person's role (e.g. "verhuurconsulent"), not their name. */
  readonly contactpersoonRol: string;
}

/** What the other subgraphs know about the case; the fund itself holds none of it. */
export interface TrajectFeiten {
  /** The corporation matched to the case (null when none was matched). */
  readonly caseCorporation: string | null;
  /** The case outcome, e.g. 'HUUR_BEEINDIGD_NEGATIEF'. */
  readonly caseOutcome: string;
  /** Serious negligence of one or more parties was recorded (Bijlage 3 §2). */
  readonly negligenceRecorded: boolean;
  /** A claim was already made for this case. */
  readonly alreadyClaimed?: boolean;
}

/**
 * Codes that make a form unfit to be submitted at all: it is incomplete, malformed or carries
 * personal data ("gecontroleerd op volledigheid", seed 001 §2.2). All other codes are conditions the
 * Voorzitter may, exceptionally and with the overleg's consent, deviate from (art. 7.9).
 */
export const FORMULIER_CODES: readonly FondsErrorCode[] = [
  FondsErrorCode.TRAJECTCODE_ONGELDIG,
  FondsErrorCode.DATUM_ONGELDIG,
  FondsErrorCode.BEDRAG_ONGELDIG,
  FondsErrorCode.ONGELDIGE_KOSTENSOORT,
  FondsErrorCode.KOSTENPOSTEN_ONTBREKEN,
  FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST,
];

const TRAJECTCODE = /^[A-Z0-9][A-Z0-9-]{1,30}[A-Z0-9]$/;
/**
 * The routeplanner's own format (`subgraphs/regisseur/routeplanner/code.ts`): "WK-" and five
 * characters of an alphabet without 0/O/1/I/L. About a quarter of those codes contain no digit
 * ("WK-ABCDE"), so the format itself is accepted as proof of a pseudonym.
 */
const ROUTEPLANNER_CODE = /^WK-[2-9A-HJKMNP-Z]{5}$/;

/**
 * A pseudonymous case code: the routeplanner's format, or 3–32 upper-case letters, digits and inner
 * hyphens with at least one digit (so a surname in capitals is not taken for a code).
 */
export function isTrajectCode(code: string): boolean {
  return typeof code === 'string' && (ROUTEPLANNER_CODE.test(code) || (TRAJECTCODE.test(code) && /\d/.test(code)));
}

/** A real calendar date in YYYY-MM-DD form (rejects 2024-02-30). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim().length === 0;
}

/**
 * The amount a claim asks for: the sum of its cost lines. The deposit is NOT subtracted. Bijlage 3
 * §2 uses the deposit only as a threshold ("Het bedrag voor een aanvraag … moet hoger zijn dan de borg
 * van de woning") and seed 001 §2.2 says the MGR pays the amount asked ("zal de MGR het gevraagde
 * bedrag uitkeren"); whether compensation is fitting is weighed in the evaluation and by the
 * Voorzitter, not by arithmetic here. Lines with an invalid amount count as 0 (they also refuse the form).
 */
export function claimableCents(form: AanvraagFormulier): Cents {
  return form.kostenposten.reduce((sum, line) => sum + (isPositiveCents(line.cents) ? line.cents : 0), 0);
}

/**
 * Checks a claim form against the fund's rules and the facts of its case, returning EVERY applicable
 * refusal code (not just the first) so the corporation can fix the form in one go, or the claimable
 * amount when all rules are met:
 * - TRAJECTCODE_ONGELDIG, DATUM_ONGELDIG, BEDRAG_ONGELDIG (deposit or a line not integer cents, a line
 *   not positive), ONGELDIGE_KOSTENSOORT, KOSTENPOSTEN_ONTBREKEN, PERSOONSGEGEVENS_IN_TEKST: the form;
 * - NIET_CORPORATIE_VAN_TRAJECT: only the case's matched corporation claims (Bijlage 3 §3);
 * - GEEN_NEGATIEVE_BEEINDIGING: only after eviction/leaving, i.e. a negative end (Bijlage 3 §2);
 * - BEDRAG_NIET_BOVEN_BORG: the lines' total must exceed the deposit (Bijlage 3 §2);
 * - BEWIJS_ONTBREEKT: every line states its evidence (Bijlage 3 §3 "inzicht … in welke kosten");
 * - NIET_BESPROKEN_IN_OVERLEG: "altijd eerst besproken op het Woonkans-overleg" (Bijlage 3 §3);
 * - EVALUATIE_ONTBREEKT: every negative end is evaluated (Bijlage 3 §2);
 * - CONTACTROL_ONTBREEKT: the form names the contact person's role;
 * - ERNSTIGE_NALATIGHEID: serious negligence excludes the claim (Bijlage 3 §2);
 * - AL_AANGEVRAAGD: one claim per negative end, so costs are not compensated twice.
 */
export function validateAanvraag(form: AanvraagFormulier, facts: TrajectFeiten): Result<{ claimableCents: Cents }> {
  const codes: FondsErrorCode[] = [];
  const add = (condition: boolean, code: FondsErrorCode): void => {
    if (condition) codes.push(code);
  };
  const lines = form.kostenposten;

  add(!isTrajectCode(form.trajectCode), FondsErrorCode.TRAJECTCODE_ONGELDIG);
  add(
    !isIsoDate(form.datumBeeindiging) || (!isBlank(form.besprokenInOverlegOp) && !isIsoDate(String(form.besprokenInOverlegOp))),
    FondsErrorCode.DATUM_ONGELDIG,
  );
  add(!isCents(form.borgCents) || lines.some((l) => !isPositiveCents(l.cents)), FondsErrorCode.BEDRAG_ONGELDIG);
  add(lines.some((l) => !(KOSTENSOORTEN as readonly string[]).includes(l.soort)), FondsErrorCode.ONGELDIGE_KOSTENSOORT);
  add(lines.length === 0, FondsErrorCode.KOSTENPOSTEN_ONTBREKEN);
  const freeTexts = [form.evaluatie, form.contactpersoonRol, ...lines.map((l) => l.bewijs)];
  add(
    freeTexts.some((t) => typeof t === 'string' && findPersonalData(t).length > 0),
    FondsErrorCode.PERSOONSGEGEVENS_IN_TEKST,
  );

  add(facts.caseCorporation === null || form.corporatie !== facts.caseCorporation, FondsErrorCode.NIET_CORPORATIE_VAN_TRAJECT);
  add(
    facts.caseOutcome !== NEGATIEVE_UITKOMST || !(BEEINDIGINGSSOORTEN as readonly string[]).includes(form.soortBeeindiging),
    FondsErrorCode.GEEN_NEGATIEVE_BEEINDIGING,
  );
  const total = claimableCents(form);
  add(isCents(form.borgCents) && total <= form.borgCents, FondsErrorCode.BEDRAG_NIET_BOVEN_BORG);
  add(lines.some((l) => isBlank(l.bewijs)), FondsErrorCode.BEWIJS_ONTBREEKT);
  add(isBlank(form.besprokenInOverlegOp), FondsErrorCode.NIET_BESPROKEN_IN_OVERLEG);
  add(isBlank(form.evaluatie), FondsErrorCode.EVALUATIE_ONTBREEKT);
  add(isBlank(form.contactpersoonRol), FondsErrorCode.CONTACTROL_ONTBREEKT);
  add(facts.negligenceRecorded, FondsErrorCode.ERNSTIGE_NALATIGHEID);
  add(facts.alreadyClaimed === true, FondsErrorCode.AL_AANGEVRAAGD);

  return resultOf(codes, () => ({ claimableCents: total }));
}
