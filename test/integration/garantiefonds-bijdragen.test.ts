/**
 * Contributions, parties and the end of the fund through the garantiefonds subgraph: the first
 * round split exactly by the keys, booking received contributions once, a joining party changing the
 * key from then on, a leaving party getting nothing back, the replenishment round at the new key, and
 * winding up with the remainder returned pro rata to the original contributions, to the cent.
 */
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { bijdragen, grootboek } from '../../subgraphs/garantiefonds/db/tables.js';
import {
  ALLE_DEELNEMERS,
  STANDAARD_BIJDRAGE_CONFIG,
  SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL,
  SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL,
  contributionRound,
  partyKey,
  splitProRata,
} from '../../subgraphs/garantiefonds/domain/index.js';
import { SEED_OPENSTAAND, seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { negatiefBeeindigd, startFondsHarness, type FondsHarness, type GqlResponse } from '../../subgraphs/garantiefonds/testing/harness.js';

const fonds: Persona = { partij: 'GARANTIEFONDS' };
const voorzitter: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
const woonwenz: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz' };
const beesel: Persona = { partij: 'GEMEENTE', gemeente: 'beesel' };
const venlo: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };

const REGISTER = `mutation($id: ID!, $op: String!) { registreerBijdrage(bijdrageId: $id, betaaldOp: $op) { nieuwGeboekt saldoCent bijdrage { id status betaaldOp } grootboekregel { id soort bedragCent bijdrageId } } }`;
const JOIN = `mutation($i: ToetredingInput!) { treedToeTotFonds(input: $i) { deelnemer { id soort slug gewicht uitgetredenOp } bijdrage { id ronde bedragCent status } } }`;
const LEAVE = `mutation($id: ID!) { treedUitFonds(deelnemerId: $id) { deelnemer { id uitgetredenOp } terugbetaaldCent } }`;
const BIJDRAGEN = `{ garantiefonds { saldoCent bijdragenOpenstaandCent bijdragen { id ronde deelnemer soort slug bedragCent status } } }`;

const codeOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.['code'];
type BijdrageView = { id: string; ronde: number; deelnemer: string; soort: string; slug: string; bedragCent: number; status: string };

let h: FondsHarness;
async function alle(): Promise<{ saldoCent: number; bijdragenOpenstaandCent: number; bijdragen: BijdrageView[] }> {
  const r = await h.gql(fonds, BIJDRAGEN);
  expect(r.errors).toBeUndefined();
  return r.data.garantiefonds;
}
async function regels(): Promise<number> {
  const [r] = await h.db.select({ n: count() }).from(grootboek);
  return Number(r!.n);
}
const sum = (xs: readonly BijdrageView[]) => xs.reduce((s, b) => s + b.bedragCent, 0);

/** Files, approves and pays a claim of `cents` on a fresh case, the way the fund's money goes out. */
let caseNr = 0;
async function betaalClaim(cents: number): Promise<GqlResponse> {
  const id = `bijdragen-traject-${++caseNr}`;
  h.cases.set(id, negatiefBeeindigd(id, { code: 'WK-9TR4X', huur: { borgCent: 0, beeindiging: 'ONTRUIMD', einddatum: '2026-02-01' } }));
  const filed = await h.gql(woonwenz, `mutation($f: GarantieaanvraagFormulier!) { dienGarantieaanvraagIn(formulier: $f) { id } }`, {
    f: {
      trajectId: id,
      trajectCode: 'WK-9TR4X',
      datumBeeindiging: '2026-02-01',
      soortBeeindiging: 'ONTRUIMD',
      borgCent: 0,
      kostenposten: [{ soort: 'HUURACHTERSTAND_HUURDERVING', bedragCent: cents, bewijs: 'huuradministratie' }],
      evaluatie: 'Evaluatie gehouden met corporatie, zorgaanbieder en casusregisseur.',
      contactpersoonRol: 'verhuurconsulent',
    },
  });
  expect(filed.errors).toBeUndefined();
  const aanvraagId = filed.data.dienGarantieaanvraagIn.id;
  await h.gql(voorzitter, `mutation($b: GarantieBesluitInput!) { besluitOverGarantieaanvraag(besluit: $b) { status } }`, {
    b: { aanvraagId, uitkomst: 'GOEDGEKEURD', motivering: 'Voldoet aan bijlage 3.', besprokenInOverlegOp: '2026-02-20', partijenGeraadpleegd: true },
  });
  return h.gql(fonds, `mutation($id: ID!) { betaalGarantieaanvraagUit(aanvraagId: $id) { nieuwGeboekt saldoCent aanvullingsronde { ronde soort totaalCent } } }`, { id: aanvraagId });
}

beforeAll(async () => {
  h = await startFondsHarness(new Date('2026-03-01T10:00:00Z'));
  await seedGarantiefonds(h.db, [], new Date(h.nowMs));
});
afterAll(async () => {
  await h?.stop();
});

describe('the first round', () => {
  it('asks € 50.000 of the gemeenten, € 50.000 of the corporations and € 1.000 of each care provider, exactly', async () => {
    const ronde1 = (await alle()).bijdragen.filter((b) => b.ronde === 1);
    expect(ronde1).toHaveLength(ALLE_DEELNEMERS.length);
    expect(sum(ronde1.filter((b) => b.soort === 'GEMEENTE'))).toBe(5_000_000);
    expect(sum(ronde1.filter((b) => b.soort === 'CORPORATIE'))).toBe(5_000_000);
    expect(ronde1.filter((b) => b.soort === 'ZORGAANBIEDER').every((b) => b.bedragCent === 100_000)).toBe(true);
  });

  it('splits each joint total by the key with largest-remainder rounding: every part within one cent of its exact share', async () => {
    const ronde1 = (await alle()).bijdragen.filter((b) => b.ronde === 1);
    for (const [soort, key] of [
      ['GEMEENTE', SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL],
      ['CORPORATIE', SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL],
    ] as const) {
      const weights = Object.values(key as Record<string, number>).reduce((a, b) => a + b, 0);
      for (const b of ronde1.filter((x) => x.soort === soort)) {
        const exact = (5_000_000 * (key as Record<string, number>)[b.slug]!) / weights;
        expect(Math.abs(b.bedragCent - exact)).toBeLessThan(1);
      }
    }
    const expected = contributionRound(ALLE_DEELNEMERS, STANDAARD_BIJDRAGE_CONFIG);
    expect(expected.ok).toBe(true);
    if (expected.ok) {
      expect(Object.fromEntries(ronde1.map((b) => [b.deelnemer, b.bedragCent]))).toEqual(
        Object.fromEntries(expected.value.map((b) => [partyKey(b), b.cents])),
      );
    }
  });

  it('shows which contributions are still due, and their total', async () => {
    const view = await alle();
    const due = (await h.gql(fonds, '{ garantiefonds { bijdragen(openstaand: true) { deelnemer status } } }')).data.garantiefonds.bijdragen;
    expect(due.map((b: { deelnemer: string }) => b.deelnemer).sort()).toEqual([...SEED_OPENSTAAND].sort());
    expect(view.bijdragenOpenstaandCent).toBe(sum(view.bijdragen.filter((b) => b.status === 'OPENSTAAND')));
    expect(view.saldoCent).toBe(sum(view.bijdragen.filter((b) => b.status === 'BETAALD')));
  });

  it.each([
    { who: beesel, status: ['OPENSTAAND'] },
    { who: venlo, status: ['BETAALD'] },
    { who: { partij: 'ZORGAANBIEDER', organisatie: 'moveoo' } as Persona, status: ['OPENSTAAND'] },
    { who: { partij: 'WERKGROEP' } as Persona, status: [] },
  ])('shows $who.partij $who.gemeente$who.organisatie only its own contributions', async ({ who, status }) => {
    const r = await h.gql(who, '{ mijnBijdragen { deelnemer status } }');
    expect(r.data.mijnBijdragen.map((b: { status: string }) => b.status)).toEqual(status);
  });
});

describe('booking a received contribution', () => {
  const id = (deelnemer: string) => `R1:${deelnemer}`;

  it.each([
    { when: 'a gemeente books its own payment', who: beesel, bijdrage: id('GEMEENTE:beesel'), op: '2026-02-01', code: 'NIET_KASSIER' },
    { when: 'the contribution does not exist', who: fonds, bijdrage: 'R9:GEMEENTE:beesel', op: '2026-02-01', code: 'NIET_GEVONDEN' },
    { when: 'the payment date lies in the future', who: fonds, bijdrage: id('GEMEENTE:beesel'), op: '2026-03-02', code: 'DATUM_ONGELDIG' },
    { when: 'the payment date is not a date', who: fonds, bijdrage: id('GEMEENTE:beesel'), op: '01-02-2026', code: 'DATUM_ONGELDIG' },
  ])('refuses with $code and books nothing when $when', async ({ who, bijdrage, op, code }) => {
    const before = await regels();
    expect(codeOf(await h.gql(who, REGISTER, { id: bijdrage, op }))).toBe(code);
    expect(await regels()).toBe(before);
  });

  it('books the contribution once: the balance rises by its amount, a retry books nothing', async () => {
    const before = await alle();
    const amount = before.bijdragen.find((b) => b.deelnemer === 'GEMEENTE:beesel')!.bedragCent;
    const first = await h.gql(fonds, REGISTER, { id: id('GEMEENTE:beesel'), op: '2026-02-15' });
    expect(first.data.registreerBijdrage).toEqual({
      nieuwGeboekt: true,
      saldoCent: before.saldoCent + amount,
      bijdrage: { id: id('GEMEENTE:beesel'), status: 'BETAALD', betaaldOp: '2026-02-15T00:00:00.000Z' },
      grootboekregel: { id: expect.stringMatching(/^BIJDRAGE:\d+$/), soort: 'BIJDRAGE', bedragCent: amount, bijdrageId: id('GEMEENTE:beesel') },
    });
    const retry = await h.gql(fonds, REGISTER, { id: id('GEMEENTE:beesel'), op: '2026-02-16' });
    expect(retry.data.registreerBijdrage).toEqual(expect.objectContaining({ nieuwGeboekt: false, saldoCent: before.saldoCent + amount }));
    expect((await alle()).bijdragenOpenstaandCent).toBe(before.bijdragenOpenstaandCent - amount);
  });

  it('books exactly one entry when the same contribution is registered six times at once', async () => {
    const before = await regels();
    const results = await Promise.all(Array.from({ length: 6 }, () => h.gql(fonds, REGISTER, { id: id('CORPORATIE:zowonen'), op: '2026-02-20' })));
    expect(results.every((r) => r.errors === undefined)).toBe(true);
    expect(results.filter((r) => r.data.registreerBijdrage.nieuwGeboekt)).toHaveLength(1);
    expect(await regels()).toBe(before + 1);
    expect(await h.db.select().from(grootboek).where(eq(grootboek.bijdrageId, id('CORPORATIE:zowonen')))).toHaveLength(1);
  });
});

describe('joining, leaving and the key', () => {
  it.each([
    { when: 'a corporation admits itself', who: woonwenz, input: { soort: 'CORPORATIE', slug: 'nieuw-wonen', gewicht: 1000 }, code: 'NIET_KASSIER' },
    { when: 'the party already takes part', who: fonds, input: { soort: 'GEMEENTE', slug: 'venlo', gewicht: 1000 }, code: 'DUBBELE_DEELNEMER' },
    { when: 'a gemeente joins without a weight', who: fonds, input: { soort: 'GEMEENTE', slug: 'gennep' }, code: 'GEWICHT_ONGELDIG' },
    { when: 'a corporation joins with weight 0', who: fonds, input: { soort: 'CORPORATIE', slug: 'nieuw-wonen', gewicht: 0 }, code: 'GEWICHT_ONGELDIG' },
    { when: 'the slug is not a slug', who: fonds, input: { soort: 'CORPORATIE', slug: 'Nieuw Wonen', gewicht: 10 }, code: 'DEELNEMER_ONGELDIG' },
  ])('refuses admission with $code when $when', async ({ who, input, code }) => {
    expect(codeOf(await h.gql(who, JOIN, { i: input }))).toBe(code);
  });

  it('asks a joining corporation its share at the new key and leaves the asked rounds as they were', async () => {
    const before = (await alle()).bijdragen;
    const r = await h.gql(fonds, JOIN, { i: { soort: 'CORPORATIE', slug: 'nieuw-wonen', gewicht: 5_000 } });
    expect(r.errors).toBeUndefined();
    const key = { ...SYNTHETISCHE_CORPORATIE_VERDEELSLEUTEL, 'nieuw-wonen': 5_000 };
    const expected = splitProRata(5_000_000, key);
    expect(expected.ok).toBe(true);
    expect(r.data.treedToeTotFonds).toEqual({
      deelnemer: { id: 'CORPORATIE:nieuw-wonen', soort: 'CORPORATIE', slug: 'nieuw-wonen', gewicht: 5_000, uitgetredenOp: null },
      bijdrage: { id: 'R2:CORPORATIE:nieuw-wonen', ronde: 2, bedragCent: expected.ok ? expected.value['nieuw-wonen'] : -1, status: 'OPENSTAAND' },
    });
    const after = (await alle()).bijdragen.filter((b) => b.ronde === 1);
    expect(after).toEqual(before.filter((b) => b.ronde === 1).map((b) => expect.objectContaining({ id: b.id, bedragCent: b.bedragCent })));
  });

  it('asks a joining care provider € 1.000', async () => {
    const r = await h.gql(fonds, JOIN, { i: { soort: 'ZORGAANBIEDER', slug: 'nieuwe-zorg' } });
    expect(r.data.treedToeTotFonds.bijdrage).toEqual(expect.objectContaining({ bedragCent: 100_000 }));
  });

  it('gives a leaving party nothing back and books nothing', async () => {
    const [saldo, n] = [(await alle()).saldoCent, await regels()];
    const r = await h.gql(fonds, LEAVE, { id: 'CORPORATIE:wonen-zuid' });
    expect(r.data.treedUitFonds).toEqual({ deelnemer: { id: 'CORPORATIE:wonen-zuid', uitgetredenOp: '2026-03-01T10:00:00.000Z' }, terugbetaaldCent: 0 });
    expect([(await alle()).saldoCent, await regels()]).toEqual([saldo, n]);
    expect(codeOf(await h.gql(fonds, LEAVE, { id: 'CORPORATIE:wonen-zuid' }))).toBe('DEELNEMER_ONBEKEND');
    expect(codeOf(await h.gql(fonds, LEAVE, { id: 'CORPORATIE:bestaat-niet' }))).toBe('DEELNEMER_ONBEKEND');
  });

  it.each([
    { gewicht: 0, code: 'GEWICHT_ONGELDIG' },
    { gewicht: -5, code: 'GEWICHT_ONGELDIG' },
  ])('refuses a weight of $gewicht with $code', async ({ gewicht, code }) => {
    expect(codeOf(await h.gql(fonds, `mutation { stelVerdeelsleutelIn(deelnemerId: "GEMEENTE:venlo", gewicht: ${gewicht}) { gewicht } }`))).toBe(code);
  });

  it('splits the next replenishment round at the changed key: the joiners in, the leaver out, each total exact', async () => {
    const set = await h.gql(fonds, `mutation { stelVerdeelsleutelIn(deelnemerId: "GEMEENTE:venlo", gewicht: 120000) { id gewicht } }`);
    expect(set.data.stelVerdeelsleutelIn).toEqual({ id: 'GEMEENTE:venlo', gewicht: 120_000 });
    const saldo = (await alle()).saldoCent;
    const paid = await betaalClaim(saldo - 2_400_000);
    expect(paid.errors).toBeUndefined();
    expect(paid.data.betaalGarantieaanvraagUit.aanvullingsronde).toEqual({ ronde: 4, soort: 'AANVULLING', totaalCent: 5_000_000 + 5_000_000 + 19 * 100_000 });
    const ronde4 = (await alle()).bijdragen.filter((b) => b.ronde === 4);
    expect(ronde4.map((b) => b.deelnemer)).toContain('CORPORATIE:nieuw-wonen');
    expect(ronde4.map((b) => b.deelnemer)).not.toContain('CORPORATIE:wonen-zuid');
    expect(sum(ronde4.filter((b) => b.soort === 'CORPORATIE'))).toBe(5_000_000);
    expect(sum(ronde4.filter((b) => b.soort === 'GEMEENTE'))).toBe(5_000_000);
    const gemeenteKey = { ...SYNTHETISCHE_GEMEENTE_VERDEELSLEUTEL, venlo: 120_000 };
    const expected = splitProRata(5_000_000, gemeenteKey);
    expect(ronde4.find((b) => b.deelnemer === 'GEMEENTE:venlo')!.bedragCent).toBe(expected.ok ? expected.value.venlo : -1);
  });
});

describe('winding up the fund', () => {
  it('refuses with OPENSTAANDE_AANVRAGEN while a claim awaits a decision', async () => {
    const id = 'opheffing-traject';
    h.cases.set(id, negatiefBeeindigd(id, { code: 'WK-9TR4Y', huur: { borgCent: 0, beeindiging: 'ONTRUIMD', einddatum: '2026-02-01' } }));
    const filed = await h.gql(woonwenz, `mutation($f: GarantieaanvraagFormulier!) { dienGarantieaanvraagIn(formulier: $f) { id } }`, {
      f: { trajectId: id, trajectCode: 'WK-9TR4Y', datumBeeindiging: '2026-02-01', soortBeeindiging: 'ONTRUIMD', borgCent: 0, kostenposten: [{ soort: 'MUTATIEKOSTEN', bedragCent: 10_000, bewijs: 'opnameformulier' }], evaluatie: 'Geëvalueerd.', contactpersoonRol: 'verhuurconsulent' },
    });
    const r = await h.gql(fonds, `mutation { hefFondsOp(besluit: "Besluit alle partijen 2026-02-28") { saldoCent } }`);
    expect(codeOf(r)).toBe('OPENSTAANDE_AANVRAGEN');
    await h.gql(voorzitter, `mutation($b: GarantieBesluitInput!) { besluitOverGarantieaanvraag(besluit: $b) { status } }`, {
      b: { aanvraagId: filed.data.dienGarantieaanvraagIn.id, uitkomst: 'AFGEWEZEN', motivering: 'Overeenkomst eindigt; afgewezen.', besprokenInOverlegOp: '2026-02-27', partijenGeraadpleegd: true },
    });
  });

  it('refuses a winding-up without a reference to the decision (MOTIVERING_ONTBREEKT) or by anyone but the cashier (NIET_KASSIER)', async () => {
    expect(codeOf(await h.gql(fonds, `mutation { hefFondsOp(besluit: " ") { saldoCent } }`))).toBe('MOTIVERING_ONTBREEKT');
    expect(codeOf(await h.gql(voorzitter, `mutation { hefFondsOp(besluit: "x") { saldoCent } }`))).toBe('NIET_KASSIER');
  });

  it('returns the remainder to the remaining parties pro rata to their original contributions, to the cent, and ends at 0', async () => {
    const ledger = (await h.gql(fonds, '{ garantiefonds { saldoCent grootboek { soort bedragCent deelnemer } deelnemers { id uitgetredenOp } } }')).data.garantiefonds;
    const remaining = ledger.saldoCent as number;
    const actief = (ledger.deelnemers as { id: string; uitgetredenOp: string | null }[]).filter((d) => d.uitgetredenOp === null).map((d) => d.id);
    const original: Record<string, number> = {};
    for (const e of ledger.grootboek as { soort: string; bedragCent: number; deelnemer: string }[]) {
      if (e.soort === 'BIJDRAGE' && actief.includes(e.deelnemer) && !(e.deelnemer in original)) original[e.deelnemer] = e.bedragCent;
    }
    for (const id of actief) original[id] ??= 0;
    const expected = splitProRata(remaining, original);
    expect(expected.ok).toBe(true);

    const r = await h.gql(fonds, `mutation { hefFondsOp(besluit: "Besluit alle partijen 2026-02-28") { saldoCent restituties { soort bedragCent deelnemer } } }`);
    expect(r.errors).toBeUndefined();
    const restituties = r.data.hefFondsOp.restituties as { soort: string; bedragCent: number; deelnemer: string }[];
    expect(r.data.hefFondsOp.saldoCent).toBe(0);
    expect(restituties.reduce((s, x) => s + x.bedragCent, 0)).toBe(-remaining);
    expect(Object.fromEntries(restituties.map((x) => [x.deelnemer, -x.bedragCent]))).toEqual(
      Object.fromEntries(Object.entries(expected.ok ? expected.value : {}).filter(([, v]) => v > 0)),
    );
    expect(restituties.map((x) => x.deelnemer)).not.toContain('CORPORATIE:wonen-zuid');
    // A party that joined and never paid had no original contribution: it gets nothing back.
    expect(restituties.map((x) => x.deelnemer)).not.toContain('CORPORATIE:nieuw-wonen');
    const after = await alle();
    expect(after.saldoCent).toBe(0);
    expect(after.bijdragenOpenstaandCent).toBe(0);
    expect(after.bijdragen.filter((b) => b.status === 'OPENSTAAND')).toEqual([]);
    expect((await h.db.select().from(bijdragen).where(eq(bijdragen.id, 'R1:GEMEENTE:venlo')))[0]!.vervallenOp).toBeNull();
  });

  it.each([
    { what: 'booking a contribution', who: fonds, query: `mutation { registreerBijdrage(bijdrageId: "R2:CORPORATIE:nieuw-wonen", betaaldOp: "2026-03-01") { nieuwGeboekt } }` },
    { what: 'admitting a party', who: fonds, query: `mutation { treedToeTotFonds(input: { soort: ZORGAANBIEDER, slug: "later" }) { deelnemer { id } } }` },
    { what: 'winding up again', who: fonds, query: `mutation { hefFondsOp(besluit: "nogmaals") { saldoCent } }` },
  ])('refuses $what with FONDS_OPGEHEVEN once the fund was wound up', async ({ who, query }) => {
    const before = await regels();
    expect(codeOf(await h.gql(who, query))).toBe('FONDS_OPGEHEVEN');
    expect(await regels()).toBe(before);
  });

  it('refuses a new claim with FONDS_OPGEHEVEN once the fund was wound up', async () => {
    const id = 'na-opheffing';
    h.cases.set(id, negatiefBeeindigd(id, { code: 'WK-9TR4Z', huur: { borgCent: 0, beeindiging: 'ONTRUIMD', einddatum: '2026-02-01' } }));
    const r = await h.gql(woonwenz, `mutation($f: GarantieaanvraagFormulier!) { dienGarantieaanvraagIn(formulier: $f) { id } }`, {
      f: { trajectId: id, trajectCode: 'WK-9TR4Z', datumBeeindiging: '2026-02-01', soortBeeindiging: 'ONTRUIMD', borgCent: 0, kostenposten: [{ soort: 'MUTATIEKOSTEN', bedragCent: 10_000, bewijs: 'opnameformulier' }], evaluatie: 'Geëvalueerd.', contactpersoonRol: 'verhuurconsulent' },
    });
    expect(codeOf(r)).toBe('FONDS_OPGEHEVEN');
  });
});
