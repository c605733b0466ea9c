/**
 * The embedded default's demo data: the plan keeps the routeplanner's rules and the privacy rules,
 * and once seeded into a running federation every phase, region, relation and consent state can be
 * seen through the gateway with real tokens — including the fixed cases of the README walk-through.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { CORPORATIES, FASEN, GEMEENTEN, REGIOS, type Fase } from '../../schema/vocabulary.js';
import { CODE_ALFABET, DEMO_INWONER, DEMO_TRAJECTEN, elfproef, maakDemoPlan, seedDemoData, type DemoPlan } from '../../scripts/demo-data/index.js';
import * as corporatieTabellen from '../../subgraphs/corporatie/db/tables.js';
import * as gemeenteTabellen from '../../subgraphs/gemeente/db/tables.js';
import * as regisseurTabellen from '../../subgraphs/regisseur/db/tables.js';
import { migrationsFolder } from '../../subgraphs/assemble.js';
import { seedCorporatie } from '../../subgraphs/corporatie/seed.js';
import { seedGemeente } from '../../subgraphs/gemeente/seed.js';
import { seedRegisseur } from '../../subgraphs/regisseur/seed.js';
import { openDatabase, type Db } from '../../subgraphs/common/database.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';

let fed: TestFederation;
let plan: DemoPlan;
let counts: Record<string, number>;
const now = new Date();
const DAG = 86_400_000;

const dbs = () => ({
  gemeente: fed.subgraphs.gemeente.database.db,
  regisseur: fed.subgraphs.regisseur.database.db,
  corporatie: fed.subgraphs.corporatie.database.db,
  garantiefonds: fed.subgraphs.garantiefonds.database.db,
});

beforeAll(async () => {
  fed = await startTestFederation();
  const t0 = performance.now();
  counts = await seedDemoData(dbs(), now);
  const ms = performance.now() - t0;
  console.log(`demo data seeded in ${ms.toFixed(0)} ms (${fed.subgraphs.regisseur.database.kind}): ${JSON.stringify(counts)}`);
  plan = maakDemoPlan(now);
});
afterAll(async () => {
  await fed?.stop();
});

const regisseur = (regio: (typeof REGIOS)[number]): Persona => ({ partij: 'REGISSEUR', regio });
const gemeente = (g: string): Persona => ({ partij: 'GEMEENTE', gemeente: g });
const corporatie = (organisatie: string): Persona => ({ partij: 'CORPORATIE', organisatie });
const LATER = ['BEMIDDELING', 'CORPORATIEGESPREK', 'HUUROVEREENKOMST', 'GEHUISVEST', 'AFGESLOTEN'] as const;

/** Every row of the given tables (drizzle table objects only), for scanning. */
async function alleRijen(db: Db, module: Record<string, unknown>): Promise<unknown[]> {
  const rows: unknown[] = [];
  for (const value of Object.values(module)) {
    if (value && typeof value === 'object' && Symbol.for('drizzle:IsDrizzleTable') in (value as object)) {
      rows.push(...(await db.select().from(value as PgTable)));
    }
  }
  return rows;
}

async function tellingen(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const modules = { gemeente: gemeenteTabellen, regisseur: regisseurTabellen, corporatie: corporatieTabellen } as const;
  for (const [name, module] of Object.entries(modules)) {
    const db = fed.subgraphs[name as keyof typeof modules].database.db;
    for (const [key, value] of Object.entries(module)) {
      // The access log grows with every request; the seed never writes it.
      if (['verwerkingen', 'audit', 'segmenten'].includes(key)) continue;
      if (value && typeof value === 'object' && Symbol.for('drizzle:IsDrizzleTable') in (value as object)) {
        out[`${name}.${key}`] = (await db.select().from(value as PgTable)).length;
      }
    }
  }
  return out;
}

describe('the plan', () => {
  it('is the same for the same day, and keeps ids and codes when the day moves', () => {
    expect(JSON.stringify(maakDemoPlan(now))).toBe(JSON.stringify(plan));
    const later = maakDemoPlan(new Date(now.getTime() + 3 * DAG));
    expect(later.trajecten.map((t) => [t.trajectId, t.code])).toEqual(plan.trajecten.map((t) => [t.trajectId, t.code]));
  });

  it('gives every case a unique code from the code alphabet, an opaque id, a pseudonym and a test-range BSN', () => {
    const code = new RegExp(`^WK-[${CODE_ALFABET}]{5}$`);
    expect(plan.trajecten).toHaveLength(400);
    expect(plan.trajecten.every((t) => code.test(t.code))).toBe(true);
    expect(new Set(plan.trajecten.map((t) => t.code)).size).toBe(400);
    expect(new Set(plan.trajecten.map((t) => t.trajectId)).size).toBe(400);
    expect(plan.trajecten.every((t) => /^inwoner-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(t.betrokkene))).toBe(true);
    const bsns = plan.gemeente.inwoners.flatMap((i) => (i.bsn ? [i.bsn] : []));
    expect(bsns.length).toBeGreaterThan(300);
    expect(bsns.every((b) => b.startsWith('999') && elfproef(b))).toBe(true);
    expect(new Set(bsns).size).toBe(bsns.length);
    expect(plan.gemeente.inwoners.every((i) => !i.telefoon || /^06-0000\d{4}$/.test(i.telefoon))).toBe(true);
    expect(plan.gemeente.inwoners.every((i) => !i.email || i.email.endsWith('@voorbeeld.nl'))).toBe(true);
  });

  it('spreads ~400 cases over three years, the 13 gemeenten, both regions, every phase and every outcome', () => {
    const dagen = plan.regisseur.trajecten.map((t) => (now.getTime() - Date.parse(t.aangemeldOp as string)) / DAG);
    expect(Math.max(...dagen)).toBeLessThanOrEqual(1096);
    expect(Math.max(...dagen)).toBeGreaterThan(900);
    expect(Math.min(...dagen)).toBeGreaterThan(0);
    expect(new Set(plan.trajecten.map((t) => t.gemeente))).toEqual(new Set(Object.keys(GEMEENTEN)));
    for (const regio of REGIOS) for (const fase of FASEN) expect(plan.trajecten.some((t) => t.regio === regio && t.fase === fase), `${regio} ${fase}`).toBe(true);
    const uitkomsten = new Set(plan.trajecten.map((t) => t.uitkomst));
    for (const u of ['NIET_DOELGROEP_REGULIER', 'NIET_DOELGROEP_ANDERS', 'TERUGGETROKKEN', 'GEHUISVEST', 'HUUR_BEEINDIGD_POSITIEF', 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD', 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN']) {
      expect(uitkomsten.has(u as never), u).toBe(true);
    }
    expect(new Set(plan.gemeente.meldingen.map((m) => m.ingediendDoor))).toEqual(new Set(['INWONER', 'ZORGAANBIEDER', 'GEMEENTE']));
    expect(plan.gemeente.meldingen.every((m) => (m.ingediendDoor === 'ZORGAANBIEDER') === (m.zorgaanbieder !== null && m.machtigingOp !== null))).toBe(true);
    expect(plan.trajecten.filter((t) => t.warmOvergedragen).length).toBeGreaterThan(0);
  });

  it('keeps the routeplanner rules: versie, transition order, facts, match, lease and negative ends', () => {
    const byCase = <T extends { trajectId?: unknown }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.trajectId as string, [...(m.get(r.trajectId as string) ?? []), r]);
      return m;
    };
    const transities = byCase(plan.regisseur.transities);
    const selecties = byCase(plan.regisseur.selecties);
    const huur = new Map(plan.corporatie.huurovereenkomsten.map((h) => [h.trajectId, h]));
    const evaluaties = byCase(plan.corporatie.evaluaties);
    for (const t of plan.regisseur.trajecten) {
      const tr = transities.get(t.id)!;
      const at = (x: unknown) => Date.parse(x as string);
      expect(t.versie, t.code).toBe(tr.length);
      expect(tr[0]).toMatchObject({ handeling: 'MELDING_ONTVANGEN', naar: 'MELDING', op: t.aangemeldOp });
      for (let i = 1; i < tr.length; i++) {
        expect(at(tr[i]!.op), t.code).toBeGreaterThan(at(tr[i - 1]!.op));
        expect(tr[i]!.van, t.code).toBe(tr[i - 1]!.naar);
      }
      expect(at(tr[tr.length - 1]!.op)).toBeLessThan(now.getTime());
      expect(tr[tr.length - 1]!.naar).toBe(t.fase);
      const pastOnderzoek = tr.some((x) => x.handeling === 'OVERGEDRAGEN');
      const onderzoekFeiten = Object.keys(t.feiten ?? {}).filter((k) => !k.startsWith('HUUR_')).sort();
      expect(onderzoekFeiten, t.code).toEqual(pastOnderzoek ? ['DOELGROEP_BEOORDEELD', 'ONDERSTEUNINGSPLAN_ONDERTEKEND'] : expect.any(Array));
      const gematcht = tr.some((x) => x.handeling === 'MATCH_AFGESPROKEN');
      expect(t.gematcht != null, t.code).toBe(gematcht);
      if (gematcht) expect(selecties.get(t.id)!.find((s) => s.corporatie === t.gematcht)?.overlegUitkomst).toBe('INTERESSE');
      const sel = selecties.get(t.id) ?? [];
      expect(sel.length === 0 || (sel.length <= 3 && sel.every((s) => (CORPORATIES as readonly string[]).includes(s.corporatie)))).toBe(true);
      const gehuisvest = tr.some((x) => x.handeling === 'HUUROVEREENKOMST_GETEKEND');
      expect(t.gehuisvestOp != null && t.gekoppeldeZorgaanbieder != null, t.code).toBe(gehuisvest);
      const lease = huur.get(t.id);
      expect(lease != null, t.code).toBe(gehuisvest);
      if (lease) expect(lease).toMatchObject({ corporatie: t.gematcht, zorgaanbieder: t.gekoppeldeZorgaanbieder, driePartijenOvereenkomst: true, getekendOp: t.gehuisvestOp });
      // The routeplanner holds the lease facts the corporation's acts would have recorded: the deposit a claim is checked against, and how and when it ended.
      if (lease) {
        expect({ borg: t.feiten?.['HUUR_BORG_CENT'], einde: t.feiten?.['HUUR_BEEINDIGD'] ?? null, op: t.feiten?.['HUUR_EINDDATUM'] ?? null }, t.code).toEqual({
          borg: String(lease.borgCent),
          einde: lease.beeindiging,
          op: lease.beeindigdOp ?? null,
        });
      }
      const negatief = t.uitkomst === 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' || t.uitkomst === 'HUUR_BEEINDIGD_NEGATIEF_VERTROKKEN';
      if (negatief) {
        expect(lease?.beeindiging).toBe(t.uitkomst === 'HUUR_BEEINDIGD_NEGATIEF_ONTRUIMD' ? 'ONTRUIMD' : 'VERTROKKEN');
        expect(evaluaties.get(t.id)?.some((e) => e.soort === 'NEGATIEVE_BEEINDIGING' && e.zelfstandigWonend === false)).toBe(true);
      }
      for (const e of evaluaties.get(t.id) ?? []) expect(Date.parse(e.datum as string)).toBeGreaterThanOrEqual(Date.parse((t.gehuisvestOp as string).slice(0, 10)));
    }
    expect(plan.negatieveEinden.length).toBe(plan.regisseur.trajecten.filter((t) => t.uitkomst?.startsWith('HUUR_BEEINDIGD_NEGATIEF')).length);
    expect(plan.corporatie.evaluaties.some((e) => e.zelfstandigWonend === true)).toBe(true);
  });

  it('records a hand-over consent to the regisseur before every hand-over, and keeps every consent within the register rules', () => {
    const overdrachten = plan.regisseur.transities.filter((x) => x.handeling === 'OVERGEDRAGEN');
    expect(overdrachten.length).toBeGreaterThan(150);
    for (const o of overdrachten) {
      const at = Date.parse(o.op as string);
      const ok = plan.regisseur.toestemmingen.some(
        (t) => t.trajectId === o.trajectId && t.ontvangerPartij === 'REGISSEUR' && t.doel === 'MATCH_BEMIDDELING' && t.categorieen.includes('IDENTITEIT') && Date.parse(t.gegevenOp as string) < at && at < Date.parse(t.geldigTot as string),
      );
      expect(ok, o.trajectId).toBe(true);
    }
    for (const t of plan.regisseur.toestemmingen) {
      expect(Date.parse(t.geldigTot as string) - Date.parse(t.gegevenOp as string)).toBeLessThanOrEqual(366 * DAG);
      expect(Date.parse(t.gegevenOp as string)).toBeLessThan(now.getTime());
      expect(['gemeente-', 'regio-'].some((p) => t.vastgelegdDoor.startsWith(p))).toBe(true);
      const events = plan.regisseur.toestemmingGebeurtenissen.filter((e) => e.toestemmingId === t.id).map((e) => e.soort);
      expect(events[0]).toBe('GEGEVEN');
      expect(t.ingetrokkenOp != null).toBe(events.includes('INGETROKKEN') || events.includes('BEZWAAR'));
    }
    const soorten = new Set(plan.regisseur.toestemmingGebeurtenissen.map((e) => e.soort));
    expect(soorten).toEqual(new Set(['GEGEVEN', 'INGETROKKEN', 'BEZWAAR']));
    expect(plan.regisseur.toestemmingen.some((t) => t.ontvangerPartij === 'CORPORATIE' && t.categorieen.includes('GEZONDHEID'))).toBe(true);
    expect(plan.regisseur.toestemmingen.some((t) => t.ontvangerPartij === 'ZORGAANBIEDER' && t.categorieen.includes('PROFIEL'))).toBe(true);
    expect(plan.regisseur.casusoverleggen.map((c) => c.status).sort()).toEqual(['AANGEVRAAGD', 'AANGEVRAAGD', 'AFGEWEZEN', 'AKKOORD', 'AKKOORD', 'AKKOORD', 'AKKOORD']);
    expect(plan.regisseur.doorbrekingen.filter((d) => !d.beoordeeldOp)).toHaveLength(3);
  });
});

describe('the seeded federation', () => {
  it('wrote every subgraph, the fund included', () => {
    expect(counts['gemeente.inwoners']).toBe(400);
    expect(counts['regisseur.trajecten']).toBe(400);
    expect(counts['regisseur.transities']).toBe(plan.regisseur.transities.length);
    expect(counts['corporatie.huurovereenkomsten']).toBe(plan.corporatie.huurovereenkomsten.length);
    expect(counts['garantiefonds.aanvragen']).toBeGreaterThan(0);
  });

  it('shows each regisseur every phase from BEMIDDELING on in its own region, and nothing before', async () => {
    for (const regio of REGIOS) {
      for (const fase of FASEN) {
        const res = await fed.gql(regisseur(regio), `query($f: Fase) { trajecten(fase: $f, eerste: 500) { code regio fase } }`, { f: fase });
        expect(res.errors).toBeUndefined();
        const rows = res.data.trajecten as { regio: string; fase: Fase }[];
        const expected = plan.trajecten.filter((t) => t.regio === regio && t.fase === fase).length;
        expect(rows.length, `${regio} ${fase}`).toBe((LATER as readonly string[]).includes(fase) ? expected : 0);
        if ((LATER as readonly string[]).includes(fase)) expect(rows.length, `${regio} ${fase}`).toBeGreaterThan(0);
        expect(rows.every((r) => r.regio === regio && r.fase === fase)).toBe(true);
      }
    }
  });

  it('shows every gemeente its own cases in every phase', async () => {
    for (const g of Object.keys(GEMEENTEN)) {
      const res = await fed.gql(gemeente(g), `{ trajecten(eerste: 500) { gemeente fase } }`);
      expect(res.errors).toBeUndefined();
      const rows = res.data.trajecten as { gemeente: string; fase: Fase }[];
      expect(rows.length, g).toBe(plan.trajecten.filter((t) => t.gemeente === g).length);
      expect(rows.every((r) => r.gemeente === g)).toBe(true);
      expect(new Set(rows.map((r) => r.fase)), g).toEqual(new Set(FASEN));
    }
  });

  it('shows each corporation exactly the cases it is selected for (overleg) or matched with', async () => {
    for (const corp of CORPORATIES) {
      const res = await fed.gql(corporatie(corp), `{ trajecten(eerste: 500) { code fase selecties { corporatie } } }`);
      // The selection is mediation data (PROFIEL): a matched corporation no longer reads it once the case is closed.
      expect((res.errors ?? []).every((e) => e.extensions?.['reden'] === 'FASE' && e.extensions?.['fase'] === 'AFGESLOTEN')).toBe(true);
      const expected = plan.trajecten
        .filter((t) => (t.fase === 'CORPORATIEGESPREK' && t.geselecteerd.includes(corp)) || (t.gematcht === corp && ['HUUROVEREENKOMST', 'GEHUISVEST', 'AFGESLOTEN'].includes(t.fase)))
        .map((t) => t.code);
      const rows = res.data.trajecten as { code: string; fase: string; selecties: { corporatie: string }[] }[];
      expect(rows.map((r) => r.code).sort(), corp).toEqual(expected.sort());
      expect(rows.every((r) => (r.selecties ?? []).every((s) => s.corporatie === corp))).toBe(true);
    }
    const fase = async (f: Fase) => {
      const res = await fed.gql(corporatie('woonwenz'), `query($f: Fase) { trajecten(fase: $f, eerste: 500) { plaatsing { corporatie } } }`, { f });
      // The placement (PLAATSING) exists for the matched corporation only: a selected one is refused it.
      expect((res.errors ?? []).every((e) => e.extensions?.['reden'] === 'FASE' && e.extensions?.['relatie'] === 'GESELECTEERD')).toBe(true);
      return res.data.trajecten as { plaatsing: { corporatie: string } | null }[];
    };
    expect((await fase('CORPORATIEGESPREK')).length).toBeGreaterThan(0);
    for (const f of ['HUUROVEREENKOMST', 'GEHUISVEST'] as const) {
      const rows = await fase(f);
      expect(rows.length, f).toBeGreaterThan(0);
      expect(rows.every((t) => t.plaatsing?.corporatie === 'woonwenz')).toBe(true);
    }
  });

  it('holds consents valid, expired, withdrawn and objected to, as each regisseur sees them', async () => {
    const all: { status: string; gebeurtenissen: { soort: string }[] }[] = [];
    for (const regio of REGIOS) {
      const res = await fed.gql(regisseur(regio), `{ trajecten(eerste: 500) { toestemmingen { status gebeurtenissen { soort } } } }`);
      // The consent register is the course of the file (VERLOOP): of a closed case the regisseur keeps the outcome only.
      expect((res.errors ?? []).every((e) => e.extensions?.['reden'] === 'FASE' && e.extensions?.['fase'] === 'AFGESLOTEN')).toBe(true);
      all.push(...(res.data.trajecten as { toestemmingen: { status: string; gebeurtenissen: { soort: string }[] }[] | null }[]).flatMap((t) => t.toestemmingen ?? []));
    }
    const statuses = new Set(all.map((t) => t.status));
    for (const s of ['GELDIG', 'VERLOPEN', 'INGETROKKEN']) expect(statuses.has(s), s).toBe(true);
    expect(all.some((t) => t.gebeurtenissen.some((e) => e.soort === 'INGETROKKEN'))).toBe(true);
    const bezwaar = await fed.gql(regisseur('NOORD_LIMBURG'), `{ trajectOpCode(code: "WK-VENBZ") { toestemmingen { status gebeurtenissen { soort } } } }`);
    expect(bezwaar.data.trajectOpCode.toestemmingen.some((t: { gebeurtenissen: { soort: string }[] }) => t.gebeurtenissen.some((e) => e.soort === 'BEZWAAR'))).toBe(true);
  });

  it('changes nothing when seeded a second time', async () => {
    const before = await tellingen();
    expect(await seedDemoData(dbs(), new Date())).toEqual({});
    // Each subgraph's seed on its own, too.
    expect(await seedGemeente(dbs().gemeente, plan)).toEqual({ overgeslagen: true, rijen: {} });
    expect(await seedRegisseur(dbs().regisseur, plan)).toEqual({ overgeslagen: true, rijen: {} });
    expect(await seedCorporatie(dbs().corporatie, plan)).toEqual({ overgeslagen: true, rijen: {} });
    expect(await tellingen()).toEqual(before);
  });

  it('keeps BSN, names, birth dates, addresses, contact and health out of the regisseur tables', async () => {
    const regDb = fed.subgraphs.regisseur.database.db;
    const result = (await regDb.execute(sql`select column_name from information_schema.columns where table_schema = 'regisseur'`)) as unknown;
    const columns = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { column_name: string }[];
    expect(columns.length).toBeGreaterThan(40);
    expect(columns.filter((c) => /bsn|naam|geboorte|adres|telefoon|email|gezondheid/.test(c.column_name))).toEqual([]);
    const dump = JSON.stringify(await alleRijen(regDb, regisseurTabellen));
    expect(dump).not.toMatch(/\b999\d{6}\b|@voorbeeld\.nl|06-0000\d{4}|Briefadres/);
    const inwoners = await fed.subgraphs.gemeente.database.db.select().from(gemeenteTabellen.inwoners);
    const onderzoeken = await fed.subgraphs.gemeente.database.db.select().from(gemeenteTabellen.onderzoeken);
    const values = [
      ...inwoners.flatMap((i) => [i.naam, i.adres, i.bsn, i.telefoon, i.email, i.geboortedatum]),
      ...onderzoeken.map((o) => o.gezondheid),
    ].filter((v): v is string => !!v);
    expect(values.length).toBeGreaterThan(1000);
    expect(values.filter((v) => dump.includes(v))).toEqual([]);
  });

  it('has the fixed README cases with their documented phase, corporations and resident', async () => {
    const readme = readFileSync(new URL('../../scripts/demo-data/README.md', import.meta.url), 'utf8');
    for (const vast of DEMO_TRAJECTEN) {
      const row = readme.split('\n').find((l) => l.startsWith(`| ${vast.code} |`));
      expect(row, vast.code).toContain(`| ${vast.fase} |`);
      const res = await fed.gql(gemeente('venlo'), `query($c: String!) { trajectOpCode(code: $c) { code fase regio gemeente selecties { corporatie } plaatsing { corporatie } } }`, { c: vast.code });
      // Selection (PROFIEL) and placement (PLAATSING) reach the gemeente only from the phases that feed them back.
      expect((res.errors ?? []).every((e) => e.extensions?.['reden'] === 'FASE')).toBe(true);
      expect(res.data.trajectOpCode).toMatchObject({ code: vast.code, fase: vast.fase, regio: 'NOORD_LIMBURG', gemeente: 'venlo' });
      expect((res.data.trajectOpCode.selecties ?? []).map((s: { corporatie: string }) => s.corporatie).sort()).toEqual([...(vast.geselecteerd ?? [])].sort());
      if (vast.gematcht) expect(res.data.trajectOpCode.plaatsing).toEqual({ corporatie: vast.gematcht });
    }
    expect(readme).toContain(DEMO_INWONER);
    const zelf = await fed.gql({ partij: 'INWONER', sub: DEMO_INWONER }, `{ trajecten { code fase inwoner { naam } huurovereenkomst { corporatie } } }`);
    expect(zelf.errors).toBeUndefined();
    expect(zelf.data.trajecten).toEqual([{ code: 'WK-VENGH', fase: 'GEHUISVEST', inwoner: { naam: expect.any(String) }, huurovereenkomst: { corporatie: 'woonwenz' } }]);
  });

  it('shows woonwenz health data only under a valid targeted consent, never a name before the match', async () => {
    const ask = (code: string) => fed.gql(corporatie('woonwenz'), `query($c: String!) { trajectOpCode(code: $c) { code inwoner { gezondheid naam } } }`, { c: code });
    const geldig = await ask('WK-VENCG');
    expect(geldig.data.trajectOpCode.inwoner.gezondheid).toEqual(expect.any(String));
    expect(geldig.data.trajectOpCode.inwoner.naam).toBeNull();
    expect(geldig.errors?.map((e) => [e.path?.join('.'), e.extensions?.['code'], e.extensions?.['reden']])).toEqual([['trajectOpCode.inwoner.naam', 'DOSERING_GEWEIGERD', 'FASE']]);
    for (const code of ['WK-VENTR', 'WK-VENVR', 'WK-VENBZ']) {
      const res = await ask(code);
      // Without a valid consent the selected corporation may read nothing of the resident: the object is refused.
      expect(res.data.trajectOpCode.inwoner, code).toBeNull();
      const reden = res.errors?.find((e) => e.path?.join('.') === 'trajectOpCode.inwoner')?.extensions?.['reden'];
      expect(reden, code).toBe('TOESTEMMING');
    }
    const matched = await fed.gql(corporatie('woonwenz'), `{ trajectOpCode(code: "WK-VENHV") { inwoner { naam bsn } } }`);
    expect(matched.data.trajectOpCode.inwoner).toEqual({ naam: expect.any(String), bsn: expect.stringMatching(/^999\d{6}$/) });
    const nester = await fed.gql(corporatie('nester'), `{ trajectOpCode(code: "WK-VENHV") { code } }`);
    expect(nester.data.trajectOpCode).toBeNull();
    const melder = await fed.gql({ partij: 'ZORGAANBIEDER', organisatie: 'leger-des-heils' }, `{ trajectOpCode(code: "WK-VENMD") { inwoner { naam } } }`);
    expect(melder.data.trajectOpCode.inwoner.naam).toEqual(expect.any(String));
  });

  it('lists the overrides awaiting review to the privacy officer', async () => {
    const res = await fed.gql({ partij: 'TOEZICHT' }, `{ doorbrekingenTerBeoordeling { trajectCode velden motivering } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.doorbrekingenTerBeoordeling).toHaveLength(3);
  });
});

describe('seeding safety', () => {
  it('refuses, and writes nothing, when a first start stopped half-way', async () => {
    // A fresh routeplanner next to a gemeente and corporatie that already hold the demo rows.
    const leeg = await openDatabase({ schema: 'regisseur', migrationsFolder: migrationsFolder('regisseur') });
    try {
      const half = { ...dbs(), regisseur: leeg.db };
      await expect(seedDemoData(half, now)).rejects.toThrow(/halverwege/);
      expect(await leeg.db.select().from(regisseurTabellen.trajecten)).toEqual([]);
    } finally {
      await leeg.close();
    }
  });
});

/** Runs last: moves the fixed cases on with the real acts, which only works if the seeded data is consistent. */
describe('walking the fixed cases on with the real acts', () => {
  const NL = regisseur('NOORD_LIMBURG');
  const VENLO = gemeente('venlo');
  const ok = <T = any>(res: { data: unknown; errors?: unknown }, what: string): T => {
    expect(res.errors, what).toBeUndefined();
    return res.data as T;
  };
  const zoek = async (code: string) =>
    ok<{ trajectOpCode: { id: string; versie: number; fase: string } }>(await fed.gql(VENLO, `query($c: String!) { trajectOpCode(code: $c) { id versie fase } }`, { c: code }), code).trajectOpCode;

  it('hands WK-VENZK over only after the hand-over consent is recorded', async () => {
    const t = await zoek('WK-VENZK');
    const weg = `mutation($id: ID!, $v: Int!) { draagOver(trajectId: $id, versie: $v) { fase } }`;
    const refused = await fed.gql(VENLO, weg, { id: t.id, v: t.versie });
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('VOORWAARDE_ONTBREEKT');
    ok(
      await fed.gql(
        VENLO,
        `mutation($id: ID!, $van: String!, $tot: String!) { registreerToestemming(input: { trajectId: $id, ontvangerPartij: REGISSEUR, ontvangerOrganisatie: "regio-noord-limburg", categorieen: [IDENTITEIT, CONTACT, DOCUMENTEN], doel: MATCH_BEMIDDELING, richting: VERSTREKKEN, gegevenOp: $van, geldigTot: $tot, ondertekendDoor: INWONER }) { status } }`,
        { id: t.id, van: new Date(Date.now() - 60_000).toISOString(), tot: new Date(Date.now() + 300 * DAG).toISOString() },
      ),
      'toestemming',
    );
    expect(ok(await fed.gql(VENLO, weg, { id: t.id, v: t.versie }), 'draagOver').draagOver.fase).toBe('BEMIDDELING');
  });

  it('takes WK-VENBM to the overleg, WK-VENCG to the match and WK-VENHV to housing', async () => {
    const bm = await zoek('WK-VENBM');
    const profiel = { woonsituatie: 'a', huishouden: 'b', daginvulling: 'c', mobiliteit: 'd', sociaalNetwerk: 'e', socialeRedzaamheid: 'f', financien: 'g', conclusie: 'h' };
    ok(await fed.gql(NL, `mutation($id: ID!, $p: ProfielInput!) { legProfielVast(trajectId: $id, profiel: $p) { id } }`, { id: bm.id, p: profiel }), 'profiel');
    ok(await fed.gql(NL, `mutation($id: ID!) { selecteerCorporaties(trajectId: $id, corporaties: ["woonwenz"]) { id } }`, { id: bm.id }), 'selectie');
    expect(ok(await fed.gql(NL, `mutation($id: ID!, $v: Int!) { rondProfielAf(trajectId: $id, versie: $v) { fase } }`, { id: bm.id, v: bm.versie }), 'af').rondProfielAf.fase).toBe('CORPORATIEGESPREK');

    const cg = await zoek('WK-VENCG');
    ok(await fed.gql(NL, `mutation($id: ID!) { legOverlegUitkomstVast(trajectId: $id, corporatie: "woonwenz", uitkomst: INTERESSE) { id } }`, { id: cg.id }), 'overleg');
    expect(ok(await fed.gql(NL, `mutation($id: ID!, $v: Int!) { spreekMatchAf(trajectId: $id, versie: $v, corporatie: "woonwenz") { fase } }`, { id: cg.id, v: cg.versie }), 'match').spreekMatchAf.fase).toBe('HUUROVEREENKOMST');

    const hv = await zoek('WK-VENHV');
    ok(
      await fed.gql(
        corporatie('woonwenz'),
        `mutation($id: ID!, $v: Int!) { tekenHuurovereenkomst(trajectId: $id, versie: $v, input: { zorgaanbieder: "moveoo", contractvorm: HUURDER, driePartijenOvereenkomst: true, adresWoning: "Kerkstraat 1, 5911 AB Venlo", ingangsdatum: "2027-01-01", kaleHuurCent: 55000, borgCent: 55000 }) { id } }`,
        { id: hv.id, v: hv.versie },
      ),
      'huur',
    );
    expect((await zoek('WK-VENHV')).fase).toBe('GEHUISVEST');
  });

  it('lets the Voorzitter decide the pending casusoverleg of WK-VENGH', async () => {
    const voorzitter: Persona = { partij: 'REGISSEUR', regio: 'NOORD_LIMBURG', rol: 'VOORZITTER' };
    const gh = ok(await fed.gql(voorzitter, `{ trajectOpCode(code: "WK-VENGH") { casusoverleggen { id status } } }`), 'lijst').trajectOpCode;
    const pending = gh.casusoverleggen.find((c: { status: string }) => c.status === 'AANGEVRAAGD');
    expect(pending).toBeDefined();
    const besluit = await fed.gql(
      voorzitter,
      `mutation($id: ID!, $tot: String!, $op: String!) { besluitCasusoverleg(input: { id: $id, akkoord: true, toelichting: "Akkoord voor drie maanden.", tot: $tot, toestemmingGegevenOp: $op, toestemmingOndertekendDoor: INWONER, toestemmingDoel: DUURZAAM_WONEN }) { status } }`,
      { id: pending.id, tot: new Date(Date.now() + 90 * DAG).toISOString(), op: new Date(Date.now() - 60_000).toISOString() },
    );
    expect(ok(besluit, 'besluit').besluitCasusoverleg.status).toBe('AKKOORD');
  });
});
