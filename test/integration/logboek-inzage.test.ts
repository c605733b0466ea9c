/**
 * The rights and oversight side of the access log, through the gateway: the resident sees who
 * (which organisation) accessed which of their data, when, why and on which basis — only their own,
 * newest first, paged — and a forged key reveals nothing; the privacy officer sees every log's
 * metadata and the yearly counts, never a personal value.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { buildLogboekRegister, buildRegister } from '../../scripts/register/build.js';
import { actActivities } from '../../scripts/register/acts.js';
import { actRows } from '../../schema/acts.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import { SUBGRAPH_NAMES, SUBGRAPH_TYPEDEFS } from '../../subgraphs/catalog.js';
import { activityId } from '../../subgraphs/common/logboek/index.js';
import { createSleutelCodec, type SleutelCodec } from '../../subgraphs/common/logboek/sleutel.js';
import { trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import {
  BSN,
  GEMEENTE_VENLO,
  GEZONDHEID,
  PROFIEL,
  REGISSEUR_NL,
  WOONWENZ,
  toBemiddeling,
  toCorporatiegesprek,
  toOnderzoek,
  type WalkedCase,
} from '../helpers/walk.js';

let fed: TestFederation;
/** Keys signed with the federation's own key: what an insider could make, not a resident. */
let insider: SleutelCodec;
let anna: WalkedCase & { inwoner: Persona; betrokkene: string };
let bram: WalkedCase & { inwoner: Persona; betrokkene: string };
let start: string;
let doorbrekingId: string;
const TOEZICHT: Persona = { partij: 'TOEZICHT', sub: 'fg-woonkans' };
const SUBS = ['consulent-venlo', 'ketenregisseur', 'verhuur-woonwenz'];

function ok(res: { data: unknown; errors?: unknown }, what: string): any {
  if (res.errors || !res.data) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

async function resident(naam: string) {
  const c = await toCorporatiegesprek(fed, await toBemiddeling(fed, await toOnderzoek(fed, naam)), ['woonwenz']);
  const [row] = await fed.subgraphs.regisseur.database.db.select({ betrokkene: trajecten.betrokkene }).from(trajecten).where(eq(trajecten.id, c.id));
  return { ...c, betrokkene: row!.betrokkene, inwoner: { partij: 'INWONER', sub: row!.betrokkene } as Persona };
}

const read = async (who: Persona, id: string, selection: string) =>
  fed.gql(who, `query($id: ID!) { traject(id: $id) { ${selection} } }`, { id });

beforeAll(async () => {
  fed = await startTestFederation();
  insider = createSleutelCodec(fed.sleutelKey);
  anna = await resident('Anna Inzage');
  bram = await resident('Bram Inzage');
  start = new Date().toISOString();

  ok(await read(GEMEENTE_VENLO, anna.id, 'inwoner { naam gezondheid }'), 'gemeente leest Anna');
  ok(await read(GEMEENTE_VENLO, bram.id, 'inwoner { naam }'), 'gemeente leest Bram');
  ok(await read(REGISSEUR_NL, anna.id, 'inwoner { naam } bemiddelingsprofiel { woonsituatie }'), 'regisseur leest Anna');
  ok(await read(WOONWENZ, anna.id, 'bemiddelingsprofiel { conclusie }'), 'woonwenz leest het profiel');
  // A refusal: disclosed nothing, so not in the resident's overview, but in the privacy officer's.
  const refused = await read(WOONWENZ, anna.id, 'inwoner { naam }');
  expect(refused.errors?.[0]?.extensions?.['code']).toBe('DOSERING_GEWEIGERD');
  // Conflict van plichten: shared with woonwenz without consent.
  const criteria = Object.fromEntries(
    ['alles_gedaan_voor_toestemming_of_vragen_onverantwoord', 'ernstige_schade_voor_ander_te_voorkomen', 'gewetensnood_professional', 'doorbreken_geheim_kan_schade_voorkomen', 'geen_andere_weg', 'zo_min_mogelijk_gedeeld'].map((c) => [c, true]),
  );
  doorbrekingId = ok(
    await fed.gql(REGISSEUR_NL, `mutation($i: DoorbrekingInput!) { registreerDoorbreking(input: $i) { id } }`, {
      i: { trajectId: anna.id, ontvangerPartij: 'CORPORATIE', ontvangerOrganisatie: 'woonwenz', velden: ['Inwoner.gezondheid'], criteria, motivering: 'Acuut gevaar voor de buren; inwoner onbereikbaar.', tot: new Date(Date.now() + 7 * 86_400_000).toISOString() },
    }),
    'doorbreking',
  ).registreerDoorbreking.id;
  ok(await read(WOONWENZ, anna.id, 'inwoner { gezondheid }'), 'woonwenz leest met doorbreking');
  ok(await fed.gql(WOONWENZ, `mutation($id: ID!) { doeWoningaanbod(trajectId: $id, input: { omschrijving: "Tweekamerappartement Maasboulevard", kernHuurprijsCent: 61000 }) { id } }`, { id: anna.id }), 'aanbod');
  ok(await read(WOONWENZ, anna.id, 'woningaanbod { omschrijving }'), 'woonwenz leest het aanbod');
  ok(await read(REGISSEUR_NL, bram.id, 'bemiddelingsprofiel { woonsituatie }'), 'regisseur leest Bram');
  // Bram objects to his consent (counted in the regisseur's yearly account).
  const [consent] = ok(await fed.gql(bram.inwoner, `{ mijnToestemmingen { id } }`), 'toestemmingen').mijnToestemmingen;
  ok(await fed.gql(bram.inwoner, `mutation($id: ID!) { maakBezwaar(id: $id, toelichting: "Ik wil dit niet meer.") { id } }`, { id: consent.id }), 'bezwaar');
});

afterAll(async () => {
  await fed?.stop();
});

const REGEL = 'tijdstip organisatie partij trajectCode velden categorieen doel grondslag zonderToestemming';
const INZAGE = `query($van: String, $eerste: Int, $na: String) { mijnInzage(van: $van) {
  gemeente(eerste: $eerste, na: $na) { regels { ${REGEL} } volgende }
  regisseur { regels { ${REGEL} } volgende }
  corporatie { regels { ${REGEL} } volgende }
  garantiefonds { regels { ${REGEL} } volgende }
} }`;

const regel = (r: Partial<Record<string, unknown>>) => ({ tijdstip: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), trajectCode: anna.code, zonderToestemming: false, ...r });

/**
 * The leaf fields of each row. Beside them the log also records that the case and its objects
 * were read (`Query.traject`, `Traject.inwoner`: existence is data too) and the acts done on the
 * case (`Mutation.…`, `handelingen`); these tests pin the leaves.
 */
const bladen = (regels: any[]) =>
  regels
    .map((r) => ({ ...r, velden: r.velden.filter((v: string) => !/^(Query|Traject|Mutation)\./.test(v)) }))
    .filter((r) => r.velden.length > 0);
/** The acts done on the case, each recorded with its change. */
const handelingen = (regels: any[]) => regels.filter((r) => r.velden.some((v: string) => v.startsWith('Mutation.'))).map((r) => [r.organisatie, r.velden]);

describe('inzage (AVG art. 15)', () => {
  it('shows Anna every access to her data, per organisation’s log, newest first, organisations not employees', async () => {
    const res = await fed.gql(anna.inwoner, INZAGE, { van: start });
    const inzage = ok(res, 'inzage').mijnInzage;
    expect({ ...inzage.gemeente, regels: bladen(inzage.gemeente.regels) }).toEqual({
      volgende: null,
      regels: [
        regel({ organisatie: 'woonwenz', partij: 'CORPORATIE', velden: ['Inwoner.gezondheid'], categorieen: ['GEZONDHEID'], doel: 'PASSENDE_WONING', grondslag: 'CONFLICT_VAN_PLICHTEN', zonderToestemming: true }),
        regel({ organisatie: 'regio-noord-limburg', partij: 'REGISSEUR', velden: ['Inwoner.naam'], categorieen: ['IDENTITEIT'], doel: expect.any(String), grondslag: 'WMO_PUBLIEKE_TAAK' }),
        regel({ organisatie: 'gemeente-venlo', partij: 'GEMEENTE', velden: ['Inwoner.gezondheid'], categorieen: ['GEZONDHEID'], doel: 'PASSENDE_ONDERSTEUNING', grondslag: expect.any(String) }),
        regel({ organisatie: 'gemeente-venlo', partij: 'GEMEENTE', velden: ['Inwoner.naam'], categorieen: ['IDENTITEIT'], doel: 'PASSENDE_ONDERSTEUNING', grondslag: 'WMO_PUBLIEKE_TAAK' }),
      ],
    });
    expect(bladen(inzage.regisseur.regels).map((r: any) => [r.organisatie, r.velden])).toEqual([
      ['woonwenz', ['Bemiddelingsprofiel.conclusie']],
      ['regio-noord-limburg', ['Bemiddelingsprofiel.woonsituatie']],
    ]);
    // The acts on her case are accesses too: the regisseur's recorded override is in her overview.
    expect(handelingen(inzage.regisseur.regels)).toEqual([['regio-noord-limburg', ['Mutation.registreerDoorbreking']]]);
    expect(bladen(inzage.corporatie.regels).map((r: any) => [r.organisatie, r.velden, r.trajectCode])).toEqual([['woonwenz', ['Woningaanbod.omschrijving'], anna.code]]);
    expect(inzage.garantiefonds).toEqual({ regels: [], volgende: null });
    const tijden = inzage.gemeente.regels.map((r: any) => r.tijdstip);
    expect([...tijden].sort().reverse()).toEqual(tijden);
    const text = JSON.stringify(res);
    for (const never of [...SUBS, bram.code, 'Bram', 'Anna', BSN, GEZONDHEID]) expect(text).not.toContain(never);
  });

  it('shows Bram only his own accesses', async () => {
    const inzage = ok(await fed.gql(bram.inwoner, INZAGE, { van: start }), 'inzage').mijnInzage;
    // Bram's own reads of his consents are listed too, as "zelf"; here: who else read his data.
    expect(bladen(inzage.regisseur.regels).filter((r: any) => r.organisatie === 'zelf').every((r: any) => r.trajectCode === bram.code)).toBe(true);
    inzage.regisseur.regels = inzage.regisseur.regels.filter((r: any) => r.organisatie !== 'zelf');
    expect(bladen(inzage.gemeente.regels).map((r: any) => [r.organisatie, r.velden, r.trajectCode])).toEqual([['gemeente-venlo', ['Inwoner.naam'], bram.code]]);
    expect(bladen(inzage.regisseur.regels).map((r: any) => [r.organisatie, r.velden, r.trajectCode])).toEqual([['regio-noord-limburg', ['Bemiddelingsprofiel.woonsituatie'], bram.code]]);
    expect(inzage.corporatie.regels).toEqual([]);
  });

  it('pages with eerste and na, losing and repeating nothing', async () => {
    const all = ok(await fed.gql(anna.inwoner, INZAGE, { van: start }), 'alles').mijnInzage.gemeente.regels;
    const first = ok(await fed.gql(anna.inwoner, INZAGE, { van: start, eerste: 3 }), 'pagina 1').mijnInzage.gemeente;
    expect(first.regels).toHaveLength(3);
    expect(first.volgende).toEqual(expect.any(String));
    const second = ok(await fed.gql(anna.inwoner, INZAGE, { van: start, eerste: 3, na: first.volgende }), 'pagina 2').mijnInzage.gemeente;
    expect(second.volgende).toBeNull();
    expect([...first.regels, ...second.regels]).toEqual(all);
  });

  it('limits the overview to the period asked for', async () => {
    const later = new Date(Date.now() + 60_000).toISOString();
    const inzage = ok(await fed.gql(anna.inwoner, INZAGE, { van: later }), 'periode').mijnInzage;
    expect([inzage.gemeente.regels, inzage.regisseur.regels, inzage.corporatie.regels]).toEqual([[], [], []]);
  });

  it('reveals nothing of someone else’s case to a forged key sent straight to a subgraph', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inzage { gemeente { regels { trajectCode velden } } } } }`;
    const forged = insider.encodeInzageSleutel({ trajecten: [{ id: bram.id, code: bram.code }] });
    const res = await fed.direct('gemeente', await fed.token(anna.inwoner), query, { r: [{ __typename: 'Inzage', sleutel: forged }] });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ _entities: [{ gemeente: { regels: [] } }] });
    // The same path answers for her own case, so the empty answer above is the check at work.
    const own = insider.encodeInzageSleutel({ trajecten: [{ id: anna.id, code: anna.code }] });
    const mine = await fed.direct('gemeente', await fed.token(anna.inwoner), query, { r: [{ __typename: 'Inzage', sleutel: own }] });
    expect(mine.data?._entities[0].gemeente.regels.length).toBeGreaterThan(0);
    // A party with a relation to Bram's case is not Bram: the overview is the resident's only.
    const byGemeente = await fed.direct('gemeente', await fed.token(GEMEENTE_VENLO), query, { r: [{ __typename: 'Inzage', sleutel: forged }] });
    expect(byGemeente.data).toEqual({ _entities: [{ gemeente: { regels: [] } }] });
  });

  it('refuses her own key with another case code in it (SLEUTEL_ONGELDIG), instead of echoing that code', async () => {
    const sleutel = ok(await fed.gql(anna.inwoner, `{ mijnInzage { sleutel } }`), 'sleutel').mijnInzage.sleutel as string;
    // The key's JSON part, changed as its holder could: Anna's case, labelled with Bram's code.
    const [payload, ...rest] = sleutel.split('.');
    const value = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8'));
    value.t = value.t.map(([id]: [string]) => [id, bram.code]);
    const altered = [Buffer.from(JSON.stringify(value)).toString('base64url'), ...rest].join('.');
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Inzage { gemeente { regels { trajectCode } } } } }`;
    for (const name of ['gemeente', 'regisseur', 'corporatie'] as const) {
      const res = await fed.direct(name, await fed.token(anna.inwoner), query.replace('gemeente {', `${name} {`), { r: [{ __typename: 'Inzage', sleutel: altered }] });
      expect(res.errors?.[0]?.extensions?.['code'], name).toBe('SLEUTEL_ONGELDIG');
      expect(JSON.stringify(res.data ?? null), name).not.toContain(bram.code);
    }
    const untouched = await fed.direct('gemeente', await fed.token(anna.inwoner), query, { r: [{ __typename: 'Inzage', sleutel }] });
    expect(untouched.data?._entities[0].gemeente.regels.map((r: { trajectCode: string }) => r.trajectCode)).toContain(anna.code);
  });

  it('gives other parties no overview, and refuses bad input with ONGELDIGE_INVOER', async () => {
    expect(ok(await fed.gql(GEMEENTE_VENLO, `{ mijnInzage { sleutel } }`), 'gemeente').mijnInzage).toBeNull();
    const code = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.['code'];
    expect(code(await fed.gql(anna.inwoner, `{ mijnInzage(van: "gisteren") { sleutel } }`))).toBe('ONGELDIGE_INVOER');
    expect(code(await fed.gql(anna.inwoner, `{ mijnInzage(van: "2026-02-01", tot: "2026-01-01") { sleutel } }`))).toBe('ONGELDIGE_INVOER');
    expect(code(await fed.gql(anna.inwoner, `{ mijnInzage { gemeente(eerste: 0) { volgende } } }`))).toBe('ONGELDIGE_INVOER');
    expect(code(await fed.gql(anna.inwoner, `{ mijnInzage { gemeente(na: "geen-cursor") { volgende } } }`))).toBe('ONGELDIGE_INVOER');
    const bad = await fed.direct('gemeente', await fed.token(anna.inwoner), `{ _entities(representations: [{ __typename: "Inzage", sleutel: "x" }]) { ... on Inzage { gemeente { volgende } } } }`);
    expect(code(bad)).toBe('ONGELDIGE_INVOER');
  });
});

const TOEZICHT_REGEL = 'seq tijdstip partij organisatie verwerkingsactiviteitId velden categorieen toegestaan reden grondslag doel fase relatie toestemmingId doorbrekingId traceId spanId parentSpanId';
const jaar = new Date(Date.now() + 3_600_000).getUTCFullYear();

describe('toezicht (FG / auditor)', () => {
  it('shows every log’s metadata and the yearly counts, and no personal value anywhere', async () => {
    const res = await fed.gql(
      TOEZICHT,
      `query($van: String, $jaar: Int!) { toezicht(van: $van) {
        gemeente(eerste: 100) { regels { ${TOEZICHT_REGEL} } volgende }
        regisseur(eerste: 100) { regels { ${TOEZICHT_REGEL} } volgende }
        corporatie(eerste: 100) { regels { ${TOEZICHT_REGEL} } volgende }
        garantiefonds { regels { seq } volgende }
        gemeenteJaarverslag(jaar: $jaar) { jaar van tot conflictVanPlichten { verwerkingen trajecten doorbrekingen } weigeringenPerPartij { partij aantal } toegangPerPartij { partij aantal } }
        doorbrekingenJaarverslag(jaar: $jaar) { jaar doorbrekingen trajecten perOntvanger { partij aantal } criteria { criterium aantal } inwonerGeinformeerd beoordeeld terBeoordeling bezwaren }
      } }`,
      { van: start, jaar },
    );
    const t = ok(res, 'toezicht').toezicht;
    const gemeente = t.gemeente.regels;
    expect(gemeente.find((r: any) => r.doorbrekingId === doorbrekingId)).toMatchObject({
      partij: 'CORPORATIE', organisatie: 'woonwenz', toegestaan: true, grondslag: 'CONFLICT_VAN_PLICHTEN',
      // The override names the leaf; it opens the resident object that holds it, on the same record.
      velden: ['Inwoner.gezondheid', 'Traject.inwoner'],
      verwerkingsactiviteitId: 'gemeente:GEZONDHEID:PASSENDE_WONING', fase: 'CORPORATIEGESPREK', traceId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    // Before the override woonwenz could read nothing of the resident: the object itself was refused.
    expect(gemeente.filter((r: any) => !r.toegestaan).map((r: any) => [r.organisatie, r.velden, r.reden])).toEqual([['woonwenz', ['Traject.inwoner'], expect.any(String)]]);
    expect(t.regisseur.regels.length).toBeGreaterThanOrEqual(3);
    // Beside the one access: the residents' looks at their overviews, logged as reads of the log.
    const lezingen = t.corporatie.regels.filter((r: any) => r.categorieen.includes('LOGBOEK'));
    expect(lezingen.every((r: any) => r.partij === 'INWONER' && r.verwerkingsactiviteitId === 'corporatie:LOGBOEK:INZAGE')).toBe(true);
    expect(bladen(t.corporatie.regels).filter((r: any) => !r.categorieen.includes('LOGBOEK'))).toHaveLength(1);
    expect(t.gemeenteJaarverslag).toMatchObject({
      jaar,
      conflictVanPlichten: { verwerkingen: 1, trajecten: 1, doorbrekingen: 1 },
      weigeringenPerPartij: expect.arrayContaining([{ partij: 'CORPORATIE', aantal: expect.any(Number) }]),
    });
    expect(t.doorbrekingenJaarverslag).toEqual({
      jaar, doorbrekingen: 1, trajecten: 1, perOntvanger: [{ partij: 'CORPORATIE', aantal: 1 }],
      criteria: expect.arrayContaining([{ criterium: 'geen_andere_weg', aantal: 1 }]),
      inwonerGeinformeerd: expect.any(Number), beoordeeld: 0, terBeoordeling: 1, bezwaren: 1,
    });
    expect(t.doorbrekingenJaarverslag.criteria).toHaveLength(6);
    const text = JSON.stringify(res);
    const persoonlijk = ['Anna', 'Bram', BSN, GEZONDHEID, PROFIEL.woonsituatie, PROFIEL.conclusie, 'Maasboulevard', '0600001234', 'Proefstraat', 'Acuut gevaar'];
    for (const never of [...persoonlijk, anna.betrokkene, bram.betrokkene, anna.id, bram.id, anna.code, ...SUBS]) expect(text).not.toContain(never);
  });

  it('filters by party, outcome and trace, and names the user only on a lookup by trace id', async () => {
    const weigeringen = ok(await fed.gql(TOEZICHT, `query($van: String) { toezicht(van: $van) { gemeente(toegestaan: false) { regels { toegestaan partij } } } }`, { van: start }), 'filter').toezicht.gemeente.regels;
    expect(weigeringen).toEqual([{ toegestaan: false, partij: 'CORPORATIE' }]);
    const [row] = ok(await fed.gql(TOEZICHT, `{ toezicht { gemeente(partij: CORPORATIE, toegestaan: true) { regels { traceId doorbrekingId } } } }`), 'partij').toezicht.gemeente.regels;
    expect(row.doorbrekingId).toBe(doorbrekingId);
    const lookup = ok(await fed.gql(TOEZICHT, `query($t: String!) { toezicht { gemeente(traceId: $t) { regels { doorbrekingId } } gemeenteAudit(traceId: $t) { sub partij organisatie traceId } } }`, { t: row.traceId }), 'audit').toezicht;
    expect(lookup.gemeente.regels).toEqual([{ doorbrekingId }]);
    expect(lookup.gemeenteAudit).toEqual([{ sub: 'verhuur-woonwenz', partij: 'CORPORATIE', organisatie: 'woonwenz', traceId: row.traceId }]);
  });

  it('stamps every log row with a processing activity that exists in the register of processing', async () => {
    const register = buildRegister(SUBGRAPH_NAMES.map((name) => ({ name, typeDefs: SUBGRAPH_TYPEDEFS[name]() })));
    const activities = new Set(
      [
        ...register.flatMap((e) => [activityId(e.subgraph, e.categorie, e.doel), ...e.verstrekkingen.map((v) => v.verwerkingsactiviteit)]),
        // The log's own readers (oversight, the resident's overview), logged in turn.
        ...buildLogboekRegister(SUBGRAPH_NAMES).map((e) => e.verwerkingsactiviteit),
        // The acts, each recorded with its change.
        ...actRows().flatMap((row) => actActivities(row).map((a) => a.id)),
      ],
    );
    let rows = 0;
    for (const name of SUBGRAPH_NAMES) {
      const v = logboekVan(name).tables.verwerkingen;
      for (const { id } of await fed.subgraphs[name].database.db.selectDistinct({ id: v.verwerkingsactiviteitId }).from(v)) {
        rows += 1;
        expect(activities, `${name}: ${id}`).toContain(id);
      }
    }
    expect(rows).toBeGreaterThanOrEqual(6);
  });

  it('is for TOEZICHT only, also when a subgraph is asked directly', async () => {
    for (const who of [GEMEENTE_VENLO, REGISSEUR_NL, anna.inwoner]) {
      expect(ok(await fed.gql(who, `{ toezicht { sleutel } }`), 'geen toezicht').toezicht).toBeNull();
    }
    const sleutel = insider.encodeToezichtSleutel({});
    const res = await fed.direct('gemeente', await fed.token(GEMEENTE_VENLO), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Toezicht { gemeente { regels { seq } } } } }`, { r: [{ __typename: 'Toezicht', sleutel }] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NIET_BEVOEGD');
    expect(JSON.stringify(res.data)).not.toContain('seq');
  });
});

describe('the log\'s own readers are logged', () => {
  const v = (name: (typeof SUBGRAPH_NAMES)[number]) => logboekVan(name).tables.verwerkingen;
  const a = (name: (typeof SUBGRAPH_NAMES)[number]) => logboekVan(name).tables.audit;
  const dbOf = (name: (typeof SUBGRAPH_NAMES)[number]) => fed.subgraphs[name].database.db;

  it('records a TOEZICHT read in the log it read: a processing record for oversight and the audit row naming the FG', async () => {
    const res = await fed.gql(
      TOEZICHT,
      `query($jaar: Int!) { toezicht { gemeente(eerste: 1) { regels { seq } } corporatieAudit(traceId: "${'0'.repeat(32)}") { sub } regisseurJaarverslag(jaar: $jaar) { jaar } doorbrekingenJaarverslag(jaar: $jaar) { jaar } } }`,
      { jaar },
    );
    ok(res, 'toezicht');
    const latest = async (name: (typeof SUBGRAPH_NAMES)[number]) =>
      (await dbOf(name).select().from(v(name)).where(eq(v(name).partij, 'TOEZICHT')).orderBy(desc(v(name).seq)).limit(1))[0];
    const gemeente = await latest('gemeente');
    expect(gemeente).toMatchObject({
      partij: 'TOEZICHT', organisatie: expect.any(String), toegestaan: true, reden: null,
      verwerkingsactiviteitId: 'gemeente:LOGBOEK:TOEZICHT', categorieen: ['LOGBOEK'], grondslag: 'WETTELIJKE_PLICHT', doel: 'TOEZICHT',
      velden: ['Toezicht.gemeente'], trajectId: null, betrokkene: null, fase: null, relatie: null,
    });
    expect((await latest('corporatie'))?.velden).toEqual(['Toezicht.corporatieAudit']);
    expect((await latest('regisseur'))?.velden).toEqual(['Toezicht.doorbrekingenJaarverslag', 'Toezicht.regisseurJaarverslag']);
    // The one request has one trace id in every log it read, and the user is named in the audit row.
    const { traceId } = gemeente!;
    expect((await latest('corporatie'))?.traceId).toBe(traceId);
    const [audit] = await dbOf('gemeente').select().from(a('gemeente')).where(eq(a('gemeente').traceId, traceId));
    expect(audit).toMatchObject({ sub: 'fg-woonkans', partij: 'TOEZICHT' });
    // And the FG sees its own earlier reads, like any other.
    const again = ok(await fed.gql(TOEZICHT, `query($t: String!) { toezicht { gemeente(traceId: $t) { regels { partij velden doel } } gemeenteAudit(traceId: $t) { sub } } }`, { t: traceId }), 'terug').toezicht;
    expect(again.gemeente.regels).toEqual([{ partij: 'TOEZICHT', velden: ['Toezicht.gemeente'], doel: 'TOEZICHT' }]);
    expect(again.gemeenteAudit).toEqual([{ sub: 'fg-woonkans' }]);
  });

  it('records a refused attempt by another party as a refusal', async () => {
    const sleutel = insider.encodeToezichtSleutel({});
    const res = await fed.direct('corporatie', await fed.token(WOONWENZ), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Toezicht { corporatie { regels { seq } } } } }`, { r: [{ __typename: 'Toezicht', sleutel }] });
    expect(res.errors?.[0]?.extensions?.['code']).toBe('NIET_BEVOEGD');
    const [row] = await dbOf('corporatie').select().from(v('corporatie')).orderBy(desc(v('corporatie').seq)).limit(1);
    expect(row).toMatchObject({ partij: 'CORPORATIE', toegestaan: false, reden: 'PARTIJ', velden: ['Toezicht.corporatie'], verwerkingsactiviteitId: 'corporatie:LOGBOEK:TOEZICHT' });
  });

  it('records the resident\'s look at her overview in every log she read, per own case, and leaves it out of the overview', async () => {
    const first = ok(await fed.gql(anna.inwoner, INZAGE, { van: start }), 'inzage').mijnInzage;
    for (const name of ['gemeente', 'regisseur', 'corporatie', 'garantiefonds'] as const) {
      const rows = await dbOf(name)
        .select()
        .from(v(name))
        .where(and(eq(v(name).trajectId, anna.id), eq(v(name).verwerkingsactiviteitId, `${name}:LOGBOEK:INZAGE`)));
      expect(rows.length, name).toBeGreaterThan(0);
      expect(rows.at(-1), name).toMatchObject({
        partij: 'INWONER', betrokkene: anna.betrokkene, toegestaan: true, grondslag: 'INZAGERECHT', doel: 'INZAGE',
        categorieen: ['LOGBOEK'], velden: [`Inzage.${name}`], relatie: 'ZELF', fase: 'CORPORATIEGESPREK',
      });
    }
    // Looking again shows the same: her own looks are not accesses by anyone else.
    const second = ok(await fed.gql(anna.inwoner, INZAGE, { van: start }), 'nog eens').mijnInzage;
    expect(second).toEqual(first);
  });

  it('fails closed: when the read cannot be recorded, the answer carries no log data', async () => {
    const gemeente = dbOf('gemeente');
    await gemeente.execute(sql.raw(`alter table gemeente.verwerkingen add constraint logboek_lezing_kapot check (seq < 0) not valid`));
    try {
      const res = await fed.gql(TOEZICHT, `{ toezicht { gemeente(eerste: 5) { regels { seq traceId velden } } regisseur(eerste: 1) { regels { seq } } } }`);
      expect(res.errors?.map((e: any) => e.extensions?.code)).toContain('TOEGANGSLOG_ONBEREIKBAAR');
      expect((res.data as any)?.toezicht?.gemeente ?? null).toBeNull();
      // Whatever else arrives, nothing of the gemeente's log: no trace id, no field of its rows.
      expect(JSON.stringify(res.data ?? null)).not.toMatch(/Toezicht\.gemeente|Inwoner\./);
      const direct = await fed.direct('gemeente', await fed.token(TOEZICHT), `query($r: [_Any!]!) { _entities(representations: $r) { ... on Toezicht { gemeente { regels { seq } } gemeenteAudit(traceId: "${'0'.repeat(32)}") { sub } } } }`, { r: [{ __typename: 'Toezicht', sleutel: insider.encodeToezichtSleutel({}) }] });
      expect(direct.data ?? null).toBeNull();
      expect(direct.errors?.map((e: any) => e.extensions?.code)).toEqual(['TOEGANGSLOG_ONBEREIKBAAR']);
    } finally {
      await gemeente.execute(sql.raw(`alter table gemeente.verwerkingen drop constraint logboek_lezing_kapot`));
    }
    const [{ n }] = (await gemeente.select({ n: sql<number>`count(*)::int` }).from(v('gemeente')).where(eq(v('gemeente').partij, 'TOEZICHT'))) as [{ n: number }];
    const res = ok(await fed.gql(TOEZICHT, `{ toezicht { gemeente(eerste: 1) { regels { seq } } } }`), 'hersteld');
    expect(res.toezicht.gemeente.regels).toHaveLength(1);
    const [{ n: after }] = (await gemeente.select({ n: sql<number>`count(*)::int` }).from(v('gemeente')).where(eq(v('gemeente').partij, 'TOEZICHT'))) as [{ n: number }];
    expect(after).toBe(n + 1);
  });
});
