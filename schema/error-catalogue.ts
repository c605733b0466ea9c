/**
 * Every error code a partner can receive, as data: what it means, when it is given, what to do, the
 * HTTP status where it is not 200 and whether the same request may simply be sent again. The one
 * source for `GET /fouten` (HTML), `GET /fouten.json` and `npm run fouten` (Markdown).
 *
 * A code that is not here does not compile: `weigering(code, …)` and `extensions.code` take a
 * `Foutcode` (see `schema/errors.ts`), and `schema/error-catalogue.test.ts` scans the source for code
 * literals that slip past the types and for entries no code gives any more.
 *
 * `ingebouwd` marks the codes of GraphQL itself (graphql-js, Apollo Server, GraphQL Yoga): ours to
 * document, not ours to raise.
 */
import type { ActWeigering } from './acts.js';
import type { Reden } from './decide.js';
import type { TokenReden } from './errors.js';

export const GROEPEN = {
  toegang: { titel: 'Toegang', uitleg: 'Het token, de partij of de bron van het verzoek.' },
  dosering: { titel: 'Dosering', uitleg: 'Een veld dat deze partij nu niet mag zien; de rest van het antwoord komt gewoon.' },
  handelingen: { titel: 'Handelingen', uitleg: 'Een mutatie die niet mag of nog niet kan: wie, welke fase, welke versie, welke voorwaarden.' },
  invoer: { titel: 'Invoer', uitleg: 'De invoer zelf klopt niet; pas haar aan en stuur opnieuw.' },
  garantiefonds: {
    titel: 'Garantiefonds',
    uitleg: 'Weigeringen van het fonds. `extensions.code` is de eerste reden, `extensions.codes` alle redenen tegelijk.',
  },
  beschikbaarheid: { titel: 'Beschikbaarheid', uitleg: 'Een onderdeel is even niet bereikbaar; er is niets vastgelegd. Probeer later opnieuw.' },
  limieten: { titel: 'Limieten', uitleg: 'De operatie of de body is te groot of onleesbaar; er is niets uitgevoerd.' },
  graphql: { titel: 'GraphQL', uitleg: 'Codes van GraphQL zelf (graphql-js, Apollo Server, GraphQL Yoga).' },
} as const;
export type Groep = keyof typeof GROEPEN;

/** One value of a sub-field (`reden`, or a `voorwaarden` item): what it means and what to do. */
export interface Onderdeel {
  readonly betekenis: string;
  readonly watTeDoen: string;
  /** Only where it differs from the code's. */
  readonly herhaalbaar?: boolean;
}

export interface Foutbeschrijving {
  readonly groep: Groep;
  /** What it means. */
  readonly betekenis: string;
  /** When it is given: which operations, which door. */
  readonly wanneer: string;
  /** What the partner does about it. */
  readonly watTeDoen: string;
  /** The HTTP status where it is not 200 (several where the door decides). */
  readonly http?: number | readonly number[];
  /** May a client send the very same request again (with backoff)? */
  readonly herhaalbaar: boolean;
  /** Other `extensions` it carries besides `code`. */
  readonly extensies?: readonly string[];
  /** The values of `extensions.reden`. */
  readonly redenen?: Readonly<Record<string, Onderdeel>>;
  /** VOORWAARDE_ONTBREEKT: the values in `extensions.voorwaarden`. */
  readonly voorwaarden?: Readonly<Record<string, Onderdeel>>;
  /** A code of GraphQL itself, not raised by Woonkans code. */
  readonly ingebouwd?: 'graphql-js' | 'Apollo Server' | 'GraphQL Yoga';
}

// ─── Sub-entries ───────────────────────────────────────────────────────────────────────────────

/** `reden` of DOSERING_GEWEIGERD (`schema/decide.ts`). */
const DOSERING_REDENEN = {
  PARTIJ: {
    betekenis: 'Deze partij mag deze gegevenscategorie in geen enkele fase zien.',
    watTeDoen: 'Vraag het veld niet meer op; het hoort niet bij het contract van de partij (`GET /contract`).',
  },
  RELATIE: {
    betekenis: 'De partij heeft (nog) geen relatie met dit traject die dit veld opent.',
    watTeDoen: 'Vraag het veld pas op als de partij betrokken is (bijv. geselecteerd of gematcht).',
  },
  FASE: {
    betekenis: 'Het veld is in de huidige fase van het traject (`fase`) niet zichtbaar voor deze partij.',
    watTeDoen: 'Wacht tot het traject in een fase is waarin het veld open is; zie de doseringstabel.',
  },
  TOESTEMMING: {
    betekenis: 'Hiervoor is een geldige, gerichte toestemming van de inwoner nodig, en die is er niet.',
    watTeDoen: 'Vraag de inwoner om toestemming (registreerToestemming) voor deze categorie en dit doel.',
  },
  CONTEXT_ONBESCHIKBAAR: {
    betekenis: 'De beleidscontext (fase, relaties, toestemmingen) kon niet worden geladen; uit voorzorg geweigerd.',
    watTeDoen: 'Probeer later opnieuw met backoff.',
    herhaalbaar: true,
  },
} satisfies Record<Reden, Onderdeel>;

/** `reden` of UNAUTHENTICATED (`TokenReden`, the NL GOV Assurance profile). */
const TOKEN_REDENEN = {
  GEEN_TOKEN: { betekenis: 'Er is geen `Authorization: Bearer …` meegestuurd.', watTeDoen: 'Haal een token op bij de IdP en stuur het mee.' },
  TOKEN_ONGELDIG: {
    betekenis: 'De handtekening, uitgever, audience of het algoritme klopt niet.',
    watTeDoen: 'Controleer `iss`, `aud` en de sleutel; haal een nieuw token bij de juiste IdP.',
  },
  TOKEN_ONVOLLEDIG: { betekenis: 'Een verplichte claim (`exp`, `iat`, `jti`, …) ontbreekt.', watTeDoen: 'Laat de IdP een token met alle verplichte claims uitgeven.' },
  TOKEN_VERLOPEN: { betekenis: 'Het token is verlopen (`exp`).', watTeDoen: 'Haal een nieuw token op en stuur het verzoek opnieuw.' },
  TOKEN_NOG_NIET_GELDIG: { betekenis: 'Het token is nog niet geldig (`nbf`).', watTeDoen: 'Controleer de klok van de IdP; stuur later opnieuw.' },
  TOKEN_UIT_DE_TOEKOMST: { betekenis: 'Het token is uitgegeven in de toekomst (`iat`).', watTeDoen: 'Controleer de klok van de IdP of van de client.' },
  TOKEN_TE_LANG_GELDIG: {
    betekenis: 'Het token is langer geldig dan het profiel toestaat (een uur; machine-token 15 minuten).',
    watTeDoen: 'Laat de IdP kortlevende tokens uitgeven.',
  },
  TOKEN_HERGEBRUIKT: {
    betekenis: 'Dit `jti` is al gebruikt voor een ander token.',
    watTeDoen: 'Laat de IdP elk token een eigen, uniek `jti` geven.',
  },
  CLAIMS_ONVOLLEDIG: {
    betekenis: 'Een Woonkans-claim (`partij`, `organisatie`, `gemeente`, `regio`) ontbreekt of is onbekend.',
    watTeDoen: 'Laat de IdP de Woonkans-claims voor deze client instellen; vraag bij twijfel de regisseur.',
  },
} satisfies Record<TokenReden, Onderdeel>;

/** `reden` of an act's refusal (`schema/acts.ts`, `subgraphs/common/act-guard.ts`). */
const HANDELING_REDENEN = {
  PARTIJ: {
    betekenis: 'Deze handeling is voorbehouden aan een andere partij (of rol); het bericht noemt wie.',
    watTeDoen: 'Laat de verantwoordelijke partij de handeling doen, met haar eigen token.',
  },
  ONBEKEND: {
    betekenis: 'Het traject (of record) bestaat niet, of de partij heeft er geen relatie mee — het antwoord is hetzelfde.',
    watTeDoen: 'Controleer het id; een traject van een ander bestaat voor deze partij niet.',
  },
  RELATIE: {
    betekenis: 'De partij heeft niet de relatie met dit traject die de handeling vraagt (eigen gemeente, gematcht, …).',
    watTeDoen: 'Laat de partij met die relatie de handeling doen.',
  },
  VERSIE: {
    betekenis: 'De handeling is gestuurd voor een andere versie van het traject dan de huidige (`huidigeVersie`).',
    watTeDoen: 'Haal het traject opnieuw op, controleer of de handeling nog nodig is en stuur haar met `huidigeVersie`.',
  },
  FASE: {
    betekenis: 'De handeling kan niet in de huidige fase (`fase`) van het traject.',
    watTeDoen: 'Haal het traject op en doe eerst de stap die het naar de juiste fase brengt.',
  },
  CONTEXT_ONBESCHIKBAAR: {
    betekenis: 'De beleidscontext kon niet worden geladen; er is niets vastgelegd.',
    watTeDoen: 'Probeer later opnieuw met backoff.',
    herhaalbaar: true,
  },
} satisfies Record<ActWeigering, Onderdeel>;

const handelingRedenen = <K extends ActWeigering>(...redenen: K[]): Pick<typeof HANDELING_REDENEN, K> =>
  Object.fromEntries(redenen.map((r) => [r, HANDELING_REDENEN[r]])) as Pick<typeof HANDELING_REDENEN, K>;

/** The preconditions of a phase step (`subgraphs/regisseur/routeplanner/transitions.ts`). */
const VOORWAARDEN = {
  DOELGROEP_BEOORDEELD: { betekenis: 'De gemeente heeft de doelgroep nog niet beoordeeld.', watTeDoen: 'De gemeente doet eerst beoordeelDoelgroep.' },
  ONDERSTEUNINGSPLAN_ONDERTEKEND: {
    betekenis: 'Het ondersteuningsplan is nog niet ondertekend.',
    watTeDoen: 'De gemeente legt eerst ondertekenOndersteuningsplan vast.',
  },
  OVERDRACHT_TOESTEMMING: {
    betekenis: 'Er is geen toestemming van de inwoner om het traject aan de regisseur over te dragen.',
    watTeDoen: 'Vraag de inwoner om toestemming (registreerToestemming, doel MATCH_BEMIDDELING).',
  },
  PROFIEL_COMPLEET: {
    betekenis: 'Het woonprofiel is niet compleet; `ontbrekendeProfielvelden` noemt de lege velden.',
    watTeDoen: 'Vul die velden met legProfielVast en rond dan opnieuw af.',
  },
  CORPORATIE_GESELECTEERD: { betekenis: 'Er is nog geen corporatie geselecteerd.', watTeDoen: 'Selecteer eerst corporaties (selecteerCorporaties).' },
  CORPORATIE_GEINTERESSEERD: {
    betekenis: 'De gekozen corporatie heeft in het overleg geen interesse getoond.',
    watTeDoen: 'Leg eerst de overleguitkomst INTERESSE vast, of kies een andere corporatie.',
  },
  ZORGAANBIEDER_GEKOPPELD: {
    betekenis: 'Er is geen (bekende) zorgaanbieder gekoppeld; `geldigeZorgaanbieders` noemt de geldige namen.',
    watTeDoen: 'Stuur een zorgaanbieder uit die lijst mee.',
  },
} satisfies Record<string, Onderdeel>;

// ─── The catalogue ─────────────────────────────────────────────────────────────────────────────

const FONDS_FORMULIER = 'dienGarantieaanvraagIn';
const FONDS_KASSIER = 'registreerBijdrage, treedToeTotFonds, treedUitFonds, stelVerdeelsleutelIn, betaalGarantieaanvraagUit, hefFondsOp';
const HERSTEL = 'Herstel de invoer en stuur opnieuw.';

export const CATALOGUS = {
  // ── toegang ──
  UNAUTHENTICATED: {
    groep: 'toegang',
    betekenis: 'Geen (geldig) token; `reden` zegt welke regel van het NL GOV-profiel het token brak.',
    wanneer: 'Bij elk verzoek aan /graphql, /contract en de machine-deuren van de subgraphs, voordat er iets draait.',
    watTeDoen: 'Haal een nieuw, geldig token op en stuur het verzoek opnieuw; zie `reden`.',
    http: 401,
    herhaalbaar: false,
    extensies: ['reden'],
    redenen: TOKEN_REDENEN,
  },
  NIET_BEVOEGD: {
    groep: 'toegang',
    betekenis: 'De partij mag deze handeling of dit overzicht niet; bij een handeling zegt `reden` waarom.',
    wanneer: 'Elke mutatie (acts-tabel), het logboek (mijnInzage/toezicht), de fondsdetails, POST /bewaartermijn.',
    watTeDoen: 'Laat de partij (of rol) die het mag het verzoek doen; het bericht noemt haar.',
    http: [200, 403],
    herhaalbaar: false,
    extensies: ['handeling', 'reden', 'fase'],
    redenen: handelingRedenen('PARTIJ', 'RELATIE'),
  },
  CSRF_GEWEIGERD: {
    groep: 'toegang',
    betekenis: 'Het verzoek kan uit een andere website komen (CSRF): een eenvoudig content-type en geen preflight-header.',
    wanneer: 'POST of GET op /graphql aan de gateway zonder `content-type: application/json` of een preflight-header.',
    watTeDoen: 'Stuur `content-type: application/json`, of de header `apollo-require-preflight: true`.',
    http: 400,
    herhaalbaar: false,
  },
  DOCUMENT_NIET_GOEDGEKEURD: {
    groep: 'toegang',
    betekenis: 'Met `VERTROUWDE_DOCUMENTEN=verplicht` voert de gateway voor een partner alleen documenten uit die zijn organisatie registreerde en de functionaris gegevensbescherming goedkeurde; dit verzoek was er geen. `reden` zegt waarom.',
    wanneer: 'Elk verzoek aan /graphql met een token van een partner (niet WERKGROEP of TOEZICHT), vóór er iets wordt uitgevoerd; een id ook als de instelling uit staat.',
    watTeDoen: 'Registreer het document (POST /documenten), laat het goedkeuren en stuur daarna alleen het id (`extensions.persistedQuery.sha256Hash` of `documentId`).',
    http: 403,
    herhaalbaar: false,
    extensies: ['reden', 'documentId'],
    redenen: {
      VRIJE_TEKST: { betekenis: 'Er is een querytekst gestuurd in plaats van een document-id.', watTeDoen: 'Stuur het id van het goedgekeurde document, zonder `query`.' },
      ONBEKEND: {
        betekenis: 'Dit id is voor de organisatie van het token niet geregistreerd (ook als een andere organisatie het wel registreerde).',
        watTeDoen: 'Registreer het document voor de eigen organisatie; een goedkeuring geldt voor één organisatie.',
      },
      NIET_GOEDGEKEURD: { betekenis: 'Het document is geregistreerd maar nog niet goedgekeurd.', watTeDoen: 'Vraag de functionaris gegevensbescherming (TOEZICHT) het document te beoordelen.' },
      INGETROKKEN: { betekenis: 'De goedkeuring is ingetrokken.', watTeDoen: 'Neem contact op met de functionaris gegevensbescherming; gebruik het document niet meer.' },
    },
  },
  SLEUTEL_ONGELDIG: {
    groep: 'toegang',
    betekenis: 'De inzage- of toezichtsleutel is gewijzigd of niet door Woonkans uitgegeven.',
    wanneer: 'Bij het volgen van een sleutel uit mijnInzage of toezicht.',
    watTeDoen: 'Vraag een nieuwe sleutel op (opnieuw mijnInzage/toezicht) en gebruik die ongewijzigd.',
    herhaalbaar: false,
  },
  NIET_GEVONDEN: {
    groep: 'toegang',
    betekenis: 'Het traject, de aanvraag, bijdrage, toestemming, het casusoverleg of het vertrouwde document bestaat niet — of niet voor deze partij.',
    wanneer: 'Handelingen en opvragingen met een id (traject, aanvraagId, bijdrageId, toestemmingId, casusoverleg), en het beoordelen van een document (/documenten/…).',
    watTeDoen: 'Controleer het id; een record zonder relatie is voor de partij onbekend, daar helpt opnieuw proberen niet.',
    herhaalbaar: false,
    extensies: ['handeling', 'reden', 'trajectId', 'aanvraagId', 'bijdrageId'],
    redenen: handelingRedenen('ONBEKEND'),
  },

  // ── dosering ──
  DOSERING_GEWEIGERD: {
    groep: 'dosering',
    betekenis: 'Dit veld is voor deze partij nu niet zichtbaar; het veld is null, de rest van het antwoord komt.',
    wanneer:
      'Elke query op een traject (per veld). Een veld dat de partij nooit mag zien, wordt al vóór uitvoering geweigerd (HTTP 403, `reden: PARTIJ`).',
    watTeDoen: 'Lees `reden`: vraag het veld niet op, wacht op de juiste fase of vraag de inwoner om toestemming. Opnieuw sturen verandert niets.',
    http: [200, 403],
    herhaalbaar: false,
    extensies: ['reden', 'partij', 'categorie', 'veld', 'trajectId', 'fase', 'relatie'],
    redenen: DOSERING_REDENEN,
  },

  // ── handelingen ──
  FASEOVERGANG_ONGELDIG: {
    groep: 'handelingen',
    betekenis: 'De stap kan niet vanuit de huidige fase: een traject gaat alleen vooruit, langs de routeplanner.',
    wanneer: 'Faseovergangen (startOnderzoek, draagOver, rondProfielAf, spreekMatchAf, tekenHuurovereenkomst, sluitTraject), koppelTerug en handelingen buiten hun fase.',
    watTeDoen: 'Haal het traject op (fase, versie) en doe de stap die nu aan de beurt is.',
    herhaalbaar: false,
    extensies: ['fase', 'handeling', 'reden'],
    redenen: handelingRedenen('FASE'),
  },
  VOORWAARDE_ONTBREEKT: {
    groep: 'handelingen',
    betekenis: 'Niet aan alle voorwaarden van de stap is voldaan; `voorwaarden` noemt ze.',
    wanneer: 'Faseovergangen: draagOver, rondProfielAf, spreekMatchAf, tekenHuurovereenkomst.',
    watTeDoen: 'Vervul de genoemde voorwaarden (zie hieronder) en doe de stap opnieuw met de actuele versie.',
    herhaalbaar: false,
    extensies: ['voorwaarden', 'ontbrekendeProfielvelden', 'geldigeZorgaanbieders'],
    voorwaarden: VOORWAARDEN,
  },
  VERSIE_CONFLICT: {
    groep: 'handelingen',
    betekenis: 'Het traject is intussen gewijzigd: de meegestuurde `versie` is niet meer de huidige.',
    wanneer: 'Elke faseovergang en elke handeling die een `versie` meestuurt; ook wie een gelijktijdige stap verloor.',
    watTeDoen: 'Haal de nieuwe versie op (`huidigeVersie`), controleer of de stap nog nodig is en stuur hem met die versie.',
    herhaalbaar: false,
    extensies: ['verstuurd', 'huidigeVersie', 'handeling', 'reden'],
    redenen: handelingRedenen('VERSIE'),
  },
  UITKOMST_PAST_NIET_BIJ_HUUR: {
    groep: 'handelingen',
    betekenis: 'De gekozen uitkomst past niet bij wat er met de huur is gebeurd; `verwacht` noemt de juiste.',
    wanneer: 'sluitTraject van een gehuisvest traject.',
    watTeDoen: 'Sluit af met de uitkomst uit `verwacht`, of leg eerst het einde van de huur vast (beeindigHuur).',
    herhaalbaar: false,
    extensies: ['verwacht'],
  },
  GEEN_MEERDERHEID: {
    groep: 'handelingen',
    betekenis: 'Een uitzondering op de doelgroep vraagt een meerderheid in het Woonkans-overleg.',
    wanneer: 'beoordeelDoelgroep met een uitzondering.',
    watTeDoen: 'Leg de uitzondering pas vast na een besluit met meer stemmen voor dan tegen.',
    herhaalbaar: false,
    extensies: ['stemmenVoor', 'stemmenTegen'],
  },
  TOESTEMMING_ONGELDIG: {
    groep: 'handelingen',
    betekenis: 'De toestemming is niet geldig of niet gericht genoeg (ontvanger, categorie, doel, termijn), of er is er geen.',
    wanneer: 'registreerToestemming; besluitCasusoverleg zonder gerichte toestemming van de inwoner.',
    watTeDoen: 'Herstel de toestemming volgens `problemen`, of vraag de inwoner om een gerichte toestemming.',
    herhaalbaar: false,
    extensies: ['problemen'],
  },
  DOORBREKING_CRITERIA_ONVOLDAAN: {
    groep: 'handelingen',
    betekenis: 'Niet alle zes criteria voor het doorbreken van de geheimhouding zijn vervuld.',
    wanneer: 'registreerDoorbreking.',
    watTeDoen: 'Vervul en onderbouw elk genoemd criterium, of vraag de inwoner om toestemming in plaats van te doorbreken.',
    herhaalbaar: false,
    extensies: ['ontbrekend'],
  },

  // ── invoer ──
  DOCUMENT_ONGELDIG: {
    groep: 'invoer',
    betekenis: 'Het document kan niet worden geregistreerd: het is geen geldige GraphQL, valt buiten de limieten of past niet bij het contract van de partij; `fouten` zegt wat.',
    wanneer: 'POST /documenten (registreren van een vertrouwd document) en `npm run documenten -- registreer`.',
    watTeDoen: 'Vergelijk het document met het contract van de partij (`GET /contract`), herstel het en registreer opnieuw.',
    http: 400,
    herhaalbaar: false,
    extensies: ['fouten'],
  },
  ONGELDIGE_INVOER: {
    groep: 'invoer',
    betekenis: 'De invoer klopt niet; het bericht (en `veld` of `problemen`) zegt wat.',
    wanneer: 'Elke mutatie en query met invoer: meldingen, profielen, aanbod, huur, data, periodes, `na`, monitoringvragen; bij een connection (`trajectenPagina` …) een `first` buiten 1 tot `maximum` of een `after` die geen cursor van die lijst is.',
    watTeDoen: HERSTEL,
    http: [200, 400],
    herhaalbaar: false,
    extensies: ['veld', 'problemen', 'fase', 'maximum'],
  },

  // ── garantiefonds ──
  BEDRAG_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'Een bedrag is geen geheel, niet-negatief aantal centen, of valt buiten bereik.',
    wanneer: `${FONDS_FORMULIER}, registreerBijdrage, betaalGarantieaanvraagUit.`,
    watTeDoen: 'Stuur bedragen in hele centen (Int), niet negatief. ' + HERSTEL,
    herhaalbaar: false,
    extensies: ['codes'],
  },
  GEWICHT_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'Een gewicht van de verdeelsleutel is negatief, ontbreekt of is oneindig.',
    wanneer: 'treedToeTotFonds, stelVerdeelsleutelIn.',
    watTeDoen: 'Geef een positief geheel gewicht. ' + HERSTEL,
    herhaalbaar: false,
  },
  TOTAAL_GEWICHT_NIET_POSITIEF: {
    groep: 'garantiefonds',
    betekenis: 'De som van de verdeelsleutel is niet groter dan nul; er valt niets te verdelen.',
    wanneer: 'Bij het verdelen van een bijdrageronde of een opheffing over de deelnemers.',
    watTeDoen: 'Geef minstens één deelnemer een positief gewicht (stelVerdeelsleutelIn).',
    herhaalbaar: false,
  },
  DEELNEMER_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'Een deelnemer heeft een onbekende soort of een ongeldige slug.',
    wanneer: `treedToeTotFonds, registreerBijdrage, hefFondsOp, besluitOverGarantieaanvraag.`,
    watTeDoen: 'Gebruik een bekende soort (GEMEENTE, CORPORATIE, …) en een slug als `venlo` of `woonwenz`.',
    herhaalbaar: false,
  },
  DUBBELE_DEELNEMER: {
    groep: 'garantiefonds',
    betekenis: 'Deze deelnemer is al toegetreden (of komt dubbel voor).',
    wanneer: 'treedToeTotFonds, hefFondsOp.',
    watTeDoen: 'Laat de deelnemer niet opnieuw toetreden; pas zo nodig het gewicht aan met stelVerdeelsleutelIn.',
    herhaalbaar: false,
  },
  VERDEELSLEUTEL_ONVOLLEDIG: {
    groep: 'garantiefonds',
    betekenis: 'De verdeelsleutel heeft geen gewicht voor een deelnemende partij.',
    wanneer: 'Bij het verdelen van een bijdrageronde of opheffing.',
    watTeDoen: 'Stel voor elke deelnemer een gewicht in (stelVerdeelsleutelIn).',
    herhaalbaar: false,
  },
  AANVRAAG_NIET_GOEDGEKEURD: {
    groep: 'garantiefonds',
    betekenis: 'De aanvraag is (nog) niet goedgekeurd door de Voorzitter.',
    wanneer: 'betaalGarantieaanvraagUit.',
    watTeDoen: 'Wacht op het besluit van de Voorzitter; betaal alleen goedgekeurde aanvragen uit.',
    herhaalbaar: false,
  },
  SALDO_ONTOEREIKEND: {
    groep: 'garantiefonds',
    betekenis: 'Het saldo van het fonds is lager dan het uit te betalen bedrag.',
    wanneer: 'betaalGarantieaanvraagUit.',
    watTeDoen: 'Boek eerst de openstaande bijdragen (registreerBijdrage) en betaal daarna uit; meld het tekort bij de regisseur.',
    herhaalbaar: false,
  },
  UITBETALING_NIET_GEBOEKT: {
    groep: 'garantiefonds',
    betekenis: 'De uitbetaling staat niet (juist) in het grootboek, of de aanvraag is al uitbetaald.',
    wanneer: 'betaalGarantieaanvraagUit.',
    watTeDoen: 'Betaal niet dubbel uit; haal de aanvraag op en neem bij een afwijking contact op met de regisseur.',
    herhaalbaar: false,
  },
  FONDS_OPGEHEVEN: {
    groep: 'garantiefonds',
    betekenis: 'Het fonds is opgeheven; er zijn geen mutaties meer mogelijk.',
    wanneer: `${FONDS_FORMULIER} en elke handeling van de kassier (${FONDS_KASSIER}).`,
    watTeDoen: 'Niets meer indienen of boeken; neem contact op met de regisseur over de afwikkeling.',
    herhaalbaar: false,
  },
  GROOTBOEK_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'Het grootboek van het fonds is inconsistent, of een boeking is niet opgeslagen.',
    wanneer: 'Handelingen van de kassier die het grootboek lezen of schrijven.',
    watTeDoen: 'Stop met boeken en neem contact op met de regisseur (beheer van het fonds).',
    herhaalbaar: false,
  },
  AANVRAAG_ID_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'De aanvraag heeft geen geldig id.',
    wanneer: 'Bij het lezen van een aanvraag voor een besluit of uitbetaling.',
    watTeDoen: 'Gebruik het `id` zoals dienGarantieaanvraagIn of garantieaanvragen het gaf.',
    herhaalbaar: false,
  },
  TRAJECTCODE_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'De trajectcode is geen pseudoniem (hoofdletters, cijfers, streepjes, minstens één cijfer).',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Neem de `code` van het traject over, niet een naam of BSN.',
    herhaalbaar: false,
  },
  DATUM_ONGELDIG: {
    groep: 'garantiefonds',
    betekenis: 'Een datum is geen geldige kalenderdatum (JJJJ-MM-DD) of ligt in de toekomst.',
    wanneer: `${FONDS_FORMULIER}, besluitOverGarantieaanvraag, registreerBijdrage.`,
    watTeDoen: 'Stuur een datum als 2026-12-01, niet later dan vandaag.',
    herhaalbaar: false,
  },
  ONGELDIGE_KOSTENSOORT: {
    groep: 'garantiefonds',
    betekenis: 'Een kostensoort is niet declarabel bij het Garantiefonds.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Gebruik alleen de kostensoorten van het formulier (Bijlage 3).',
    herhaalbaar: false,
  },
  KOSTENPOSTEN_ONTBREKEN: {
    groep: 'garantiefonds',
    betekenis: 'De aanvraag bevat geen kostenposten.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Voeg minstens één kostenpost met bedrag en bewijs toe.',
    herhaalbaar: false,
  },
  PERSOONSGEGEVENS_IN_TEKST: {
    groep: 'garantiefonds',
    betekenis: 'Vrije tekst lijkt persoonsgegevens te bevatten (BSN, e-mail of telefoonnummer).',
    wanneer: `${FONDS_FORMULIER}, besluitOverGarantieaanvraag (motivering, toelichting).`,
    watTeDoen: 'Haal de persoonsgegevens uit de tekst; verwijs naar het traject met zijn code.',
    herhaalbaar: false,
  },
  NIET_CORPORATIE_VAN_TRAJECT: {
    groep: 'garantiefonds',
    betekenis: 'De aanvrager is niet de gematchte corporatie van dit traject (of het traject is voor haar onbekend).',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Alleen de gematchte corporatie dient in, met haar eigen token; controleer het trajectId.',
    herhaalbaar: false,
    extensies: ['codes', 'handeling', 'reden'],
    redenen: handelingRedenen('PARTIJ', 'ONBEKEND', 'RELATIE'),
  },
  GEEN_NEGATIEVE_BEEINDIGING: {
    groep: 'garantiefonds',
    betekenis: 'Er is geen negatieve beëindiging (ontruimd of vertrokken) van de driepartijenovereenkomst.',
    wanneer: `${FONDS_FORMULIER}; ook zolang het traject nog niet is afgesloten.`,
    watTeDoen: 'Dien pas in na beeindigHuur met een negatief einde en sluitTraject.',
    herhaalbaar: false,
    extensies: ['codes', 'handeling', 'reden', 'fase'],
    redenen: handelingRedenen('FASE'),
  },
  BEDRAG_NIET_BOVEN_BORG: {
    groep: 'garantiefonds',
    betekenis: 'Het aangevraagde bedrag is niet hoger dan de borg; de borg dekt het al.',
    wanneer: `${FONDS_FORMULIER} (de Voorzitter kan hiervan afwijken onder art. 7.9).`,
    watTeDoen: 'Verreken met de borg, of vraag een uitzondering aan met een toelichting.',
    herhaalbaar: false,
  },
  BEWIJS_ONTBREEKT: {
    groep: 'garantiefonds',
    betekenis: 'Een kostenpost heeft geen onderbouwing.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Geef bij elke kostenpost een bewijs (factuur, opname).',
    herhaalbaar: false,
  },
  NIET_BESPROKEN_IN_OVERLEG: {
    groep: 'garantiefonds',
    betekenis: 'De aanvraag is niet besproken in het Woonkans-overleg.',
    wanneer: 'besluitOverGarantieaanvraag (de datum van het overleg ontbreekt).',
    watTeDoen: 'Bespreek de aanvraag eerst in het overleg en geef die datum mee.',
    herhaalbaar: false,
  },
  EVALUATIE_ONTBREEKT: {
    groep: 'garantiefonds',
    betekenis: 'De evaluatie van de negatieve beëindiging ontbreekt.',
    wanneer: `beeindigHuur met een negatief einde, en ${FONDS_FORMULIER}.`,
    watTeDoen: 'Leg de evaluatie vast (registreerEvaluatie) en stuur opnieuw.',
    herhaalbaar: false,
  },
  CONTACTROL_ONTBREEKT: {
    groep: 'garantiefonds',
    betekenis: 'De rol van de contactpersoon ontbreekt.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Vul de rol van de contactpersoon in (geen naam).',
    herhaalbaar: false,
  },
  ERNSTIGE_NALATIGHEID: {
    groep: 'garantiefonds',
    betekenis: 'Er is ernstige nalatigheid van een partij vastgelegd; dat sluit een aanvraag uit.',
    wanneer: `${FONDS_FORMULIER}, besluitOverGarantieaanvraag (goedkeuren).`,
    watTeDoen: 'Niet opnieuw indienen; bespreek de casus zo nodig met de Voorzitter.',
    herhaalbaar: false,
  },
  AL_AANGEVRAAGD: {
    groep: 'garantiefonds',
    betekenis: 'Voor dit traject is al een aanvraag gedaan.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Volg de bestaande aanvraag (garantieaanvragen); dien geen tweede in.',
    herhaalbaar: false,
  },
  SOORT_BEEINDIGING_WIJKT_AF: {
    groep: 'garantiefonds',
    betekenis: 'De soort beëindiging op het formulier wijkt af van de vastgelegde uitkomst van het traject.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Neem de soort beëindiging over zoals die bij beeindigHuur is vastgelegd.',
    herhaalbaar: false,
  },
  TRAJECTCODE_WIJKT_AF: {
    groep: 'garantiefonds',
    betekenis: 'De trajectcode op het formulier hoort niet bij dit traject.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Neem de `code` van precies dit traject over.',
    herhaalbaar: false,
  },
  BORG_WIJKT_AF: {
    groep: 'garantiefonds',
    betekenis: 'De borg op het formulier wijkt af van de huurovereenkomst, of er is geen huurovereenkomst vastgelegd.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Neem de borg van de vastgelegde huurovereenkomst over.',
    herhaalbaar: false,
  },
  DATUM_BEEINDIGING_WIJKT_AF: {
    groep: 'garantiefonds',
    betekenis: 'De datum van beëindiging op het formulier wijkt af van de datum waarop de corporatie de huur beëindigde (`beeindigHuur`), of die datum is niet vastgelegd.',
    wanneer: `${FONDS_FORMULIER}.`,
    watTeDoen: 'Neem de datum over die bij `beeindigHuur` is opgegeven.',
    herhaalbaar: false,
  },
  BEMIDDELING_NIET_DOORLOPEN: {
    groep: 'garantiefonds',
    betekenis: 'Juridische kosten zijn pas declarabel als alle reguliere bemiddelingstrajecten zijn doorlopen.',
    wanneer: `${FONDS_FORMULIER} met juridische kosten.`,
    watTeDoen: 'Doorloop eerst de bemiddeling, of laat de juridische kosten weg.',
    herhaalbaar: false,
  },
  UITZONDERING_ZONDER_TOELICHTING: {
    groep: 'garantiefonds',
    betekenis: 'Een verzoek om een uitzondering (art. 7.9) vraagt een toelichting op de onevenredige gevolgen.',
    wanneer: `${FONDS_FORMULIER} met een verzoek om uitzondering.`,
    watTeDoen: 'Voeg de toelichting toe (zonder persoonsgegevens).',
    herhaalbaar: false,
  },
  NIET_VOORZITTER: {
    groep: 'garantiefonds',
    betekenis: 'Alleen de Voorzitter van het Woonkans-overleg (van de eigen regio) beslist of legt nalatigheid vast.',
    wanneer: 'besluitOverGarantieaanvraag, legNalatigheidVast.',
    watTeDoen: 'Laat de Voorzitter (token met `rol: VOORZITTER`) de handeling doen.',
    herhaalbaar: false,
    extensies: ['codes', 'handeling', 'reden'],
    redenen: handelingRedenen('PARTIJ'),
  },
  NIET_KASSIER: {
    groep: 'garantiefonds',
    betekenis: 'Alleen de kassier van het fonds (MGR) boekt bijdragen, betaalt uit en beheert de deelnemers.',
    wanneer: `${FONDS_KASSIER}.`,
    watTeDoen: 'Laat de kassier (partij GARANTIEFONDS) de handeling doen.',
    herhaalbaar: false,
    extensies: ['codes', 'handeling', 'reden'],
    redenen: handelingRedenen('PARTIJ'),
  },
  DEELNEMER_ONBEKEND: {
    groep: 'garantiefonds',
    betekenis: 'Deze partij of bijdrage is niet bekend bij het fonds, of de partij is al uitgetreden.',
    wanneer: 'treedUitFonds, stelVerdeelsleutelIn.',
    watTeDoen: 'Controleer het deelnemerId (fonds → deelnemers).',
    herhaalbaar: false,
  },
  OPENSTAANDE_AANVRAGEN: {
    groep: 'garantiefonds',
    betekenis: 'Er zijn nog aanvragen in behandeling, of goedgekeurd en niet uitbetaald.',
    wanneer: 'hefFondsOp.',
    watTeDoen: 'Handel eerst alle aanvragen af (besluit en uitbetaling) en hef daarna op.',
    herhaalbaar: false,
  },
  MOTIVERING_ONTBREEKT: {
    groep: 'garantiefonds',
    betekenis: 'Het besluit heeft geen motivering.',
    wanneer: 'besluitOverGarantieaanvraag, hefFondsOp.',
    watTeDoen: 'Geef een motivering (zonder persoonsgegevens).',
    herhaalbaar: false,
  },
  PARTIJEN_NIET_GERAADPLEEGD: {
    groep: 'garantiefonds',
    betekenis: 'De partijen van de casus zijn niet geraadpleegd.',
    wanneer: 'besluitOverGarantieaanvraag.',
    watTeDoen: 'Raadpleeg de partijen en besluit dan met `partijenGeraadpleegd: true`.',
    herhaalbaar: false,
  },
  UITZONDERING_ZONDER_INSTEMMING: {
    groep: 'garantiefonds',
    betekenis: 'Afwijken van de voorwaarden kan alleen met gemotiveerde instemming van het Woonkans-overleg.',
    wanneer: 'besluitOverGarantieaanvraag met een uitzondering.',
    watTeDoen: 'Leg de instemming van het overleg vast (`overlegInstemming: true`) of wijs af.',
    herhaalbaar: false,
  },
  ONGELDIGE_STATUSOVERGANG: {
    groep: 'garantiefonds',
    betekenis: 'Deze statusovergang van de aanvraag is niet toegestaan (bijv. een tweede besluit).',
    wanneer: 'besluitOverGarantieaanvraag, betaalGarantieaanvraagUit.',
    watTeDoen: 'Haal de aanvraag op; over een afgehandelde aanvraag wordt niet opnieuw besloten.',
    herhaalbaar: false,
  },

  // ── beschikbaarheid ──
  BELEIDSCONTEXT_ONBEREIKBAAR: {
    groep: 'beschikbaarheid',
    betekenis: 'De beleidscontext (fase, relaties, toestemmingen) kon niet worden geladen; er is niets vastgelegd.',
    wanneer: 'Elke handeling op een traject en het inzage-overzicht, als de routeplanner niet antwoordt.',
    watTeDoen: 'Probeer later opnieuw met exponentiële backoff.',
    herhaalbaar: true,
    extensies: ['handeling', 'reden'],
    redenen: handelingRedenen('CONTEXT_ONBESCHIKBAAR'),
  },
  TOEGANGSLOG_ONBEREIKBAAR: {
    groep: 'beschikbaarheid',
    betekenis: 'De toegang of handeling kon niet worden vastgelegd in het logboek; daarom worden geen gegevens verstrekt en is de handeling niet uitgevoerd.',
    wanneer: 'Elke query die persoonsgegevens oplevert; elke handeling op een traject (die wordt samen met haar vastlegging teruggedraaid, `handeling` noemt haar); ook het logboek waar het niet is ingericht.',
    watTeDoen: 'Probeer later opnieuw met backoff (een handeling met dezelfde versie); blijft het, meld het bij de beheerder van die subgraaf.',
    herhaalbaar: true,
    extensies: ['serviceName', 'handeling'],
  },
  ROUTEPLANNER_ONBEREIKBAAR: {
    groep: 'beschikbaarheid',
    betekenis: 'De routeplanner (regisseur) antwoordde niet; er is niets vastgelegd.',
    wanneer: 'Handelingen van gemeente en corporatie die een stap of feit bij de routeplanner vastleggen.',
    watTeDoen: 'Probeer later opnieuw met backoff, met dezelfde versie.',
    herhaalbaar: true,
    extensies: ['serviceName'],
  },
  OVERBELAST: {
    groep: 'beschikbaarheid',
    betekenis: 'De gateway heeft al zoveel verzoeken in behandeling als hij aankan (`MAX_IN_FLIGHT`); dit verzoek is niet begonnen.',
    wanneer: 'Elk verzoek naar /graphql bij overbelasting; /healthz, /readyz en /metrics nooit.',
    watTeDoen: 'Wacht minstens `Retry-After` seconden en probeer opnieuw met exponentiële backoff; er is niets uitgevoerd.',
    http: 503,
    herhaalbaar: true,
  },
  SUBGRAAF_ONBEREIKBAAR: {
    groep: 'beschikbaarheid',
    betekenis: 'Een subgraaf (`serviceName`) is niet bereikbaar; wat hij bijdraagt is null, de rest komt.',
    wanneer: 'Elke operatie die een veld van die subgraaf vraagt.',
    watTeDoen: 'Gebruik wat er is; probeer het ontbrekende later opnieuw met backoff.',
    herhaalbaar: true,
    extensies: ['serviceName'],
  },
  INTERNAL_SERVER_ERROR: {
    groep: 'beschikbaarheid',
    betekenis: 'Een onverwachte fout (een bug); de details blijven binnen.',
    wanneer: 'Alleen bij een echte interne fout; elke bekende weigering heeft een eigen code.',
    watTeDoen: 'Probeer één keer opnieuw; blijft het, meld het bij de regisseur met tijdstip en `traceparent`.',
    http: [200, 500],
    herhaalbaar: true,
    ingebouwd: 'Apollo Server',
  },

  // ── limieten ──
  OPERATIE_TE_GROOT: {
    groep: 'limieten',
    betekenis: 'De operatie of body overschrijdt een limiet (`limiet.naam`: bytes, tokens, diepte, aliassen, hoofdvelden, directives, kosten).',
    wanneer: 'Elk verzoek aan /graphql (gateway en subgraphs), vóór planning en uitvoering; 413 bij een te grote body.',
    watTeDoen: 'Verklein de operatie (minder velden, diepte of aliassen; pagineer) tot onder `limiet.maximum`; ongewijzigd opnieuw sturen helpt niet.',
    http: [400, 413],
    herhaalbaar: false,
    extensies: ['limiet', 'gevonden'],
  },
  ONGELDIGE_JSON: {
    groep: 'limieten',
    betekenis: 'De body is geen geldige JSON.',
    wanneer: 'POST op /graphql met `content-type: application/json`.',
    watTeDoen: 'Stuur geldige JSON: `{ "query": …, "variables": … }`.',
    http: 400,
    herhaalbaar: false,
  },

  // ── GraphQL zelf ──
  GRAPHQL_PARSE_FAILED: {
    groep: 'graphql',
    betekenis: 'De operatie is geen geldige GraphQL (syntaxfout).',
    wanneer: 'Elk verzoek aan /graphql.',
    watTeDoen: 'Herstel de syntax van de operatie.',
    http: 400,
    herhaalbaar: false,
    ingebouwd: 'GraphQL Yoga',
  },
  GRAPHQL_VALIDATION_FAILED: {
    groep: 'graphql',
    betekenis: 'De operatie past niet bij het schema (onbekend veld, verkeerd argument).',
    wanneer: 'Elk verzoek aan /graphql; velden buiten het contract van de partij bestaan voor haar niet.',
    watTeDoen: 'Vergelijk de operatie met het contract van de partij (`GET /contract`).',
    http: 400,
    herhaalbaar: false,
    ingebouwd: 'GraphQL Yoga',
  },
  BAD_USER_INPUT: {
    groep: 'graphql',
    betekenis: 'Een variabele of argument heeft niet het type van het schema (bijv. een enum-waarde of Int buiten bereik).',
    wanneer: 'Elke operatie met variabelen of argumenten; aan de gateway met HTTP 400 voordat er iets wordt uitgevoerd.',
    watTeDoen: 'Stuur waarden van het juiste type; zie het schema. ' + HERSTEL,
    http: 400,
    herhaalbaar: false,
    ingebouwd: 'Apollo Server',
  },
  BAD_REQUEST: {
    groep: 'graphql',
    betekenis: 'Het HTTP-verzoek is geen GraphQL-verzoek (geen `query` en geen document-id, verkeerde methode of body).',
    wanneer: 'Een rechtstreeks verzoek aan een subgraaf; aan de gateway een verzoek zonder `query` en zonder document-id.',
    watTeDoen: 'Stuur een POST met `{ "query": … }` en `content-type: application/json`.',
    http: 400,
    herhaalbaar: false,
    ingebouwd: 'Apollo Server',
  },
  OPERATION_RESOLUTION_FAILURE: {
    groep: 'graphql',
    betekenis: 'De `operationName` komt niet voor in het document, of het document bevat meer operaties zonder naam.',
    wanneer: 'Een verzoek met meerdere operaties.',
    watTeDoen: 'Geef de juiste `operationName` mee.',
    http: 400,
    herhaalbaar: false,
    ingebouwd: 'Apollo Server',
  },
} satisfies Record<string, Foutbeschrijving>;

/** Every code a partner can receive. */
export type Foutcode = keyof typeof CATALOGUS;

export const FOUTCODES = Object.keys(CATALOGUS) as Foutcode[];

export function isFoutcode(code: unknown): code is Foutcode {
  return typeof code === 'string' && Object.hasOwn(CATALOGUS, code);
}

/** The catalogue as it is served: every entry with its code, grouped in the order of `GROEPEN`. */
export function catalogusAlsJson() {
  return {
    groepen: Object.entries(GROEPEN).map(([groep, g]) => ({
      groep,
      ...g,
      codes: FOUTCODES.filter((c) => CATALOGUS[c].groep === groep).map((code) => ({ code, ...(CATALOGUS[code] as Foutbeschrijving) })),
    })),
  };
}

const statussen = (e: Foutbeschrijving): string => (e.http === undefined ? '200' : [e.http].flat().join(', '));
const md = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The catalogue as Markdown (`npm run fouten`). */
export function catalogusAlsMarkdown(): string {
  const out: string[] = ['# Foutcodes van Woonkans', '', 'Elke fout draagt `extensions.code`. Ook als HTML op `GET /fouten`, als JSON op `GET /fouten.json`.', ''];
  for (const g of catalogusAlsJson().groepen) {
    out.push(`## ${g.titel}`, '', g.uitleg, '');
    for (const e of g.codes) {
      out.push(`### \`${e.code}\`${e.ingebouwd ? ` (${e.ingebouwd})` : ''}`, '');
      out.push(`- **Betekenis:** ${md(e.betekenis)}`);
      out.push(`- **Wanneer:** ${md(e.wanneer)}`);
      out.push(`- **Wat te doen:** ${md(e.watTeDoen)}`);
      out.push(`- **HTTP:** ${statussen(e)} · **herhaalbaar:** ${e.herhaalbaar ? 'ja, met backoff' : 'nee'}`);
      if (e.extensies?.length) out.push(`- **Extensies:** ${e.extensies.map((x) => `\`${x}\``).join(', ')}`);
      for (const [veld, waarden] of [['reden', e.redenen], ['voorwaarden', e.voorwaarden]] as const) {
        if (!waarden) continue;
        out.push('', `| \`${veld}\` | betekenis | wat te doen |`, '|---|---|---|');
        for (const [k, v] of Object.entries(waarden)) out.push(`| \`${k}\` | ${md(v.betekenis)} | ${md(v.watTeDoen)} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
/** `code` spans for backticks, after escaping. */
const tekst = (s: string) => esc(s).replace(/`([^`]+)`/g, '<code>$1</code>');

/** The catalogue as one self-contained HTML page (`GET /fouten`): a table per group, no script. */
export function catalogusAlsHtml(): string {
  const groepen = catalogusAlsJson().groepen;
  const sub = (veld: string, waarden: Readonly<Record<string, Onderdeel>> | undefined) =>
    waarden
      ? `<details><summary><code>${veld}</code></summary><dl>${Object.entries(waarden)
          .map(([k, v]) => `<dt><code>${esc(k)}</code></dt><dd>${tekst(v.betekenis)} <em>${tekst(v.watTeDoen)}</em></dd>`)
          .join('')}</dl></details>`
      : '';
  const rij = (e: Foutbeschrijving & { code: string }) =>
    `<tr id="${esc(e.code)}"><th scope="row"><code>${esc(e.code)}</code>${e.ingebouwd ? `<br><small>${esc(e.ingebouwd)}</small>` : ''}</th>` +
    `<td>${tekst(e.betekenis)}${sub('reden', e.redenen)}${sub('voorwaarden', e.voorwaarden)}</td><td>${tekst(e.wanneer)}</td><td>${tekst(e.watTeDoen)}</td>` +
    `<td>${statussen(e)}</td><td>${e.herhaalbaar ? 'ja' : 'nee'}</td></tr>`;
  const inhoud = groepen
    .map(
      (g) =>
        `<section id="groep-${g.groep}"><h2>${esc(g.titel)}</h2><p>${tekst(g.uitleg)}</p><div class="scroll"><table><thead><tr>` +
        `<th scope="col">Code</th><th scope="col">Betekenis</th><th scope="col">Wanneer</th><th scope="col">Wat te doen</th><th scope="col">HTTP</th><th scope="col">Herhaalbaar</th>` +
        `</tr></thead><tbody>${g.codes.map(rij).join('')}</tbody></table></div></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Foutcodes — Woonkans</title>
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:80rem;padding:1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ddd;padding:.4rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f3f3}tbody th{white-space:nowrap}.scroll{overflow-x:auto}code{font-size:.9em}nav a{margin-right:.8rem}
dl{margin:.3rem 0}dt{font-weight:600}dd{margin:0 0 .3rem 1rem}
</style>
</head>
<body>
<h1>Foutcodes van Woonkans</h1>
<p>Elke fout in een antwoord draagt <code>extensions.code</code>: een van de ${FOUTCODES.length} codes hieronder. Zonder HTTP-status is het antwoord 200 (de rest van de gegevens komt gewoon mee). Deze lijst als JSON: <a href="/fouten.json"><code>/fouten.json</code></a>.</p>
<nav>${groepen.map((g) => `<a href="#groep-${g.groep}">${esc(g.titel)}</a>`).join('')}</nav>
${inhoud}
</body>
</html>
`;
}
