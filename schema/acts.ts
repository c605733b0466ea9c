/**
 * The acts as data: for every mutation of every subgraph, which party (and role) may perform it, in
 * which relation to the case and in which phase. The companion of the field policy (`policy.ts`):
 * that table says who may *see* what, this one who may *do* what. One guard applies it before any
 * resolver runs (`subgraphs/common/act-guard.ts`), a mutation without a row does not start, and the
 * register of processing prints it (`npm run register`).
 *
 * What stays out of this table on purpose: the rules of the act itself (a complete form, amounts
 * that add up, the version a phase step names, the preconditions of a transition, the outcome that
 * fits the lease). Those are the domain code's, and refuse with their own codes.
 *
 * Read a row as: "<act> may be done by <partij> [as <rol>] in relation <relatie> while the case is in
 * one of <fasen>, because <waarom>". Change a row only with the reason written beside the change.
 */
import type { Foutcode } from './error-catalogue.js';
import type { Relatie } from './policy.js';
import { FASEN, type Doel, type Fase, type Grondslag, type Partij } from './vocabulary.js';

export const SUBGRAFEN = ['gemeente', 'regisseur', 'corporatie', 'garantiefonds'] as const;
export type Subgraaf = (typeof SUBGRAFEN)[number];

/**
 * How the guard finds the case an act concerns, before any resolver runs:
 * - `argument`: the case id is an argument (`pad` is a dotted path, e.g. `input.trajectId`);
 * - `record`: the argument names a record of the subgraph's own (a claim, a consent, a case
 *   conference) and the subgraph tells the guard whose case it belongs to;
 * - `melding`: the act opens a case; its relation follows from the melding itself (`meldingsTraject`);
 * - `null`: the act concerns no case (the fund's bookkeeping).
 */
export type TrajectVan =
  | { readonly uit: 'argument'; readonly pad: string }
  | { readonly uit: 'record'; readonly soort: RecordSoort; readonly pad: string }
  | { readonly uit: 'melding'; readonly pad: string }
  | null;
export type RecordSoort = 'aanvraag' | 'toestemming' | 'casusoverleg';

export interface Machtiging {
  readonly partij: Partij;
  /** A role within the party (a token's `rol` claim); absent means any role of the party. */
  readonly rol?: string;
  readonly relatie: Relatie | 'GEEN';
  readonly fasen: readonly Fase[];
  /**
   * The basis and purpose the act is recorded under (`act-record.ts`) where the party's cell of the
   * policy table does not say it: the resident's own acts, whose cell is only the right of access.
   */
  readonly vastlegging?: { readonly grondslag: Grondslag; readonly doel: Doel };
}

/** Why a guard refuses, in the order it checks. */
export type ActWeigering = 'PARTIJ' | 'ONBEKEND' | 'RELATIE' | 'VERSIE' | 'FASE' | 'CONTEXT_ONBESCHIKBAAR';

export interface ActRule {
  readonly subgraaf: Subgraaf;
  /** The act in Dutch, for messages and the register. */
  readonly handeling: string;
  readonly traject: TrajectVan;
  /** Who may: any row that fits lets the act through to its resolver. */
  readonly mag: readonly Machtiging[];
  /** The reason for the rows. */
  readonly waarom: string;
  /**
   * Codes other than the defaults of `ACT_CODES`, where a partner system already relies on them or
   * where the default would tell more than it should.
   */
  readonly codes?: Partial<Record<ActWeigering, Foutcode>>;
}

/** The default code per reason; the message is built from the row. */
export const ACT_CODES: Record<ActWeigering, Foutcode> = {
  PARTIJ: 'NIET_BEVOEGD',
  // A case the caller has no relation to answers exactly as one that does not exist.
  ONBEKEND: 'NIET_GEVONDEN',
  RELATIE: 'NIET_BEVOEGD',
  // Said before the phase: the losers of concurrent acts lost a race, not a phase rule.
  VERSIE: 'VERSIE_CONFLICT',
  FASE: 'FASEOVERGANG_ONGELDIG',
  CONTEXT_ONBESCHIKBAAR: 'BELEIDSCONTEXT_ONBEREIKBAAR',
};

// ─── Phase sets ────────────────────────────────────────────────────────────────────────────────

const vanaf = (van: Fase, tot: Fase): Fase[] => FASEN.slice(FASEN.indexOf(van), FASEN.indexOf(tot) + 1);
/** Every phase: withdrawing a consent is always possible (AVG art. 7.3). */
const ALTIJD: readonly Fase[] = FASEN;
/** While the case runs: a closed case takes no new processing. */
const LOPEND: readonly Fase[] = vanaf('MELDING', 'GEHUISVEST');
/** From the hand-over until the case closes: the regisseur's working time. */
const REGIE: readonly Fase[] = vanaf('BEMIDDELING', 'GEHUISVEST');
/** From the match on, the lease parties (matched corporation, linked care provider). */
const HUUR: readonly Fase[] = ['HUUROVEREENKOMST', 'GEHUISVEST'];

const m = (partij: Partij, relatie: Relatie | 'GEEN', fasen: readonly Fase[], rol?: string): Machtiging =>
  rol ? { partij, rol, relatie, fasen } : { partij, relatie, fasen };

/** The resident's own request for support: recorded on the resident's own wish (AVG 6.1.a). */
const EIGEN_MELDING = { grondslag: 'TOESTEMMING', doel: 'PASSENDE_ONDERSTEUNING' } as const;
/** The resident exercising a right (withdrawal, AVG 7.3; objection, art. 21): recording it is the controller's duty. */
const EIGEN_RECHT = { grondslag: 'WETTELIJKE_PLICHT', doel: 'INZAGE' } as const;
/** The resident, acting on a case of their own. */
const zelf = (fasen: readonly Fase[], vastlegging: Machtiging['vastlegging']): Machtiging => ({ partij: 'INWONER', relatie: 'ZELF', fasen, vastlegging });

const traject = (pad = 'trajectId'): TrajectVan => ({ uit: 'argument', pad });
const record = (soort: RecordSoort, pad: string): TrajectVan => ({ uit: 'record', soort, pad });

/** The Voorzitter of the Woonkans-overleg: a regisseur with `rol: VOORZITTER` (DESIGN §2). */
export const VOORZITTER = 'VOORZITTER';

/** The fund's refusals keep the codes its partners know (seed 001 art. 7.7–7.8). */
const FONDS_KASSIER = { PARTIJ: 'NIET_KASSIER' } as const;
const FONDS_VOORZITTER = { PARTIJ: 'NIET_VOORZITTER' } as const;

export const ACTS = {
  // ── gemeente: the Wmo file (steps 2–3) ──
  registreerMelding: {
    subgraaf: 'gemeente',
    handeling: 'Melding doen',
    traject: { uit: 'melding', pad: 'input' },
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['MELDING']), m('ZORGAANBIEDER', 'MELDER', ['MELDING']), zelf(['MELDING'], EIGEN_MELDING)],
    waarom: 'DESIGN §3 stap 2: de inwoner zelf, een zorgaanbieder met machtiging, of de Wmo-toegang van de eigen gemeente.',
  },
  legOnderzoekVast: {
    subgraaf: 'gemeente',
    handeling: 'Onderzoek vastleggen',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['ONDERZOEK'])],
    waarom: 'Het keukentafelgesprek is het onderzoek van de Wmo-consulent (stap 3).',
  },
  beoordeelDoelgroep: {
    subgraaf: 'gemeente',
    handeling: 'Doelgroep beoordelen',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['ONDERZOEK'])],
    waarom: 'De Wmo-consulent beoordeelt de doelgroep in het onderzoek; een uitzondering legt zij vast na het besluit van het overleg.',
  },
  voegDocumentToe: {
    subgraaf: 'gemeente',
    handeling: 'Document toevoegen',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', vanaf('ONDERZOEK', 'HUUROVEREENKOMST'))],
    waarom: 'De documenten van stap 3 horen in het dossier van de gemeente; tot de huur getekend is kan er een nieuwe versie komen.',
  },
  ondertekenOndersteuningsplan: {
    subgraaf: 'gemeente',
    handeling: 'Ondersteuningsplan ondertekenen',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['ONDERZOEK'])],
    waarom: 'Het getekende plan sluit het onderzoek af en is de instemming met bemiddeling.',
  },

  // ── regisseur: the routeplanner (steps 2–7) ──
  startOnderzoek: {
    subgraaf: 'regisseur',
    handeling: 'Onderzoek starten',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['MELDING'])],
    waarom: 'De Wmo-toegang van de eigen gemeente neemt de melding in onderzoek.',
  },
  draagOver: {
    subgraaf: 'regisseur',
    handeling: 'Overdragen aan de regisseur',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['ONDERZOEK'])],
    waarom: 'De Wmo-consulent draagt over na het onderzoek; de voorwaarden (plan, toestemming) toetst de routeplanner.',
  },
  legProfielVast: {
    subgraaf: 'regisseur',
    handeling: 'Bemiddelingsprofiel vastleggen',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', ['BEMIDDELING', 'CORPORATIEGESPREK'])],
    waarom: 'De regisseur van de regio stelt het profiel op en werkt het bij tot de match.',
  },
  selecteerCorporaties: {
    subgraaf: 'regisseur',
    handeling: 'Corporaties selecteren',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', ['BEMIDDELING'])],
    waarom: 'Selecteren hoort bij het opstellen van het profiel; daarna ligt de kring van corporaties vast.',
  },
  rondProfielAf: {
    subgraaf: 'regisseur',
    handeling: 'Profiel afronden',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', ['BEMIDDELING'])],
    waarom: 'Het afgeronde profiel gaat naar het Woonkans-overleg (stap 4 → 5).',
  },
  legOverlegUitkomstVast: {
    subgraaf: 'regisseur',
    handeling: 'Uitkomst van het overleg vastleggen',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', ['CORPORATIEGESPREK'])],
    waarom: 'De regisseur bespreekt het profiel in het Woonkans-overleg (stap 5).',
  },
  spreekMatchAf: {
    subgraaf: 'regisseur',
    handeling: 'Match afspreken',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', ['CORPORATIEGESPREK'])],
    waarom: 'De match volgt op het overleg (stap 5 → 6).',
  },
  sluitTraject: {
    subgraaf: 'regisseur',
    handeling: 'Traject afsluiten',
    traject: traject(),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', ['MELDING', 'ONDERZOEK']), m('REGISSEUR', 'REGIO', REGIE)],
    waarom: 'Vóór de overdracht is het traject het Wmo-dossier van de gemeente, daarna sluit de regisseur; de uitkomst moet passen bij fase en huur (domein).',
  },
  koppelTerug: {
    subgraaf: 'regisseur',
    handeling: 'Terugkoppelen aan de Wmo-consulent',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', REGIE)],
    waarom: 'Seed 002: de regisseur koppelt terug vanaf de overdracht; welk moment wanneer, toetst het domein.',
  },
  draagWarmOver: {
    subgraaf: 'regisseur',
    handeling: 'Warm overdragen aan de andere regio',
    traject: traject(),
    mag: [m('REGISSEUR', 'REGIO', REGIE)],
    waarom: 'Alleen de regisseur die het traject nu heeft, draagt het over; een afgesloten traject niet meer.',
  },
  registreerToestemming: {
    subgraaf: 'regisseur',
    handeling: 'Toestemming vastleggen',
    traject: traject('input.trajectId'),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', LOPEND), m('REGISSEUR', 'REGIO', REGIE)],
    waarom: 'Seed 003: toestemming leggen gemeente of regisseur vast, nooit de ontvanger of een corporatie (afhankelijkheid); niet meer na afsluiten.',
  },
  trekToestemmingIn: {
    subgraaf: 'regisseur',
    handeling: 'Toestemming intrekken',
    traject: record('toestemming', 'id'),
    mag: [zelf(ALTIJD, EIGEN_RECHT), m('GEMEENTE', 'EIGEN_GEMEENTE', ALTIJD), m('REGISSEUR', 'REGIO', vanaf('BEMIDDELING', 'AFGESLOTEN'))],
    waarom: 'Intrekken kan altijd (AVG art. 7.3): de inwoner zelf, of gemeente of regisseur namens de inwoner.',
  },
  maakBezwaar: {
    subgraaf: 'regisseur',
    handeling: 'Bezwaar maken',
    traject: record('toestemming', 'id'),
    mag: [zelf(ALTIJD, EIGEN_RECHT), m('GEMEENTE', 'EIGEN_GEMEENTE', ALTIJD), m('REGISSEUR', 'REGIO', vanaf('BEMIDDELING', 'AFGESLOTEN'))],
    waarom: 'Als intrekken: bezwaar kan altijd en gaat direct voor.',
  },
  vraagCasusoverlegAan: {
    subgraaf: 'regisseur',
    handeling: 'Casusoverleg aanvragen',
    traject: traject('input.trajectId'),
    mag: [
      m('GEMEENTE', 'EIGEN_GEMEENTE', vanaf('ONDERZOEK', 'GEHUISVEST')),
      m('REGISSEUR', 'REGIO', REGIE),
      m('CORPORATIE', 'GEMATCHT', HUUR),
      m('ZORGAANBIEDER', 'GEKOPPELD', HUUR),
    ],
    waarom: 'Seed 000 Bijlage 2: een professional van de casus vraagt het aan; de corporatie en zorgaanbieder pas als partij van de huur.',
  },
  besluitCasusoverleg: {
    subgraaf: 'regisseur',
    handeling: 'Besluiten over een casusoverleg',
    traject: record('casusoverleg', 'input.id'),
    mag: [m('REGISSEUR', 'REGIO', REGIE, VOORZITTER)],
    waarom: 'Seed 000 Bijlage 2: de Voorzitter besluit, over de casussen van de eigen regio.',
  },
  registreerDoorbreking: {
    subgraaf: 'regisseur',
    handeling: 'Conflict van plichten vastleggen',
    traject: traject('input.trajectId'),
    mag: [m('GEMEENTE', 'EIGEN_GEMEENTE', LOPEND), m('REGISSEUR', 'REGIO', REGIE)],
    waarom: 'Een professional die het dossier houdt, legt het vast; na afsluiten valt er niets meer te voorkomen.',
  },

  // ── corporatie: the offer and the lease (steps 5–7) ──
  doeWoningaanbod: {
    subgraaf: 'corporatie',
    handeling: 'Woningaanbod doen',
    traject: traject(),
    mag: [m('CORPORATIE', 'GESELECTEERD', ['CORPORATIEGESPREK'])],
    waarom: 'Een geselecteerde corporatie biedt aan onder de code, in het overleg.',
  },
  tekenHuurovereenkomst: {
    subgraaf: 'corporatie',
    handeling: 'Huurovereenkomst tekenen',
    traject: traject(),
    mag: [m('CORPORATIE', 'GEMATCHT', ['HUUROVEREENKOMST'])],
    waarom: 'Alleen de gematchte corporatie sluit de huur (stap 6).',
  },
  registreerEvaluatie: {
    subgraaf: 'corporatie',
    handeling: 'Evaluatie vastleggen',
    traject: traject(),
    mag: [m('CORPORATIE', 'GEMATCHT', ['GEHUISVEST']), m('ZORGAANBIEDER', 'GEKOPPELD', ['GEHUISVEST']), m('REGISSEUR', 'REGIO', ['GEHUISVEST'])],
    waarom: 'Na huisvesting evalueren corporatie, gekoppelde zorgaanbieder en regisseur (tweemaal per jaar).',
  },
  beeindigHuur: {
    subgraaf: 'corporatie',
    handeling: 'Huur beëindigen',
    traject: traject(),
    mag: [m('CORPORATIE', 'GEMATCHT', ['GEHUISVEST'])],
    waarom: 'De verhuurder legt het einde van de huur vast; een negatief einde met evaluatie (Bijlage 3).',
  },

  // ── garantiefonds: claims and the cashier (seed 001 art. 7, Bijlage 3) ──
  dienGarantieaanvraagIn: {
    subgraaf: 'garantiefonds',
    handeling: 'Garantieaanvraag indienen',
    traject: traject('formulier.trajectId'),
    mag: [m('CORPORATIE', 'GEMATCHT', ['AFGESLOTEN'])],
    waarom: 'Bijlage 3 §2: alleen de gematchte corporatie, na een negatieve beëindiging (het traject is dan afgesloten).',
    // One answer for every caller that is not the case's matched corporation, so a refusal never
    // tells whether a case exists; a case still running has had no negative end.
    codes: {
      PARTIJ: 'NIET_CORPORATIE_VAN_TRAJECT',
      ONBEKEND: 'NIET_CORPORATIE_VAN_TRAJECT',
      RELATIE: 'NIET_CORPORATIE_VAN_TRAJECT',
      FASE: 'GEEN_NEGATIEVE_BEEINDIGING',
    },
  },
  besluitOverGarantieaanvraag: {
    subgraaf: 'garantiefonds',
    handeling: 'Besluiten over een garantieaanvraag',
    traject: record('aanvraag', 'besluit.aanvraagId'),
    mag: [m('REGISSEUR', 'REGIO', ['AFGESLOTEN'], VOORZITTER)],
    waarom: 'Art. 7.8: de Voorzitter van het Woonkans-overleg besluit — over de aanvragen van de eigen regio.',
    codes: FONDS_VOORZITTER,
  },
  legNalatigheidVast: {
    subgraaf: 'garantiefonds',
    handeling: 'Ernstige nalatigheid vastleggen',
    traject: traject('input.trajectId'),
    mag: [m('REGISSEUR', 'REGIO', ['GEHUISVEST', 'AFGESLOTEN'], VOORZITTER)],
    waarom: 'Bijlage 3 §2: nalatigheid sluit een aanvraag uit; de Voorzitter legt haar vast in de casussen van de eigen regio, vanaf huisvesting.',
    codes: FONDS_VOORZITTER,
  },
  betaalGarantieaanvraagUit: {
    subgraaf: 'garantiefonds',
    handeling: 'Garantieaanvraag uitbetalen',
    traject: record('aanvraag', 'aanvraagId'),
    mag: [m('GARANTIEFONDS', 'FONDS', ['AFGESLOTEN'])],
    waarom: 'Art. 7.7: de MGR heeft alleen een kassiersfunctie en betaalt goedgekeurde aanvragen uit.',
    codes: FONDS_KASSIER,
  },
  registreerBijdrage: {
    subgraaf: 'garantiefonds',
    handeling: 'Bijdrage boeken',
    traject: null,
    mag: [m('GARANTIEFONDS', 'GEEN', [])],
    waarom: 'Art. 7.7: de kassier beheert het fonds en boekt de inleg.',
    codes: FONDS_KASSIER,
  },
  treedToeTotFonds: {
    subgraaf: 'garantiefonds',
    handeling: 'Deelnemer laten toetreden',
    traject: null,
    mag: [m('GARANTIEFONDS', 'GEEN', [])],
    waarom: 'Art. 9c: de kassier verwerkt een toetreding en vraagt de inleg.',
    codes: FONDS_KASSIER,
  },
  treedUitFonds: {
    subgraaf: 'garantiefonds',
    handeling: 'Uittreding verwerken',
    traject: null,
    mag: [m('GARANTIEFONDS', 'GEEN', [])],
    waarom: 'Art. 10.3: de kassier verwerkt een uittreding.',
    codes: FONDS_KASSIER,
  },
  stelVerdeelsleutelIn: {
    subgraaf: 'garantiefonds',
    handeling: 'Verdeelsleutel instellen',
    traject: null,
    mag: [m('GARANTIEFONDS', 'GEEN', [])],
    waarom: 'Art. 7.3–7.4: de kassier houdt de verdeelsleutel bij.',
    codes: FONDS_KASSIER,
  },
  hefFondsOp: {
    subgraaf: 'garantiefonds',
    handeling: 'Fonds opheffen',
    traject: null,
    mag: [m('GARANTIEFONDS', 'GEEN', [])],
    waarom: 'Art. 10.5: de kassier wikkelt af nadat alle partijen de overeenkomst beëindigden.',
    codes: FONDS_KASSIER,
  },
} as const satisfies Record<string, ActRule>;

export type ActNaam = keyof typeof ACTS;

export function actRule(naam: string): ActRule | undefined {
  return Object.hasOwn(ACTS, naam) ? (ACTS as Record<string, ActRule>)[naam] : undefined;
}

/** Every permission of the table as a flat row, for the register and the tests. */
export interface ActRow extends Machtiging {
  readonly act: string;
  readonly subgraaf: Subgraaf;
  readonly handeling: string;
  readonly waarom: string;
}
export function actRows(): ActRow[] {
  return Object.entries(ACTS as Record<string, ActRule>).flatMap(([act, rule]) =>
    rule.mag.map((g) => ({ act, subgraaf: rule.subgraaf, handeling: rule.handeling, waarom: rule.waarom, ...g })),
  );
}
