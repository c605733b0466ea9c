/**
 * Texts of the resident's file: the melding, the kitchen-table research per life domain (gemeente
 * only) and the bemiddelingsprofiel written from it (regisseur). Each life domain is a pair
 * [research text, profile text] so the two tell the same story; the profile side never names a
 * person, a diagnosis or a treatment — it is a mediation summary (seed 001 §4.1, seed 003).
 */

/** Where the resident comes from: it colours the melding, the housing situation and the plan. */
export const HERKOMSTEN = ['BESCHERMD_WONEN', 'OPVANG', 'DAKLOOS', 'JONGERE', 'KLINIEK', 'DREIGEND_DAKLOOS'] as const;
export type Herkomst = (typeof HERKOMSTEN)[number];

export interface HerkomstTeksten {
  readonly melding: readonly string[];
  /** [research (gemeente), profile (regisseur)]. */
  readonly woonsituatie: readonly (readonly [string, string])[];
  readonly doelen: readonly string[];
  readonly conclusie: readonly string[];
}

export const HERKOMST: Readonly<Record<Herkomst, HerkomstTeksten>> = {
  BESCHERMD_WONEN: {
    melding: [
      'Aanmelding voor Woonkans: woont twee jaar in een beschermd-wonenvoorziening en is toe aan een eigen woning met ambulante begeleiding.',
      'Uitstroom uit beschermd wonen gepland; de begeleiding vraagt een woning via Woonkans.',
    ],
    woonsituatie: [
      ['Woont sinds ruim twee jaar in een voorziening voor beschermd wonen; eigen kamer, gedeelde keuken.', 'Woont in een voorziening met begeleiding; klaar voor uitstroom naar een eigen woning.'],
      ['Verblijft in een trainingshuis van de zorgaanbieder; oefent met koken, schoonmaken en post.', 'Oefent in een trainingswoning; de volgende stap is zelfstandig wonen met begeleiding.'],
    ],
    doelen: ['Uitstromen naar een eigen woning; begeleiding thuis twee keer per week, na een half jaar afschalen.', 'Zelfstandig wonen met ambulante begeleiding; dagritme vasthouden.'],
    conclusie: ['Klaar voor zelfstandig wonen met ambulante begeleiding; een rustige omgeving helpt.', 'Uitstroom is verantwoord met begeleiding aan huis; voorkeur voor een kleine woning.'],
  },
  OPVANG: {
    melding: [
      'Verblijft sinds enkele maanden in de maatschappelijke opvang en wil met begeleiding zelfstandig gaan wonen.',
      'Aanmelding vanuit de nachtopvang; de inwoner is gemotiveerd en heeft een vaste begeleider.',
    ],
    woonsituatie: [
      ['Verblijft sinds het voorjaar in de maatschappelijke opvang; daarvoor bank-hoppen bij kennissen.', 'Verblijft in de maatschappelijke opvang; zoekt een eigen woning.'],
      ['Slaapt in de nachtopvang, overdag in de dagopvang; geen eigen huisvesting sinds anderhalf jaar.', 'Gebruikt de opvang; heeft al langere tijd geen eigen woonruimte.'],
    ],
    doelen: ['Uitstroom uit de opvang naar een eigen woning; begeleiding bij geldzaken en het huishouden.', 'Een stabiele woonplek; vaste afspraken met de begeleider elke week.'],
    conclusie: ['Gemotiveerd voor een eigen woning; met wekelijkse begeleiding haalbaar.', 'Geschikt voor een eenpersoonswoning met ambulante begeleiding.'],
  },
  DAKLOOS: {
    melding: [
      'Dakloos sinds een relatiebreuk; slaapt wisselend bij vrienden en in de auto.',
      'Dak- en thuisloos; de inwoner meldt zich zelf bij het Wmo-loket voor Woonkans.',
    ],
    woonsituatie: [
      ['Geen vaste woon- of verblijfplaats; slaapt wisselend bij vrienden en familie.', 'Heeft geen vaste woonplek; verblijft tijdelijk bij kennissen.'],
      ['Sinds de ontbinding van de huurovereenkomst dakloos; briefadres via de gemeente.', 'Zonder eigen woonruimte; briefadres aanwezig.'],
    ],
    doelen: ['Een eigen woning vinden en behouden; begeleiding bij administratie en betalingen.', 'Huisvesting en een vast dagritme; schulden onder beheer.'],
    conclusie: ['Met begeleiding en budgetbeheer geschikt voor zelfstandig wonen.', 'Zelfstandig wonen is haalbaar als de huur automatisch wordt betaald.'],
  },
  JONGERE: {
    melding: [
      'Jongere van achttien uit een jeugdzorginstelling; de voogdij is geëindigd en een eigen woning is nodig.',
      'Jongvolwassene uit begeleid wonen voor jongeren; kan niet terug naar de ouders.',
    ],
    woonsituatie: [
      ['Woont in een groep voor begeleid wonen voor jongeren; de plaatsing eindigt binnenkort.', 'Woont in een jongerenvoorziening die binnenkort eindigt.'],
      ['Verblijft tijdelijk bij een tante; thuis wonen is geen optie meer.', 'Woont tijdelijk bij familie; terug naar huis is niet mogelijk.'],
    ],
    doelen: ['Zelfstandig leren wonen; opleiding afmaken; begeleiding bij geldzaken.', 'Een eigen plek met begeleiding; school of werk volhouden.'],
    conclusie: ['Jong, leergierig en gemotiveerd; zelfstandig wonen met intensieve begeleiding in het eerste jaar.', 'Geschikt voor een kleine woning dicht bij school of werk, met begeleiding.'],
  },
  KLINIEK: {
    melding: [
      'Aanmelding vanuit een klinische opname; ontslag is in voorbereiding en terugkeer naar de oude woning is niet mogelijk.',
      'Na een opname is een nieuwe woning nodig; de behandelaar ondersteunt de aanmelding.',
    ],
    woonsituatie: [
      ['Opgenomen in een kliniek; de vorige woning is tijdens de opname opgezegd.', 'Verblijft tijdelijk in een instelling; de vorige woning is opgezegd.'],
      ['Verblijft na de opname in een herstelvoorziening; wil terug naar de eigen regio.', 'Verblijft tijdelijk in een voorziening; wil terug naar de eigen regio.'],
    ],
    doelen: ['Na het ontslag zelfstandig wonen met begeleiding aan huis; vast weekritme.', 'Een eigen woning; nazorg en begeleiding goed op elkaar afgestemd.'],
    conclusie: ['Zelfstandig wonen is haalbaar met vaste begeleiding en een rustige woonomgeving.', 'Geschikt voor een woning met weinig prikkels; begeleiding twee keer per week.'],
  },
  DREIGEND_DAKLOOS: {
    melding: [
      'Dreigende ontruiming na een huurachterstand; de woningcorporatie heeft de huur opgezegd.',
      'Na een scheiding dreigt dakloosheid; de inwoner kan niet in de gezamenlijke woning blijven.',
    ],
    woonsituatie: [
      ['Huurt nog, maar de ontruiming is aangezegd wegens een achterstand; zoekt een nieuwe start.', 'De huidige woning gaat verloren; een nieuwe start met begeleiding is nodig.'],
      ['Woont tijdelijk bij de ex-partner; moet binnen twee maanden vertrekken.', 'Moet de huidige woonplek binnenkort verlaten.'],
    ],
    doelen: ['Een nieuwe woning met afspraken over de huurbetaling; begeleiding bij de schulden.', 'Voorkomen dat opnieuw een achterstand ontstaat; vaste begeleider.'],
    conclusie: ['Met budgetbeheer en begeleiding geschikt voor een nieuwe start.', 'Geschikt voor zelfstandig wonen als de huur rechtstreeks wordt betaald.'],
  },
};

/** Special category (AVG art. 9): stays in the gemeente's file, never in a profile. */
export const GEZONDHEID = [
  'Psychische kwetsbaarheid; in behandeling bij een ggz-aanbieder en stabiel op medicatie.',
  'Verleden van middelengebruik; ruim een jaar abstinent en in nazorg.',
  'Licht verstandelijke beperking; heeft baat bij vaste structuur en eenvoudige taal.',
  'Angstklachten; ambulante behandeling loopt, gaat goed.',
  'Diabetes type 2; zelfstandig in de zelfzorg, controle bij de huisarts.',
  'Geen bijzonderheden in de lichamelijke gezondheid; slaapproblemen in de opvang.',
  'Autismespectrumstoornis; prikkelgevoelig, functioneert goed met een vaste dagindeling.',
  'Depressieve klachten in het verleden; nu stabiel, huisarts is op de hoogte.',
] as const;

export const OPLEIDING = [
  'Vmbo-basis afgerond.',
  'Mbo niveau 2 (logistiek) afgerond.',
  'Praktijkonderwijs; daarna een entreeopleiding.',
  'Havo zonder diploma verlaten; volgt nu een mbo-opleiding.',
  'Mbo niveau 3 zorg en welzijn, onderbroken.',
  'Lagere school en enkele jaren lts.',
] as const;

export const INKOMEN = [
  'Uitkering Participatiewet, alleenstaandennorm.',
  'Wajong-uitkering.',
  'Loon uit een parttime baan van twintig uur, aangevuld met bijstand.',
  'WIA-uitkering.',
  'Studiefinanciering en een bijbaan.',
  'Geen inkomen; aanvraag bijstand loopt.',
] as const;

/** [research, profile]. */
export const WERK_DAGINVULLING: readonly (readonly [string, string])[] = [
  ['Vrijwilligerswerk bij een kringloopwinkel, drie ochtenden per week.', 'Vrijwilligerswerk drie dagdelen per week.'],
  ['Dagbesteding bij een zorgboerderij, vier dagen per week.', 'Dagbesteding vier dagen per week.'],
  ['Werkt twintig uur per week in een distributiecentrum.', 'Betaald werk in deeltijd.'],
  ['Geen daginvulling; wil een traject naar werk via het werkplein.', 'Zoekt een daginvulling; traject naar werk gepland.'],
  ['Volgt een mbo-opleiding, stage twee dagen per week.', 'Volgt een opleiding met stage.'],
];

export const SOCIAAL_NETWERK: readonly (readonly [string, string])[] = [
  ['Goed contact met een zus in de regio; weinig vrienden.', 'Klein netwerk; steun van familie.'],
  ['Contact met de ouders is verbroken; een vriend helpt af en toe.', 'Beperkt netwerk; één steunfiguur.'],
  ['Ruim netwerk van vrienden, niet allemaal een goede invloed.', 'Ruim netwerk; begeleider let op wie er over de vloer komt.'],
  ['Zoon en dochter bezoeken wekelijks; mantelzorg door een broer.', 'Familie bezoekt geregeld; mantelzorg aanwezig.'],
  ['Nauwelijks sociaal netwerk; eenzaamheid is een aandachtspunt.', 'Weinig contacten; daginvulling helpt om mensen te ontmoeten.'],
];

/** [research, profile, under guardianship (beschermingsbewind)]. */
export const FINANCIEN: readonly (readonly [string, string, boolean])[] = [
  ['Schulden van ongeveer € 8.000; beschermingsbewind sinds vorig jaar.', 'Schulden onder beheer van een bewindvoerder.', true],
  ['Geen schulden; maakt zelf een weekbudget.', 'Geen schulden; kan budgetteren.', false],
  ['Schuldhulpverlening loopt; betalingsregelingen met drie schuldeisers.', 'In een schuldhulptraject met betalingsregelingen.', false],
  ['Huurachterstand bij de vorige verhuurder, inmiddels afgelost.', 'Eerdere achterstand afgelost; huur bij voorkeur automatisch.', false],
  ['Budgetbeheer via de gemeentelijke kredietbank; vaste lasten worden doorbetaald.', 'Budgetbeheer; vaste lasten worden rechtstreeks betaald.', true],
];

export const HUISHOUDEN: readonly (readonly [string, string])[] = [
  ['Eenpersoonshuishouden; kookt eenvoudig, schoonmaken heeft aansporing nodig.', 'Eenpersoonshuishouden; redt zich met aansporing.'],
  ['Verzorgt zichzelf goed; houdt de kamer netjes.', 'Zelfstandig in persoonlijke verzorging en huishouden.'],
  ['Heeft hulp nodig bij plannen van boodschappen en was.', 'Heeft ondersteuning nodig bij het plannen van het huishouden.'],
  ['Vader van een kind van vijf dat om het weekend komt logeren.', 'Omgangsregeling met een kind; logeerplek gewenst.'],
];

export const MOBILITEIT: readonly (readonly [string, string])[] = [
  ['Fiets en openbaar vervoer.', 'Fiets en openbaar vervoer.'],
  ['Rijbewijs en een oude auto.', 'Eigen vervoer.'],
  ['Loopt slecht over langere afstanden; gebruikt een scootmobiel.', 'Beperkt mobiel; benedenwoning of lift nodig.'],
  ['Geen vervoer; afhankelijk van de bus.', 'Afhankelijk van openbaar vervoer; woning dicht bij een bushalte gewenst.'],
];

export const SOCIALE_REDZAAMHEID: readonly (readonly [string, string])[] = [
  ['Heeft hulp nodig bij post, afspraken en formulieren.', 'Hulp nodig bij post en afspraken.'],
  ['Redt zich goed in contact met instanties; vraagt hulp als het nodig is.', 'Redzaam; vraagt zelf om hulp.'],
  ['Raakt snel overvraagd bij conflicten; trekt zich dan terug.', 'Heeft steun nodig bij conflicten; vaste contactpersoon helpt.'],
  ['Vergeet afspraken; werkt met een weekplanner van de begeleider.', 'Werkt met een weekplanning van de begeleider.'],
];

/** A practical handling advice (seed 003): what to do, never the condition itself. */
export const BEJEGENINGSADVIES = [
  'Bij zorgen eerst de begeleider bellen; afspraken schriftelijk bevestigen.',
  'Huisbezoek bij voorkeur met twee medewerkers en na afspraak.',
  'Rustig en kort communiceren; één vaste contactpersoon.',
  'Brieven ook mondeling toelichten; de begeleider kan daarbij zijn.',
  'Bij geluidsklachten eerst met de begeleider afstemmen voordat de bewoner wordt aangesproken.',
] as const;
