/**
 * Retention with an injected clock: a case closed 5 years and a day ago without entering Woonkans
 * is deleted in every subgraph, one closed a day short of 5 years is not, one that entered Woonkans
 * survives until 15 years; the log keeps its (pseudonymous) rows and still verifies, and drops a
 * segment only when it is old enough and none of its cases is still held. Deployed apart, a
 * subgraph asks the regisseur's `POST /bewaartermijn` about its own ids.
 */
import { randomUUID } from 'node:crypto';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../gateway/dev-issuer/mint.js';
import { RETENTIE, logboekVan, runEmbeddedRetention, runSubgraphRetention } from '../../subgraphs/assemble.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/catalog.js';
import type { Database } from '../../subgraphs/common/database.js';
import { verifyLogs } from '../../subgraphs/common/logboek/verify-report.js';
import { remoteBewaartermijn } from '../../subgraphs/common/retention/route.js';
import { plusJaren } from '../../subgraphs/common/retention/termijnen.js';
import { aanvragen } from '../../subgraphs/garantiefonds/db/tables.js';
import { inwoners } from '../../subgraphs/gemeente/db/tables.js';
import { woningaanbiedingen } from '../../subgraphs/corporatie/db/tables.js';
import { trajecten } from '../../subgraphs/regisseur/db/tables.js';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { GEMEENTE_VENLO, REGISSEUR_NL, WOONWENZ, toBemiddeling, toCorporatiegesprek, toOnderzoek, type WalkedCase } from '../helpers/walk.js';

const DAG = 86_400_000;
const T0 = Date.now();
let clock = T0;
let fed: TestFederation;
let databases: Record<SubgraphName, Database>;
/** A: not in Woonkans, closed T0-2d. B: not in Woonkans, closed T0. C: entered Woonkans, closed T0-2d. D: still running. */
let A: WalkedCase, B: WalkedCase, C: WalkedCase, D: WalkedCase;
const closeA = new Date(T0 - 2 * DAG);
const closeC = closeA;

function ok(res: { data: unknown; errors?: unknown }, what: string): any {
  if (res.errors || !res.data) throw new Error(`${what}: ${JSON.stringify(res.errors)}`);
  return res.data;
}

async function sluit(who: Persona, c: WalkedCase, uitkomst: string) {
  const { traject } = ok(await fed.gql(who, `query($id: ID!) { traject(id: $id) { versie } }`, { id: c.id }), 'versie');
  ok(await fed.gql(who, `mutation($id: ID!, $v: Int!, $u: UitkomstSoort!) { sluitTraject(trajectId: $id, versie: $v, uitkomst: $u, toelichting: "test") { fase } }`, { id: c.id, v: traject.versie, u: uitkomst }), 'sluiten');
}

/** Reads that leave rows in the log about the case. */
async function lees(c: WalkedCase) {
  ok(await fed.gql(GEMEENTE_VENLO, `query($id: ID!) { traject(id: $id) { inwoner { naam } } }`, { id: c.id }), 'lezen');
}

beforeAll(async () => {
  fed = await startTestFederation({ now: () => clock });
  databases = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, fed.subgraphs[n].database])) as Record<SubgraphName, Database>;

  clock = closeA.getTime();
  A = await toOnderzoek(fed, 'Arie Retentie');
  await lees(A);
  await sluit(GEMEENTE_VENLO, A, 'NIET_DOELGROEP_REGULIER');

  C = await toCorporatiegesprek(fed, await toBemiddeling(fed, await toOnderzoek(fed, 'Cor Retentie'), new Date(clock)), ['woonwenz']);
  await lees(C);
  ok(await fed.gql(REGISSEUR_NL, `query($id: ID!) { traject(id: $id) { bemiddelingsprofiel { conclusie } } }`, { id: C.id }), 'profiel');
  ok(await fed.gql(WOONWENZ, `mutation($id: ID!) { doeWoningaanbod(trajectId: $id, input: { omschrijving: "Studio Venlo-Oost", kernHuurprijsCent: 48000 }) { id } }`, { id: C.id }), 'aanbod');
  ok(await fed.gql(WOONWENZ, `query($id: ID!) { traject(id: $id) { woningaanbod { omschrijving } } }`, { id: C.id }), 'aanbod lezen');
  // A claim on the fund for C (claims follow a lease; here only its presence matters).
  await databases.garantiefonds.db.insert(aanvragen).values({
    id: randomUUID(), trajectId: C.id, trajectCode: C.code, corporatie: 'woonwenz', formulier: { toelichting: 'test' },
    bedragCent: 120_000, status: 'INGEDIEND', ingediendOp: new Date(clock).toISOString(),
  });
  await sluit(REGISSEUR_NL, C, 'TERUGGETROKKEN');

  clock = T0;
  B = await toOnderzoek(fed, 'Bep Retentie');
  await lees(B);
  await sluit(GEMEENTE_VENLO, B, 'NIET_DOELGROEP_ANDERS');
  D = await toOnderzoek(fed, 'Dirk Retentie');
  await lees(D);
});

afterAll(async () => {
  await fed?.stop();
});

/** Rows per case in the main table of each subgraph that holds it. */
async function aanwezig(c: WalkedCase) {
  const count = async (p: Promise<unknown[]>) => (await p).length;
  return {
    gemeente: await count(databases.gemeente.db.select().from(inwoners).where(eq(inwoners.trajectId, c.id))),
    regisseur: await count(databases.regisseur.db.select().from(trajecten).where(eq(trajecten.id, c.id))),
    corporatie: await count(databases.corporatie.db.select().from(woningaanbiedingen).where(eq(woningaanbiedingen.trajectId, c.id))),
    garantiefonds: await count(databases.garantiefonds.db.select().from(aanvragen).where(eq(aanvragen.trajectId, c.id))),
  };
}

const logRows = async (name: SubgraphName, ids: string[]) =>
  (await databases[name].db.select({ id: logboekVan(name).tables.verwerkingen.id }).from(logboekVan(name).tables.verwerkingen).where(inArray(logboekVan(name).tables.verwerkingen.trajectId, ids))).length;

const intact = async () =>
  (await verifyLogs(SUBGRAPH_NAMES.map((n) => ({ subgraph: n, db: databases[n].db, ...logboekVan(n) })))).map((o) => o.status);

const run = (now: Date, droog = false) => runEmbeddedRetention(databases, { now, droog, logError: () => {} });

describe('retention terms', () => {
  it('every table of every subgraph is either deleted by its retention or kept for a stated reason', async () => {
    for (const name of SUBGRAPH_NAMES) {
      const rows = await databases[name].db.execute(sql`select table_name from information_schema.tables where table_schema = ${name} and table_type = 'BASE TABLE'`);
      const actual = ((Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { table_name: string }[]).map((r) => r.table_name).sort();
      // The log has its own retention (segments); the token register holds no case data and prunes
      // each row at its token's expiry (schema/identity/jti-register.ts).
      const declared = [...RETENTIE[name].tabellen, ...Object.keys(RETENTIE[name].bewaard), 'verwerkingen', 'audit', 'segmenten', 'token_jti'].sort();
      expect({ name, tables: actual }).toEqual({ name, tables: declared });
    }
  });

  it('a dry run counts and deletes nothing', async () => {
    const report = await run(new Date(plusJaren(closeA, 5).getTime() + DAG), true);
    expect(report.droog).toBe(true);
    expect(report.verwijderd.gemeente).toMatchObject({ inwoners: 1, meldingen: 1, onderzoeken: 1 });
    expect(await aanwezig(A)).toMatchObject({ gemeente: 1, regisseur: 1 });
    expect(report.logboek).toEqual({});
  });

  it('answers a subgraph deployed apart about its own ids only, on the regisseur’s clock', async () => {
    const url = fed.subgraphs.regisseur.url.replace(/\/graphql$/, '');
    const ask = remoteBewaartermijn({ url, token: () => fed.token(GEMEENTE_VENLO) });
    clock = plusJaren(closeA, 5).getTime() + DAG;
    try {
      expect(await ask([A.id, B.id, C.id, D.id, 'bestaat-niet'])).toEqual({ verlopen: [A.id], lopend: expect.arrayContaining([B.id, C.id, D.id]) });
      const asResident = remoteBewaartermijn({ url, token: () => fed.token({ partij: 'INWONER', sub: 'x' }) });
      await expect(asResident([A.id])).rejects.toThrow(/HTTP 403 NIET_BEVOEGD/);
      await expect(remoteBewaartermijn({ url, token: async () => 'geen-token' })([A.id])).rejects.toThrow(/HTTP 401/);
    } finally {
      clock = T0;
    }
  });

  it('deletes a case closed 5 years and a day ago without Woonkans everywhere, and keeps the one a day short', async () => {
    const now = new Date(plusJaren(closeA, 5).getTime() + DAG);
    const report = await run(now);
    expect(report).toMatchObject({
      droog: false,
      verlopen: { totaal: 1, zonderWoonkans: 1, metWoonkans: 0 },
      mislukt: [],
      verwijderd: {
        gemeente: { inwoners: 1, meldingen: 1, onderzoeken: 1, documenten: 0, ondersteuningsplannen: 0 },
        corporatie: { woningaanbiedingen: 0, huurovereenkomsten: 0, evaluaties: 0 },
        garantiefonds: { aanvragen: 0, nalatigheden: 0 },
        regisseur: { trajecten: 1, transities: 3, profielen: 0, toestemmingen: 0 },
      },
    });
    expect(await aanwezig(A)).toEqual({ gemeente: 0, regisseur: 0, corporatie: 0, garantiefonds: 0 });
    expect(await aanwezig(B)).toMatchObject({ gemeente: 1, regisseur: 1 });
    expect(await aanwezig(C)).toEqual({ gemeente: 1, regisseur: 1, corporatie: 1, garantiefonds: 1 });
    // Counts only: nothing of the case itself in the report.
    const text = JSON.stringify(report);
    for (const never of [A.id, A.code, 'Arie']) expect(text).not.toContain(never);
    // The log keeps its pseudonymous rows about A, sealed into a first segment, and still verifies.
    expect(await logRows('gemeente', [A.id])).toBeGreaterThan(0);
    expect(report.logboek['gemeente']).toEqual({ verzegeld: 1, verwijderdeSegmenten: [], verwerkingen: 0, audit: 0, tegengehoudenSegment: null });
    expect(await intact()).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('keeps a case that entered Woonkans until 15 years (a day short), while the 5-year case goes', async () => {
    const report = await run(new Date(plusJaren(closeC, 15).getTime() - DAG));
    expect(report.verlopen).toEqual({ totaal: 1, zonderWoonkans: 1, metWoonkans: 0 });
    expect(await aanwezig(B)).toEqual({ gemeente: 0, regisseur: 0, corporatie: 0, garantiefonds: 0 });
    expect(await aanwezig(C)).toEqual({ gemeente: 1, regisseur: 1, corporatie: 1, garantiefonds: 1 });
  });

  it('deletes the Woonkans case after 15 years: the corporation apart via the regisseur, the rest embedded, the regisseur after its grace', async () => {
    const now = new Date(plusJaren(closeC, 15).getTime() + DAG);
    clock = now.getTime();
    try {
      const url = fed.subgraphs.regisseur.url.replace(/\/graphql$/, '');
      const apart = await runSubgraphRetention('corporatie', databases.corporatie, { now, logError: () => {}, regisseur: { url, token: () => fed.token(WOONWENZ) } });
      expect(apart).toMatchObject({ subgraph: 'corporatie', verlopen: 1, verwijderd: { woningaanbiedingen: 1 } });
      // The regisseur on its own waits its grace period, so the others can still ask about C.
      const eigen = await runSubgraphRetention('regisseur', databases.regisseur, { now, logError: () => {}, nazorgDagen: 30 });
      expect(eigen.verwijderd['trajecten']).toBe(0);
    } finally {
      clock = T0;
    }
    const report = await run(now);
    expect(report).toMatchObject({
      verlopen: { totaal: 1, zonderWoonkans: 0, metWoonkans: 1 },
      verwijderd: {
        gemeente: { inwoners: 1, onderzoeken: 1, ondersteuningsplannen: 1 },
        corporatie: { woningaanbiedingen: 0 },
        garantiefonds: { aanvragen: 1 },
        regisseur: { trajecten: 1, profielen: 1, selecties: 1, toestemmingen: 1, toestemming_gebeurtenissen: 1 },
      },
    });
    expect(report.verwijderd['regisseur']!['transities']).toBeGreaterThanOrEqual(5);
    expect(await aanwezig(C)).toEqual({ gemeente: 0, regisseur: 0, corporatie: 0, garantiefonds: 0 });
    expect(await aanwezig(D)).toMatchObject({ gemeente: 1, regisseur: 1 });
    expect(await intact()).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('drops an old log segment only once none of its cases is held, and the chain still verifies', async () => {
    const [seal] = await databases.gemeente.db.select().from(logboekVan('gemeente').tables.segmenten).where(eq(logboekVan('gemeente').tables.segmenten.segment, 1));
    const late = new Date(plusJaren(seal!.sealedAt, 15).getTime() + DAG);
    const held = await run(late);
    // The gemeente's first segment holds rows about D, which still runs: kept. The corporation's has only C: dropped.
    expect(held.logboek['gemeente']).toMatchObject({ verwijderdeSegmenten: [], tegengehoudenSegment: 1 });
    expect(held.logboek['corporatie']).toMatchObject({ verwijderdeSegmenten: [1], tegengehoudenSegment: null });
    expect(held.logboek['corporatie']!.verwerkingen).toBeGreaterThan(0);
    expect(await logRows('gemeente', [D.id])).toBeGreaterThan(0);

    await sluit(GEMEENTE_VENLO, D, 'TERUGGETROKKEN');
    const gone = await run(new Date(late.getTime() + DAG));
    expect(gone.verlopen.totaal).toBe(1);
    expect(gone.logboek['gemeente']).toMatchObject({ verwijderdeSegmenten: [1], tegengehoudenSegment: null });
    expect(await logRows('gemeente', [A.id, B.id, C.id, D.id])).toBe(0);
    expect(await intact()).toEqual(['ok', 'ok', 'ok', 'ok']);
  });
});
