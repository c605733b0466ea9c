/**
 * The claim rules of the guarantee fund through the garantiefonds subgraph (real HTTP, real tokens,
 * real database), one row per rule: who may file, decide and pay, every refusal with its own
 * `extensions.code` and nothing written, and what each party may read. The case facts come from a
 * stub policy context (projected per caller as in production); the full routeplanner walk is in
 * `garantiefonds-scenario.test.ts`.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { aanvragen, grootboek, verwerkingen } from '../../subgraphs/garantiefonds/db/tables.js';
import { seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { negatiefBeeindigd, startFondsHarness, type FondsHarness, type GqlResponse } from '../../subgraphs/garantiefonds/testing/harness.js';

const woonwenz: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz' };
const antares: Persona = { partij: 'CORPORATIE', organisatie: 'antares' };
const venlo: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };
const fonds: Persona = { partij: 'GARANTIEFONDS' };
const voorzitter: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const regisseurNoord: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' };
const regisseurMidden: Persona = { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG' };
const werkgroep: Persona = { partij: 'WERKGROEP' };
const zorg: Persona = { partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils' };

const FILE = `mutation($f: GarantieaanvraagFormulier!) {
  dienGarantieaanvraagIn(formulier: $f) { id status bedragCent borgCent bevindingen trajectCode corporatie uitzonderingToelichting kostenposten { soort bedragCent bewijs } }
}`;
const DECIDE = `mutation($b: GarantieBesluitInput!) {
  besluitOverGarantieaanvraag(besluit: $b) { aanvraagId status besluit { uitkomst motivering besprokenInOverlegOp partijenGeraadpleegd overlegInstemming uitzondering door } }
}`;
const PAY = `mutation($id: ID!) {
  betaalGarantieaanvraagUit(aanvraagId: $id) { nieuwGeboekt saldoCent aanvraag { status uitbetaaldOp } grootboekregel { id soort bedragCent aanvraagId saldoNaCent } aanvullingsronde { ronde soort totaalCent } }
}`;

function formulier(trajectId: string, overrides: Record<string, unknown> = {}) {
  return {
    trajectId,
    trajectCode: 'WK-7KQ3M',
    datumBeeindiging: '2026-02-01',
    soortBeeindiging: 'ONTRUIMD',
    borgCent: 60_000,
    kostenposten: [
      { soort: 'HUURACHTERSTAND_HUURDERVING', bedragCent: 90_000, bewijs: 'huuradministratie nov 2025 – jan 2026' },
      { soort: 'ONTRUIMINGSKOSTEN', bedragCent: 60_000, bewijs: 'factuur deurwaarder 2026-0117' },
    ],
    evaluatie: 'Signalen over de achterstand kwamen laat bij de casusregisseur; afspraak: na één gemiste huur direct overleg.',
    contactpersoonRol: 'verhuurconsulent',
    ...overrides,
  };
}
const besluit = (aanvraagId: string, overrides: Record<string, unknown> = {}) => ({
  aanvraagId,
  uitkomst: 'GOEDGEKEURD',
  motivering: 'Negatieve beëindiging, kosten onderbouwd en hoger dan de borg; partijen gehoord.',
  besprokenInOverlegOp: '2026-02-24',
  partijenGeraadpleegd: true,
  ...overrides,
});

const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.['code'];

let h: FondsHarness;
let caseNr = 0;
/** A new case in the stub policy context (one claim per case), closed after eviction, matched to woonwenz. */
const huur = (borgCent: number, beeindiging: 'ONTRUIMD' | 'VERTROKKEN' = 'ONTRUIMD', einddatum = '2026-02-01') => ({ borgCent, beeindiging, einddatum });
function nieuwTraject(overrides: Parameters<typeof negatiefBeeindigd>[1] = {}): string {
  const id = `traject-${++caseNr}`;
  h.cases.set(id, negatiefBeeindigd(id, overrides));
  return id;
}
async function aantal(table: typeof aanvragen | typeof grootboek): Promise<number> {
  const [r] = await h.db.select({ n: count() }).from(table);
  return Number(r!.n);
}
async function dienIn(trajectId: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const r = await h.gql(woonwenz, FILE, { f: formulier(trajectId, overrides) });
  expect(r.errors).toBeUndefined();
  return r.data.dienGarantieaanvraagIn.id as string;
}
async function saldo(): Promise<number> {
  return (await h.gql(fonds, '{ garantiefonds { saldoCent } }')).data.garantiefonds.saldoCent as number;
}

beforeAll(async () => {
  h = await startFondsHarness(new Date('2026-03-01T10:00:00Z'));
  await seedGarantiefonds(h.db, [], new Date(h.nowMs));
});
afterAll(async () => {
  await h?.stop();
});

describe('filing a claim', () => {
  let basis: string;
  beforeAll(() => {
    basis = nieuwTraject();
  });

  const refusals: readonly {
    when: string;
    who?: Persona;
    trajectId?: () => string;
    form?: Record<string, unknown>;
    code: string;
  }[] = [
    { when: 'a gemeente files', who: venlo, code: 'NIET_CORPORATIE_VAN_TRAJECT' },
    { when: 'the fund itself files', who: fonds, code: 'NIET_CORPORATIE_VAN_TRAJECT' },
    { when: 'the Voorzitter files', who: voorzitter, code: 'NIET_CORPORATIE_VAN_TRAJECT' },
    { when: 'the linked care provider files', who: zorg, code: 'NIET_CORPORATIE_VAN_TRAJECT' },
    { when: 'a corporation that was selected but not matched files', who: antares, code: 'NIET_CORPORATIE_VAN_TRAJECT' },
    { when: 'the case does not exist (same answer as not matched)', trajectId: () => 'bestaat-niet', code: 'NIET_CORPORATIE_VAN_TRAJECT' },
    { when: 'the case is still housed (no outcome)', trajectId: () => nieuwTraject({ fase: 'GEHUISVEST', uitkomst: null }), code: 'GEEN_NEGATIEVE_BEEINDIGING' },
    { when: 'the lease ended positively', trajectId: () => nieuwTraject({ uitkomst: 'HUUR_BEEINDIGD_POSITIEF' }), code: 'GEEN_NEGATIEVE_BEEINDIGING' },
    { when: 'the case closed as withdrawn', trajectId: () => nieuwTraject({ uitkomst: 'TERUGGETROKKEN' }), code: 'GEEN_NEGATIEVE_BEEINDIGING' },
    { when: 'the form says left but the case says evicted', form: { soortBeeindiging: 'VERTROKKEN' }, code: 'SOORT_BEEINDIGING_WIJKT_AF' },
    { when: 'the amount equals the deposit', trajectId: () => nieuwTraject({ huur: huur(150_000) }), form: { borgCent: 150_000 }, code: 'BEDRAG_NIET_BOVEN_BORG' },
    { when: 'the amount is below the deposit', trajectId: () => nieuwTraject({ huur: huur(400_000) }), form: { borgCent: 400_000 }, code: 'BEDRAG_NIET_BOVEN_BORG' },
    { when: 'the form names the code of another case', form: { trajectCode: 'WK-9ZZ9Z' }, code: 'TRAJECTCODE_WIJKT_AF' },
    { when: 'the routeplanner knows no code for the case', trajectId: () => nieuwTraject({ code: undefined }), code: 'TRAJECTCODE_WIJKT_AF' },
    { when: 'the form states a lower deposit than the lease, to clear the threshold', trajectId: () => nieuwTraject({ huur: huur(150_000) }), code: 'BORG_WIJKT_AF' },
    { when: 'no lease deposit was recorded for the case', trajectId: () => nieuwTraject({ huur: null }), code: 'BORG_WIJKT_AF' },
    { when: 'the form dates the end other than the corporation ended the lease', trajectId: () => nieuwTraject({ huur: huur(60_000, 'ONTRUIMD', '2026-03-01') }), code: 'DATUM_BEEINDIGING_WIJKT_AF' },
    { when: 'no end date of the lease was recorded', trajectId: () => nieuwTraject({ huur: { borgCent: 60_000, beeindiging: 'ONTRUIMD' } }), code: 'DATUM_BEEINDIGING_WIJKT_AF' },
    { when: 'a line amount is negative', form: { kostenposten: [{ soort: 'MUTATIEKOSTEN', bedragCent: -100, bewijs: 'x' }, { soort: 'MUTATIEKOSTEN', bedragCent: 500_000, bewijs: 'x' }] }, code: 'BEDRAG_ONGELDIG' },
    { when: 'the deposit is negative', form: { borgCent: -1 }, code: 'BEDRAG_ONGELDIG' },
    { when: 'the total exceeds 2^31 − 1 cents', form: { kostenposten: [{ soort: 'MUTATIEKOSTEN', bedragCent: 2_147_483_647, bewijs: 'x' }, { soort: 'ONTRUIMINGSKOSTEN', bedragCent: 1, bewijs: 'y' }] }, code: 'BEDRAG_ONGELDIG' },
    { when: 'there are no cost lines', form: { kostenposten: [] }, code: 'KOSTENPOSTEN_ONTBREKEN' },
    { when: 'a line has no evidence', form: { kostenposten: [{ soort: 'MUTATIEKOSTEN', bedragCent: 500_000, bewijs: '  ' }] }, code: 'BEWIJS_ONTBREEKT' },
    { when: 'the evaluation of the negative end is missing', form: { evaluatie: ' ' }, code: 'EVALUATIE_ONTBREEKT' },
    { when: 'the contact role is missing', form: { contactpersoonRol: '' }, code: 'CONTACTROL_ONTBREEKT' },
    { when: 'legal costs are claimed before regular mediation was exhausted', form: { kostenposten: [{ soort: 'JURIDISCHE_KOSTEN', bedragCent: 500_000, bewijs: 'nota advocaat' }] }, code: 'BEMIDDELING_NIET_DOORLOPEN' },
    { when: 'the case code is a name', form: { trajectCode: 'Jan Jansen' }, code: 'TRAJECTCODE_ONGELDIG' },
    { when: 'the end date is not a date', form: { datumBeeindiging: '2026-02-30' }, code: 'DATUM_ONGELDIG' },
    { when: 'the evaluation holds a BSN', form: { evaluatie: 'Huurder met BSN 111222333 vertrok.' }, code: 'PERSOONSGEGEVENS_IN_TEKST' },
    { when: 'the evidence holds a phone number', form: { kostenposten: [{ soort: 'MUTATIEKOSTEN', bedragCent: 500_000, bewijs: 'bel 06-12345678' }] }, code: 'PERSOONSGEGEVENS_IN_TEKST' },
    { when: 'an exception is asked without a reason', form: { uitzonderingToelichting: ' ' }, code: 'UITZONDERING_ZONDER_TOELICHTING' },
    { when: 'a cost kind is not on the form (schema refuses it)', form: { kostenposten: [{ soort: 'INBOEDEL', bedragCent: 500_000, bewijs: 'x' }] }, code: 'BAD_USER_INPUT' },
    { when: 'an amount is not an Int (schema refuses it)', form: { borgCent: 2_147_483_648 }, code: 'BAD_USER_INPUT' },
    { when: 'an amount is a fraction of a cent (schema refuses it)', form: { borgCent: 600.5 }, code: 'BAD_USER_INPUT' },
  ];

  it.each(refusals)('refuses with $code and stores nothing when $when', async ({ who, trajectId, form, code }) => {
    const before = await aantal(aanvragen);
    const r = await h.gql(who ?? woonwenz, FILE, { f: formulier(trajectId?.() ?? basis, form) });
    expect(r.data?.dienGarantieaanvraagIn ?? null).toBeNull();
    expect(codeOf(r)).toBe(code);
    expect(JSON.stringify(r.errors)).not.toMatch(/111222333|06-12345678/);
    expect(await aantal(aanvragen)).toBe(before);
  });

  it('refuses with BELEIDSCONTEXT_ONBEREIKBAAR and stores nothing when the policy context cannot be loaded', async () => {
    const before = await aantal(aanvragen);
    h.contextDown = true;
    try {
      const r = await h.gql(woonwenz, FILE, { f: formulier(basis) });
      expect(codeOf(r)).toBe('BELEIDSCONTEXT_ONBEREIKBAAR');
    } finally {
      h.contextDown = false;
    }
    expect(await aantal(aanvragen)).toBe(before);
  });

  it('refuses with ERNSTIGE_NALATIGHEID when the Voorzitter recorded negligence in the case before', async () => {
    const id = nieuwTraject();
    const n = await h.gql(voorzitter, `mutation($i: NalatigheidInput!) { legNalatigheidVast(input: $i) { id nalatigheid { partij organisatie } } }`, {
      i: { trajectId: id, partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils', toelichting: 'Begeleiding drie maanden niet geleverd zonder melding.' },
    });
    expect(n.errors).toBeUndefined();
    expect(n.data.legNalatigheidVast.nalatigheid).toEqual({ partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils' });
    const r = await h.gql(woonwenz, FILE, { f: formulier(id) });
    expect(codeOf(r)).toBe('ERNSTIGE_NALATIGHEID');
  });

  it('records the claim as INGEDIEND with the lines total when the matched corporation files a complete form', async () => {
    const r = await h.gql(woonwenz, FILE, { f: formulier(basis) });
    expect(r.errors).toBeUndefined();
    expect(r.data.dienGarantieaanvraagIn).toEqual({
      id: expect.any(String),
      status: 'INGEDIEND',
      bedragCent: 150_000,
      borgCent: 60_000,
      bevindingen: [],
      trajectCode: 'WK-7KQ3M',
      corporatie: 'woonwenz',
      uitzonderingToelichting: null,
      kostenposten: formulier(basis).kostenposten,
    });
  });

  it('refuses a second claim for the same case with AL_AANGEVRAAGD', async () => {
    const r = await h.gql(woonwenz, FILE, { f: formulier(basis, { trajectCode: 'WK-7KQ3N' }) });
    expect(codeOf(r)).toBe('AL_AANGEVRAAGD');
    expect(await h.db.select().from(aanvragen).where(eq(aanvragen.trajectId, basis))).toHaveLength(1);
  });

  it('lets exactly one of two racing filings for one case through', async () => {
    const id = nieuwTraject();
    const [a, b] = await Promise.all([h.gql(woonwenz, FILE, { f: formulier(id) }), h.gql(woonwenz, FILE, { f: formulier(id) })]);
    expect([a, b].filter((r) => r.errors === undefined)).toHaveLength(1);
    expect([a, b].map(codeOf).filter(Boolean)).toEqual(['AL_AANGEVRAAGD']);
  });

  it('records the deposit threshold as a finding when the corporation asks for an exception with a reason', async () => {
    const id = nieuwTraject({ uitkomst: 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN', huur: huur(200_000, 'VERTROKKEN') });
    const r = await h.gql(woonwenz, FILE, {
      f: formulier(id, { soortBeeindiging: 'VERTROKKEN', borgCent: 200_000, uitzonderingToelichting: 'Borg uitzonderlijk hoog door waarborgregeling gemeente.' }),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.dienGarantieaanvraagIn).toEqual(expect.objectContaining({ status: 'INGEDIEND', bevindingen: ['BEDRAG_NIET_BOVEN_BORG'] }));
  });
});

describe('deciding on a claim', () => {
  let schoon: string;
  let uitzondering: string;
  let nalatig: string;
  let nalatigTraject: string;
  beforeAll(async () => {
    schoon = await dienIn(nieuwTraject());
    uitzondering = await dienIn(nieuwTraject({ huur: huur(150_000) }), { borgCent: 150_000, uitzonderingToelichting: 'Onevenredig: borg gelijk aan schade.' });
    nalatigTraject = nieuwTraject();
    nalatig = await dienIn(nalatigTraject);
  });

  const refusals: readonly { when: string; who?: Persona; id?: () => string; over?: Record<string, unknown>; code: string }[] = [
    { when: 'the matched corporation decides', who: woonwenz, code: 'NIET_VOORZITTER' },
    { when: 'a regisseur who is not the Voorzitter decides', who: regisseurNoord, code: 'NIET_VOORZITTER' },
    { when: 'the cashier decides', who: fonds, code: 'NIET_VOORZITTER' },
    { when: 'the Werkgroep decides', who: werkgroep, code: 'NIET_VOORZITTER' },
    { when: 'the claim does not exist', id: () => 'bestaat-niet', code: 'NIET_GEVONDEN' },
    { when: 'no overleg date is given', over: { besprokenInOverlegOp: null }, code: 'NIET_BESPROKEN_IN_OVERLEG' },
    { when: 'the overleg date lies in the future', over: { besprokenInOverlegOp: '2026-03-02' }, code: 'DATUM_ONGELDIG' },
    { when: 'the motivation is blank', over: { motivering: '  ' }, code: 'MOTIVERING_ONTBREEKT' },
    { when: 'the motivation holds a phone number', over: { motivering: 'Besproken, bel 0612345678' }, code: 'PERSOONSGEGEVENS_IN_TEKST' },
    { when: 'the parties of the case were not consulted', over: { partijenGeraadpleegd: false }, code: 'PARTIJEN_NIET_GERAADPLEEGD' },
    { when: 'a claim with findings is approved without the overleg consent', id: () => uitzondering, code: 'UITZONDERING_ZONDER_INSTEMMING' },
  ];
  it.each(refusals)('refuses with $code and changes nothing when $when', async ({ who, id, over, code }) => {
    const aanvraagId = id?.() ?? schoon;
    const r = await h.gql(who ?? voorzitter, DECIDE, { b: besluit(aanvraagId, over) });
    expect(codeOf(r)).toBe(code);
    const [row] = await h.db.select().from(aanvragen).where(eq(aanvragen.id, aanvraagId));
    if (row) expect([row.status, row.besluitOp]).toEqual(['INGEDIEND', null]);
  });

  it('refuses approval with ERNSTIGE_NALATIGHEID when negligence was recorded after filing, even with the overleg consent', async () => {
    const n = await h.gql(voorzitter, `mutation($i: NalatigheidInput!) { legNalatigheidVast(input: $i) { id } }`, {
      i: { trajectId: nalatigTraject, partij: 'CORPORATIE', organisatie: 'woonwenz', toelichting: 'Geen enkele signalering bij vier maanden achterstand.' },
    });
    expect(n.errors).toBeUndefined();
    const r = await h.gql(voorzitter, DECIDE, { b: besluit(nalatig, { overlegInstemming: true }) });
    expect(codeOf(r)).toBe('ERNSTIGE_NALATIGHEID');
    const rejected = await h.gql(voorzitter, DECIDE, { b: besluit(nalatig, { uitkomst: 'AFGEWEZEN', motivering: 'Ernstige nalatigheid corporatie.' }) });
    expect(rejected.data.besluitOverGarantieaanvraag.status).toBe('AFGEWEZEN');
  });

  it.each([
    { when: 'a corporation records negligence', who: woonwenz, code: 'NIET_VOORZITTER', input: {} },
    { when: 'the explanation is blank', who: voorzitter, code: 'MOTIVERING_ONTBREEKT', input: { toelichting: ' ' } },
    { when: 'the party is the resident', who: voorzitter, code: 'DEELNEMER_ONGELDIG', input: { partij: 'INWONER' } },
    { when: 'the case is unknown', who: voorzitter, code: 'NIET_GEVONDEN', input: { trajectId: 'bestaat-niet' } },
  ])('refuses recording negligence with $code when $when', async ({ who, code, input }) => {
    const r = await h.gql(who, `mutation($i: NalatigheidInput!) { legNalatigheidVast(input: $i) { id } }`, {
      i: { trajectId: nalatigTraject, partij: 'GEMEENTE', organisatie: 'gemeente-venlo', toelichting: 'Geen reactie op signalen.', ...input },
    });
    expect(codeOf(r)).toBe(code);
  });

  it('records the decision, the overleg date and who decided when the Voorzitter approves a discussed claim', async () => {
    const r = await h.gql(voorzitter, DECIDE, { b: besluit(schoon) });
    expect(r.errors).toBeUndefined();
    expect(r.data.besluitOverGarantieaanvraag).toEqual({
      aanvraagId: schoon,
      status: 'GOEDGEKEURD',
      besluit: {
        uitkomst: 'GOEDGEKEURD',
        motivering: besluit(schoon).motivering,
        besprokenInOverlegOp: '2026-02-24',
        partijenGeraadpleegd: true,
        overlegInstemming: false,
        uitzondering: false,
        door: 'regio-noord-limburg (Voorzitter)',
      },
    });
  });

  it('refuses a second decision with ONGELDIGE_STATUSOVERGANG', async () => {
    const r = await h.gql(voorzitter, DECIDE, { b: besluit(schoon, { uitkomst: 'AFGEWEZEN' }) });
    expect(codeOf(r)).toBe('ONGELDIGE_STATUSOVERGANG');
  });

  it('approves a claim with findings as a recorded exception when the overleg consented', async () => {
    const r = await h.gql(voorzitter, DECIDE, { b: besluit(uitzondering, { overlegInstemming: true, motivering: 'Uitzondering art. 7.9 met instemming van het overleg.' }) });
    expect(r.data.besluitOverGarantieaanvraag.besluit).toEqual(expect.objectContaining({ uitkomst: 'GOEDGEKEURD', overlegInstemming: true, uitzondering: true }));
  });
});

describe('issue 12: the Voorzitter acts within the own region, and negligence undoes an approval', () => {
  const voorzitterMidden: Persona = { ...regisseurMidden, rol: 'VOORZITTER' };
  const NALATIG = `mutation($i: NalatigheidInput!) { legNalatigheidVast(input: $i) { id } }`;
  const status = async (id: string) => (await h.db.select().from(aanvragen).where(eq(aanvragen.id, id)))[0]!;
  const BESLIS = `mutation($b: GarantieBesluitInput!) { besluitOverGarantieaanvraag(besluit: $b) { aanvraagId status } }`;

  it('refuses the Voorzitter of Midden-Limburg a decision on a Noord-Limburg claim, as for an unknown claim, and changes nothing', async () => {
    const id = await dienIn(nieuwTraject());
    const before = await status(id);
    const r = await h.gql(voorzitterMidden, BESLIS, { b: besluit(id) });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NIET_GEVONDEN', reden: 'ONBEKEND', handeling: 'besluitOverGarantieaanvraag' });
    expect(await status(id)).toEqual(before);
    expect((await h.gql(voorzitter, BESLIS, { b: besluit(id) })).data.besluitOverGarantieaanvraag.status).toBe('GOEDGEKEURD');
  });

  it('rejects an approved claim at once when negligence is recorded after the approval, so the cashier cannot pay it', async () => {
    const trajectId = nieuwTraject();
    const id = await dienIn(trajectId);
    expect((await h.gql(voorzitter, BESLIS, { b: besluit(id) })).data.besluitOverGarantieaanvraag.status).toBe('GOEDGEKEURD');
    const n = await h.gql(voorzitter, NALATIG, { i: { trajectId, partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils', toelichting: 'Begeleiding vier maanden niet geleverd.' } });
    expect(n.errors).toBeUndefined();
    const row = await status(id);
    expect(row.status).toBe('AFGEWEZEN');
    expect(row.motivering).toMatch(/^Goedkeuring van \d{4}-\d{2}-\d{2} vervallen: ernstige nalatigheid vastgelegd \(Bijlage 3 §2\)\. Begeleiding vier maanden/);
    const ledger = await aantal(grootboek);
    const paid = await h.gql(fonds, PAY, { id });
    expect(codeOf(paid)).toBe('AANVRAAG_NIET_GOEDGEKEURD');
    expect(await aantal(grootboek)).toBe(ledger);
  });

  it('leaves a paid claim paid when negligence is recorded afterwards: the money is recovered from the negligent party, outside the ledger', async () => {
    const trajectId = nieuwTraject();
    const id = await dienIn(trajectId, { kostenposten: [{ soort: 'ONTRUIMINGSKOSTEN', bedragCent: 70_000, bewijs: 'factuur deurwaarder' }] });
    await h.gql(voorzitter, BESLIS, { b: besluit(id) });
    expect((await h.gql(fonds, PAY, { id })).errors).toBeUndefined();
    expect((await h.gql(voorzitter, NALATIG, { i: { trajectId, partij: 'CORPORATIE', organisatie: 'woonwenz', toelichting: 'Geen signalering bij vier maanden achterstand.' } })).errors).toBeUndefined();
    expect((await status(id)).status).toBe('UITBETAALD');
  });
});

describe('paying a claim', () => {
  let goedgekeurd: string;
  let ingediend: string;
  let afgewezen: string;
  beforeAll(async () => {
    goedgekeurd = await dienIn(nieuwTraject());
    await h.gql(voorzitter, DECIDE, { b: besluit(goedgekeurd) });
    ingediend = await dienIn(nieuwTraject());
    afgewezen = await dienIn(nieuwTraject());
    await h.gql(voorzitter, DECIDE, { b: besluit(afgewezen, { uitkomst: 'AFGEWEZEN', motivering: 'Geen passende compensatie.' }) });
  });

  it.each([
    { when: 'the matched corporation pays itself', who: woonwenz, id: () => goedgekeurd, code: 'NIET_KASSIER' },
    { when: 'the Voorzitter pays', who: voorzitter, id: () => goedgekeurd, code: 'NIET_KASSIER' },
    { when: 'the claim is only submitted', who: fonds, id: () => ingediend, code: 'AANVRAAG_NIET_GOEDGEKEURD' },
    { when: 'the claim was rejected', who: fonds, id: () => afgewezen, code: 'AANVRAAG_NIET_GOEDGEKEURD' },
    { when: 'the claim does not exist', who: fonds, id: () => 'bestaat-niet', code: 'NIET_GEVONDEN' },
  ])('refuses with $code and books nothing when $when', async ({ who, id, code }) => {
    const before = await aantal(grootboek);
    const r = await h.gql(who, PAY, { id: id() });
    expect(codeOf(r)).toBe(code);
    expect(await aantal(grootboek)).toBe(before);
  });

  it('books one payout entry, lowers the balance by the amount and marks the claim paid', async () => {
    const before = await saldo();
    const r = await h.gql(fonds, PAY, { id: goedgekeurd });
    expect(r.errors).toBeUndefined();
    expect(r.data.betaalGarantieaanvraagUit).toEqual({
      nieuwGeboekt: true,
      saldoCent: before - 150_000,
      aanvraag: { status: 'UITBETAALD', uitbetaaldOp: '2026-03-01T10:00:00.000Z' },
      grootboekregel: { id: expect.stringMatching(/^UITBETALING:\d+$/), soort: 'UITBETALING', bedragCent: -150_000, aanvraagId: goedgekeurd, saldoNaCent: before - 150_000 },
      aanvullingsronde: null,
    });
    expect(await saldo()).toBe(before - 150_000);
  });

  it('books nothing and answers nieuwGeboekt false when the payout is retried', async () => {
    const before = [await saldo(), await aantal(grootboek)];
    const r = await h.gql(fonds, PAY, { id: goedgekeurd });
    expect(r.data.betaalGarantieaanvraagUit).toEqual(expect.objectContaining({ nieuwGeboekt: false, saldoCent: before[0] }));
    expect([await saldo(), await aantal(grootboek)]).toEqual(before);
  });

  it('refuses with SALDO_ONTOEREIKEND and books nothing when the approved amount exceeds the balance', async () => {
    const huidig = await saldo();
    const groot = await dienIn(nieuwTraject(), { kostenposten: [{ soort: 'HUURACHTERSTAND_HUURDERVING', bedragCent: huidig + 1, bewijs: 'huuradministratie' }] });
    await h.gql(voorzitter, DECIDE, { b: besluit(groot) });
    const r = await h.gql(fonds, PAY, { id: groot });
    expect(codeOf(r)).toBe('SALDO_ONTOEREIKEND');
    expect(await saldo()).toBe(huidig);
    const [row] = await h.db.select().from(aanvragen).where(eq(aanvragen.id, groot));
    expect(row!.status).toBe('GOEDGEKEURD');
  });

  it('asks every party for a new round exactly when a payout takes the balance below € 25.000, and not again while it stays below', async () => {
    const huidig = await saldo();
    const bedrag = huidig - 2_000_000; // lands on € 20.000
    const zakt = await dienIn(nieuwTraject(), { kostenposten: [{ soort: 'HUURACHTERSTAND_HUURDERVING', bedragCent: bedrag, bewijs: 'huuradministratie' }] });
    await h.gql(voorzitter, DECIDE, { b: besluit(zakt) });
    const r = await h.gql(fonds, PAY, { id: zakt });
    expect(r.data.betaalGarantieaanvraagUit.saldoCent).toBe(2_000_000);
    expect(r.data.betaalGarantieaanvraagUit.aanvullingsronde).toEqual({ ronde: 2, soort: 'AANVULLING', totaalCent: 11_800_000 });

    const klein = await dienIn(nieuwTraject());
    await h.gql(voorzitter, DECIDE, { b: besluit(klein) });
    const again = await h.gql(fonds, PAY, { id: klein });
    expect(again.data.betaalGarantieaanvraagUit).toEqual(expect.objectContaining({ nieuwGeboekt: true, aanvullingsronde: null }));

    const view = await h.gql(fonds, '{ garantiefonds { onderAanvulgrens rondes { ronde soort totaalCent openstaandCent } } }');
    expect(view.data.garantiefonds.onderAanvulgrens).toBe(true);
    expect(view.data.garantiefonds.rondes.map((x: { soort: string }) => x.soort)).toEqual(['INLEG', 'AANVULLING']);
    expect(view.data.garantiefonds.rondes[1]).toEqual({ ronde: 2, soort: 'AANVULLING', totaalCent: 11_800_000, openstaandCent: 11_800_000 });
  });
});

describe('reading the fund', () => {
  let noord: string;
  let midden: string;
  beforeAll(async () => {
    const n = nieuwTraject();
    noord = await dienIn(n);
    const m = nieuwTraject({ gemeente: 'roermond', regio: 'MIDDEN_LIMBURG' });
    midden = await dienIn(m);
  });

  it('shows the matched corporation its own claims and another corporation none', async () => {
    const mine = await h.gql(woonwenz, '{ garantieaanvragen { id corporatie } }');
    expect(mine.errors).toBeUndefined();
    expect(mine.data.garantieaanvragen.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([noord, midden]));
    expect(mine.data.garantieaanvragen.every((a: { corporatie: string }) => a.corporatie === 'woonwenz')).toBe(true);
    expect((await h.gql(antares, '{ garantieaanvragen { id } }')).data.garantieaanvragen).toEqual([]);
  });

  it('shows a regisseur the claims of its own region only', async () => {
    const n = (await h.gql(regisseurNoord, '{ garantieaanvragen { id trajectCode } }')).data.garantieaanvragen.map((a: { id: string }) => a.id);
    const m = (await h.gql(regisseurMidden, '{ garantieaanvragen { id trajectCode } }')).data.garantieaanvragen.map((a: { id: string }) => a.id);
    expect(n).toContain(noord);
    expect(n).not.toContain(midden);
    expect(m).toEqual([midden]);
  });

  it('gives each Voorzitter the submitted claims of the own region only, without case code or free text', async () => {
    const r = await h.gql(voorzitter, '{ aanvragenTerBeslissing { aanvraagId corporatie bedragCent borgCent bevindingen nalatigheidVastgelegd kostenposten { soort bedragCent } } }');
    expect(r.errors).toBeUndefined();
    const ids = r.data.aanvragenTerBeslissing.map((a: { aanvraagId: string }) => a.aanvraagId);
    expect(ids).toContain(noord);
    expect(ids).not.toContain(midden);
    const m = await h.gql({ ...regisseurMidden, rol: 'VOORZITTER' }, '{ aanvragenTerBeslissing { aanvraagId } }');
    expect(m.data.aanvragenTerBeslissing.map((a: { aanvraagId: string }) => a.aanvraagId)).toEqual([midden]);
    expect(JSON.stringify(r.data)).not.toMatch(/WK-|achterstand kwamen|deurwaarder/);
    expect(codeOf(await h.gql(regisseurNoord, '{ aanvragenTerBeslissing { aanvraagId } }'))).toBe('NIET_VOORZITTER');
  });

  it.each([
    { who: venlo, name: 'a gemeente' },
    { who: werkgroep, name: 'the Werkgroep' },
    { who: zorg, name: 'a care provider' },
  ])('lists no claims for $name', async ({ who }) => {
    const r = await h.gql(who, '{ garantieaanvragen { id } }');
    expect(r.data.garantieaanvragen).toEqual([]);
  });

  it('lists no claims of a case through the entity when the caller has no relation to it (a direct probe)', async () => {
    const r = await h.gql(venlo, `{ _entities(representations: [{ __typename: "Traject", id: "traject-1" }]) { ... on Traject { garantieaanvragen { bedragCent } } } }`);
    // Refused as a whole: null, no count, no items — a gemeente never reads FONDS (PARTIJ).
    expect(r.data._entities).toEqual([{ garantieaanvragen: null }]);
    expect(r.errors?.map((e: any) => e.extensions.reden)).toEqual(['PARTIJ']);
  });

  it('shows the aggregates to the Werkgroep and refuses it the details', async () => {
    const r = await h.gql(werkgroep, '{ garantiefonds { saldoCent bijdragenOpenstaandCent aantalAanvragen uitbetaaldCent } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.garantiefonds.saldoCent).toBe(await saldo());
    const details = await h.gql(werkgroep, '{ garantiefonds { grootboek { id } } }');
    expect(codeOf(details)).toBe('NIET_BEVOEGD');
    expect((await h.gql(venlo, '{ garantiefonds { saldoCent } }')).data.garantiefonds).toBeNull();
  });

  it('derives the balance from the ledger: the figure, the sum of the entries and the last running balance agree', async () => {
    const r = await h.gql(voorzitter, '{ garantiefonds { saldoCent grootboek { bedragCent saldoNaCent } } }');
    const entries = r.data.garantiefonds.grootboek as { bedragCent: number; saldoNaCent: number }[];
    const sum = entries.reduce((s, e) => s + e.bedragCent, 0);
    expect(r.data.garantiefonds.saldoCent).toBe(sum);
    expect(entries.at(-1)!.saldoNaCent).toBe(sum);
    expect(entries.every((e) => e.saldoNaCent >= 0)).toBe(true);
  });

  it.each([
    { who: werkgroep, figures: true },
    { who: fonds, figures: true },
    { who: regisseurMidden, figures: true },
    { who: venlo, figures: false },
    { who: woonwenz, figures: false },
    { who: { partij: 'TOEZICHT' } as Persona, figures: false },
  ])('answers Monitoring.garantiefonds for $who.partij: figures $figures', async ({ who, figures }) => {
    const r = await h.gql(who, `{ _entities(representations: [{ __typename: "Monitoring", sleutel: "JAAR|2025-01-01|2026-01-01|" }]) { ... on Monitoring { sleutel garantiefonds { saldoCent bijdragenOpenstaandCent aanvragen uitbetaaldCent } } } }`);
    expect(r.errors).toBeUndefined();
    const cijfers = r.data._entities[0].garantiefonds;
    if (!figures) expect(cijfers).toBeNull();
    else expect(cijfers).toEqual({ saldoCent: await saldo(), bijdragenOpenstaandCent: expect.any(Number), aanvragen: await aantal(aanvragen), uitbetaaldCent: expect.any(Number) });
  });

  it('logs every read of claim fields in the access log, with category FONDS and no value', async () => {
    await h.gql(fonds, '{ garantieaanvragen { id bedragCent } }');
    const rows = await h.db.select().from(verwerkingen);
    const fondsRows = rows.filter((r) => r.partij === 'GARANTIEFONDS' && r.categorieen.includes('FONDS'));
    expect(fondsRows.length).toBeGreaterThan(0);
    expect(JSON.stringify(fondsRows)).not.toMatch(/150000|WK-7KQ3M/);
  });
});
