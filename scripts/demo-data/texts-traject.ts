/**
 * Texts of the case's course: outcomes, the Woonkans-overleg, offers, evaluations and signals, the
 * documents of step 3, case conferences and overrides. Reasons are few and repeated on purpose: the
 * Werkgroep's monitoring shows a reason only when enough people share it.
 */

export const UITKOMST_TOELICHTING = {
  NIET_DOELGROEP_REGULIER: [
    'Kan regulier huren: voldoende inkomen en geen ondersteuningsbehoefte bij het wonen.',
    'Ingeschreven als woningzoekende; regulier huren is haalbaar.',
  ],
  NIET_DOELGROEP_ANDERS: [
    'Geen ondersteuningsbehoefte bij zelfstandig wonen.',
    'Ondersteuningsbehoefte te zwaar voor ambulante begeleiding; verwezen naar beschermd wonen.',
    'Niet woonachtig in een deelnemende gemeente.',
    'Statushouder: huisvesting via de taakstelling.',
  ],
  TERUGGETROKKEN: [
    'Inwoner heeft zelf een woning gevonden.',
    'Inwoner ziet af van begeleiding en trekt zich terug.',
    'Geen contact meer met de inwoner.',
    'Verhuisd naar een gemeente buiten de regio.',
  ],
  GEHUISVEST: ['Begeleiding afgeschaald; woont duurzaam zelfstandig.', 'Traject afgerond; de inwoner woont zelfstandig zonder begeleiding.'],
  HUUR_BEEINDIGD_POSITIEF: [
    'Doorgestroomd naar een reguliere woning op eigen naam.',
    'Verhuisd naar een grotere woning; huur met Woonkans positief beëindigd.',
  ],
  HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD: ['Ontruimd na aanhoudende huurachterstand ondanks begeleiding.', 'Ontruimd na herhaalde ernstige overlast.'],
  HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN: [
    'Heeft de woning verlaten en is met onbekende bestemming vertrokken.',
    'Woning verlaten; sleutels zonder opzegging ingeleverd.',
  ],
} as const;

export const OVERLEG_INTERESSE = [
  'Passende eenpersoonswoning verwacht binnen drie maanden.',
  'Appartement beschikbaar in een rustig complex; past bij het profiel.',
  'Benedenwoning in de gewenste kern komt binnenkort vrij.',
] as const;

/** The reasons a conversation did not lead to housing (monitoring: "+ reden"). */
export const OVERLEG_GEEN_INTERESSE = [
  'Geen passend aanbod op korte termijn in het gewenste gebied.',
  'Geen benedenwoning of woning met lift beschikbaar.',
  'Complex met zorgen over leefbaarheid; een andere corporatie past beter.',
] as const;

export const AANBOD = [
  'Eenkamerappartement op de eerste verdieping, {kern}',
  'Tweekamerappartement met lift, {kern}',
  'Kleine eengezinswoning, {kern}',
  'Benedenwoning met tuintje, {kern}',
  'Studio in een kleinschalig complex, {kern}',
] as const;

export const EVALUATIE_GOED = [
  'Woont naar tevredenheid; huur wordt op tijd betaald. Begeleiding wekelijks.',
  'Gaat goed; contact met buren is prettig. Begeleiding kan worden afgeschaald.',
  'Huishouden op orde; daginvulling loopt. Geen aandachtspunten voor de verhuurder.',
  'Stabiel; de inwoner pakt zaken zelfstandiger op.',
] as const;

export const EVALUATIE_ZORG = [
  'Huur twee keer te laat betaald; afspraken gemaakt over automatische betaling.',
  'Contact met de begeleider is minder geworden; frequentie verhoogd.',
  'Woning wordt matig onderhouden; ondersteuning bij het huishouden ingezet.',
] as const;

export const SIGNAAL = [
  'Huurachterstand van twee maanden gesignaleerd.',
  'Meldingen van geluidsoverlast door buren.',
  'Bewoner reageert niet op brieven en telefoontjes.',
  'Zorg over vervuiling van de woning na een huisbezoek.',
] as const;

export const NEGATIEVE_BEEINDIGING = {
  ONTRUIMD: [
    'Ondanks betalingsregeling en begeleiding liep de achterstand op; ontruiming na vonnis. Lessen: eerder opschalen naar casusoverleg.',
    'Herhaalde overlast ondanks afspraken en casusoverleg; de rechter heeft de ontruiming toegewezen.',
  ],
  VERTROKKEN: [
    'Bewoner is vertrokken zonder opzegging; begeleiding had al weken geen contact. Woning leeg aangetroffen.',
    'Bewoner heeft de woning verlaten na een conflict met buren; verblijft vermoedelijk buiten de regio.',
  ],
} as const;

export const DOCUMENT_INHOUD = {
  VERHUURDERSVERKLARING: [
    'Verhuurdersverklaring over de afgelopen vijf jaar: geen huurachterstand, geen overlast.',
    'Verhuurdersverklaring: huurachterstand in het verleden, met regeling afgelost; geen overlast.',
    'Verhuurdersverklaring: geen huurverleden in de afgelopen vijf jaar (inwonend of opvang).',
  ],
  BRP_UITTREKSEL: ['Uittreksel BRP met woonhistorie over vijf jaar.', 'Uittreksel BRP met woonhistorie; sinds kort een briefadres.'],
  INKOMENSVERKLARING: ['Inkomensverklaring (IB60) van het vorige kalenderjaar.', 'Inkomensverklaring (IB60) en loonstroken van de laatste drie maanden.'],
  BESCHIKKING_BEWINDVOERING: ['Beschikking beschermingsbewind van de kantonrechter; bewindvoerder beheert de inkomsten.'],
} as const;

export const WARME_OVERDRACHT = {
  MIDDEN_LIMBURG: [
    'Inwoner wil dichter bij familie in Midden-Limburg wonen; warm overgedragen aan de procesregisseur.',
    'Begeleiding en daginvulling zitten in Midden-Limburg; overgedragen voor een woning in die regio.',
  ],
  NOORD_LIMBURG: [
    'Inwoner wil terug naar het netwerk in Noord-Limburg; warm overgedragen aan de ketenregisseur.',
    'Werk gevonden in Noord-Limburg; overgedragen voor een woning in die regio.',
  ],
} as const;

export const CASUSOVERLEG = [
  {
    doel: 'Afspraken maken om een dreigende huurachterstand en overlast te stoppen.',
    noodzaak: 'Verhuurder en begeleider zien elk een deel; zonder gezamenlijke afspraken dreigt ontruiming.',
    besluit: 'Akkoord: alleen handelingsperspectief en bejegeningsadvies worden gedeeld, voor drie maanden.',
  },
  {
    doel: 'Begeleiding en verhuurder afstemmen na meldingen van buren.',
    noodzaak: 'Zonder afstemming reageren verhuurder en begeleider langs elkaar heen.',
    besluit: 'Akkoord voor drie maanden; de verhuurder krijgt een bejegeningsadvies, geen achtergrond.',
  },
  {
    doel: 'Bespreken of de woonsituatie nog passend is.',
    noodzaak: 'De evaluatie wijst op terugval; een gezamenlijk plan voorkomt escalatie.',
    besluit: 'Afgewezen: eerst een gesprek tussen begeleider en inwoner; een casusoverleg is nu niet noodzakelijk.',
  },
] as const;

export const DOORBREKING_MOTIVERING = [
  'Acute dreiging richting buren na een escalatie; de inwoner is niet bereikbaar en de begeleider ziet geen andere weg om schade te voorkomen.',
  'Ernstige zorg over de veiligheid van medebewoners; toestemming vragen is op dit moment onverantwoord, gedeeld is alleen het strikt noodzakelijke.',
  'Dreigende brandgevaarlijke situatie in het complex; zonder deze informatie kan de begeleider niet tijdig ingrijpen.',
] as const;
