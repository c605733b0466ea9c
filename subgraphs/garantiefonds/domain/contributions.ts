/**
 * The contribution round (art. 7.3–7.6, Bijlage 3 §1): gemeenten together € 50.000 by the regional
 * distribution key, corporations together € 50.000 pro rata to their housing stock in the region,
 * € 1.000 per care provider; when the balance drops below € 25.000 every party pays the same amounts
 * again. The round is computed from the parties participating *now*, so a party that joins (art. 9c)
 * changes everyone's share from the next round on without any other bookkeeping.
 */
import type { CorporatieSlug, GemeenteSlug } from '../../../schema/vocabulary.js';
import { FondsErrorCode, mergeRefusals, ok, refuse, type Result } from './errors.js';
import { isCents, splitProRata, type Cents } from './money.js';
import { isDeelnemer, partyKey, type Deelnemer, type DeelnemerSoort } from './parties.js';

/** Art. 7.3: the gemeenten together, € 50.000. */
export const GEMEENTEN_TOTAAL_CENTS: Cents = 5_000_000;
/** Art. 7.4: the corporations together, € 50.000. */
export const CORPORATIES_TOTAAL_CENTS: Cents = 5_000_000;
/** Art. 7.5: € 1.000 per zorg- en welzijnsaanbieder. */
export const BIJDRAGE_PER_ZORGAANBIEDER_CENTS: Cents = 100_000;
/** Art. 7.6: below € 25.000 a new round is asked for. */
export const AANVULGRENS_CENTS: Cents = 2_500_000;

/**
 * SYNTHETIC default key for the gemeenten: approximate number of inhabitants, rounded to 500. It is
 * NOT the Module 2 key of the regional budget BW/MO/B&P that art. 7.3 prescribes (that key is not in
 * the seeds); replace it through `BijdrageConfig.gemeenteVerdeelsleutel` before real money moves.
 */
export const SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL = {
  beesel: 13_500,
  bergen: 13_000,
  'horst-aan-de-maas': 43_000,
  'peel-en-maas': 45_000,
  venlo: 102_000,
  venray: 45_000,
  'echt-susteren': 32_000,
  leudal: 36_000,
  maasgouw: 24_000,
  nederweert: 17_500,
  roerdalen: 21_000,
  roermond: 59_000,
  weert: 51_000,
} as const satisfies Record<GemeenteSlug, number>;

/**
 * SYNTHETIC default key for the corporations: illustrative round numbers of dwellings in the region,
 * NOT the corporations' real housing stock (Bijlage 3 §1: "naar rato van het woningbezit in de
 * regio"); replace it through `BijdrageConfig.corporatieVerdeelsleutel` with the real figures.
 */
export const SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL = {
  antares: 6_000,
  destion: 3_000,
  nester: 1_500,
  'wonen-limburg': 18_000,
  'wonen-zuid': 1_000,
  woonik: 3_500,
  woonwenz: 10_000,
  zowonen: 1_000,
} as const satisfies Record<CorporatieSlug, number>;

/** The amounts and keys of a round; configurable because the key changes when a party joins. */
export interface BijdrageConfig {
  readonly gemeentenTotaalCents: Cents;
  readonly corporatiesTotaalCents: Cents;
  readonly perZorgaanbiederCents: Cents;
  /** Weight per gemeente slug; must cover every participating gemeente. */
  readonly gemeenteVerdeelsleutel: Readonly<Record<string, number>>;
  /** Weight (housing stock) per corporation slug; must cover every participating corporation. */
  readonly corporatieVerdeelsleutel: Readonly<Record<string, number>>;
}

/** The agreement's amounts with the synthetic keys above. */
export const STANDAARD_BIJDRAGE_CONFIG: BijdrageConfig = {
  gemeentenTotaalCents: GEMEENTEN_TOTAAL_CENTS,
  corporatiesTotaalCents: CORPORATIES_TOTAAL_CENTS,
  perZorgaanbiederCents: BIJDRAGE_PER_ZORGAANBIEDER_CENTS,
  gemeenteVerdeelsleutel: SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL,
  corporatieVerdeelsleutel: SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL,
};

/** One party's contribution in one round. */
export interface Bijdrage extends Deelnemer {
  readonly cents: Cents;
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/**
 * Splits one kind's joint total over the participating parties of that kind by the key. Only the
 * participants' weights count, so the key is renormalised over who takes part now. A participating
 * party must have a positive weight: every party is obliged to contribute (art. 7.2).
 */
function splitKind(
  parties: readonly Deelnemer[],
  kind: DeelnemerSoort,
  totalCents: Cents,
  key: Readonly<Record<string, number>>,
): Result<ReadonlyMap<string, Cents>> {
  const members = parties.filter((p) => p.kind === kind);
  if (members.length === 0) return ok(new Map()); // nobody of this kind takes part: nobody pays
  const missing = members.filter((p) => !hasOwn(key, p.slug)).map((p) => p.slug);
  if (missing.length > 0) {
    return refuse([FondsErrorCode.VERDEELSLEUTEL_ONVOLLEDIG], `${kind}: ${missing.join(', ')}`);
  }
  const weights: Record<string, number> = {};
  const nonPositive: string[] = [];
  for (const p of members) {
    const weight = key[p.slug];
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0) nonPositive.push(p.slug);
    else weights[p.slug] = weight;
  }
  if (nonPositive.length > 0) {
    return refuse([FondsErrorCode.GEWICHT_ONGELDIG], `${kind}: ${nonPositive.join(', ')}`);
  }
  const split = splitProRata(totalCents, weights);
  return split.ok ? ok(new Map(Object.entries(split.value))) : split;
}

/**
 * Computes one contribution round for the parties participating now: gemeenten share
 * `gemeentenTotaalCents` by their key, corporations share `corporatiesTotaalCents` by housing stock,
 * each care provider pays `perZorgaanbiederCents`. Each joint total is split exactly
 * (`splitProRata`), so the gemeenten's parts sum to exactly € 50.000 and so do the corporations'.
 * The result follows the order of `parties`. Refuses malformed or duplicate parties, amounts that are
 * not cents, and keys that miss a participant or give it a non-positive weight — all reasons at once.
 */
export function contributionRound(
  parties: readonly Deelnemer[],
  config: BijdrageConfig = STANDAARD_BIJDRAGE_CONFIG,
): Result<readonly Bijdrage[]> {
  const codes: FondsErrorCode[] = [];
  const details: string[] = [];
  const seen = new Set<string>();
  for (const party of parties) {
    if (!isDeelnemer(party)) {
      codes.push(FondsErrorCode.DEELNEMER_ONGELDIG);
      details.push(`ongeldig: ${String(party.kind)}:${String(party.slug)}`);
    } else if (seen.has(partyKey(party))) {
      codes.push(FondsErrorCode.DUBBELE_DEELNEMER);
      details.push(`dubbel: ${partyKey(party)}`);
    }
    seen.add(partyKey(party));
  }
  if (![config.gemeentenTotaalCents, config.corporatiesTotaalCents, config.perZorgaanbiederCents].every(isCents)) {
    codes.push(FondsErrorCode.BEDRAG_ONGELDIG);
  }
  if (codes.length > 0) return refuse(codes, details.join('; ') || undefined);

  const gemeenten = splitKind(parties, 'GEMEENTE', config.gemeentenTotaalCents, config.gemeenteVerdeelsleutel);
  const corporaties = splitKind(parties, 'CORPORATIE', config.corporatiesTotaalCents, config.corporatieVerdeelsleutel);
  if (!gemeenten.ok || !corporaties.ok) {
    return mergeRefusals([gemeenten, corporaties].flatMap((r) => (r.ok ? [] : [r])));
  }
  return ok(
    parties.map((party): Bijdrage => {
      const cents =
        party.kind === 'GEMEENTE'
          ? gemeenten.value.get(party.slug)
          : party.kind === 'CORPORATIE'
            ? corporaties.value.get(party.slug)
            : config.perZorgaanbiederCents;
      return { kind: party.kind, slug: party.slug, cents: cents ?? 0 };
    }),
  );
}

/**
 * True when the fund must ask every party for a new round (art. 7.6: "onder een bedrag van
 * € 25.000,- komt"): strictly below € 25.000, so exactly € 25.000,00 does not trigger it.
 */
export function needsReplenishment(balanceCents: Cents): boolean {
  return balanceCents < AANVULGRENS_CENTS;
}
