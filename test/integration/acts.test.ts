/**
 * The acts table against the running subgraphs: every mutation × party × role × relation × phase
 * the table can tell apart, over real HTTP with real tokens, straight to the subgraph that serves it.
 * The expectation is derived from the table (`schema/acts.ts`) and the relation oracle of the dosing
 * proofs, not from the guard's own code. A refusal must carry the row's code and reason and change
 * nothing (every table of the subgraphs involved, hashed before and after); an allowed act must get
 * past the guard (success, or a refusal of the act's own domain rules).
 */
import { eq, sql } from 'drizzle-orm';
import { buildASTSchema, parse, type GraphQLField } from 'graphql';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { ACTS, ACT_CODES, actRows, type ActRule, type ActWeigering, type Subgraaf } from '../../schema/acts.js';
import { FASEN, type Fase } from '../../schema/vocabulary.js';
import { huurovereenkomsten } from '../../subgraphs/corporatie/db/tables.js';
import { aanvragen, bijdragen } from '../../subgraphs/garantiefonds/db/tables.js';
import { registreerBijdrage } from '../../subgraphs/garantiefonds/operations/contributions.js';
import { seedGarantiefonds } from '../../subgraphs/garantiefonds/seed.js';
import { casusoverleggen, toestemmingen, trajecten } from '../../subgraphs/regisseur/db/tables.js';
import type { Db } from '../../subgraphs/common/database.js';
import { MATRIX_PERSONAS, buildDosingCases, callerVan, oracleHeeftRelatie, oracleRelaties, seedDosingCases, type DosingCase, type NamedPersona } from '../helpers/dosing-fixtures.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { PROFIEL } from '../helpers/walk.js';

let fed: TestFederation;

// ─── Who calls: every party in every relation the table names, and the Voorzitter role ─────────

const VOORZITTERS: readonly NamedPersona[] = [
  { naam: 'Voorzitter eigen regio', persona: { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER', sub: 'voorzitter-nl' } },
  { naam: 'Voorzitter andere regio', persona: { partij: 'REGISSEUR', regio: 'MIDDEN_LIMBURG', rol: 'VOORZITTER', sub: 'voorzitter-ml' } },
];
const personasFor = (c: DosingCase): NamedPersona[] => [
  ...MATRIX_PERSONAS,
  ...VOORZITTERS,
  { naam: 'inwoner zelf', persona: { partij: 'INWONER', sub: c.ctx.betrokkene } },
];

/** The table's answer for this caller and case, read with the oracle's relations. */
function expected(rule: ActRule, persona: Persona, c: DosingCase): ActWeigering | 'TOEGESTAAN' {
  const caller = callerVan(persona);
  const rows = rule.mag.filter((g) => g.partij === caller.partij && (g.rol === undefined || g.rol === caller.rol));
  if (rows.length === 0) return 'PARTIJ';
  if (rule.traject === null) return 'TOEGESTAAN';
  if (!oracleHeeftRelatie(caller, c.ctx)) return 'ONBEKEND';
  const relaties = oracleRelaties(caller, c.ctx);
  const fitting = rows.filter((g) => g.relatie !== 'GEEN' && relaties.includes(g.relatie));
  if (fitting.length === 0) return 'RELATIE';
  return fitting.some((g) => g.fasen.includes(c.fase)) ? 'TOEGESTAAN' : 'FASE';
}

// ─── What they send: a valid request per act, so an allowed act can succeed ────────────────────

interface Refs {
  readonly id: string;
  readonly code: string;
  readonly fase: Fase;
  readonly aanvraagId: string;
  readonly toestemmingId: string;
  readonly overlegId: string;
}
const soon = () => new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
const lang = (r: Refs) => ({ trajectId: r.id });
const SLUIT_UITKOMST: Record<Fase, string> = {
  MELDING: 'NIET_DOELGROEP_ANDERS',
  ONDERZOEK: 'NIET_DOELGROEP_ANDERS',
  BEMIDDELING: 'TERUGGETROKKEN',
  CORPORATIEGESPREK: 'TERUGGETROKKEN',
  HUUROVEREENKOMST: 'TERUGGETROKKEN',
  GEHUISVEST: 'GEHUISVEST',
  AFGESLOTEN: 'GEHUISVEST',
};

const ARGS: Record<string, (r: Refs) => Record<string, unknown>> = {
  legOnderzoekVast: (r) => ({ ...lang(r), input: { gesprekOp: '2026-11-10', woonsituatie: 'Opvang' } }),
  beoordeelDoelgroep: (r) => ({ ...lang(r), doelgroep: true, toelichting: 'Kan niet regulier huren.' }),
  voegDocumentToe: (r) => ({ ...lang(r), input: { soort: 'VERHUURDERSVERKLARING', inhoud: 'Geen achterstanden.' } }),
  ondertekenOndersteuningsplan: (r) => ({ ...lang(r), input: { doelen: 'Zelfstandig wonen', ondertekendOp: '2026-11-12', ondertekendDoor: 'INWONER' } }),
  startOnderzoek: (r) => ({ ...lang(r), versie: 1 }),
  draagOver: (r) => ({ ...lang(r), versie: 1 }),
  legProfielVast: (r) => ({ ...lang(r), profiel: PROFIEL }),
  selecteerCorporaties: (r) => ({ ...lang(r), corporaties: ['antares'] }),
  rondProfielAf: (r) => ({ ...lang(r), versie: 1 }),
  legOverlegUitkomstVast: (r) => ({ ...lang(r), corporatie: 'woonwenz', uitkomst: 'INTERESSE' }),
  spreekMatchAf: (r) => ({ ...lang(r), versie: 1, corporatie: 'woonwenz' }),
  sluitTraject: (r) => ({ ...lang(r), versie: 1, uitkomst: SLUIT_UITKOMST[r.fase] }),
  koppelTerug: (r) => ({ ...lang(r), moment: 'VOORWAARDEN', toelichting: 'Begeleiding vóór de sleutel geregeld.' }),
  draagWarmOver: (r) => ({ ...lang(r), versie: 1, reden: 'Wil in Roermond wonen.' }),
  registreerToestemming: (r) => ({
    input: {
      ...lang(r),
      ontvangerPartij: 'CORPORATIE',
      ontvangerOrganisatie: 'woonwenz',
      categorieen: ['GEZONDHEID'],
      doel: 'PASSENDE_WONING',
      richting: 'VERSTREKKEN',
      gegevenOp: new Date(Date.now() - 60_000).toISOString(),
      geldigTot: soon(),
      ondertekendDoor: 'INWONER',
    },
  }),
  trekToestemmingIn: (r) => ({ id: r.toestemmingId, toelichting: 'Inwoner trekt in.' }),
  maakBezwaar: (r) => ({ id: r.toestemmingId, toelichting: 'Inwoner maakt bezwaar.' }),
  vraagCasusoverlegAan: (r) => ({
    input: { ...lang(r), doel: 'Veilig wonen', noodzaak: 'Signalen van overlast', deelnemers: [{ partij: 'CORPORATIE', organisatie: 'woonwenz' }], categorieen: ['BEJEGENINGSADVIES'] },
  }),
  besluitCasusoverleg: (r) => ({ input: { id: r.overlegId, akkoord: false, toelichting: 'Niet noodzakelijk.', tot: soon() } }),
  registreerDoorbreking: (r) => ({
    input: {
      ...lang(r),
      ontvangerPartij: 'CORPORATIE',
      ontvangerOrganisatie: 'woonwenz',
      velden: ['Inwoner.gezondheid'],
      criteria: {
        alles_gedaan_voor_toestemming_of_vragen_onverantwoord: true,
        ernstige_schade_voor_ander_te_voorkomen: true,
        gewetensnood_professional: true,
        doorbreken_geheim_kan_schade_voorkomen: true,
        geen_andere_weg: true,
        zo_min_mogelijk_gedeeld: true,
      },
      motivering: 'Acuut gevaar voor de buren; de inwoner is onbereikbaar.',
      tot: soon(),
    },
  }),
  doeWoningaanbod: (r) => ({ ...lang(r), input: { omschrijving: 'Tweekamerwoning', kernHuurprijsCent: 61_000 } }),
  tekenHuurovereenkomst: (r) => ({
    ...lang(r),
    versie: 1,
    input: { zorgaanbieder: 'met-ggz', contractvorm: 'HUURDER', driePartijenOvereenkomst: true, adresWoning: 'Nieuwstraat 5', ingangsdatum: '2027-01-01', kaleHuurCent: 61_000, borgCent: 122_000 },
  }),
  registreerEvaluatie: (r) => ({ ...lang(r), input: { datum: '2027-06-01', soort: 'HALFJAARLIJKS', bevindingen: 'Woont goed.' } }),
  beeindigHuur: (r) => ({ ...lang(r), beeindiging: 'POSITIEF', datum: '2028-01-01' }),
  dienGarantieaanvraagIn: (r) => ({
    formulier: {
      ...lang(r),
      trajectCode: r.code,
      datumBeeindiging: '2027-09-01',
      soortBeeindiging: 'ONTRUIMD',
      borgCent: 122_000,
      kostenposten: [{ soort: 'ONTRUIMINGSKOSTEN', bedragCent: 250_000, bewijs: 'factuur deurwaarder' }],
      evaluatie: 'Signalen kwamen laat; afspraak: eerder overleg.',
      contactpersoonRol: 'verhuurconsulent',
    },
  }),
  besluitOverGarantieaanvraag: (r) => ({
    besluit: { aanvraagId: r.aanvraagId, uitkomst: 'AFGEWEZEN', motivering: 'Geen passende compensatie.', besprokenInOverlegOp: '2026-01-15', partijenGeraadpleegd: true },
  }),
  legNalatigheidVast: (r) => ({ input: { ...lang(r), partij: 'ZORGAANBIEDER', organisatie: 'met-ggz', toelichting: 'Begeleiding drie maanden niet geleverd.' } }),
  betaalGarantieaanvraagUit: (r) => ({ aanvraagId: r.aanvraagId }),
  registreerBijdrage: () => ({ bijdrageId: 'bestaat-niet', betaaldOp: '2026-01-01' }),
  treedToeTotFonds: () => ({ input: { soort: 'ZORGAANBIEDER', slug: `nieuw-${randomUUID().slice(0, 8)}` } }),
  treedUitFonds: () => ({ deelnemerId: 'bestaat-niet' }),
  stelVerdeelsleutelIn: () => ({ deelnemerId: 'bestaat-niet', gewicht: 1 }),
  hefFondsOp: () => ({ besluit: 'Besluit van alle partijen.' }),
};

/** The operation text of each act, built from the supergraph's argument types. */
function operations(): Map<string, string> {
  const schema = buildASTSchema(parse(readFileSync(new URL('../../schema/supergraph.graphql', import.meta.url), 'utf8')), { assumeValidSDL: true });
  const fields = schema.getMutationType()!.getFields();
  return new Map(
    Object.values(fields).map((f: GraphQLField<unknown, unknown>) => {
      const vars = f.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
      const args = f.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      return [f.name, `mutation${vars ? `(${vars})` : ''} { ${f.name}${args ? `(${args})` : ''} { __typename } }`];
    }),
  );
}

// ─── Nothing changed: every table of the subgraphs an act reaches, hashed ───────────────────────

/** Tables that change on every request by design: the access log and the token register. */
const VERANTWOORDING = /verwerking|audit|segment|jti|logboek/;
const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
const tablesOf = new Map<Subgraaf, string[]>();

async function snapshot(names: readonly Subgraaf[]): Promise<string> {
  const parts: string[] = [];
  for (const name of names) {
    const db = fed.subgraphs[name].database.db as Db;
    if (!tablesOf.has(name)) {
      const t = rowsOf(await db.execute(sql`select table_name from information_schema.tables where table_schema = ${name} and table_type = 'BASE TABLE' order by table_name`));
      tablesOf.set(name, t.map((r) => String(r['table_name'])).filter((n) => !VERANTWOORDING.test(n)));
    }
    const union = tablesOf
      .get(name)!
      .map((t) => `select '${t}' as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${name}"."${t}" x`)
      .join(' union all ');
    parts.push(JSON.stringify(rowsOf(await db.execute(sql.raw(union)))));
  }
  return parts.join('\n');
}

/** The subgraph that serves the act, and the routeplanner it may record at. */
const reach = (rule: ActRule): Subgraaf[] => [...new Set<Subgraaf>([rule.subgraaf, 'regisseur'])];

// ─── The cases: a fresh case per act, phase and allowed caller, so no success spoils another ───

const CASE_ACTS = Object.entries(ACTS as Record<string, ActRule>).filter(([, r]) => r.traject !== null && r.traject.uit !== 'melding');
/** Per act and phase: the case the refusals are tried on, and one fresh case per allowed caller. */
const slots = new Map<string, { refs: Refs; c: DosingCase }[]>();

/** A filed claim as the fund stores it, for the acts that name one. */
function claimRow(refs: Refs, c: DosingCase, status: 'INGEDIEND' | 'GOEDGEKEURD', now: string) {
  const formulier = {
    trajectCode: c.code,
    corporatie: 'woonwenz',
    datumBeeindiging: '2027-09-01',
    soortBeeindiging: 'ONTRUIMD',
    borgCents: 122_000,
    kostenposten: [{ soort: 'ONTRUIMINGSKOSTEN', cents: 250_000, bewijs: 'factuur deurwaarder' }],
    besprokenInOverlegOp: status === 'GOEDGEKEURD' ? '2026-01-15' : null,
    evaluatie: 'Signalen kwamen laat; afspraak: eerder overleg.',
    contactpersoonRol: 'verhuurconsulent',
    reguliereBemiddelingDoorlopen: false,
  };
  const besluit = status === 'GOEDGEKEURD' ? { besluitOp: now, besluitDoor: 'regio-noord-limburg (Voorzitter)', motivering: 'Goedgekeurd.', partijenGeraadpleegd: true, besprokenOp: '2026-01-15' } : {};
  return { id: refs.aanvraagId, trajectId: refs.id, trajectCode: c.code, corporatie: 'woonwenz', formulier, bedragCent: 250_000, status, ingediendOp: now, ...besluit };
}

beforeAll(async () => {
  fed = await startTestFederation();
  // How many allowed callers each act has in each phase, read from one prototype case per phase.
  const proto = new Map(buildDosingCases(FASEN.map((fase) => ({ fase, staat: 'GELDIG' as const }))).map((c) => [c.fase, c]));
  const wanted = CASE_ACTS.flatMap(([act, rule]) =>
    FASEN.map((fase) => ({ act, fase, n: 1 + personasFor(proto.get(fase)!).filter((p) => expected(rule, p.persona, proto.get(fase)!) === 'TOEGESTAAN').length })),
  );
  const cases = buildDosingCases(wanted.flatMap((w) => Array.from({ length: w.n }, () => ({ fase: w.fase, staat: 'GELDIG' as const }))));
  await seedDosingCases(fed, cases);
  // What the acts need beyond the dosing cases, in every case whatever its phase: the routeplanner's
  // facts (research done, the lease's deposit), a running lease, one claim, one consent and one
  // case conference.
  const reg = fed.subgraphs.regisseur.database.db as Db;
  const corp = fed.subgraphs.corporatie.database.db as Db;
  const fonds = fed.subgraphs.garantiefonds.database.db as Db;
  const now = new Date().toISOString();
  const claims: ReturnType<typeof claimRow>[] = [];
  const consents: (typeof toestemmingen.$inferInsert)[] = [];
  const overleggen: (typeof casusoverleggen.$inferInsert)[] = [];
  let i = 0;
  for (const w of wanted) {
    const list: { refs: Refs; c: DosingCase }[] = [];
    for (let k = 0; k < w.n; k++) {
      const c = cases[i++]!;
      const refs: Refs = { id: c.ctx.trajectId, code: c.code, fase: w.fase, aanvraagId: randomUUID(), toestemmingId: randomUUID(), overlegId: randomUUID() };
      list.push({ refs, c });
      if (w.act !== 'dienGarantieaanvraagIn') claims.push(claimRow(refs, c, w.act === 'betaalGarantieaanvraagUit' ? 'GOEDGEKEURD' : 'INGEDIEND', now));
      consents.push({
        id: refs.toestemmingId,
        trajectId: refs.id,
        ontvangerPartij: 'CORPORATIE',
        ontvangerOrganisatie: 'woonwenz',
        categorieen: ['BEJEGENINGSADVIES'],
        doel: 'PASSENDE_WONING',
        richting: 'VERSTREKKEN',
        gegevenOp: now,
        geldigTot: soon(),
        vastgelegdDoor: 'gemeente-venlo',
        ondertekendDoor: 'INWONER',
      });
      overleggen.push({
        id: refs.overlegId,
        trajectId: refs.id,
        aangevraagdDoor: 'gemeente-venlo',
        doel: 'Veilig wonen',
        noodzaak: 'Signalen',
        deelnemers: [{ partij: 'CORPORATIE', organisatie: 'woonwenz' }],
        categorieen: ['BEJEGENINGSADVIES'],
        status: 'AANGEVRAAGD',
        aangevraagdOp: now,
      });
    }
    slots.set(`${w.act}/${w.fase}`, list);
  }
  const feiten = { ONDERSTEUNINGSPLAN_ONDERTEKEND: now, DOELGROEP_BEOORDEELD: now, HUUR_BORG_CENT: '122000', HUUR_EINDDATUM: '2027-09-01' };
  await reg.update(trajecten).set({ feiten: sql`${trajecten.feiten} || ${JSON.stringify(feiten)}::jsonb` });
  await corp.update(huurovereenkomsten).set({ beeindiging: null, beeindigdOp: null }).where(eq(huurovereenkomsten.corporatie, 'woonwenz'));
  await fonds.delete(aanvragen);
  for (let k = 0; k < claims.length; k += 200) await fonds.insert(aanvragen).values(claims.slice(k, k + 200));
  for (let k = 0; k < consents.length; k += 200) await reg.insert(toestemmingen).values(consents.slice(k, k + 200));
  for (let k = 0; k < overleggen.length; k += 200) await reg.insert(casusoverleggen).values(overleggen.slice(k, k + 200));
  // Money in the fund, so an approved claim can be paid.
  await seedGarantiefonds(fonds, [], new Date());
  for (const b of (await fonds.select().from(bijdragen)).slice(0, 10)) await registreerBijdrage(fonds, b.id, '2026-01-02', new Date());
}, 120_000);
afterAll(async () => {
  await fed?.stop();
});

const OPS = operations();

interface Outcome {
  readonly wie: string;
  readonly verwacht: ActWeigering | 'TOEGESTAAN';
  readonly code?: unknown;
  readonly reden?: unknown;
  readonly gelukt: boolean;
}

async function perform(act: string, rule: ActRule, persona: Persona, vars: Record<string, unknown>) {
  return fed.direct(rule.subgraaf, persona, OPS.get(act)!, vars);
}

describe('the acts table', () => {
  it('has a row for every mutation of the supergraph, and a mutation for every row', () => {
    expect([...OPS.keys()].sort()).toEqual(Object.keys(ACTS).sort());
    expect(actRows().length).toBeGreaterThan(Object.keys(ACTS).length);
  });

  it.each(CASE_ACTS.map(([act]) => act))('%s: every party, role and relation in every phase gets what the table says, and a refusal changes nothing', async (act) => {
    const rule = ACTS[act as keyof typeof ACTS] as ActRule;
    const outcomes: Outcome[] = [];
    for (const fase of FASEN) {
      const [probe, ...fresh] = slots.get(`${act}/${fase}`)!;
      const vars = ARGS[act]!(probe!.refs);
      const personas = personasFor(probe!.c).map((p) => ({ ...p, verwacht: expected(rule, p.persona, probe!.c) }));
      const refused = personas.filter((p) => p.verwacht !== 'TOEGESTAAN');
      const before = await snapshot(reach(rule));
      const answers = await Promise.all(refused.map((p) => perform(act, rule, p.persona, vars)));
      for (const [n, p] of refused.entries()) {
        const e = answers[n]!.errors?.[0]?.extensions ?? {};
        outcomes.push({ wie: `${fase} ${p.naam}`, verwacht: p.verwacht, code: e['code'], reden: e['reden'], gelukt: !answers[n]!.errors });
      }
      expect(await snapshot(reach(rule)), `${act} in ${fase}: a refusal changed something`).toBe(before);
      // Each allowed caller on a case of its own: it must get past the guard, and with these valid
      // requests it mostly succeeds (or meets a rule of the act's own domain).
      const allowed = personasFor(fresh[0]?.c ?? probe!.c).filter((p) => expected(rule, p.persona, fresh[0]?.c ?? probe!.c) === 'TOEGESTAAN');
      expect(allowed.length).toBe(fresh.length);
      await Promise.all(
        allowed.map(async (p, n) => {
          const own = fresh[n]!;
          const persona = p.persona.partij === 'INWONER' ? { ...p.persona, sub: own.c.ctx.betrokkene } : p.persona;
          const r = await perform(act, rule, persona, ARGS[act]!(own.refs));
          const e = r.errors?.[0]?.extensions ?? {};
          outcomes.push({ wie: `${fase} ${p.naam}`, verwacht: 'TOEGESTAAN', code: e['code'], reden: e['handeling'] === act ? e['reden'] : undefined, gelukt: !r.errors });
        }),
      );
    }
    const wrong = outcomes.filter((o) =>
      o.verwacht === 'TOEGESTAAN' ? o.reden !== undefined : o.gelukt || o.reden !== o.verwacht || o.code !== (rule.codes?.[o.verwacht] ?? ACT_CODES[o.verwacht]),
    );
    expect(wrong).toEqual([]);
    // The requests are valid: where the table allows the act, it really happens at least once.
    const allowedOutcomes = outcomes.filter((o) => o.verwacht === 'TOEGESTAAN');
    expect(allowedOutcomes.some((o) => o.gelukt), `${act} never succeeded: ${JSON.stringify(allowedOutcomes)}`).toBe(true);
  });

  const FONDSBEHEER = Object.entries(ACTS as Record<string, ActRule>).filter(([, r]) => r.traject === null);
  it.each(FONDSBEHEER.map(([act]) => act))('%s (no case): only the fund’s cashier gets past the guard, and a refusal changes nothing', async (act) => {
    const rule = ACTS[act as keyof typeof ACTS] as ActRule;
    const anyCase = slots.values().next().value![0]!.c;
    const personas = personasFor(anyCase);
    const before = await snapshot(['garantiefonds']);
    const refused = personas.filter((p) => p.persona.partij !== 'GARANTIEFONDS');
    for (const p of refused) {
      const r = await perform(act, rule, p.persona, ARGS[act]!({} as Refs));
      expect(r.errors?.[0]?.extensions, p.naam).toMatchObject({ code: rule.codes?.PARTIJ ?? ACT_CODES.PARTIJ, reden: 'PARTIJ', handeling: act });
    }
    expect(await snapshot(['garantiefonds'])).toBe(before);
    const cashier = await perform(act, rule, { partij: 'GARANTIEFONDS', sub: 'mgr-1' }, ARGS[act]!({} as Refs));
    expect(cashier.errors?.[0]?.extensions?.['handeling']).toBeUndefined();
  });

  it('registreerMelding: opened by the own gemeente, the resident or the filing care provider, by nobody else, and a refusal records nothing', async () => {
    const rule = ACTS.registreerMelding as ActRule;
    const melding = (p: Persona) => ({
      input: {
        gemeente: 'venlo',
        naam: 'Mel Ding',
        ...(p.partij === 'ZORGAANBIEDER'
          ? { ingediendDoor: 'ZORGAANBIEDER', zorgaanbieder: 'leger-des-heils', machtigingOp: '2026-11-01' }
          : { ingediendDoor: p.partij === 'INWONER' ? 'INWONER' : 'GEMEENTE' }),
      },
    });
    const anyCase = slots.values().next().value![0]!.c;
    const verwacht = (p: NamedPersona): ActWeigering | 'TOEGESTAAN' => {
      if (!['GEMEENTE', 'ZORGAANBIEDER', 'INWONER'].includes(p.persona.partij)) return 'PARTIJ';
      if (p.persona.partij === 'GEMEENTE') return p.persona.gemeente === 'venlo' ? 'TOEGESTAAN' : 'RELATIE';
      if (p.persona.partij === 'ZORGAANBIEDER') return p.persona.organisatie === 'leger-des-heils' ? 'TOEGESTAAN' : 'RELATIE';
      return 'TOEGESTAAN';
    };
    for (const p of personasFor(anyCase)) {
      const before = await snapshot(['gemeente', 'regisseur']);
      const r = await perform('registreerMelding', rule, p.persona, melding(p.persona));
      const v = verwacht(p);
      if (v === 'TOEGESTAAN') {
        expect(r.errors, p.naam).toBeUndefined();
      } else {
        expect(r.errors?.[0]?.extensions, p.naam).toMatchObject({ code: ACT_CODES[v], reden: v, handeling: 'registreerMelding' });
        expect(await snapshot(['gemeente', 'regisseur']), p.naam).toBe(before);
      }
    }
  });
});

describe('issue 12: a housed case closes with what became of its lease', () => {
  const SLUIT = `mutation($id: ID!, $v: Int!, $u: UitkomstSoort!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: $u) { fase } }`;
  const EINDE = `mutation($id: ID!, $b: Beeindiging!) { beeindigHuur(trajectId: $id, beeindiging: $b, datum: "2028-01-01", evaluatie: "Geëvalueerd met alle partijen.") { __typename } }`;
  const regisseur: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', sub: 'regisseur-nl' };
  const woonwenz: Persona = { partij: 'CORPORATIE', organisatie: 'woonwenz', sub: 'woonwenz-1' };

  async function gehuisvest(): Promise<string> {
    const [c] = buildDosingCases([{ fase: 'GEHUISVEST', staat: 'GELDIG' }]);
    await seedDosingCases(fed, [c!]);
    await (fed.subgraphs.corporatie.database.db as Db).update(huurovereenkomsten).set({ beeindiging: null, beeindigdOp: null }).where(eq(huurovereenkomsten.trajectId, c!.ctx.trajectId));
    return c!.ctx.trajectId;
  }

  it.each([
    { einde: 'POSITIEF', fout: ['GEHUISVEST', 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD'], goed: 'HUUR_BEEINDIGD_POSITIEF' },
    { einde: 'ONTRUIMD', fout: ['GEHUISVEST', 'HUUR_BEEINDIGD_POSITIEF', 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN'], goed: 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' },
    { einde: 'VERTROKKEN', fout: ['HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD'], goed: 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN' },
    { einde: null, fout: ['HUUR_BEEINDIGD_POSITIEF', 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD'], goed: 'GEHUISVEST' },
  ])('after the lease ended $einde it refuses $fout (UITKOMST_PAST_NIET_BIJ_HUUR, nothing changed) and closes as $goed', async ({ einde, fout, goed }) => {
    const id = await gehuisvest();
    if (einde) expect((await fed.direct('corporatie', woonwenz, EINDE, { id, b: einde })).errors).toBeUndefined();
    const before = await snapshot(['regisseur']);
    for (const u of fout) {
      const r = await fed.direct('regisseur', regisseur, SLUIT, { id, v: 1, u });
      expect(r.errors?.[0]?.extensions, u).toMatchObject({ code: 'UITKOMST_PAST_NIET_BIJ_HUUR', verwacht: goed });
    }
    expect(await snapshot(['regisseur'])).toBe(before);
    const ok = await fed.direct('regisseur', regisseur, SLUIT, { id, v: 1, u: goed });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.sluitTraject.fase).toBe('AFGESLOTEN');
  });
});
