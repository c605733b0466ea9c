/**
 * From a negative end of the lease to a payout, through the gateway over real HTTP: the whole
 * routeplanner for one case (melding … lease … eviction with its evaluation … closed with a negative
 * outcome), then the matched corporation files the claim, the Voorzitter approves it after the
 * overleg, the cashier pays it once, and the balance and ledger are right. Others cannot file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { startTestFederation, type GqlResponse, type TestFederation } from '../helpers/federation.js';

const venlo: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };
const regisseur: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' };
const voorzitter: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const woonwenz: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz' };
const antares: Persona = { partij: 'CORPORATIE', organisatie: 'antares' };
const fonds: Persona = { partij: 'GARANTIEFONDS' };
const werkgroep: Persona = { partij: 'WERKGROEP' };

const vandaag = new Date().toISOString().slice(0, 10);
const codeOf = (r: GqlResponse<unknown>) => r.errors?.[0]?.extensions?.['code'];

let fed: TestFederation;
let trajectId: string;
let trajectCode: string;
let aanvraagId: string;
const BORG = 85_000;

/** One act through the gateway; fails the test with the act's own error when it is refused. */
async function act<T = any>(who: Persona, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await fed.gql(who, query, variables);
  if (r.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(r.errors)}`);
  return r.data as T;
}
async function versie(who: Persona): Promise<number> {
  return (await act(who, `query($id: ID!) { traject(id: $id) { versie } }`, { id: trajectId })).traject.versie;
}

function formulier(overrides: Record<string, unknown> = {}) {
  return {
    trajectId,
    trajectCode,
    datumBeeindiging: vandaag,
    soortBeeindiging: 'ONTRUIMD',
    borgCent: BORG,
    kostenposten: [
      { soort: 'HUURACHTERSTAND_HUURDERVING', bedragCent: 240_000, bewijs: 'huuradministratie, achterstand vijf maanden' },
      { soort: 'ONTRUIMINGSKOSTEN', bedragCent: 71_550, bewijs: 'factuur deurwaarder, ontruiming' },
    ],
    evaluatie: 'Achterstand werd te laat gedeeld met de casusregisseur; afspraak voortaan: na één gemiste huur direct overleg.',
    contactpersoonRol: 'verhuurconsulent',
    ...overrides,
  };
}
const FILE = `mutation($f: GarantieaanvraagFormulier!) { dienGarantieaanvraagIn(formulier: $f) { id status bedragCent trajectCode corporatie } }`;
const PAY = `mutation($id: ID!) { betaalGarantieaanvraagUit(aanvraagId: $id) { nieuwGeboekt saldoCent aanvraag { status } grootboekregel { soort bedragCent aanvraagId saldoNaCent } } }`;

beforeAll(async () => {
  fed = await startTestFederation();
  // The fund's parties and first round (most contributions paid), as the demo seed would create them.
  await seedGarantiefonds(fed.subgraphs.garantiefonds.database.db, [], new Date());
});
afterAll(async () => {
  await fed?.stop();
});

describe('from a negative end of the lease to a payout', () => {
  it('runs the routeplanner for one case up to a lease ended by eviction and a negatively closed case', async () => {
    trajectId = (
      await act(venlo, `mutation { registreerMelding(input: { gemeente: "venlo", ingediendDoor: GEMEENTE, naam: "Test Huurder", telefoon: "0612345678" }) { id } }`)
    ).registreerMelding.id;
    await act(venlo, `mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { fase } }`, { id: trajectId, v: await versie(venlo) });
    await act(venlo, `mutation($id: ID!) { legOnderzoekVast(trajectId: $id, input: { gesprekOp: "${vandaag}", geslacht: "V", woonsituatie: "dakloos", financien: "schulden in beeld" }) { id } }`, { id: trajectId });
    await act(venlo, `mutation($id: ID!) { beoordeelDoelgroep(trajectId: $id, doelgroep: true, toelichting: "Kan niet regulier huren; ondersteuning nodig bij zelfstandig wonen.") { id } }`, { id: trajectId });
    await act(venlo, `mutation($id: ID!) { ondertekenOndersteuningsplan(trajectId: $id, input: { doelen: "Zelfstandig leren wonen", ondertekendOp: "${vandaag}", ondertekendDoor: "inwoner" }) { id } }`, { id: trajectId });
    const geldigTot = new Date(Date.now() + 300 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    await act(venlo, `mutation($t: ToestemmingInput!) { registreerToestemming(input: $t) { id } }`, {
      t: {
        trajectId,
        ontvangerPartij: 'REGISSEUR',
        categorieen: ['IDENTITEIT', 'CONTACT', 'GEBOORTEDATUM', 'GESLACHT', 'WOONSITUATIE', 'FINANCIEN'],
        doel: 'MATCH_BEMIDDELING',
        richting: 'VERSTREKKEN',
        gegevenOp: new Date(Date.now() - 60_000).toISOString(),
        geldigTot,
        ondertekendDoor: 'INWONER',
      },
    });
    await act(venlo, `mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { fase } }`, { id: trajectId, v: await versie(venlo) });
    await act(regisseur, `mutation($id: ID!) { legProfielVast(trajectId: $id, profiel: { geslacht: "V", woonsituatie: "dakloos", huishouden: "alleenstaand", daginvulling: "dagbesteding", mobiliteit: "fiets", sociaalNetwerk: "beperkt", socialeRedzaamheid: "met begeleiding", financien: "bewindvoering", conclusie: "zelfstandig met ambulante begeleiding" }) { id } }`, { id: trajectId });
    await act(regisseur, `mutation($id: ID!) { selecteerCorporaties(trajectId: $id, corporaties: ["woonwenz", "antares"]) { id } }`, { id: trajectId });
    await act(regisseur, `mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { fase } }`, { id: trajectId, v: await versie(regisseur) });
    await act(regisseur, `mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "woonwenz", uitkomst: INTERESSE) { id } }`, { id: trajectId });
    await act(regisseur, `mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "woonwenz") { fase } }`, { id: trajectId, v: await versie(regisseur) });
    await act(woonwenz, `mutation($id: ID!, $v: Int!) { tekenHuurovereenkomst(trajectId: $id, versie: $v, input: { zorgaanbieder: "leger-des-heils", contractvorm: HUURDER, driePartijenOvereenkomst: true, adresWoning: "Teststraat 1, Venlo", ingangsdatum: "${vandaag}", kaleHuurCent: 61_000, borgCent: ${BORG} }) { id } }`.replace('61_000', '61000'), { id: trajectId, v: await versie(woonwenz) });
    await act(woonwenz, `mutation($id: ID!) { beeindigHuur(trajectId: $id, beeindiging: ONTRUIMD, datum: "${vandaag}", evaluatie: "Achterstand te laat gedeeld; voortaan direct overleg na één gemiste huur.") { id } }`, { id: trajectId });
    await act(regisseur, `mutation($id: ID!, $v: Int!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD, toelichting: "Ontruimd") { fase } }`, { id: trajectId, v: await versie(regisseur) });

    const closed = await act(woonwenz, `query($id: ID!) { traject(id: $id) { code fase } }`, { id: trajectId });
    expect(closed.traject.fase).toBe('AFGESLOTEN');
    trajectCode = closed.traject.code;
    expect(trajectCode).toMatch(/^WK-/);
  });

  it.each([
    { name: 'a corporation that was selected but not matched', who: antares, selection: '{ id }', code: 'NIET_CORPORATIE_VAN_TRAJECT', status: 200 },
    { name: 'the fund itself', who: fonds, selection: '{ id }', code: 'NIET_CORPORATIE_VAN_TRAJECT', status: 200 },
    { name: 'the Voorzitter', who: voorzitter, selection: '{ id }', code: 'NIET_CORPORATIE_VAN_TRAJECT', status: 200 },
    { name: 'the gemeente, asking claim fields it may never see (static layer)', who: venlo, selection: '{ id }', code: 'DOSERING_GEWEIGERD', status: 403 },
    { name: 'the gemeente, asking nothing but the type', who: venlo, selection: '{ __typename }', code: 'NIET_CORPORATIE_VAN_TRAJECT', status: 200 },
  ])('refuses a claim by $name', async ({ who, selection, code, status }) => {
    const r = await fed.gql(who, `mutation Indienen($f: GarantieaanvraagFormulier!) { dienGarantieaanvraagIn(formulier: $f) ${selection} }`, { f: formulier() });
    expect([r.status, codeOf(r)]).toEqual([status, code]);
    expect(r.data?.dienGarantieaanvraagIn ?? null).toBeNull();
  });

  it('lets the matched corporation file the claim on the standard form', async () => {
    const r = await fed.gql(woonwenz, FILE, { f: formulier() });
    expect(r.errors).toBeUndefined();
    expect(r.data.dienGarantieaanvraagIn).toEqual({ id: expect.any(String), status: 'INGEDIEND', bedragCent: 311_550, trajectCode, corporatie: 'woonwenz' });
    aanvraagId = r.data.dienGarantieaanvraagIn.id;
    expect(codeOf(await fed.gql(woonwenz, FILE, { f: formulier() }))).toBe('AL_AANGEVRAAGD');
  });

  it('composes the claim into the case for the matched corporation and the regisseur, never for the gemeente', async () => {
    const q = `query($id: ID!) { traject(id: $id) { code garantieaanvragen { id status bedragCent } } }`;
    for (const who of [woonwenz, regisseur]) {
      const r = await fed.gql(who, q, { id: trajectId });
      expect(r.errors).toBeUndefined();
      expect(r.data.traject.garantieaanvragen).toEqual([{ id: aanvraagId, status: 'INGEDIEND', bedragCent: 311_550 }]);
    }
    const gemeente = await fed.gql(venlo, q.replace('query(', 'query Gemeente('), { id: trajectId });
    expect([gemeente.status, codeOf(gemeente)]).toEqual([403, 'DOSERING_GEWEIGERD']);
  });

  it('lets only the Voorzitter approve, after the overleg', async () => {
    const b = { aanvraagId, uitkomst: 'GOEDGEKEURD', motivering: 'Besproken in het overleg; kosten onderbouwd en hoger dan de borg.', besprokenInOverlegOp: vandaag, partijenGeraadpleegd: true };
    const DECIDE = `mutation($b: GarantieBesluitInput!) { besluitOverGarantieaanvraag(besluit: $b) { status besluit { uitkomst besprokenInOverlegOp } aanvraag { id status } } }`;
    expect(codeOf(await fed.gql(regisseur, DECIDE, { b }))).toBe('NIET_VOORZITTER');
    expect(codeOf(await fed.gql(voorzitter, DECIDE, { b: { ...b, besprokenInOverlegOp: null } }))).toBe('NIET_BESPROKEN_IN_OVERLEG');
    const r = await fed.gql(voorzitter, DECIDE, { b });
    expect(r.errors).toBeUndefined();
    expect(r.data.besluitOverGarantieaanvraag).toEqual({
      status: 'GOEDGEKEURD',
      besluit: { uitkomst: 'GOEDGEKEURD', besprokenInOverlegOp: vandaag },
      aanvraag: { id: aanvraagId, status: 'GOEDGEKEURD' },
    });
  });

  it('lets the cashier pay once: the balance drops by the amount, one ledger entry, a retry pays nothing', async () => {
    const before = (await act(fonds, `{ garantiefonds { saldoCent uitbetaaldCent grootboek { id } } }`)).garantiefonds;
    expect(codeOf(await fed.gql(woonwenz, PAY, { id: aanvraagId }))).toBe('NIET_KASSIER');

    const paid = await act(fonds, PAY, { id: aanvraagId });
    expect(paid.betaalGarantieaanvraagUit).toEqual({
      nieuwGeboekt: true,
      saldoCent: before.saldoCent - 311_550,
      aanvraag: { status: 'UITBETAALD' },
      grootboekregel: { soort: 'UITBETALING', bedragCent: -311_550, aanvraagId, saldoNaCent: before.saldoCent - 311_550 },
    });
    const retry = await act(fonds, PAY, { id: aanvraagId });
    expect(retry.betaalGarantieaanvraagUit).toEqual(expect.objectContaining({ nieuwGeboekt: false, saldoCent: before.saldoCent - 311_550 }));

    const after = (await act(fonds, `{ garantiefonds { saldoCent uitbetaaldCent grootboek { bedragCent aanvraagId } } }`)).garantiefonds;
    expect(after.saldoCent).toBe(before.saldoCent - 311_550);
    expect(after.uitbetaaldCent).toBe(before.uitbetaaldCent + 311_550);
    expect(after.grootboek).toHaveLength(before.grootboek.length + 1);
    expect(after.grootboek.filter((e: { aanvraagId: string | null }) => e.aanvraagId === aanvraagId)).toEqual([{ bedragCent: -311_550, aanvraagId }]);
    expect(after.saldoCent).toBe(after.grootboek.reduce((s: number, e: { bedragCent: number }) => s + e.bedragCent, 0));
  });

  it('shows the matched corporation its paid claim, and the fund the claim by case code only', async () => {
    const mine = await act(woonwenz, `{ garantieaanvragen { id status trajectCode } }`);
    expect(mine.garantieaanvragen).toEqual([{ id: aanvraagId, status: 'UITBETAALD', trajectCode }]);
    const theirs = await act(fonds, `{ garantieaanvragen(status: UITBETAALD) { id trajectCode corporatie bedragCent } }`);
    expect(theirs.garantieaanvragen).toEqual([{ id: aanvraagId, trajectCode, corporatie: 'woonwenz', bedragCent: 311_550 }]);
    expect(JSON.stringify(theirs)).not.toMatch(/Test Huurder|0612345678|Teststraat/);
  });

  it('gives the Werkgroep the fund figures in the monitoring, aggregates only', async () => {
    const r = await fed.gql(werkgroep, `query { monitoring(periode: JAAR, van: "${vandaag.slice(0, 4)}-01-01", tot: "${Number(vandaag.slice(0, 4)) + 1}-01-01") { garantiefonds { saldoCent bijdragenOpenstaandCent aanvragen uitbetaaldCent } } }`);
    expect(r.errors).toBeUndefined();
    const fund = (await act(fonds, `{ garantiefonds { saldoCent bijdragenOpenstaandCent uitbetaaldCent } }`)).garantiefonds;
    expect(r.data.monitoring.garantiefonds).toEqual({ ...fund, aanvragen: 1 });
  });
});
