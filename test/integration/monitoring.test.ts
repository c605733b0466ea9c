/**
 * The Werkgroep's monitoring over the real federation: only the Werkgroep gets figures, every other
 * party null with DOSERING_GEWEIGERD; small cells are suppressed and cannot be recomputed from the
 * totals the API hands out; no case id, code or resident reference ever appears; bad arguments get a
 * specific code. One case is walked through the real acts so the rows are proven to come from what
 * the routeplanner actually records, the rest is written straight into the regisseur's tables.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { WERKGROEP_QUERY } from '../../gateway/werkgroep/query.js';
import type { Cijfer } from '../../schema/monitoring/kubus.js';
import { OVERIGE_REDENEN } from '../../schema/monitoring/figures.js';
import { laadMonitoringRijen } from '../../subgraphs/regisseur/monitoring/rijen.js';
import {
  synthetischeGevallen,
  zaaiGevallen,
  ZELDZAME_REDEN,
  type GezaaideGevallen,
  type TestGeval,
} from '../../subgraphs/regisseur/monitoring/testing.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

/** The query without the garantiefonds' part: this file tests the regisseur's figures. */
const QUERY = WERKGROEP_QUERY.replace(/\n\s*garantiefonds \{[^}]*\}/, '');
const WERKGROEP = { partij: 'WERKGROEP' } as const satisfies Persona;
const JAAR_2025 = { periode: 'JAAR', van: '2025-01-01', tot: '2026-01-01', regio: null } as const;

/** A gemeente with 3 cases and one with 2 in 2025; none in Bergen and Nederweert. */
const KLEIN: TestGeval[] = [
  ...['2025-02-03T10:00:00Z', '2025-05-20T10:00:00Z', '2025-09-09T10:00:00Z'].map((op) => ({ gemeente: 'beesel', aangemeldOp: op, fase: 'ONDERZOEK' as const })),
  ...['2025-03-03T10:00:00Z', '2025-11-11T10:00:00Z'].map((op) => ({ gemeente: 'maasgouw', aangemeldOp: op, fase: 'MELDING' as const })),
];
/** Two decisions without consent and one objection in 2025, one decision in 2024. */
const ZONDER: TestGeval[] = [
  { gemeente: 'venlo', aangemeldOp: '2024-06-01T10:00:00Z', fase: 'GEHUISVEST', doorbrekingOp: '2024-12-01T10:00:00Z' },
  { gemeente: 'venlo', aangemeldOp: '2024-07-01T10:00:00Z', fase: 'GEHUISVEST', doorbrekingOp: '2025-02-01T10:00:00Z', bezwaarOp: '2025-03-01T10:00:00Z' },
  { gemeente: 'roermond', aangemeldOp: '2024-08-01T10:00:00Z', fase: 'BEMIDDELING', doorbrekingOp: '2025-04-01T10:00:00Z' },
];
const GROOT = {
  venlo: 30, venray: 12, 'horst-aan-de-maas': 12, 'peel-en-maas': 12,
  roermond: 18, weert: 15, leudal: 10, 'echt-susteren': 9, roerdalen: 6,
};

let fed: TestFederation;
let gezaaid: GezaaideGevallen;
let synthetisch: TestGeval[];
beforeAll(async () => {
  fed = await startTestFederation();
  synthetisch = synthetischeGevallen({ seed: 'monitoring-it', aantal: 320, van: '2024-01-01', tot: '2026-01-01', nu: '2026-06-01T00:00:00Z', gemeenten: GROOT });
  gezaaid = await zaaiGevallen(fed.subgraphs.regisseur.database.db, [...synthetisch, ...KLEIN, ...ZONDER]);
});
afterAll(async () => {
  await fed?.stop();
});

type Monitoring = {
  drempel: number;
  perPeriode: { periode: string; aangemeld: Cijfer; doelgroep: Cijfer; gehuisvest: Cijfer; nietDoelgroepRegulier: Cijfer; nietDoelgroepAnders: Cijfer }[];
  perGemeente: { gemeente: string; regio: string; aangemeld: Cijfer; gehuisvest: Cijfer }[];
  doelen: { regio: string; jaar: number; doel: number; gerealiseerd: Cijfer }[];
  doorlooptijd: { mediaanDagen: number | null; onderdrukt: boolean };
  fasenNu: { fase: string; aantal: Cijfer }[];
  gesprekken: { leiddeTotHuisvesting: Cijfer; nietGeleid: Cijfer; redenen: { reden: string; aantal: Cijfer }[] };
  zelfstandig: { naEenJaar: Cijfer; naTweeJaar: Cijfer };
  zonderToestemming: { gedeeld: number; bezwaren: number };
};

async function monitoring(vars: Record<string, unknown>, who: Persona = WERKGROEP): Promise<Monitoring> {
  const res = await fed.gql<{ monitoring: Monitoring }>(who, QUERY, vars);
  expect(res.errors).toBeUndefined();
  return res.data!.monitoring;
}

/** Every count object in an answer. */
function cijfers(value: unknown, out: Cijfer[] = []): Cijfer[] {
  if (Array.isArray(value)) for (const v of value) cijfers(v, out);
  else if (value && typeof value === 'object') {
    if ('onderdrukt' in value && 'waarde' in value) out.push(value as Cijfer);
    else for (const v of Object.values(value)) cijfers(v, out);
  }
  return out;
}
const gemeente = (m: Monitoring, slug: string) => m.perGemeente.find((g) => g.gemeente === slug)!;
const inJaar = (g: TestGeval, jaar: string) => g.aangemeldOp.startsWith(jaar);

describe('who gets figures', () => {
  const anderen: Persona[] = [
    { partij: 'GEMEENTE', gemeente: 'venlo' },
    { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' },
    { partij: 'CORPORATIE', organisatie: 'woonwenz' },
    { partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils' },
    { partij: 'INWONER', sub: 'inwoner-test' },
    { partij: 'GARANTIEFONDS' },
    { partij: 'TOEZICHT' },
  ];

  it.each(anderen.map((p) => [p.partij, p] as const))('gives %s null and DOSERING_GEWEIGERD (reden PARTIJ)', async (_, persona) => {
    const res = await fed.gql(persona, QUERY, JAAR_2025);
    expect(res.data).toEqual({ monitoring: null });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.path).toEqual(['monitoring']);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'DOSERING_GEWEIGERD', reden: 'PARTIJ', partij: persona.partij, veld: 'Query.monitoring' });
    expect(JSON.stringify(res)).not.toMatch(/"waarde"/);
  });

  it('refuses a party that goes around the gateway, also through the entity key', async () => {
    const corp = { partij: 'CORPORATIE', organisatie: 'woonwenz' } as const;
    const direct = await fed.direct('regisseur', corp, '{ monitoring(periode: JAAR, van: "2025-01-01", tot: "2026-01-01") { drempel } }');
    expect(direct.data).toEqual({ monitoring: null });
    expect(direct.errors![0]!.extensions).toMatchObject({ code: 'DOSERING_GEWEIGERD', reden: 'PARTIJ' });
    const entities = await fed.direct(
      'regisseur',
      corp,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Monitoring { drempel perGemeente { gemeente aangemeld { waarde } } } } }',
      { r: [{ __typename: 'Monitoring', sleutel: 'm1|JAAR|2025-01-01|2026-01-01|*' }] },
    );
    expect(entities.data).toEqual({ _entities: [null] });
    expect(entities.errors![0]!.extensions).toMatchObject({ code: 'DOSERING_GEWEIGERD', partij: 'CORPORATIE' });
    const anoniem = await fed.direct('regisseur', null, '{ monitoring(periode: JAAR, van: "2025-01-01", tot: "2026-01-01") { drempel } }');
    expect(anoniem.errors![0]!.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(anoniem.data ?? null).toBeNull();
  });

  it('answers the Werkgroep through the entity key exactly as through the query', async () => {
    const viaQuery = await fed.direct('regisseur', WERKGROEP, '{ monitoring(periode: JAAR, van: "2025-01-01", tot: "2026-01-01", regio: MIDDEN_LIMBURG) { sleutel drempel perGemeente { gemeente aangemeld { waarde onderdrukt } } } }');
    expect(viaQuery.data.monitoring.sleutel).toBe('m1|JAAR|2025-01-01|2026-01-01|MIDDEN_LIMBURG');
    const viaKey = await fed.direct(
      'regisseur',
      WERKGROEP,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Monitoring { sleutel drempel perGemeente { gemeente aangemeld { waarde onderdrukt } } } } }',
      { r: [{ __typename: 'Monitoring', sleutel: viaQuery.data.monitoring.sleutel }] },
    );
    expect(viaKey.data._entities).toEqual([viaQuery.data.monitoring]);
  });

  it('gives the Werkgroep no case at all: refused up front, or an empty list and null for a known id and code', async () => {
    const res = await fed.gql(WERKGROEP, 'query($id: ID!, $code: String!) { trajecten { id } traject(id: $id) { id } trajectOpCode(code: $code) { id } }', {
      id: gezaaid.ids[0],
      code: gezaaid.codes[0],
    });
    // Either answer holds no case: the gateway's static contract may refuse the fields before anything runs.
    if (res.data === undefined) {
      expect(res.errors!.map((e) => e.extensions?.['reden'])).toEqual(['PARTIJ', 'PARTIJ', 'PARTIJ']);
    } else {
      expect(res.data).toEqual({ trajecten: [], traject: null, trajectOpCode: null });
    }
  });
});

describe('suppression in the API output', () => {
  it('hides a gemeente with 1–4 cases in the range, and shows 0 for none', async () => {
    const m = await monitoring(JAAR_2025);
    expect(m.drempel).toBe(5);
    expect(gemeente(m, 'beesel').aangemeld).toEqual({ waarde: null, onderdrukt: true });
    expect(gemeente(m, 'maasgouw').aangemeld).toEqual({ waarde: null, onderdrukt: true });
    expect(gemeente(m, 'bergen').aangemeld).toEqual({ waarde: 0, onderdrukt: false });
    expect(gemeente(m, 'nederweert').aangemeld).toEqual({ waarde: 0, onderdrukt: false });
  });

  it('shows the true count where it shows one', async () => {
    const m = await monitoring(JAAR_2025);
    const alle = [...synthetisch, ...KLEIN, ...ZONDER].filter((g) => inJaar(g, '2025'));
    expect(m.perPeriode).toHaveLength(1);
    expect(m.perPeriode[0]!.aangemeld).toEqual({ waarde: alle.length, onderdrukt: false });
    const venlo = alle.filter((g) => g.gemeente === 'venlo').length;
    expect(gemeente(m, 'venlo').aangemeld).toEqual({ waarde: venlo, onderdrukt: false });
  });

  it.each([
    ['MAAND', null], ['MAAND', 'NOORD_LIMBURG'], ['MAAND', 'MIDDEN_LIMBURG'], ['HALFJAAR', null], ['JAAR', 'MIDDEN_LIMBURG'],
  ] as const)('never shows a count of 1 … 4 (%s, %s)', async (periode, regio) => {
    const m = await monitoring({ periode, van: '2024-01-01', tot: '2026-01-01', regio });
    const alle = cijfers(m);
    expect(alle.length).toBeGreaterThan(20);
    for (const c of alle) {
      if (c.onderdrukt) expect(c.waarde).toBeNull();
      else expect(c.waarde === 0 || c.waarde! >= 5).toBe(true);
    }
    expect(alle.some((c) => c.onderdrukt)).toBe(true);
  });

  it('hides a complement so no hidden gemeente follows from its regio total, and no regio from the grand total', async () => {
    const beide = await monitoring(JAAR_2025);
    const noord = await monitoring({ ...JAAR_2025, regio: 'NOORD_LIMBURG' });
    const midden = await monitoring({ ...JAAR_2025, regio: 'MIDDEN_LIMBURG' });
    for (const [regio, m] of [['NOORD_LIMBURG', noord], ['MIDDEN_LIMBURG', midden]] as const) {
      const leden = beide.perGemeente.filter((g) => g.regio === regio);
      // The regio view is cut from the same suppression, never computed again.
      expect(m.perGemeente).toEqual(leden);
      for (const maat of ['aangemeld', 'gehuisvest'] as const) {
        const totaal = maat === 'aangemeld' ? m.perPeriode[0]!.aangemeld : m.perPeriode[0]!.gehuisvest;
        const lijn = [...leden.map((g) => g[maat]), totaal];
        expect(lijn.filter((c) => c.onderdrukt).length, `${regio} ${maat}`).not.toBe(1);
      }
    }
    for (const maat of ['aangemeld', 'doelgroep', 'gehuisvest', 'nietDoelgroepRegulier', 'nietDoelgroepAnders'] as const) {
      const lijn = [noord.perPeriode[0]![maat], midden.perPeriode[0]![maat], beide.perPeriode[0]![maat]];
      expect(lijn.filter((c) => c.onderdrukt).length, maat).not.toBe(1);
    }
    // Beesel (3) is hidden; something else in Noord-Limburg must be hidden with it.
    expect(noord.perGemeente.filter((g) => g.aangemeld.onderdrukt).length).toBeGreaterThanOrEqual(2);
  });

  it('gives the same cell to every question, so no two answers differ by a hidden month (issue 11)', async () => {
    const jaar = await monitoring({ periode: 'MAAND', van: '2025-01-01', tot: '2026-01-01', regio: null });
    const kwartalen = await monitoring({ periode: 'KWARTAAL', van: '2025-01-01', tot: '2026-01-01', regio: null });
    for (const [i, k] of kwartalen.perPeriode.entries()) {
      const q = await monitoring({ periode: 'MAAND', van: `2025-${String(3 * i + 1).padStart(2, '0')}-01`, tot: i === 3 ? '2026-01-01' : `2025-${String(3 * i + 4).padStart(2, '0')}-01`, regio: null });
      // The months of a quarter asked alone are the months of the year asked at once.
      expect(q.perPeriode).toEqual(jaar.perPeriode.slice(3 * i, 3 * i + 3));
      expect(k.periode).toBe(`2025-K${i + 1}`);
      // Months, quarter and year are cells of one table: where all are shown, they add up.
      if (!k.aangemeld.onderdrukt && q.perPeriode.every((p) => !p.aangemeld.onderdrukt)) {
        expect(q.perPeriode.reduce((n, p) => n + p.aangemeld.waarde!, 0)).toBe(k.aangemeld.waarde);
      }
      for (const g of q.perGemeente) expect(g.aangemeld.onderdrukt || g.aangemeld.waarde === 0 || g.aangemeld.waarde! >= 5, g.gemeente).toBe(true);
    }
  });

  it('hides a month total that would give away a hidden regio month', async () => {
    const beide = await monitoring({ periode: 'MAAND', van: '2025-01-01', tot: '2026-01-01', regio: null });
    const noord = await monitoring({ periode: 'MAAND', van: '2025-01-01', tot: '2026-01-01', regio: 'NOORD_LIMBURG' });
    const midden = await monitoring({ periode: 'MAAND', van: '2025-01-01', tot: '2026-01-01', regio: 'MIDDEN_LIMBURG' });
    beide.perPeriode.forEach((p, i) => {
      const lijn = [noord.perPeriode[i]!.aangemeld, midden.perPeriode[i]!.aangemeld, p.aangemeld];
      expect(lijn.filter((c) => c.onderdrukt).length, p.periode).not.toBe(1);
    });
    for (const m of [noord, midden, beide]) {
      const lijn = m.perPeriode.map((p) => p.aangemeld);
      // Months add up to the year; the year is the regio's total in the JAAR view.
      if (lijn.filter((c) => c.onderdrukt).length > 0) expect(lijn.filter((c) => c.onderdrukt).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('never names a rare reason; merges it into "Overige redenen"', async () => {
    const m = await monitoring({ periode: 'JAAR', van: '2024-01-01', tot: '2026-01-01', regio: null });
    const redenen = m.gesprekken.redenen.map((r) => r.reden);
    expect(redenen).toContain('Geen passende woning beschikbaar');
    expect(redenen).not.toContain(ZELDZAME_REDEN);
    expect(JSON.stringify(m)).not.toContain(ZELDZAME_REDEN);
    if (synthetisch.some((g) => g.gesprekken?.some((s) => s.toelichting === ZELDZAME_REDEN))) expect(redenen).toContain(OVERIGE_REDENEN);
  });

  it('carries no case id, code or resident reference anywhere in the response', async () => {
    const bodies = await Promise.all(
      [JAAR_2025, { periode: 'MAAND', van: '2024-01-01', tot: '2026-01-01', regio: 'NOORD_LIMBURG' }].map(async (v) => {
        const r = await fetch(`${fed.gatewayUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await fed.token(WERKGROEP)}` },
          body: JSON.stringify({ query: QUERY, variables: v }),
        });
        return r.text();
      }),
    );
    for (const body of bodies) {
      expect(body).toContain('"perGemeente"');
      for (const secret of [...gezaaid.ids, ...gezaaid.codes, ...gezaaid.betrokkenen]) expect(body).not.toContain(secret);
      expect(body).not.toMatch(/WK-[2-9A-HJ-NP-Z]{5}/);
      expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    }
  });
});

describe('the other figures', () => {
  it('counts decisions without consent and objections in the range and the regio', async () => {
    expect((await monitoring(JAAR_2025)).zonderToestemming).toEqual({ gedeeld: 2, bezwaren: 1 });
    expect((await monitoring({ ...JAAR_2025, regio: 'MIDDEN_LIMBURG' })).zonderToestemming).toEqual({ gedeeld: 1, bezwaren: 0 });
    expect((await monitoring({ periode: 'JAAR', van: '2024-01-01', tot: '2025-01-01', regio: null })).zonderToestemming).toEqual({ gedeeld: 1, bezwaren: 0 });
  });

  it('lists every phase now and the targets per regio and year', async () => {
    const m = await monitoring({ periode: 'HALFJAAR', van: '2024-01-01', tot: '2026-01-01', regio: null });
    expect(m.fasenNu.map((f) => f.fase)).toEqual(['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST', 'AFGESLOTEN']);
    expect(m.doelen.map((d) => [d.regio, d.jaar, d.doel])).toEqual([
      ['NOORD_LIMBURG', 2024, 120], ['NOORD_LIMBURG', 2025, 120], ['MIDDEN_LIMBURG', 2024, 100], ['MIDDEN_LIMBURG', 2025, 100],
    ]);
    expect(m.perPeriode.map((p) => p.periode)).toEqual(['2024-H1', '2024-H2', '2025-H1', '2025-H2']);
    expect(m.doorlooptijd.onderdrukt).toBe(false);
    expect(m.doorlooptijd.mediaanDagen).toBeGreaterThanOrEqual(40);
    expect(m.zelfstandig.naEenJaar.waarde).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  it.each([
    [{ ...JAAR_2025, van: '2025-01-15' }, 'van'],
    [{ ...JAAR_2025, tot: '2024-01-01' }, 'tot'],
    [{ periode: 'MAAND', van: '1990-01-01', tot: '2026-01-01', regio: null }, 'tot'],
    [{ periode: 'MAAND', van: '2020-01-01', tot: '2025-02-01', regio: null }, 'tot'],
    // Issue 11: ranges a month apart were subtracted into a hidden month. Only fixed periods are answered.
    [{ periode: 'MAAND', van: '2024-01-01', tot: '2024-03-01', regio: null }, 'tot'],
    [{ periode: 'KWARTAAL', van: '2024-02-01', tot: '2024-05-01', regio: null }, 'van'],
  ])('refuses %j with ONGELDIGE_INVOER on %s and no figures', async (vars, veld) => {
    const res = await fed.gql(WERKGROEP, QUERY, vars);
    expect(res.data).toEqual({ monitoring: null });
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'ONGELDIGE_INVOER', veld });
  });

  it('refuses an unknown periode or regio before anything runs', async () => {
    for (const [vars, type] of [[{ ...JAAR_2025, periode: 'WEEK' }, 'Periode'], [{ ...JAAR_2025, regio: 'ZUID_LIMBURG' }, 'Regio']] as const) {
      const res = await fed.gql(WERKGROEP, QUERY, vars);
      expect(res.status).toBe(400);
      expect(res.data ?? null).toBeNull();
      expect(res.errors![0]!.message).toContain(`"${type}" enum`);
    }
  });
});

describe('rows from the real acts', () => {
  it('counts a case walked from melding to housing exactly as the routeplanner recorded it', async () => {
    const consulent = { partij: 'GEMEENTE', gemeente: 'nederweert' } as const;
    const regisseur = { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG' } as const;
    const woonik = { partij: 'CORPORATIE', organisatie: 'woonik' } as const;
    const ok = async <T = any>(who: Persona, q: string, v?: Record<string, unknown>): Promise<T> => {
      const res = await fed.gql<T>(who, q, v);
      expect(res.errors, q).toBeUndefined();
      return res.data as T;
    };
    const vandaag = new Date().toISOString().slice(0, 10);
    const { registreerMelding: t } = await ok(consulent, `mutation { registreerMelding(input: { gemeente: "nederweert", ingediendDoor: ZORGAANBIEDER, zorgaanbieder: "moveoo", machtigingOp: "${vandaag}", naam: "Test Persoon" }) { id versie } }`);
    const id = t.id as string;
    let versie = (await ok(consulent, 'mutation($id: ID!, $v: Int!) { startOnderzoek(trajectId: $id, versie: $v) { versie } }', { id, v: t.versie })).startOnderzoek.versie;
    await ok(consulent, `mutation($id: ID!) { legOnderzoekVast(trajectId: $id, input: { gesprekOp: "${vandaag}", woonsituatie: "dakloos" }) { id } }`, { id });
    await ok(consulent, 'mutation($id: ID!) { beoordeelDoelgroep(trajectId: $id, doelgroep: true, toelichting: "past") { id } }', { id });
    await ok(consulent, `mutation($id: ID!) { ondertekenOndersteuningsplan(trajectId: $id, input: { doelen: "zelfstandig wonen", ondertekendOp: "${vandaag}", ondertekendDoor: "inwoner" }) { id } }`, { id });
    const tot = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    await ok(consulent, `mutation($id: ID!) { registreerToestemming(input: { trajectId: $id, ontvangerPartij: REGISSEUR, categorieen: [IDENTITEIT, CONTACT, GEZONDHEID], doel: MATCH_BEMIDDELING, richting: VERSTREKKEN, gegevenOp: "${vandaag}", geldigTot: "${tot}", ondertekendDoor: INWONER }) { id } }`, { id });
    versie = (await ok(consulent, 'mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { versie } }', { id, v: versie })).draagOver.versie;
    await ok(regisseur, 'mutation($id: ID!) { legProfielVast(trajectId: $id, profiel: { geslacht: "v", woonsituatie: "a", huishouden: "b", daginvulling: "c", mobiliteit: "d", sociaalNetwerk: "e", socialeRedzaamheid: "f", financien: "g", conclusie: "h" }) { id } }', { id });
    await ok(regisseur, 'mutation($id: ID!) { selecteerCorporaties(trajectId: $id, corporaties: ["woonik", "wonen-limburg"]) { id } }', { id });
    versie = (await ok(regisseur, 'mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { versie } }', { id, v: versie })).rondProfielAf.versie;
    await ok(regisseur, 'mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "woonik", uitkomst: INTERESSE) { id } }', { id });
    await ok(regisseur, 'mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "wonen-limburg", uitkomst: GEEN_INTERESSE, toelichting: "Geen passende woning beschikbaar") { id } }', { id });
    versie = (await ok(regisseur, 'mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "woonik") { versie } }', { id, v: versie })).spreekMatchAf.versie;
    await ok(woonik, `mutation($id: ID!, $v: Int!) { tekenHuurovereenkomst(trajectId: $id, versie: $v, input: { zorgaanbieder: "moveoo", contractvorm: HUURDER, driePartijenOvereenkomst: true, adresWoning: "Kerkstraat 1, Nederweert", ingangsdatum: "${vandaag}", kaleHuurCent: 55000, borgCent: 60000 }) { id } }`, { id, v: versie });

    const rijen = await laadMonitoringRijen(fed.subgraphs.regisseur.database.db, new Date());
    const eigen = rijen.filter((r) => r.gemeente === 'nederweert');
    expect(eigen).toEqual([
      {
        gemeente: 'nederweert',
        regio: 'MIDDEN_LIMBURG',
        partner: 'moveoo',
        aangemeldOp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        fase: 'GEHUISVEST',
        uitkomst: null,
        nietDoelgroepReden: null,
        reguliereHuurGelukt: null,
        gehuisvestOp: eigen[0]!.aangemeldOp,
        gehuisvestGemeente: null,
        zelfstandigNa1Jaar: null,
        zelfstandigNa2Jaar: null,
        gesprekken: [
          { corporatie: 'wonen-limburg', leiddeTotHuisvesting: false, reden: 'Geen passende woning beschikbaar' },
          { corporatie: 'woonik', leiddeTotHuisvesting: true, reden: null },
        ],
      },
    ]);
    // One case is below the threshold: the Werkgroep sees Nederweert as hidden, never as 1.
    const maand = eigen[0]!.aangemeldOp.slice(0, 7);
    const [j, mm] = maand.split('-').map(Number) as [number, number];
    const volgende = mm === 12 ? `${j + 1}-01-01` : `${j}-${String(mm + 1).padStart(2, '0')}-01`;
    const m = await monitoring({ periode: 'MAAND', van: `${maand}-01`, tot: volgende, regio: 'MIDDEN_LIMBURG' });
    expect(gemeente(m, 'nederweert').aangemeld).toEqual({ waarde: null, onderdrukt: true });
    expect(gemeente(m, 'nederweert').gehuisvest).toEqual({ waarde: null, onderdrukt: true });
  });
});

describe('cost', () => {
  it('prints how long the figures take on this data size, cold and cached', async () => {
    const vars = { periode: 'MAAND', van: '2024-01-01', tot: '2026-01-01', regio: null };
    const antwoorden: Monitoring[] = [];
    const tijd = async (v: Record<string, unknown>) => {
      const t0 = performance.now();
      antwoorden.push(await monitoring(v));
      return Math.round(performance.now() - t0);
    };
    const koud = await tijd(vars);
    const warm = await tijd(vars);
    const regio = await tijd({ ...vars, regio: 'NOORD_LIMBURG' });
    const jaar = await tijd({ ...vars, periode: 'JAAR' });
    const aantal = (await laadMonitoringRijen(fed.subgraphs.regisseur.database.db, new Date())).length;
    console.log(`monitoring over ${aantal} trajecten via de gateway: MAAND 24 mnd koud ${koud} ms, zelfde vraag ${warm} ms, andere regio ${regio} ms, JAAR ${jaar} ms`);
    // Timing is only printed (a loaded CI machine makes it noisy); the cached answer must be the same.
    expect(antwoorden[1]).toEqual(antwoorden[0]);
  });
});
