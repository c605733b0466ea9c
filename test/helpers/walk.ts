/**
 * Walks one case through the routeplanner via the gateway with each party's own token, as partner
 * systems would. Shared by the scenario tests; each step returns the case's new version.
 */
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import type { TestFederation } from './federation.js';

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

function ok<T>(res: { data: T | null | undefined; errors?: unknown }, what: string): T {
  if (res.errors || !res.data) throw new Error(`${what} mislukt: ${JSON.stringify(res.errors)}`);
  return res.data;
}

export interface WalkedCase {
  id: string;
  code: string;
  versie: number;
}

const inAYear = (from: Date) => new Date(from.getTime() + 300 * 24 * 3600 * 1000).toISOString();

/** From melding to the end of the research: the gemeente's part. */
export async function toOnderzoek(fed: TestFederation, naam = 'Piet Proef'): Promise<WalkedCase> {
  const m = ok(
    await fed.gql<{ registreerMelding: { id: string; code: string; versie: number } }>(
      GEMEENTE_VENLO,
      `mutation($naam: String!) { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "leger-des-heils", machtigingOp: "2026-11-01", naam: $naam, telefoon: "0600001234", email: "piet@voorbeeld.nl", adres: "Proefstraat 1, Venlo" }) { id code versie } }`,
      { naam },
    ),
    'melding',
  ).registreerMelding;
  const s = ok(await fed.gql<any>(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { versie } }`, { id: m.id, v: m.versie }), 'start onderzoek');
  ok(
    await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!, $bsn: String, $g: String) { legOnderzoekVast(trajectId: $id, input: { gesprekOp: "2026-11-10", bsn: $bsn, geboortedatum: "1990-05-17", geslacht: "man", woonsituatie: "Opvang", gezondheid: $g, financien: "Schulden in beheer", werk: "Vrijwilligerswerk" }) { id } }`, { id: m.id, bsn: BSN, g: GEZONDHEID }),
    'onderzoek',
  );
  return { id: m.id, code: m.code, versie: s.startOnderzoek.versie };
}

/** The hand-over: target group, signed plan, hand-over consent, then OVERGEDRAGEN. */
export async function toBemiddeling(fed: TestFederation, c: WalkedCase, now = new Date()): Promise<WalkedCase> {
  ok(await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!) { beoordeelDoelgroep(trajectId: $id, doelgroep: true, toelichting: "Uit de opvang, kan niet regulier huren.") { id } }`, { id: c.id }), 'doelgroep');
  ok(await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!) { ondertekenOndersteuningsplan(trajectId: $id, input: { doelen: "Zelfstandig wonen met begeleiding", ondertekendOp: "2026-11-12", ondertekendDoor: "INWONER" }) { id } }`, { id: c.id }), 'plan');
  ok(
    await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!, $from: String!, $to: String!) { registreerToestemming(input: { trajectId: $id, ontvangerPartij: REGISSEUR, ontvangerOrganisatie: "regio-noord-limburg", categorieen: [IDENTITEIT, CONTACT, GEZONDHEID, DOCUMENTEN], doel: MATCH_BEMIDDELING, richting: VERSTREKKEN, gegevenOp: $from, geldigTot: $to, ondertekendDoor: INWONER }) { id } }`, { id: c.id, from: new Date(now.getTime() - 60_000).toISOString(), to: inAYear(now) }),
    'overdrachtstoestemming',
  );
  const d = ok(await fed.gql<any>(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { versie fase } }`, { id: c.id, v: c.versie }), 'overdracht');
  return { ...c, versie: d.draagOver.versie };
}

/** The regisseur's profile and selection, then to the Woonkans-overleg. */
export async function toCorporatiegesprek(fed: TestFederation, c: WalkedCase, corporaties = ['woonwenz', 'antares']): Promise<WalkedCase> {
  ok(await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $p: ProfielInput!) { legProfielVast(trajectId: $id, profiel: $p) { id } }`, { id: c.id, p: PROFIEL }), 'profiel');
  ok(await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $c: [String!]!) { selecteerCorporaties(trajectId: $id, corporaties: $c) { id } }`, { id: c.id, c: corporaties }), 'selectie');
  const r = ok(await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { versie } }`, { id: c.id, v: c.versie }), 'profiel af');
  return { ...c, versie: r.rondProfielAf.versie };
}

/** The overleg's interest and the match with woonwenz. */
export async function toHuurovereenkomst(fed: TestFederation, c: WalkedCase): Promise<WalkedCase> {
  ok(await fed.gql(REGISSEUR_NL, `mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "woonwenz", uitkomst: INTERESSE) { id } }`, { id: c.id }), 'overleg');
  const r = ok(await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "woonwenz") { versie } }`, { id: c.id, v: c.versie }), 'match');
  return { ...c, versie: r.spreekMatchAf.versie };
}

/** The matched corporation signs the three-party lease with the care provider. */
export async function toGehuisvest(fed: TestFederation, c: WalkedCase): Promise<WalkedCase> {
  const r = ok(
    await fed.gql<any>(WOONWENZ, `mutation($id: ID!, $v: Int!) { tekenHuurovereenkomst(trajectId: $id, versie: $v, input: { zorgaanbieder: "leger-des-heils", contractvorm: HUURDER, driePartijenOvereenkomst: true, adresWoning: "Nieuwstraat 5, Venlo", ingangsdatum: "2026-12-01", kaleHuurCent: 52000, borgCent: 52000 }) { id } }`, { id: c.id, v: c.versie }),
    'huurovereenkomst',
  );
  void r;
  const t = ok(await fed.gql<any>(REGISSEUR_NL, `query($id: ID!) { traject(id: $id) { versie fase } }`, { id: c.id }), 'versie');
  return { ...c, versie: t.traject.versie };
}
