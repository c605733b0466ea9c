/**
 * Every door, one answer (DESIGN §3b, issue 11 §4): over the demo data, every persona of DESIGN §2
 * asks which cases exist for it through each way into the regisseur — the gateway (`trajecten`, and
 * `traject(id)`), `_entities` sent straight to the subgraph, and `POST /beleidscontext` — and the three agree, case
 * by case, on whether the case exists for it and in which phase. One function decides for all of
 * them: `hasRelation` (a cell of the policy table for the caller's relation in the case's phase).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { CORPORATIES, GEMEENTEN, ZORGAANBIEDERS } from '../../schema/vocabulary.js';
import { seedDemoData } from '../../scripts/demo-data/index.js';
import { POLICY_CONTEXT_PATH } from '../../subgraphs/common/policy-context.js';
import { trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
let cases: { id: string; betrokkene: string; fase: string }[];

beforeAll(async () => {
  fed = await startTestFederation();
  const db = (name: keyof TestFederation['subgraphs']) => fed.subgraphs[name].database.db;
  await seedDemoData({ gemeente: db('gemeente'), regisseur: db('regisseur'), corporatie: db('corporatie'), garantiefonds: db('garantiefonds') }, new Date());
  cases = await db('regisseur').select({ id: trajecten.id, betrokkene: trajecten.betrokkene, fase: trajecten.fase }).from(trajecten);
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
  it('every persona of DESIGN §2 × every demo case: the gateway, _entities and /beleidscontext agree', async () => {
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
