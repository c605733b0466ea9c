/**
 * Every door, one answer (DESIGN §3b, issue 11 §4): over the demo data, every persona of DESIGN §2
 * asks which cases exist for it through each way into the regisseur — the gateway (`trajecten`, and
 * `traject(id)`), `_entities` sent straight to the subgraph, and `POST /beleidscontext` — and the three agree, case
 * by case, on whether the case exists for it and in which phase. One function decides for all of
 * them: `hasRelation` (a cell of the policy table for the caller's relation in the case's phase).
 *
 * The regisseur's two other plain routes hold to the same: `POST /routeplanner` refuses an act on a
 * case the caller may not know exactly as on an id that does not exist, and `POST /bewaartermijn`
 * answers a subgraph only of the cases its rows may belong to (`houdtRijenVan`): at least every case
 * it can see or holds rows of, never one it could not have held.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { CORPORATIES, GEMEENTEN, ZORGAANBIEDERS } from '../../schema/vocabulary.js';
import { randomUUID } from 'node:crypto';
import { aanvragen } from '../../subgraphs/garantiefonds/db/tables.js';
import { huurovereenkomsten, woningaanbiedingen } from '../../subgraphs/corporatie/db/tables.js';
import { POLICY_CONTEXT_PATH } from '../../subgraphs/common/policy-context.js';
import { BEWAARTERMIJN_PATH } from '../../subgraphs/common/retention/route.js';
import { ROUTEPLANNER_PATH } from '../../subgraphs/common/routeplanner-client.js';
import { selecties, trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { HUUR_FEITEN } from '../../subgraphs/regisseur/routeplanner/transitions.js';
import { seedDemo, startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
let cases: { id: string; betrokkene: string; fase: string; gemeente: string; regio: string; gematcht: string | null; uitkomst: string | null; feiten: Record<string, unknown> }[];

beforeAll(async () => {
  fed = await startTestFederation();
  const db = (name: keyof TestFederation['subgraphs']) => fed.subgraphs[name].database.db;
  await seedDemo(fed);
  cases = await db('regisseur')
    .select({ id: trajecten.id, betrokkene: trajecten.betrokkene, fase: trajecten.fase, gemeente: trajecten.gemeente, regio: trajecten.regio, gematcht: trajecten.gematcht, uitkomst: trajecten.uitkomst, feiten: trajecten.feiten })
    .from(trajecten);
});
afterAll(async () => {
  await fed?.stop();
});

const personas = (): [string, Persona][] => [
  ...Object.keys(GEMEENTEN).map((g): [string, Persona] => [`gemeente ${g}`, { partij: 'GEMEENTE', gemeente: g }]),
  ['regisseur Noord-Limburg', { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' }],
  ['Voorzitter Midden-Limburg', { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG', rol: 'VOORZITTER' }],
  ...CORPORATIES.map((c): [string, Persona] => [`corporatie ${c}`, { partij: 'CORPORATIE', organisatie: c }]),
  ...ZORGAANBIEDERS.map((z): [string, Persona] => [`zorgaanbieder ${z}`, { partij: 'ZORGAANBIEDER', organisatie: z }]),
  ['garantiefonds', { partij: 'GARANTIEFONDS' }],
  ['werkgroep', { partij: 'WERKGROEP' }],
  ['toezicht', { partij: 'TOEZICHT' }],
  // A handful of residents, each of whom must see exactly their own cases.
  ...[...new Set(cases.map((c) => c.betrokkene))].slice(0, 6).map((sub): [string, Persona] => [`inwoner ${sub}`, { partij: 'INWONER', sub }]),
];

/** Per door, the cases that exist for the persona, as `id fase`. */
async function doors(persona: Persona): Promise<Record<string, string[]>> {
  const ids = cases.map((c) => c.id);
  const list = await fed.gql<any>(persona, `{ trajecten(eerste: 500) { id fase } }`);
  // The Werkgroep and Toezicht cannot even ask (static refusal): no case exists for them.
  const gateway = list.data ? (list.data.trajecten as { id: string; fase: string }[]).map((t) => `${t.id} ${t.fase}`) : [];
  const entities = await fed.direct<any>('regisseur', persona, `query($r: [_Any!]!) { _entities(representations: $r) { ... on Traject { id fase } } }`, {
    r: ids.map((id) => ({ __typename: 'Traject', id })),
  });
  const direct = (entities.data?._entities ?? []).filter((e: unknown) => e !== null).map((e: { id: string; fase: string }) => `${e.id} ${e.fase}`);
  const res = await fetch(fed.subgraphs.regisseur.url.replace(/\/graphql$/, POLICY_CONTEXT_PATH), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fed.token(persona)}` },
    body: JSON.stringify({ trajectIds: ids }),
  });
  const contexten = ((await res.json()) as { contexten?: Record<string, { fase: string } | null> }).contexten ?? {};
  const context = Object.entries(contexten).flatMap(([id, c]) => (c ? [`${id} ${c.fase}`] : []));
  // A list may hold less than every case the caller relates to (the fund works from its claims and
  // lists none): a case another door opened is asked by id at the gateway as well.
  const listed = new Set(gateway.map((x) => x.split(' ')[0]));
  const byId = [...new Set([...direct, ...context].map((x) => x.split(' ')[0]!))].filter((id) => !listed.has(id));
  if (byId.length > 0 && list.data) {
    const one = await fed.gql<any>(persona, `{ ${byId.map((id, i) => `c${i}: traject(id: ${JSON.stringify(id)}) { id fase }`).join(' ')} }`);
    for (const t of Object.values(one.data ?? {}) as ({ id: string; fase: string } | null)[]) if (t) gateway.push(`${t.id} ${t.fase}`);
  }
  return { gateway: gateway.sort(), entities: direct.sort(), beleidscontext: context.sort() };
}

describe('every door gives one answer', () => {
  it('every persona of DESIGN §2 × every demo case: the gateway, _entities and /beleidscontext agree', { timeout: 120_000 }, async () => {
    const differences: string[] = [];
    let seen = 0;
    for (const [naam, persona] of personas()) {
      const d = await doors(persona);
      seen += d['gateway']!.length;
      for (const door of ['entities', 'beleidscontext']) {
        const a = new Set(d['gateway']);
        const b = new Set(d[door]);
        for (const x of a) if (!b.has(x)) differences.push(`${naam}: gateway has ${x}, ${door} not`);
        for (const x of b) if (!a.has(x)) differences.push(`${naam}: ${door} has ${x}, gateway not`);
      }
    }
    expect(differences).toEqual([]);
    // Not vacuous: the demo data holds cases in every phase, so many doors opened.
    expect(seen).toBeGreaterThan(400);
  });

  it('the fund learns nothing of a case before it is housed, not even that its id exists', async () => {
    const early = cases.filter((c) => ['MELDING', 'ONDERZOEK', 'BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST'].includes(c.fase));
    const d = await doors({ partij: 'GARANTIEFONDS' });
    for (const door of Object.values(d)) for (const c of early) expect(door.some((x) => x.startsWith(c.id))).toBe(false);
  });
});

/** POSTs to one of the regisseur's plain routes with the persona's token. */
async function route(persona: Persona, path: string, body: unknown): Promise<{ status: number; json: any }> {
  const res = await fetch(fed.subgraphs.regisseur.url.replace(/\/graphql$/, path), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fed.token(persona)}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

async function gatewayIds(persona: Persona): Promise<Set<string>> {
  return new Set((await doors(persona))['gateway']!.map((x) => x.split(' ')[0]!));
}

describe('the routeplanner door', () => {
  /** The act each party would try; `versie: -1` never matches, so nothing is ever written. */
  const HANDELING: Record<string, string> = { GEMEENTE: 'ONDERZOEK_GESTART', CORPORATIE: 'HUUROVEREENKOMST_GETEKEND' };

  it('refuses an act on a case the caller may not know exactly as on an unknown id', { timeout: 120_000 }, async () => {
    // A sample over every phase keeps the run short: six cases per phase at most.
    const perFase = new Map<string, typeof cases>();
    for (const c of cases) perFase.set(c.fase, [...(perFase.get(c.fase) ?? []), c].slice(0, 6));
    const sample = [...perFase.values()].flat();
    expect(perFase.size).toBeGreaterThanOrEqual(6);
    const mismatches: string[] = [];
    let hidden = 0;
    for (const [naam, persona] of personas()) {
      const handeling = HANDELING[persona.partij] ?? 'AFGESLOTEN';
      const answer = async (trajectId: string) => {
        const r = await route(persona, ROUTEPLANNER_PATH, { act: 'HANDELING', trajectId, handeling, versie: -1 });
        expect(r.json.traject, `${naam}: versie -1 must never write`).toBeUndefined();
        return `${r.status} ${r.json.fout?.code} ${r.json.fout?.extensions?.reden ?? ''}`;
      };
      const unknown = await answer(randomUUID());
      const visible = await gatewayIds(persona);
      for (const c of sample) {
        const a = await answer(c.id);
        if (!visible.has(c.id)) {
          hidden++;
          if (a !== unknown) mismatches.push(`${naam} ${c.fase} ${c.id}: "${a}" where an unknown id gets "${unknown}"`);
        } else if (a.endsWith(' ONBEKEND')) mismatches.push(`${naam} ${c.fase} ${c.id}: visible at the gateway, ONBEKEND here`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(hidden).toBeGreaterThan(100);
  });

  it("refuses the end of a lease without its date, or with no calendar date, and records nothing", async () => {
    const c = cases.find((x) => x.fase === 'GEHUISVEST' && x.gematcht === 'woonwenz' && x.feiten[HUUR_FEITEN.BEEINDIGD] === undefined);
    expect(c).toBeDefined();
    const woonwenz: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz' };
    for (const datum of [undefined, '2028-13-01', '2028-01-01T00:00:00Z', 20280101]) {
      const r = await route(woonwenz, ROUTEPLANNER_PATH, { act: 'HUUR_BEEINDIGD', trajectId: c!.id, beeindiging: 'ONTRUIMD', ...(datum === undefined ? {} : { datum }) });
      expect(r.json.traject, String(datum)).toBeUndefined();
      expect(r.json.fout?.code, String(datum)).toBe('ONGELDIGE_INVOER');
    }
    const [row] = await fed.subgraphs.regisseur.database.db.select({ feiten: trajecten.feiten }).from(trajecten).where(eq(trajecten.id, c!.id));
    expect(row?.feiten[HUUR_FEITEN.BEEINDIGD]).toBeUndefined();
    expect(row?.feiten[HUUR_FEITEN.EINDDATUM]).toBeUndefined();
  });
});

describe('the bewaartermijn door', () => {
  const negatief = (c: (typeof cases)[number]) =>
    ['ONTRUIMD', 'VERTROKKEN'].includes(String(c.feiten[HUUR_FEITEN.BEEINDIGD] ?? '')) || (c.uitkomst ?? '').startsWith('HUUR_BEEINDIGD_NEGATIEF');

  /** The ids the persona's subgraph holds rows of, read from that subgraph's own tables. */
  async function ownRows(persona: Persona): Promise<Set<string>> {
    const db = (name: keyof TestFederation['subgraphs']) => fed.subgraphs[name].database.db;
    switch (persona.partij) {
      case 'CORPORATIE': {
        const offers = await db('corporatie').select({ id: woningaanbiedingen.trajectId, c: woningaanbiedingen.corporatie }).from(woningaanbiedingen);
        const leases = await db('corporatie').select({ id: huurovereenkomsten.trajectId, c: huurovereenkomsten.corporatie }).from(huurovereenkomsten);
        return new Set([...offers, ...leases].filter((r) => r.c === persona.organisatie).map((r) => r.id));
      }
      case 'GARANTIEFONDS':
        return new Set((await db('garantiefonds').select({ id: aanvragen.trajectId }).from(aanvragen)).map((r) => r.id));
      default:
        return new Set();
    }
  }

  it('answers each party of the cases it can see or holds rows of, and of no case it could not hold', async () => {
    const sel = await fed.subgraphs.regisseur.database.db.select().from(selecties);
    const ooitGeselecteerd = (id: string, corporatie: string) => sel.some((s) => s.trajectId === id && s.corporatie === corporatie);
    const houdbaar: [string, Persona, (c: (typeof cases)[number]) => boolean][] = [
      ['gemeente venlo', { partij: 'GEMEENTE', gemeente: 'venlo' }, (c) => c.gemeente === 'venlo'],
      ['regisseur Noord-Limburg', { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' }, (c) => c.regio === 'NOORD_LIMBURG'],
      ...CORPORATIES.map((o): [string, Persona, (c: (typeof cases)[number]) => boolean] => [
        `corporatie ${o}`,
        { partij: 'CORPORATIE', organisatie: o },
        (c) => c.gematcht === o || ooitGeselecteerd(c.id, o),
      ]),
      ['garantiefonds', { partij: 'GARANTIEFONDS' }, negatief],
    ];
    const ids = cases.map((c) => c.id);
    for (const [naam, persona, mag] of houdbaar) {
      const r = await route(persona, BEWAARTERMIJN_PATH, { trajectIds: [...ids, randomUUID()] });
      expect(r.status, naam).toBe(200);
      const answered = new Set<string>([...r.json.verlopen, ...r.json.lopend]);
      const upper = new Set(cases.filter(mag).map((c) => c.id));
      const outside = [...answered].filter((id) => !upper.has(id));
      expect(outside, `${naam} learns of cases it could not hold`).toEqual([]);
      const needed = new Set([...(await gatewayIds(persona)), ...(await ownRows(persona))]);
      const missing = [...needed].filter((id) => !answered.has(id));
      expect(missing, `${naam} cannot learn when its own rows expire`).toEqual([]);
      expect(answered.size, naam).toBeGreaterThan(0);
    }
  });

  it('parties without a subgraph of their own may not ask', async () => {
    for (const persona of [{ partij: 'ZORGAANBIEDER', organisatie: ZORGAANBIEDERS[0] }, { partij: 'WERKGROEP' }, { partij: 'TOEZICHT' }] as Persona[]) {
      const r = await route(persona, BEWAARTERMIJN_PATH, { trajectIds: cases.map((c) => c.id).slice(0, 5) });
      expect(r.status).toBe(403);
      expect(r.json.fout.code).toBe('NIET_BEVOEGD');
    }
  });
});

describe('paging through a list', () => {
  it('pages of trajecten are full, in order, without gaps or repeats; a cursor the caller may not see is refused as an unknown one', async () => {
    const lijst = `query($n: Int, $na: ID) { trajecten(eerste: $n, na: $na) { id } }`;
    for (const persona of [{ partij: 'GEMEENTE', gemeente: 'venlo' }, { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG' }, { partij: 'CORPORATIE', organisatie: CORPORATIES[0] }] as Persona[]) {
      const all = ((await fed.gql<any>(persona, lijst, { n: 500 })).data.trajecten as { id: string }[]).map((t) => t.id);
      expect(all.length).toBeGreaterThan(7);
      const paged: string[] = [];
      let na: string | undefined;
      for (;;) {
        const r = await fed.gql<any>(persona, lijst, { n: 7, na });
        expect(r.errors).toBeUndefined();
        const page = (r.data.trajecten as { id: string }[]).map((t) => t.id);
        paged.push(...page);
        if (page.length < 7) break;
        na = page[page.length - 1];
      }
      expect(paged).toEqual(all);
    }
    const gemeente: Persona = { partij: 'GEMEENTE', gemeente: 'venlo' };
    const elders = cases.find((c) => c.gemeente !== 'venlo')!;
    const refused = await Promise.all([elders.id, randomUUID()].map((na) => fed.gql<any>(gemeente, lijst, { n: 5, na })));
    const answers = refused.map((r) => JSON.stringify({ data: r.data, codes: r.errors?.map((e: any) => [e.extensions.code, e.extensions.veld, e.message]) }));
    expect(answers[0]).toBe(answers[1]);
    expect(refused[0]!.errors?.[0]?.extensions?.['code']).toBe('ONGELDIGE_INVOER');
  });
});
