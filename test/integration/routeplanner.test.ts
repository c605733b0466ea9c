/**
 * The routeplanner runs: one case from melding to closing through the gateway with each party's own
 * token, and every refusal rule of the process (phase order, preconditions, responsible party,
 * optimistic concurrency, consent limits, case conference, conflict van plichten, warm hand-over).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import {
  ANTARES,
  GEMEENTE_VENLO,
  GEZONDHEID,
  LEGER,
  REGISSEUR_NL,
  VOORZITTER_NL,
  WOONWENZ,
  toBemiddeling,
  toCorporatiegesprek,
  toGehuisvest,
  toHuurovereenkomst,
  toOnderzoek,
} from '../helpers/walk.js';

let fed: TestFederation;
beforeAll(async () => {
  fed = await startTestFederation();
});
afterAll(async () => {
  await fed?.stop();
});

const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['code'];
const FASE = `query($id: ID!) { traject(id: $id) { fase versie } }`;

describe('a case from melding to closing', () => {
  it('walks every phase with the responsible party and records every transition', async () => {
    let c = await toOnderzoek(fed);
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c);
    c = await toHuurovereenkomst(fed, c);
    c = await toGehuisvest(fed, c);
    const evalRes = await fed.gql(WOONWENZ, `mutation($id: ID!) { registreerEvaluatie(trajectId: $id, input: { datum: "2027-06-01", soort: HALFJAARLIJKS, bevindingen: "Woont goed, huur op tijd betaald.", zelfstandigWonend: true }) { id } }`, { id: c.id });
    expect(evalRes.errors).toBeUndefined();
    // The evaluation of a negative end comes only with that end (beeindigHuur), never by hand.
    const byHand = await fed.gql(WOONWENZ, `mutation($id: ID!) { registreerEvaluatie(trajectId: $id, input: { datum: "2027-07-01", soort: NEGATIEVE_BEEINDIGING, bevindingen: "Ontruimd." }) { id } }`, { id: c.id });
    expect(byHand.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'soort' });
    const evaluaties = await fed.gql<any>(WOONWENZ, `query($id: ID!) { traject(id: $id) { evaluaties { soort } } }`, { id: c.id });
    expect(evaluaties.data.traject.evaluaties.map((e: { soort: string }) => e.soort)).toEqual(['HALFJAARLIJKS']);
    // The outcome follows the lease: it ended positively first, so the case closes as such.
    const ended = await fed.gql(WOONWENZ, `mutation($id: ID!) { beeindigHuur(trajectId: $id, beeindiging: POSITIEF, datum: "2028-06-01") { id } }`, { id: c.id });
    expect(ended.errors).toBeUndefined();
    const closed = await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: HUUR_BEEINDIGD_POSITIEF, toelichting: "Begeleiding afgebouwd") { fase } }`, { id: c.id, v: c.versie });
    expect(closed.errors).toBeUndefined();
    expect(closed.data.sluitTraject.fase).toBe('AFGESLOTEN');

    const gemeente = await fed.gql<any>(GEMEENTE_VENLO, `query($id: ID!) { traject(id: $id) { fase transities { van naar handeling partij organisatie } plaatsing { corporatie } uitkomst { soort } } }`, { id: c.id });
    expect(gemeente.errors).toBeUndefined();
    expect(gemeente.data.traject.transities.map((t: { naar: string }) => t.naar)).toEqual([
      'MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST', 'AFGESLOTEN',
    ]);
    expect(gemeente.data.traject.transities[5]).toEqual({ van: 'HUUROVEREENKOMST', naar: 'GEHUISVEST', handeling: 'HUUROVEREENKOMST_GETEKEND', partij: 'CORPORATIE', organisatie: 'woonwenz' });
    // The three feedback moments reach the Wmo-consulent: profile (PROFIEL), corporation and date (PLAATSING), outcome.
    expect(gemeente.data.traject.plaatsing).toEqual({ corporatie: 'woonwenz' });
    expect(gemeente.data.traject.uitkomst).toEqual({ soort: 'HUUR_BEEINDIGD_POSITIEF' });
  });
});

describe('feedback to the Wmo-consulent', () => {
  const M = `mutation($id: ID!, $m: TerugkoppelMoment!, $t: String!) { koppelTerug(trajectId: $id, moment: $m, toelichting: $t) { id } }`;
  const Q = `query($id: ID!) { traject(id: $id) { terugkoppelingen { moment toelichting door } } }`;

  it('reaches the gemeente at each moment once its step happened, and never a corporation', async () => {
    let c = await toOnderzoek(fed, 'Terug Koppeling');
    c = await toBemiddeling(fed, c);
    const early = await fed.gql(REGISSEUR_NL, M, { id: c.id, m: 'PLAATSING', t: 'Woonwenz per 1 december' });
    expect(code(early)).toBe('FASEOVERGANG_ONGELDIG');
    expect((await fed.gql(REGISSEUR_NL, M, { id: c.id, m: 'VOORWAARDEN', t: 'Begeleiding moet vóór sleuteloverdracht geregeld zijn.' })).errors).toBeUndefined();
    c = await toCorporatiegesprek(fed, c);
    expect((await fed.gql(REGISSEUR_NL, M, { id: c.id, m: 'PROFIEL', t: 'Profiel besproken in het Woonkans-overleg.' })).errors).toBeUndefined();
    const gemeente = await fed.gql<any>(GEMEENTE_VENLO, Q, { id: c.id });
    expect(gemeente.data.traject.terugkoppelingen).toEqual([
      { moment: 'VOORWAARDEN', toelichting: 'Begeleiding moet vóór sleuteloverdracht geregeld zijn.', door: 'regio-noord-limburg' },
      { moment: 'PROFIEL', toelichting: 'Profiel besproken in het Woonkans-overleg.', door: 'regio-noord-limburg' },
    ]);
    // Feedback is the course of the file (VERLOOP), which a corporation never reads: refused before execution.
    const corporatie = await fed.gql<any>(WOONWENZ, Q, { id: c.id });
    expect(corporatie.data).toBeUndefined();
    expect(corporatie.errors?.[0]?.extensions).toMatchObject({ code: 'DOSERING_GEWEIGERD', reden: 'PARTIJ', veld: 'Traject.terugkoppelingen' });
    expect(code(await fed.gql(GEMEENTE_VENLO, M, { id: c.id, m: 'PROFIEL', t: 'x' }))).toBe('NIET_BEVOEGD');
  });
});

describe('phase rules', () => {
  it('refuses a hand-over without a signed plan and consent (VOORWAARDE_ONTBREEKT) and changes nothing', async () => {
    const c = await toOnderzoek(fed, 'Zonder Plan');
    const res = await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { fase } }`, { id: c.id, v: c.versie });
    expect(code(res)).toBe('VOORWAARDE_ONTBREEKT');
    expect(res.errors?.[0]?.extensions?.['voorwaarden']).toEqual(['DOELGROEP_BEOORDEELD', 'ONDERSTEUNINGSPLAN_ONDERTEKEND', 'OVERDRACHT_TOESTEMMING']);
    expect((await fed.gql<any>(GEMEENTE_VENLO, FASE, { id: c.id })).data.traject).toEqual({ fase: 'ONDERZOEK', versie: c.versie });
  });

  it('signs a plan only by the resident or a legal representative, in either case; anyone else is ONGELDIGE_INVOER and records nothing', async () => {
    const c = await toOnderzoek(fed, 'Plan Ondertekening');
    const M = `mutation($id: ID!, $door: String!) { ondertekenOndersteuningsplan(trajectId: $id, input: { doelen: "Zelfstandig wonen", ondertekendOp: "2026-11-12", ondertekendDoor: $door }) { id } }`;
    const plan = `query($id: ID!) { traject(id: $id) { ondersteuningsplan { ondertekendDoor } } }`;
    const buurman = await fed.gql<any>(GEMEENTE_VENLO, M, { id: c.id, door: 'buurman' });
    expect(buurman.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'input.ondertekendDoor' });
    expect((await fed.gql<any>(GEMEENTE_VENLO, plan, { id: c.id })).data.traject.ondersteuningsplan).toBeNull();
    expect((await fed.gql<any>(GEMEENTE_VENLO, M, { id: c.id, door: 'wettelijk_vertegenwoordiger' })).errors).toBeUndefined();
    expect((await fed.gql<any>(GEMEENTE_VENLO, plan, { id: c.id })).data.traject.ondersteuningsplan).toEqual({ ondertekendDoor: 'WETTELIJK_VERTEGENWOORDIGER' });
  });

  it('keeps the recorded research when a later legOnderzoekVast leaves a field out, and clears it on null', async () => {
    const c = await toOnderzoek(fed, 'Werk Blijft');
    const M = `mutation($id: ID!, $i: OnderzoekInput!) { legOnderzoekVast(trajectId: $id, input: $i) { id } }`;
    const read = async () => (await fed.gql<any>(GEMEENTE_VENLO, `query($id: ID!) { traject(id: $id) { inwoner { werk woonsituatie } } }`, { id: c.id })).data.traject.inwoner;
    const before = await read();
    expect(before.werk).toEqual(expect.any(String));
    expect((await fed.gql<any>(GEMEENTE_VENLO, M, { id: c.id, i: { gesprekOp: '2026-11-11', woonsituatie: 'Eigen kamer' } })).errors).toBeUndefined();
    expect(await read()).toEqual({ werk: before.werk, woonsituatie: 'Eigen kamer' });
    expect((await fed.gql<any>(GEMEENTE_VENLO, M, { id: c.id, i: { gesprekOp: '2026-11-12', werk: null } })).errors).toBeUndefined();
    expect(await read()).toEqual({ werk: null, woonsituatie: 'Eigen kamer' });
  });

  it('never moves backwards or skips a phase (FASEOVERGANG_ONGELDIG)', async () => {
    const c = await toOnderzoek(fed, 'Geen Sprong');
    const skip = await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "woonwenz") { fase } }`, { id: c.id, v: c.versie });
    // The regisseur has no relation before the hand-over: the case does not exist for it.
    expect(code(skip)).toBe('NIET_GEVONDEN');
    const again = await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { fase } }`, { id: c.id, v: c.versie });
    expect(code(again)).toBe('FASEOVERGANG_ONGELDIG');
  });

  it('lets only the responsible party act (NIET_BEVOEGD)', async () => {
    let c = await toOnderzoek(fed, 'Juiste Partij');
    c = await toBemiddeling(fed, c);
    const byGemeente = await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { fase } }`, { id: c.id, v: c.versie });
    expect(code(byGemeente)).toBe('NIET_BEVOEGD');
  });

  it('refuses a match with a corporation that showed no interest, and a close with an outcome that does not fit', async () => {
    let c = await toOnderzoek(fed, 'Geen Interesse');
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c);
    await fed.gql(REGISSEUR_NL, `mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "antares", uitkomst: GEEN_INTERESSE) { id } }`, { id: c.id });
    const match = await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "antares") { fase } }`, { id: c.id, v: c.versie });
    expect(code(match)).toBe('VOORWAARDE_ONTBREEKT');
    const close = await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD) { fase } }`, { id: c.id, v: c.versie });
    expect(code(close)).toBe('ONGELDIGE_INVOER');
  });

  it('lets exactly one of twenty concurrent transitions win; every loser gets VERSIE_CONFLICT with the current version', async () => {
    const c = await toOnderzoek(fed, 'Twintig Tegelijk');
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        fed.gql<any>(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: ${i % 2 ? 'TERUGGETROKKEN' : 'NIET_DOELGROEP_REGULIER'}) { fase versie } }`, { id: c.id, v: c.versie }),
      ),
    );
    const winners = all.filter((r) => !r.errors);
    expect(winners).toHaveLength(1);
    // Whether a loser read before or after the winner committed, it lost a race, not a phase rule.
    const losers = all.filter((r) => r.errors);
    expect(losers.map((r) => code(r))).toEqual(losers.map(() => 'VERSIE_CONFLICT'));
    for (const r of losers) expect(r.errors![0]!.extensions!['huidigeVersie']).toBe(winners[0]!.data.sluitTraject.versie);
    const transitions = await fed.gql<any>(GEMEENTE_VENLO, `query($id: ID!) { traject(id: $id) { transities { naar } } }`, { id: c.id });
    expect(transitions.data.traject.transities.filter((t: { naar: string }) => t.naar === 'AFGESLOTEN')).toHaveLength(1);
  });

  it('names what a transition lacks: the empty profile fields, the care providers that may be linked', async () => {
    let c = await toOnderzoek(fed, 'Half Profiel');
    c = await toBemiddeling(fed, c);
    await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $p: ProfielInput!) { legProfielVast(trajectId: $id, profiel: $p) { id } }`, { id: c.id, p: { woonsituatie: 'Kamer bij ouders' } });
    await fed.gql(REGISSEUR_NL, `mutation($id: ID!, $c: [String!]!) { selecteerCorporaties(trajectId: $id, corporaties: $c) { id } }`, { id: c.id, c: ['woonwenz'] });
    const af = await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { versie } }`, { id: c.id, v: c.versie });
    expect(code(af)).toBe('VOORWAARDE_ONTBREEKT');
    const velden = af.errors![0]!.extensions!['ontbrekendeProfielvelden'] as string[];
    expect(velden).not.toContain('woonsituatie');
    expect(velden.length).toBeGreaterThan(3);
    for (const v of velden) expect(af.errors![0]!.message).toContain(v);
    expect((await fed.gql<any>(REGISSEUR_NL, FASE, { id: c.id })).data.traject.fase).toBe('BEMIDDELING');
  });

  it('hands a case over warmly between the regions, by the regisseur', async () => {
    let c = await toOnderzoek(fed, 'Warme Overdracht');
    c = await toBemiddeling(fed, c);
    const blank = await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { draagWarmOver(trajectId: $id, versie: $v, reden: "  ") { regio } }`, { id: c.id, v: c.versie });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'reden' });
    const r = await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!, $v: Int!) { draagWarmOver(trajectId: $id, versie: $v, reden: "Wil in Roermond wonen") { regio } }`, { id: c.id, v: c.versie });
    expect(r.errors).toBeUndefined();
    expect(r.data.draagWarmOver.regio).toBe('MIDDEN_LIMBURG');
    // Noord-Limburg's regisseur no longer sees it; Midden-Limburg's does.
    expect((await fed.gql<any>(REGISSEUR_NL, FASE, { id: c.id })).data.traject).toBeNull();
    const midden = await fed.gql<any>({ partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG' }, FASE, { id: c.id });
    expect(midden.data.traject.fase).toBe('BEMIDDELING');
  });
});

describe('consent register', () => {
  const CONSENT = `mutation($i: ToestemmingInput!) { registreerToestemming(input: $i) { id status } }`;
  const base = (id: string, extra: Record<string, unknown> = {}) => ({
    trajectId: id,
    ontvangerPartij: 'CORPORATIE',
    ontvangerOrganisatie: 'woonwenz',
    categorieen: ['GEZONDHEID'],
    doel: 'PASSENDE_WONING',
    richting: 'VERSTREKKEN',
    gegevenOp: new Date(Date.now() - 60_000).toISOString(),
    geldigTot: new Date(Date.now() + 200 * 24 * 3600 * 1000).toISOString(),
    ondertekendDoor: 'INWONER',
    ...extra,
  });

  it('refuses a consent valid longer than a year, one as a condition for a home, and one recorded by a corporation', async () => {
    let c = await toOnderzoek(fed, 'Toestemming Regels');
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c);
    const tooLong = await fed.gql(REGISSEUR_NL, CONSENT, { i: base(c.id, { geldigTot: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString() }) });
    expect(code(tooLong)).toBe('TOESTEMMING_ONGELDIG');
    const ruil = await fed.gql(REGISSEUR_NL, CONSENT, { i: base(c.id, { voorwaardeVoorWoning: true }) });
    expect(code(ruil)).toBe('TOESTEMMING_ONGELDIG');
    // A corporation can never read the consent register, so the act's answer is refused before
    // anything runs; asked for nothing it cannot read, the act itself is refused.
    const byCorp = await fed.gql(WOONWENZ, CONSENT, { i: base(c.id) });
    expect(code(byCorp)).toBe('DOSERING_GEWEIGERD');
    const byCorpBare = await fed.gql(WOONWENZ, `mutation($i: ToestemmingInput!) { registreerToestemming(input: $i) { __typename } }`, { i: base(c.id) });
    expect(code(byCorpBare)).toBe('NIET_BEVOEGD');
  });

  it('gives a selected corporation health data only with its consent, and takes it away for the next request on revocation', async () => {
    let c = await toOnderzoek(fed, 'Gerichte Toestemming');
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c);
    const Q = `query($id: ID!) { traject(id: $id) { code inwoner { gezondheid } bemiddelingsprofiel { conclusie } } }`;
    const before = await fed.gql<any>(WOONWENZ, Q, { id: c.id });
    // Without consent the selected corporation may read nothing of the resident: not even that a
    // resident object is there (structure is data), so `inwoner` itself is refused.
    expect(before.data.traject.inwoner).toBeNull();
    expect(before.errors?.[0]?.extensions).toMatchObject({ code: 'DOSERING_GEWEIGERD', reden: 'TOESTEMMING', fase: 'CORPORATIEGESPREK', veld: 'Traject.inwoner' });
    const given = await fed.gql<any>(REGISSEUR_NL, CONSENT, { i: base(c.id) });
    expect(given.data.registreerToestemming.status).toBe('GELDIG');
    const withConsent = await fed.gql<any>(WOONWENZ, Q, { id: c.id });
    expect(withConsent.errors).toBeUndefined();
    expect(withConsent.data.traject.inwoner.gezondheid).toBe(GEZONDHEID);
    // Antares is selected too, but the consent names woonwenz only.
    const other = await fed.gql<any>(ANTARES, Q, { id: c.id });
    expect(other.data.traject.inwoner).toBeNull();
    const revoked = await fed.gql<any>(GEMEENTE_VENLO, `mutation($id: ID!) { trekToestemmingIn(id: $id, toelichting: "Inwoner trekt in") { status } }`, { id: given.data.registreerToestemming.id });
    expect(revoked.data.trekToestemmingIn.status).toBe('INGETROKKEN');
    const after = await fed.gql<any>(WOONWENZ, Q, { id: c.id });
    expect(after.data.traject.inwoner).toBeNull();
    expect(JSON.stringify(after)).not.toContain(GEZONDHEID);
    const history = await fed.gql<any>(REGISSEUR_NL, `query($id: ID!) { traject(id: $id) { toestemmingen { status gebeurtenissen { soort } } } }`, { id: c.id });
    const record = history.data.traject.toestemmingen.find((t: { status: string }) => t.status === 'INGETROKKEN');
    expect(record.gebeurtenissen.map((g: { soort: string }) => g.soort)).toEqual(['GEGEVEN', 'INGETROKKEN']);
  });
});

describe('case conference and conflict van plichten', () => {
  it('shares with the conference only after the Voorzitter decides with the resident’s consent', async () => {
    let c = await toOnderzoek(fed, 'Casus Overleg');
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c);
    const asked = await fed.gql<any>(REGISSEUR_NL, `mutation($id: ID!) { vraagCasusoverlegAan(input: { trajectId: $id, doel: "Veilig wonen afstemmen", noodzaak: "Signalen van overlast", deelnemers: [{ partij: CORPORATIE, organisatie: "antares" }], categorieen: [GEZONDHEID] }) { id status } }`, { id: c.id });
    expect(asked.data.vraagCasusoverlegAan.status).toBe('AANGEVRAAGD');
    const id = asked.data.vraagCasusoverlegAan.id;
    const tot = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    const notChair = await fed.gql(REGISSEUR_NL, `mutation($i: CasusoverlegBesluitInput!) { besluitCasusoverleg(input: $i) { status } }`, { i: { id, akkoord: true, toelichting: 'ok', tot } });
    expect(code(notChair)).toBe('NIET_BEVOEGD');
    const noConsent = await fed.gql(VOORZITTER_NL, `mutation($i: CasusoverlegBesluitInput!) { besluitCasusoverleg(input: $i) { status } }`, { i: { id, akkoord: true, toelichting: 'ok', tot } });
    expect(code(noConsent)).toBe('TOESTEMMING_ONGELDIG');
    const unexplained = await fed.gql<any>(VOORZITTER_NL, `mutation($i: CasusoverlegBesluitInput!) { besluitCasusoverleg(input: $i) { status } }`, { i: { id, akkoord: false, toelichting: ' ', tot } });
    expect(unexplained.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'input.toelichting' });
    const Q = `query($id: ID!) { traject(id: $id) { inwoner { gezondheid } } }`;
    expect((await fed.gql<any>(ANTARES, Q, { id: c.id })).data.traject.inwoner).toBeNull();
    const decided = await fed.gql<any>(VOORZITTER_NL, `mutation($i: CasusoverlegBesluitInput!) { besluitCasusoverleg(input: $i) { status tot } }`, {
      i: { id, akkoord: true, toelichting: 'Noodzakelijk voor veilige huisvesting', tot, toestemmingGegevenOp: new Date(Date.now() - 1000).toISOString(), toestemmingOndertekendDoor: 'INWONER', toestemmingDoel: 'PASSENDE_WONING' },
    });
    expect(decided.data.besluitCasusoverleg.status).toBe('AKKOORD');
    expect((await fed.gql<any>(ANTARES, Q, { id: c.id })).data.traject.inwoner.gezondheid).toBe(GEZONDHEID);
  });

  it('records a conflict van plichten only with all six criteria, and lists it for the privacy officer', async () => {
    let c = await toOnderzoek(fed, 'Conflict Plichten');
    c = await toBemiddeling(fed, c);
    c = await toCorporatiegesprek(fed, c);
    const criteria = {
      alles_gedaan_voor_toestemming_of_vragen_onverantwoord: true,
      ernstige_schade_voor_ander_te_voorkomen: true,
      gewetensnood_professional: true,
      doorbreken_geheim_kan_schade_voorkomen: true,
      geen_andere_weg: true,
      zo_min_mogelijk_gedeeld: false,
    };
    const M = `mutation($i: DoorbrekingInput!) { registreerDoorbreking(input: $i) { id trajectCode velden inwonerGeinformeerd } }`;
    const input = { trajectId: c.id, ontvangerPartij: 'CORPORATIE', ontvangerOrganisatie: 'antares', velden: ['Inwoner.gezondheid'], criteria, motivering: 'Acuut gevaar voor medewerkers bij huisbezoek; inwoner onbereikbaar.', tot: new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString() };
    const five = await fed.gql(REGISSEUR_NL, M, { i: input });
    expect(code(five)).toBe('DOORBREKING_CRITERIA_ONVOLDAAN');
    const all = { ...input, criteria: { ...criteria, zo_min_mogelijk_gedeeld: true } };
    // A field name with a typo, or a corporation not named, would open nothing while the
    // professional believes it shared: refused, naming what is wrong, and nothing recorded.
    const typo = await fed.gql<any>(REGISSEUR_NL, M, { i: { ...all, velden: ['Inwoner.gezondheid', 'Inwoner.gezonheid'] } });
    expect(typo.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'velden', onbekend: ['Inwoner.gezonheid'] });
    const unnamed = await fed.gql<any>(REGISSEUR_NL, M, { i: { ...all, ontvangerOrganisatie: ' ' } });
    expect(unnamed.errors?.[0]?.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld: 'ontvangerOrganisatie' });
    const none = await fed.gql<any>({ partij: 'TOEZICHT' }, `{ doorbrekingenTerBeoordeling { trajectCode } }`);
    expect(none.data.doorbrekingenTerBeoordeling.filter((d: any) => d.trajectCode === c.code)).toEqual([]);
    const six = await fed.gql<any>(REGISSEUR_NL, M, { i: all });
    expect(six.errors).toBeUndefined();
    expect(six.data.registreerDoorbreking).toMatchObject({ trajectCode: c.code, velden: ['Inwoner.gezondheid'], inwonerGeinformeerd: false });
    const seen = await fed.gql<any>(ANTARES, `query($id: ID!) { traject(id: $id) { inwoner { gezondheid } } }`, { id: c.id });
    expect(seen.data.traject.inwoner.gezondheid).toBe(GEZONDHEID);
    const review = await fed.gql<any>({ partij: 'TOEZICHT' }, `{ doorbrekingenTerBeoordeling { trajectCode velden motivering } }`);
    expect(review.data.doorbrekingenTerBeoordeling).toContainEqual(expect.objectContaining({ trajectCode: c.code, velden: ['Inwoner.gezondheid'] }));
  });
});

describe('target group exceptions', () => {
  const M = `mutation($id: ID!, $u: DoelgroepUitzonderingInput) { beoordeelDoelgroep(trajectId: $id, doelgroep: true, toelichting: "Statushouder met zware ondersteuningsvraag", uitzondering: $u) { onderzoek { doelgroep doelgroepToelichting } } }`;

  it('records an inclusion only with a majority of the Woonkans-overleg, with the vote', async () => {
    const c = await toOnderzoek(fed, 'Uitzondering Doelgroep');
    const tie = await fed.gql(GEMEENTE_VENLO, M, { id: c.id, u: { besprokenOp: '2026-11-20', stemmenVoor: 3, stemmenTegen: 3 } });
    expect(code(tie)).toBe('GEEN_MEERDERHEID');
    const ok = await fed.gql<any>(GEMEENTE_VENLO, M, { id: c.id, u: { besprokenOp: '2026-11-20', stemmenVoor: 5, stemmenTegen: 2 } });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.beoordeelDoelgroep.onderzoek).toEqual({
      doelgroep: true,
      doelgroepToelichting: 'Uitzondering (incidentele toelating), anoniem besproken in het Woonkans-overleg van 2026-11-20, 5 voor / 2 tegen: Statushouder met zware ondersteuningsvraag',
    });
  });
});

describe('melding rules', () => {
  it('lets a care provider file only with a machtiging, and shows the filer only what it filed, only while it is a melding', async () => {
    const noMachtiging = await fed.gql(LEGER, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "leger-des-heils", naam: "Zonder Machtiging" }) { id } }`);
    expect(code(noMachtiging)).toBe('ONGELDIGE_INVOER');
    const filed = await fed.gql<any>(LEGER, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "leger-des-heils", machtigingOp: "2026-11-20", naam: "Met Machtiging", telefoon: "0600009999" }) { id versie inwoner { naam telefoon } } }`);
    expect(filed.errors).toBeUndefined();
    expect(filed.data.registreerMelding.inwoner).toEqual({ naam: 'Met Machtiging', telefoon: '0600009999' });
    const id = filed.data.registreerMelding.id;
    await fed.gql(GEMEENTE_VENLO, `mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { id } }`, { id, v: 1 });
    const later = await fed.gql<any>(LEGER, `query($id: ID!) { traject(id: $id) { id } }`, { id });
    expect(later.data.traject).toBeNull();
  });
});
