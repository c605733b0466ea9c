/**
 * The guarantee fund's refusal codes, in one place. Every rule of the fund that can say "no" says it
 * with one of these codes, so the GraphQL layer can map them to `extensions.code` and a partner system
 * can act on them without parsing Dutch sentences. The messages are Dutch because the people reading
 * them (Voorzitter, MGR cashier, verhuurconsulent) are.
 */
import type { Foutcode } from '../../../schema/error-catalogue.js';

export const FondsErrorCode = {
  // money
  BEDRAG_ONGELDIG: 'BEDRAG_ONGELDIG',
  GEWICHT_ONGELDIG: 'GEWICHT_ONGELDIG',
  TOTAAL_GEWICHT_NIET_POSITIEF: 'TOTAAL_GEWICHT_NIET_POSITIEF',
  // contributions
  DEELNEMER_ONGELDIG: 'DEELNEMER_ONGELDIG',
  DUBBELE_DEELNEMER: 'DUBBELE_DEELNEMER',
  VERDEELSLEUTEL_ONVOLLEDIG: 'VERDEELSLEUTEL_ONVOLLEDIG',
  // ledger
  AANVRAAG_NIET_GOEDGEKEURD: 'AANVRAAG_NIET_GOEDGEKEURD',
  SALDO_ONTOEREIKEND: 'SALDO_ONTOEREIKEND',
  UITBETALING_NIET_GEBOEKT: 'UITBETALING_NIET_GEBOEKT',
  FONDS_OPGEHEVEN: 'FONDS_OPGEHEVEN',
  GROOTBOEK_ONGELDIG: 'GROOTBOEK_ONGELDIG',
  AANVRAAG_ID_ONGELDIG: 'AANVRAAG_ID_ONGELDIG',
  // claim form (completeness: the form cannot be submitted at all)
  TRAJECTCODE_ONGELDIG: 'TRAJECTCODE_ONGELDIG',
  DATUM_ONGELDIG: 'DATUM_ONGELDIG',
  ONGELDIGE_KOSTENSOORT: 'ONGELDIGE_KOSTENSOORT',
  KOSTENPOSTEN_ONTBREKEN: 'KOSTENPOSTEN_ONTBREKEN',
  PERSOONSGEGEVENS_IN_TEKST: 'PERSOONSGEGEVENS_IN_TEKST',
  // claim conditions (Bijlage 3 §2–3; the Voorzitter may deviate only under art. 7.9)
  NIET_CORPORATIE_VAN_TRAJECT: 'NIET_CORPORATIE_VAN_TRAJECT',
  GEEN_NEGATIEVE_BEEINDIGING: 'GEEN_NEGATIEVE_BEEINDIGING',
  BEDRAG_NIET_BOVEN_BORG: 'BEDRAG_NIET_BOVEN_BORG',
  BEWIJS_ONTBREEKT: 'BEWIJS_ONTBREEKT',
  NIET_BESPROKEN_IN_OVERLEG: 'NIET_BESPROKEN_IN_OVERLEG',
  EVALUATIE_ONTBREEKT: 'EVALUATIE_ONTBREEKT',
  CONTACTROL_ONTBREEKT: 'CONTACTROL_ONTBREEKT',
  ERNSTIGE_NALATIGHEID: 'ERNSTIGE_NALATIGHEID',
  AL_AANGEVRAAGD: 'AL_AANGEVRAAGD',
  SOORT_BEEINDIGING_WIJKT_AF: 'SOORT_BEEINDIGING_WIJKT_AF',
  TRAJECTCODE_WIJKT_AF: 'TRAJECTCODE_WIJKT_AF',
  BORG_WIJKT_AF: 'BORG_WIJKT_AF',
  DATUM_BEEINDIGING_WIJKT_AF: 'DATUM_BEEINDIGING_WIJKT_AF',
  BEMIDDELING_NIET_DOORLOPEN: 'BEMIDDELING_NIET_DOORLOPEN',
  UITZONDERING_ZONDER_TOELICHTING: 'UITZONDERING_ZONDER_TOELICHTING',
  // roles (who may act on the fund)
  NIET_VOORZITTER: 'NIET_VOORZITTER',
  NIET_KASSIER: 'NIET_KASSIER',
  // parties and the end of the fund
  DEELNEMER_ONBEKEND: 'DEELNEMER_ONBEKEND',
  OPENSTAANDE_AANVRAGEN: 'OPENSTAANDE_AANVRAGEN',
  // decision
  MOTIVERING_ONTBREEKT: 'MOTIVERING_ONTBREEKT',
  PARTIJEN_NIET_GERAADPLEEGD: 'PARTIJEN_NIET_GERAADPLEEGD',
  UITZONDERING_ZONDER_INSTEMMING: 'UITZONDERING_ZONDER_INSTEMMING',
  ONGELDIGE_STATUSOVERGANG: 'ONGELDIGE_STATUSOVERGANG',
} as const satisfies Record<string, Foutcode>;
export type FondsErrorCode = (typeof FondsErrorCode)[keyof typeof FondsErrorCode];

/** One Dutch sentence per code; a `Record` so a new code without a message does not compile. */
export const FONDS_ERROR_MESSAGES: Readonly<Record<FondsErrorCode, string>> = {
  BEDRAG_ONGELDIG: 'bedrag is geen geheel, niet-negatief aantal centen',
  GEWICHT_ONGELDIG: 'verdeelsleutel bevat een negatief, ontbrekend of oneindig gewicht',
  TOTAAL_GEWICHT_NIET_POSITIEF: 'de som van de verdeelsleutel is niet groter dan nul',
  DEELNEMER_ONGELDIG: 'deelnemer heeft een onbekende soort of een lege slug',
  DUBBELE_DEELNEMER: 'deelnemer komt meer dan eens voor',
  VERDEELSLEUTEL_ONVOLLEDIG: 'verdeelsleutel heeft geen gewicht voor een deelnemende partij',
  AANVRAAG_NIET_GOEDGEKEURD: 'de aanvraag is niet goedgekeurd door de Voorzitter',
  SALDO_ONTOEREIKEND: 'het saldo van het fonds is lager dan het uit te betalen bedrag',
  UITBETALING_NIET_GEBOEKT: 'de uitbetaling van deze aanvraag staat niet (juist) in het grootboek',
  FONDS_OPGEHEVEN: 'het fonds is opgeheven; er zijn geen mutaties meer mogelijk',
  GROOTBOEK_ONGELDIG: 'het grootboek is inconsistent',
  AANVRAAG_ID_ONGELDIG: 'de aanvraag heeft geen geldig id',
  TRAJECTCODE_ONGELDIG: 'trajectcode is geen pseudoniem (hoofdletters, cijfers en streepjes, met minstens één cijfer)',
  DATUM_ONGELDIG: 'datum is geen geldige kalenderdatum (JJJJ-MM-DD)',
  ONGELDIGE_KOSTENSOORT: 'kostensoort is niet declarabel bij het Garantiefonds',
  KOSTENPOSTEN_ONTBREKEN: 'de aanvraag bevat geen kostenposten',
  PERSOONSGEGEVENS_IN_TEKST: 'vrije tekst lijkt persoonsgegevens te bevatten (BSN, e-mail of telefoonnummer)',
  NIET_CORPORATIE_VAN_TRAJECT: 'de aanvrager is niet de gematchte corporatie van dit traject',
  GEEN_NEGATIEVE_BEEINDIGING: 'er is geen negatieve beëindiging (ontruimd of vertrokken) van de driepartijenovereenkomst',
  BEDRAG_NIET_BOVEN_BORG: 'het aangevraagde bedrag is niet hoger dan de borg',
  BEWIJS_ONTBREEKT: 'een kostenpost heeft geen onderbouwing',
  NIET_BESPROKEN_IN_OVERLEG: 'de aanvraag is niet besproken in het Woonkans-overleg',
  EVALUATIE_ONTBREEKT: 'de evaluatie van de negatieve beëindiging ontbreekt',
  CONTACTROL_ONTBREEKT: 'de rol van de contactpersoon ontbreekt',
  ERNSTIGE_NALATIGHEID: 'er is ernstige nalatigheid van een partij vastgelegd',
  AL_AANGEVRAAGD: 'voor dit traject is al een aanvraag gedaan',
  SOORT_BEEINDIGING_WIJKT_AF: 'de soort beëindiging op het formulier wijkt af van de vastgelegde uitkomst van het traject',
  TRAJECTCODE_WIJKT_AF: 'de trajectcode op het formulier hoort niet bij dit traject',
  BORG_WIJKT_AF: 'de borg op het formulier wijkt af van de borg in de huurovereenkomst, of er is geen huurovereenkomst vastgelegd',
  DATUM_BEEINDIGING_WIJKT_AF: 'de datum van beëindiging op het formulier wijkt af van de datum waarop de corporatie de huur beëindigde, of die datum is niet vastgelegd',
  BEMIDDELING_NIET_DOORLOPEN: 'juridische kosten zijn pas declarabel als alle reguliere bemiddelingstrajecten zijn doorlopen',
  UITZONDERING_ZONDER_TOELICHTING: 'een verzoek om een uitzondering (art. 7.9) vraagt een toelichting op de onevenredige gevolgen',
  NIET_VOORZITTER: 'alleen de Voorzitter van het Woonkans-overleg beslist over een aanvraag of legt nalatigheid vast',
  NIET_KASSIER: 'alleen de kassier van het fonds (MGR) boekt bijdragen, betaalt uit en beheert de deelnemers',
  DEELNEMER_ONBEKEND: 'deze partij of bijdrage is niet bekend bij het fonds, of de partij is al uitgetreden',
  OPENSTAANDE_AANVRAGEN: 'er zijn nog aanvragen in behandeling of goedgekeurd en niet uitbetaald',
  MOTIVERING_ONTBREEKT: 'het besluit heeft geen motivering',
  PARTIJEN_NIET_GERAADPLEEGD: 'de partijen van de casus zijn niet geraadpleegd',
  UITZONDERING_ZONDER_INSTEMMING: 'afwijken van de voorwaarden kan alleen met gemotiveerde instemming van het Woonkans-overleg',
  ONGELDIGE_STATUSOVERGANG: 'deze statusovergang is niet toegestaan',
};

/** A typed "no": every applicable code, and a readable message built from them. */
export interface Refusal {
  readonly ok: false;
  readonly codes: readonly FondsErrorCode[];
  readonly message: string;
}

export interface Success<T> {
  readonly ok: true;
  readonly value: T;
}

export type Result<T> = Success<T> | Refusal;

/** Wraps a value as success, so callers always branch on `ok` instead of catching exceptions. */
export function ok<T>(value: T): Success<T> {
  return { ok: true, value };
}

/**
 * Builds a refusal from one or more codes (duplicates removed, order kept) so the caller sees every
 * reason at once; `detail` adds context such as amounts or keys, never personal data.
 */
export function refuse(codes: readonly FondsErrorCode[], detail?: string): Refusal {
  const unique = [...new Set(codes)];
  const message = unique.map((code) => `${code}: ${FONDS_ERROR_MESSAGES[code]}`).join('; ');
  return { ok: false, codes: unique, message: detail ? `${message} (${detail})` : message };
}

/** Success when no code applies, otherwise a refusal with all of them: the "collect every reason" idiom. */
export function resultOf<T>(codes: readonly FondsErrorCode[], value: () => T, detail?: string): Result<T> {
  return codes.length === 0 ? ok(value()) : refuse(codes, detail);
}

/** Joins several refusals into one, so a function can report the reasons of all its sub-checks. */
export function mergeRefusals(refusals: readonly Refusal[]): Refusal {
  return {
    ok: false,
    codes: [...new Set(refusals.flatMap((r) => r.codes))],
    message: refusals.map((r) => r.message).join(' | '),
  };
}
