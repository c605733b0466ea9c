/**
 * The walk of one case, from melding to close, as data: each step is one act of the party
 * responsible for it, with the exact operation and variables a partner system sends through the
 * gateway. `npm run walk` performs it against a running federation, the scenario tests walk cases
 * with it, and the README's walk is printed from it (`npm run walk -- --markdown`), so the three
 * cannot drift apart.
 */
import type { Persona } from '../../gateway/dev-issuer/mint.js';

export const GEMEENTE_VENLO: Persona = { partij: 'GEMEENTE', gemeente: 'venlo', sub: 'consulent-venlo' };
export const REGISSEUR_NL: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', sub: 'ketenregisseur' };
export const VOORZITTER_NL: Persona = { ...REGISSEUR_NL, rol: 'VOORZITTER', sub: 'voorzitter' };
export const WOONWENZ: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'verhuur-woonwenz' };
export const ANTARES: Persona = { partij: 'CORPORATIE', organisatie: 'antares', sub: 'verhuur-antares' };
export const LEGER: Persona = { partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils', sub: 'begeleider' };

export const PROFIEL = {
  geslacht: 'man',
  woonsituatie: 'Verblijft in de maatschappelijke opvang.',
  huishouden: 'Eenpersoonshuishouden, redt zich met ondersteuning.',
  daginvulling: 'Vrijwilligerswerk drie dagen per week.',
  mobiliteit: 'Fiets en openbaar vervoer.',
  sociaalNetwerk: 'Contact met zus; klein netwerk.',
  socialeRedzaamheid: 'Heeft hulp nodig bij post en afspraken.',
  financien: 'Budgetbeheer via bewindvoerder.',
  conclusie: 'Geschikt voor zelfstandig wonen met ambulante begeleiding.',
  bejegeningsadvies: 'Bij zorgen: bel de begeleider; huisbezoek met twee medewerkers.',
};

export const GEZONDHEID = 'Behandeld voor depressie; stabiel met medicatie.';
export const BSN = '999990019';

/** Where a walked case stands: what the next act needs. */
export interface WalkedCase {
  id: string;
  code: string;
  versie: number;
}

/** What a step knows when it builds its variables. */
export interface StapInvoer {
  readonly c: WalkedCase;
  readonly naam: string;
  readonly now: Date;
  /** The corporations the regisseur selects (woonwenz, the one matched, among them). */
  readonly corporaties: readonly string[];
}

/** The stretch of the walk a step belongs to: the phase the case reaches at its end. */
export type Etappe = 'ONDERZOEK' | 'BEMIDDELING' | 'CORPORATIEGESPREK' | 'HUUROVEREENKOMST' | 'GEHUISVEST' | 'AFGESLOTEN';
export const ETAPPES: readonly Etappe[] = ['ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST', 'AFGESLOTEN'];

export interface Stap {
  readonly etappe: Etappe;
  /** Who acts, in words (the README's walk names the party, not the token). */
  readonly wie: string;
  readonly persona: Persona;
  readonly operatie: string;
  readonly variabelen: (i: StapInvoer) => Record<string, unknown>;
  /** Where the act's answer moves the case on (its new id, code or version); none if it does not. */
  readonly neem?: (data: Record<string, any>) => Partial<WalkedCase>;
}

const inAYear = (from: Date) => new Date(from.getTime() + 300 * 24 * 3600 * 1000).toISOString();
const versieVan = (veld: string) => (data: Record<string, any>) => ({ versie: data[veld].versie as number });

export const STAPPEN: readonly Stap[] = [
  {
    etappe: 'ONDERZOEK',
    wie: 'Gemeente (Wmo-toegang), for a care provider with the resident’s machtiging',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($naam: String!) { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "leger-des-heils", machtigingOp: "2026-11-01", naam: $naam, telefoon: "0600001234", email: "piet@voorbeeld.nl", adres: "Proefstraat 1, Venlo" }) { id code versie } }`,
    variabelen: ({ naam }) => ({ naam }),
    neem: (d) => ({ id: d['registreerMelding'].id, code: d['registreerMelding'].code, versie: d['registreerMelding'].versie }),
  },
  {
    etappe: 'ONDERZOEK',
    wie: 'Gemeente',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { versie } }`,
    variabelen: ({ c }) => ({ id: c.id, v: c.versie }),
    neem: versieVan('startOnderzoek'),
  },
  {
    etappe: 'ONDERZOEK',
    wie: 'Gemeente',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($id: ID!, $bsn: String, $g: String) { legOnderzoekVast(trajectId: $id, input: { gesprekOp: "2026-11-10", bsn: $bsn, geboortedatum: "1990-05-17", geslacht: "man", woonsituatie: "Opvang", gezondheid: $g, financien: "Schulden in beheer", werk: "Vrijwilligerswerk" }) { id } }`,
    variabelen: ({ c }) => ({ id: c.id, bsn: BSN, g: GEZONDHEID }),
  },
  {
    etappe: 'BEMIDDELING',
    wie: 'Gemeente',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($id: ID!) { beoordeelDoelgroep(trajectId: $id, doelgroep: true, toelichting: "Uit de opvang, kan niet regulier huren.") { id } }`,
    variabelen: ({ c }) => ({ id: c.id }),
  },
  {
    etappe: 'BEMIDDELING',
    wie: 'Gemeente',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($id: ID!) { ondertekenOndersteuningsplan(trajectId: $id, input: { doelen: "Zelfstandig wonen met begeleiding", ondertekendOp: "2026-11-12", ondertekendDoor: "INWONER" }) { id } }`,
    variabelen: ({ c }) => ({ id: c.id }),
  },
  {
    etappe: 'BEMIDDELING',
    wie: 'Gemeente, recording the resident’s consent to the hand-over',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($id: ID!, $from: String!, $to: String!) { registreerToestemming(input: { trajectId: $id, ontvangerPartij: REGISSEUR, ontvangerOrganisatie: "regio-noord-limburg", categorieen: [IDENTITEIT, CONTACT, GEZONDHEID, DOCUMENTEN], doel: MATCH_BEMIDDELING, richting: VERSTREKKEN, gegevenOp: $from, geldigTot: $to, ondertekendDoor: INWONER }) { id } }`,
    variabelen: ({ c, now }) => ({ id: c.id, from: new Date(now.getTime() - 60_000).toISOString(), to: inAYear(now) }),
  },
  {
    etappe: 'BEMIDDELING',
    wie: 'Gemeente',
    persona: GEMEENTE_VENLO,
    operatie: `mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { versie fase } }`,
    variabelen: ({ c }) => ({ id: c.id, v: c.versie }),
    neem: versieVan('draagOver'),
  },
  {
    etappe: 'CORPORATIEGESPREK',
    wie: 'Regisseur',
    persona: REGISSEUR_NL,
    operatie: `mutation($id: ID!, $p: ProfielInput!) { legProfielVast(trajectId: $id, profiel: $p) { id } }`,
    variabelen: ({ c }) => ({ id: c.id, p: PROFIEL }),
  },
  {
    etappe: 'CORPORATIEGESPREK',
    wie: 'Regisseur',
    persona: REGISSEUR_NL,
    operatie: `mutation($id: ID!, $c: [String!]!) { selecteerCorporaties(trajectId: $id, corporaties: $c) { id } }`,
    variabelen: ({ c, corporaties }) => ({ id: c.id, c: corporaties }),
  },
  {
    etappe: 'CORPORATIEGESPREK',
    wie: 'Regisseur',
    persona: REGISSEUR_NL,
    operatie: `mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { versie } }`,
    variabelen: ({ c }) => ({ id: c.id, v: c.versie }),
    neem: versieVan('rondProfielAf'),
  },
  {
    etappe: 'HUUROVEREENKOMST',
    wie: 'Regisseur, after the Woonkans-overleg',
    persona: REGISSEUR_NL,
    operatie: `mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "woonwenz", uitkomst: INTERESSE) { id } }`,
    variabelen: ({ c }) => ({ id: c.id }),
  },
  {
    etappe: 'HUUROVEREENKOMST',
    wie: 'Regisseur',
    persona: REGISSEUR_NL,
    operatie: `mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "woonwenz") { versie } }`,
    variabelen: ({ c }) => ({ id: c.id, v: c.versie }),
    neem: versieVan('spreekMatchAf'),
  },
  {
    etappe: 'GEHUISVEST',
    wie: 'Corporation (the matched one), with the care provider in a three-party lease',
    persona: WOONWENZ,
    operatie: `mutation($id: ID!, $v: Int!) { tekenHuurovereenkomst(trajectId: $id, versie: $v, input: { zorgaanbieder: "leger-des-heils", contractvorm: HUURDER, driePartijenOvereenkomst: true, adresWoning: "Nieuwstraat 5, Venlo", ingangsdatum: "2026-12-01", kaleHuurCent: 52000, borgCent: 52000 }) { versie } }`,
    variabelen: ({ c }) => ({ id: c.id, v: c.versie }),
    neem: versieVan('tekenHuurovereenkomst'),
  },
  {
    etappe: 'AFGESLOTEN',
    wie: 'Corporation, half a year after housing',
    persona: WOONWENZ,
    operatie: `mutation($id: ID!) { registreerEvaluatie(trajectId: $id, input: { datum: "2027-06-01", soort: HALFJAARLIJKS, bevindingen: "Woont zelfstandig; begeleiding loopt af.", zelfstandigWonend: true }) { id } }`,
    variabelen: ({ c }) => ({ id: c.id }),
  },
  {
    etappe: 'AFGESLOTEN',
    wie: 'Corporation, when the tenancy ends well (the resident moves on)',
    persona: WOONWENZ,
    operatie: `mutation($id: ID!) { beeindigHuur(trajectId: $id, beeindiging: POSITIEF, datum: "2028-12-01", evaluatie: "Doorgestroomd naar een reguliere huurwoning.") { versie } }`,
    variabelen: ({ c }) => ({ id: c.id }),
    neem: versieVan('beeindigHuur'),
  },
  {
    etappe: 'AFGESLOTEN',
    wie: 'Regisseur, closing with what became of the lease',
    persona: REGISSEUR_NL,
    operatie: `mutation($id: ID!, $v: Int!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: HUUR_BEEINDIGD_POSITIEF, toelichting: "Huur positief beëindigd.") { versie fase } }`,
    variabelen: ({ c }) => ({ id: c.id, v: c.versie }),
    neem: versieVan('sluitTraject'),
  },
];

/** Sends one operation with the persona's token; the transport is the caller's (test or script). */
export type Send = (persona: Persona, operatie: string, variabelen: Record<string, unknown>) => Promise<{ data?: unknown; errors?: unknown }>;

export interface WalkOptions {
  readonly naam?: string;
  readonly now?: Date;
  /** @default ['woonwenz', 'antares'] */
  readonly corporaties?: readonly string[];
  /** Told after every act, with its answer. */
  readonly onStap?: (stap: Stap, nr: number, variabelen: Record<string, unknown>, antwoord: { data?: unknown; errors?: unknown }) => void;
}

/**
 * Walks the steps of `etappes` in order from `c` (none: a new melding), stopping at the first refusal
 * with an error naming the act and the refusal.
 */
export async function walkEtappes(send: Send, etappes: readonly Etappe[], c: WalkedCase | null, options: WalkOptions = {}): Promise<WalkedCase> {
  let stand: WalkedCase = c ?? { id: '', code: '', versie: 0 };
  const now = options.now ?? new Date();
  for (const [i, stap] of STAPPEN.entries()) {
    if (!etappes.includes(stap.etappe)) continue;
    const variabelen = stap.variabelen({ c: stand, naam: options.naam ?? 'Piet Proef', now, corporaties: options.corporaties ?? ['woonwenz', 'antares'] });
    const antwoord = await send(stap.persona, stap.operatie, variabelen);
    options.onStap?.(stap, i + 1, variabelen, antwoord);
    if (antwoord.errors || !antwoord.data) throw new Error(`${handeling(stap)} mislukt: ${JSON.stringify(antwoord.errors)}`);
    if (stap.neem) stand = { ...stand, ...stap.neem(antwoord.data as Record<string, any>) };
  }
  return stand;
}

/** The mutation a step performs. */
export function handeling(stap: Stap): string {
  return /\{\s*(\w+)\s*\(/.exec(stap.operatie)?.[1] ?? '?';
}

/** The README's walk: every step with who acts and the exact operation it sends. */
export function walkMarkdown(): string {
  const lines = STAPPEN.map((stap, i) => `${i + 1}. **${stap.wie}** — \`${handeling(stap)}\`\n\n   \`\`\`graphql\n   ${stap.operatie}\n   \`\`\``);
  return lines.join('\n\n');
}
