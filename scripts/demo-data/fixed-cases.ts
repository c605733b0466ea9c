/**
 * The fixed demo cases of the README walk-through: all in Venlo (Noord-Limburg), one per phase,
 * plus three that show woonwenz's targeted health consent valid, withdrawn, expired or objected to.
 * Their codes use only the code alphabet (no 0/O, 1/I/L), so they look like any other case code;
 * random codes never take them. `test/integration/demo-data.test.ts` checks the README table
 * against this list, so the two cannot drift apart.
 */
import type { CorporatieSlug, Fase, ZorgaanbiederSlug } from '../../schema/vocabulary.js';
import type { Bestemming, OpenFase } from './timeline.js';

export type ToestemmingVariant = 'GELDIG' | 'INGETROKKEN' | 'VERLOPEN' | 'BEZWAAR';

export interface VastTraject {
  readonly code: string;
  /** The phase today, as documented in the README. */
  readonly fase: Fase;
  readonly bestemming: Bestemming;
  /** What the case shows, for the README. */
  readonly toelichting: string;
  readonly melding: 'INWONER' | 'ZORGAANBIEDER' | 'GEMEENTE';
  readonly zorgaanbieder?: ZorgaanbiederSlug;
  readonly geselecteerd?: readonly CorporatieSlug[];
  readonly gematcht?: CorporatieSlug;
  /** A targeted GEZONDHEID consent for woonwenz (doel PASSENDE_WONING) in this state. */
  readonly gezondheidWoonwenz?: ToestemmingVariant;
  /** Days that consent was valid for. */
  readonly gezondheidGeldigDagen?: number;
  /** The resident's pseudonym, fixed so the resident's own view can be tried. */
  readonly betrokkene?: string;
  readonly duren?: Partial<Record<OpenFase, number>>;
  readonly verstreken?: number;
  readonly sindsSluiting?: number;
  /** A case conference asked for and awaiting the Voorzitter's decision. */
  readonly casusoverlegAangevraagd?: boolean;
}

/** The resident of WK-VENGH: log in as `{ partij: 'INWONER', sub: DEMO_INWONER }` to see the own file. */
export const DEMO_INWONER = 'inwoner-5c0f7a2e-9b3d-4e61-a8f4-2d7c1e9b6a30';

const open = (fase: OpenFase): Bestemming => ({ soort: 'OPEN', fase });

export const DEMO_TRAJECTEN: readonly VastTraject[] = [
  {
    code: 'WK-VENMD',
    fase: 'MELDING',
    bestemming: open('MELDING'),
    toelichting: 'Melding door leger-des-heils met machtiging; de melder ziet naam en contact zolang het een melding is.',
    melding: 'ZORGAANBIEDER',
    zorgaanbieder: 'leger-des-heils',
    duren: { MELDING: 12 },
    verstreken: 4,
  },
  {
    code: 'WK-VENZK',
    fase: 'ONDERZOEK',
    bestemming: open('ONDERZOEK'),
    toelichting: 'Onderzoek klaar, doelgroep beoordeeld, plan ondertekend; de overdrachtstoestemming ontbreekt nog (probeer draagOver).',
    melding: 'GEMEENTE',
    duren: { ONDERZOEK: 40 },
    verstreken: 30,
  },
  {
    code: 'WK-VENBM',
    fase: 'BEMIDDELING',
    bestemming: open('BEMIDDELING'),
    toelichting: 'Overgedragen met geldige toestemming; profiel in concept, nog geen corporatie geselecteerd.',
    melding: 'INWONER',
    duren: { BEMIDDELING: 30 },
    verstreken: 16,
  },
  {
    code: 'WK-VENCG',
    fase: 'CORPORATIEGESPREK',
    bestemming: open('CORPORATIEGESPREK'),
    toelichting: 'woonwenz en antares geselecteerd; geldige GEZONDHEID-toestemming voor woonwenz (ziet gezondheid, geen naam).',
    melding: 'ZORGAANBIEDER',
    zorgaanbieder: 'met-ggz',
    geselecteerd: ['woonwenz', 'antares'],
    gezondheidWoonwenz: 'GELDIG',
    gezondheidGeldigDagen: 150,
    duren: { CORPORATIEGESPREK: 60 },
    verstreken: 10,
  },
  {
    code: 'WK-VENHV',
    fase: 'HUUROVEREENKOMST',
    bestemming: open('HUUROVEREENKOMST'),
    toelichting: 'Gematcht met woonwenz (ziet nu naam en BSN); nester was geselecteerd en ziet niets meer.',
    melding: 'ZORGAANBIEDER',
    zorgaanbieder: 'moveoo',
    geselecteerd: ['woonwenz', 'nester'],
    gematcht: 'woonwenz',
    duren: { HUUROVEREENKOMST: 30 },
    verstreken: 6,
  },
  {
    code: 'WK-VENGH',
    fase: 'GEHUISVEST',
    bestemming: open('GEHUISVEST'),
    toelichting: 'Gehuisvest bij woonwenz met leger-des-heils; evaluaties; een casusoverleg wacht op de Voorzitter; inwoner DEMO_INWONER.',
    melding: 'ZORGAANBIEDER',
    zorgaanbieder: 'leger-des-heils',
    geselecteerd: ['woonwenz', 'wonen-limburg'],
    gematcht: 'woonwenz',
    betrokkene: DEMO_INWONER,
    verstreken: 400,
    casusoverlegAangevraagd: true,
  },
  {
    code: 'WK-VENAF',
    fase: 'AFGESLOTEN',
    bestemming: { soort: 'AFGESLOTEN', uitkomst: 'HUUR_BEEINDIGD_POSITIEF', sluitFase: 'GEHUISVEST' },
    toelichting: 'Afgesloten: huur met woonwenz positief beëindigd; de regisseur ziet alleen de uitkomst.',
    melding: 'INWONER',
    geselecteerd: ['woonwenz'],
    gematcht: 'woonwenz',
    verstreken: 500,
    sindsSluiting: 40,
  },
  {
    code: 'WK-VENTR',
    fase: 'CORPORATIEGESPREK',
    bestemming: open('CORPORATIEGESPREK'),
    toelichting: 'GEZONDHEID-toestemming voor woonwenz ingetrokken: woonwenz krijgt gezondheid geweigerd (reden TOESTEMMING).',
    melding: 'GEMEENTE',
    geselecteerd: ['woonwenz', 'wonen-limburg'],
    gezondheidWoonwenz: 'INGETROKKEN',
    gezondheidGeldigDagen: 180,
    duren: { CORPORATIEGESPREK: 90 },
    verstreken: 45,
  },
  {
    code: 'WK-VENVR',
    fase: 'CORPORATIEGESPREK',
    bestemming: open('CORPORATIEGESPREK'),
    toelichting: 'GEZONDHEID-toestemming voor woonwenz verlopen (geldigTot voorbij).',
    melding: 'ZORGAANBIEDER',
    zorgaanbieder: 'vincent-van-gogh',
    geselecteerd: ['woonwenz'],
    gezondheidWoonwenz: 'VERLOPEN',
    gezondheidGeldigDagen: 60,
    duren: { CORPORATIEGESPREK: 150 },
    verstreken: 120,
  },
  {
    code: 'WK-VENBZ',
    fase: 'CORPORATIEGESPREK',
    bestemming: open('CORPORATIEGESPREK'),
    toelichting: 'Bezwaar tegen de GEZONDHEID-toestemming voor woonwenz: het bezwaar wint meteen.',
    melding: 'INWONER',
    geselecteerd: ['woonwenz', 'antares'],
    gezondheidWoonwenz: 'BEZWAAR',
    gezondheidGeldigDagen: 120,
    duren: { CORPORATIEGESPREK: 80 },
    verstreken: 30,
  },
];

export const VASTE_CODES: ReadonlySet<string> = new Set(DEMO_TRAJECTEN.map((t) => t.code));
