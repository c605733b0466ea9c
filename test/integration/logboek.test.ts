/**
 * The access log in the running federation: one partner request carries one trace id into every
 * subgraph's log; a request whose log write fails discloses nothing; the database refuses to change
 * the log; and `npm run verify-log` finds a tampered row at its seq.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestFederation, type TestFederation } from '../helpers/federation.js';
import { captureLogs } from '../helpers/log-capture.js';
import { BSN, GEMEENTE_VENLO, GEZONDHEID, REGISSEUR_NL, toBemiddeling, toCorporatiegesprek, toOnderzoek, type WalkedCase } from '../helpers/walk.js';
import { logboekVan } from '../../subgraphs/assemble.js';
import { onderzoeken } from '../../subgraphs/gemeente/db/tables.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../../subgraphs/catalog.js';
import { loadOrCreateDevCheckpointKey, readCheckpoint, type CheckpointSigningKey } from '../../subgraphs/common/logboek/checkpoint.js';
import { verifyLogs } from '../../subgraphs/common/logboek/verify-report.js';

const serverUrl = process.env['TEST_DATABASE_URL'];
let fed: TestFederation;
/** The services' log lines: an act refused for its record says why to the operator. */
const logs = captureLogs('info');
let stopped = false;
let dataDir: string | undefined;
let databaseUrl: string | undefined;
let dropDatabase: (() => Promise<void>) | undefined;
let zaak: WalkedCase;
/** The signed head checkpoints, outside every database: a folder of their own and a key made for the test. */
const checkpointRoot = mkdtempSync(join(tmpdir(), 'woonkans-controlepunten-'));
const checkpointDir = join(checkpointRoot, 'controlepunten');
const checkpointKeyFile = join(checkpointRoot, 'sleutel', 'ed25519-key.json');
let checkpointKey: CheckpointSigningKey;
const NAAM = 'Loes Logboek';

beforeAll(async () => {
  checkpointKey = await loadOrCreateDevCheckpointKey(checkpointKeyFile);
  const checkpoints = { dir: checkpointDir, key: checkpointKey };
  if (serverUrl) {
    // Our own database, so the verify-log command can be pointed at it.
    const name = `woonkans_logboek_${randomBytes(5).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const a = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    };
    fed = await startTestFederation({ databaseUrl: () => databaseUrl, checkpoints, logger: logs.logger });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'woonkans-logboek-'));
    fed = await startTestFederation({ dataDir, checkpoints, logger: logs.logger });
  }
  zaak = await toCorporatiegesprek(fed, await toBemiddeling(fed, await toOnderzoek(fed, NAAM)));
});

afterAll(async () => {
  if (!stopped) await fed?.stop();
  await dropDatabase?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  rmSync(checkpointRoot, { recursive: true, force: true });
});

const db = (name: SubgraphName) => fed.subgraphs[name].database.db;
const log = (name: SubgraphName) => logboekVan(name).tables.verwerkingen;
const targets = () =>
  SUBGRAPH_NAMES.map((name) => ({ subgraph: name, db: db(name), ...logboekVan(name), checkpoint: () => readCheckpoint(checkpointDir, name, checkpointKey) }));

async function post(persona: Parameters<TestFederation['token']>[0], query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${fed.gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await fed.token(persona)}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}

const TWEE_SUBGRAPHS = `query($id: ID!) { traject(id: $id) { code inwoner { naam } bemiddelingsprofiel { woonsituatie } } }`;

describe('one trace per partner request', () => {
  it('logs the gateway’s trace id and span as parent in both subgraphs a query touches', async () => {
    const traceId = randomBytes(16).toString('hex');
    const parent = randomBytes(8).toString('hex');
    const res = await post(REGISSEUR_NL, TWEE_SUBGRAPHS, { id: zaak.id }, { traceparent: `00-${traceId}-${parent}-01` });
    expect(JSON.parse(res.text)).toEqual({ data: { traject: { code: zaak.code, inwoner: { naam: NAAM }, bemiddelingsprofiel: { woonsituatie: expect.any(String) } } } });

    const rows = async (name: SubgraphName) => db(name).select().from(log(name)).where(eq(log(name).traceId, traceId));
    const gemeente = await rows('gemeente');
    const regisseur = await rows('regisseur');
    // Existence is data too: the case itself (TRAJECT), and each object as a whole, are records beside the leaves.
    const velden = (rs: { velden: string[] }[]) => rs.flatMap((r) => r.velden).sort();
    expect(velden(gemeente)).toEqual(['Inwoner.naam', 'Traject.inwoner']);
    expect(velden(regisseur)).toEqual(['Bemiddelingsprofiel.woonsituatie', 'Query.traject', 'Traject.bemiddelingsprofiel', 'Traject.code']);
    // The gateway continues the partner's trace with a span of its own, the parent of both subgraphs' spans.
    const gatewaySpan = gemeente[0]!.parentSpanId;
    expect(gatewaySpan).toMatch(/^[0-9a-f]{16}$/);
    expect(gatewaySpan).not.toBe(parent);
    for (const row of [...gemeente, ...regisseur]) {
      expect(row).toMatchObject({ traceId, parentSpanId: gatewaySpan, trajectId: zaak.id, partij: 'REGISSEUR', organisatie: 'regio-noord-limburg', toegestaan: true });
    }
    // Each subgraph's own span, under the same parent.
    expect(gemeente[0]!.spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set([gemeente[0]!.spanId, regisseur[0]!.spanId, gatewaySpan, parent]).size).toBe(4);
  });

  it('gives both subgraphs one trace id when the partner sent no traceparent', async () => {
    const res = await post(REGISSEUR_NL, TWEE_SUBGRAPHS, { id: zaak.id });
    expect(res.status).toBe(200);
    const latest = async (name: SubgraphName) => (await db(name).select().from(log(name)).orderBy(desc(log(name).seq)).limit(1))[0]!;
    const [g, r] = [await latest('gemeente'), await latest('regisseur')];
    expect(g.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(r.traceId).toBe(g.traceId);
    expect(r.parentSpanId).toBe(g.parentSpanId);
    expect(g.parentSpanId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('fail closed', () => {
  const PERSOONLIJK = `query($id: ID!) { traject(id: $id) { id inwoner { naam bsn telefoon gezondheid } } }`;

  it('returns no personal data through the gateway when the subgraph cannot write its log, and writes nothing', async () => {
    const before = await db('gemeente').select({ n: sql<number>`count(*)::int` }).from(log('gemeente'));
    // A broken log table: every insert now fails, as when the disk is full or the role lost INSERT.
    await db('gemeente').execute(sql.raw(`alter table gemeente.verwerkingen add constraint logboek_test_kapot check (seq < 0) not valid`));
    try {
      const res = await post(GEMEENTE_VENLO, PERSOONLIJK, { id: zaak.id });
      for (const value of [NAAM, BSN, GEZONDHEID, '0600001234']) expect(res.text).not.toContain(value);
      const json = JSON.parse(res.text) as { data?: { traject?: { inwoner: unknown } }; errors?: { extensions?: { code?: string } }[] };
      expect(json.data?.traject?.inwoner ?? null).toBeNull();
      expect(json.errors?.map((e) => e.extensions?.code)).toContain('TOEGANGSLOG_ONBEREIKBAAR');
      // The partner learns which organisation's log failed, not an anonymous internal error.
      const failed = json.errors?.find((e) => e.extensions?.code === 'TOEGANGSLOG_ONBEREIKBAAR')?.extensions as Record<string, unknown> | undefined;
      expect(failed?.['serviceName']).toBe('gemeente');
      const after = await db('gemeente').select({ n: sql<number>`count(*)::int` }).from(log('gemeente'));
      expect(after).toEqual(before);
    } finally {
      await db('gemeente').execute(sql.raw(`alter table gemeente.verwerkingen drop constraint logboek_test_kapot`));
    }
    // Repaired: the same request answers, is logged, and the chain is whole.
    const res = await post(GEMEENTE_VENLO, PERSOONLIJK, { id: zaak.id });
    expect(res.text).toContain(NAAM);
    const [count] = await db('gemeente').select({ n: sql<number>`count(*)::int` }).from(log('gemeente'));
    expect(count!.n).toBeGreaterThan(before[0]!.n);
    expect(await verifyLogs([targets()[0]!])).toEqual([{ subgraph: 'gemeente', status: 'ok', checked: count!.n, audit: { checked: expect.any(Number), ongeketend: 0 }, controlepunt: count!.n }]);
  });
});

describe('an act and its record commit together', () => {
  const ONDERZOEK = `mutation($id: ID!, $woonsituatie: String) { legOnderzoekVast(trajectId: $id, input: { gesprekOp: "2026-11-10", woonsituatie: $woonsituatie }) { id } }`;
  const woonsituatieVan = async (id: string) =>
    (await db('gemeente').select({ w: onderzoeken.woonsituatie }).from(onderzoeken).where(eq(onderzoeken.trajectId, id)))[0]?.w;
  const actRows = (name: SubgraphName, id: string) =>
    db(name).select().from(log(name)).where(sql`${log(name).trajectId} = ${id} and exists (select 1 from unnest(${log(name).velden}) v where v like 'Mutation.%')`);

  it('records every act of the walk in the log of the organisation that did it, with its basis and purpose', async () => {
    const gemeente = await actRows('gemeente', zaak.id);
    expect(gemeente.flatMap((r) => r.velden)).toEqual(expect.arrayContaining(['Mutation.registreerMelding', 'Mutation.legOnderzoekVast', 'Mutation.beoordeelDoelgroep']));
    for (const row of gemeente) {
      expect(row).toMatchObject({ partij: 'GEMEENTE', organisatie: 'gemeente-venlo', toegestaan: true, relatie: 'EIGEN_GEMEENTE', categorieen: ['TRAJECT'] });
      expect(row.verwerkingsactiviteitId).toBe(`gemeente:TRAJECT:${row.doel}`);
    }
    const regisseur = await actRows('regisseur', zaak.id);
    // The routeplanner's acts, whoever does them: the gemeente starts and hands over, the regisseur profiles and selects.
    expect(regisseur.map((r) => `${r.partij} ${r.velden.join()}`)).toEqual(
      expect.arrayContaining(['GEMEENTE Mutation.startOnderzoek', 'GEMEENTE Mutation.draagOver', 'REGISSEUR Mutation.legProfielVast', 'REGISSEUR Mutation.selecteerCorporaties']),
    );
  });

  it('refuses an act whose record cannot be written, and changes nothing; repaired, the same act is done and recorded', async () => {
    const c = await toOnderzoek(fed, 'Anna Akte');
    const before = await woonsituatieVan(c.id);
    const recordsBefore = (await actRows('gemeente', c.id)).length;
    await db('gemeente').execute(sql.raw(`alter table gemeente.verwerkingen add constraint logboek_test_kapot check (seq < 0) not valid`));
    try {
      const res = JSON.parse((await post(GEMEENTE_VENLO, ONDERZOEK, { id: c.id, woonsituatie: 'Nieuw, maar niet vastgelegd' })).text) as { errors?: { extensions?: Record<string, unknown> }[] };
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'TOEGANGSLOG_ONBEREIKBAAR', handeling: 'legOnderzoekVast', serviceName: 'gemeente' });
      // The partner hears that nothing changed; the operator also hears why: the database's refusal.
      const line = logs.records().find((r) => r['msg'] === 'geweigerd na een storing' && r['code'] === 'TOEGANGSLOG_ONBEREIKBAAR');
      expect(line?.['err']?.['type']).toBe('ActNotRecorded');
      // The database's own refusal under drizzle's: a check violation (PostgreSQL also names the constraint, PGlite not).
      expect(JSON.stringify(line?.['err']?.['cause'])).toContain('"code":"23514"');
    } finally {
      await db('gemeente').execute(sql.raw(`alter table gemeente.verwerkingen drop constraint logboek_test_kapot`));
    }
    expect(await woonsituatieVan(c.id)).toBe(before);
    expect(await actRows('gemeente', c.id)).toHaveLength(recordsBefore);

    const res = JSON.parse((await post(GEMEENTE_VENLO, ONDERZOEK, { id: c.id, woonsituatie: 'Nieuw en vastgelegd' })).text) as { errors?: unknown };
    expect(res.errors).toBeUndefined();
    expect(await woonsituatieVan(c.id)).toBe('Nieuw en vastgelegd');
    expect(await actRows('gemeente', c.id)).toHaveLength(recordsBefore + 1);
    expect((await verifyLogs([targets()[0]!]))[0]!.status).toBe('ok');
  });
});

describe('append-only in the running database', () => {
  it.each([
    ['UPDATE', `update gemeente.verwerkingen set organisatie = 'iemand-anders' where seq = 1`],
    ['DELETE', `delete from gemeente.verwerkingen where seq = 1`],
    ['TRUNCATE', `truncate gemeente.verwerkingen`],
    ['UPDATE audit', `update gemeente.audit set sub = 'niemand'`],
    ['DELETE audit', `delete from gemeente.audit`],
  ])('refuses %s on the log of a running subgraph', async (_what, statement) => {
    // drizzle wraps the driver's error; the database's own refusal is its cause.
    const error = await db('gemeente').execute(sql.raw(statement)).then(() => undefined, (e: { cause?: Error }) => e);
    expect(error?.cause?.message).toMatch(/^logboek is append-only: (UPDATE|DELETE|TRUNCATE) on gemeente\.(verwerkingen|audit) is refused$/);
    expect((await verifyLogs([targets()[0]!]))[0]!.status).toBe('ok');
  });
});

/** Changes one row behind the triggers' back, as only a table owner could. */
async function tamper(name: SubgraphName, seq: number, organisatie: string) {
  await db(name).transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table ${name}.verwerkingen disable trigger verwerkingen_alleen_toevoegen`));
    await tx.execute(sql.raw(`update ${name}.verwerkingen set organisatie = '${organisatie}' where seq = ${seq}`));
    await tx.execute(sql.raw(`alter table ${name}.verwerkingen enable trigger verwerkingen_alleen_toevoegen`));
  });
}

describe('tamper evidence', () => {
  it('finds a changed row at its seq, in that subgraph only, and is whole again once it is undone', async () => {
    const rows = await db('regisseur').select().from(log('regisseur')).orderBy(log('regisseur').seq);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    const victim = rows[1]!;
    await tamper('regisseur', victim.seq, 'vervalst');
    const outcomes = await verifyLogs(targets());
    expect(outcomes.find((o) => o.subgraph === 'regisseur')).toEqual({
      subgraph: 'regisseur',
      status: 'gebroken',
      brokenAt: victim.seq,
      reason: 'content does not match its hash',
    });
    expect(outcomes.filter((o) => o.subgraph !== 'regisseur').map((o) => o.status)).toEqual(['ok', 'ok', 'ok']);
    await tamper('regisseur', victim.seq, victim.organisatie);
    expect((await verifyLogs(targets())).map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('finds a changed audit row (who did it) at its audit seq, and is whole again once it is undone', async () => {
    const a = logboekVan('regisseur').tables.audit;
    const [victim] = await db('regisseur').select().from(a).where(sql`${a.seq} is not null`).orderBy(desc(a.seq)).limit(1);
    expect(victim?.seq).toBeGreaterThan(0);
    const set = (sub: string) =>
      db('regisseur').transaction(async (tx) => {
        await tx.execute(sql.raw(`alter table regisseur.audit disable trigger audit_alleen_toevoegen`));
        await tx.execute(sql.raw(`update regisseur.audit set sub = '${sub}' where seq = ${victim!.seq}`));
        await tx.execute(sql.raw(`alter table regisseur.audit enable trigger audit_alleen_toevoegen`));
      });
    await set('iemand-anders');
    expect((await verifyLogs(targets())).find((o) => o.subgraph === 'regisseur')).toEqual({
      subgraph: 'regisseur', status: 'gebroken', keten: 'audit', brokenAt: victim!.seq, reason: 'content does not match its hash',
    });
    await set(victim!.sub);
    expect((await verifyLogs(targets())).map((o) => o.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('npm run verify-log reports each subgraph and exits 1 with the first broken seq, or where the newest rows were cut off', async () => {
    const [second] = await db('gemeente').select().from(log('gemeente')).where(eq(log('gemeente').seq, 2));
    expect(second).toBeDefined();
    await tamper('gemeente', 2, 'vervalst');
    // The regisseur's newest rows deleted, as the database superuser past the triggers: the rest still chains.
    const [newest] = await db('regisseur').select({ seq: log('regisseur').seq }).from(log('regisseur')).orderBy(desc(log('regisseur').seq)).limit(1);
    const head = newest!.seq;
    expect(head).toBeGreaterThanOrEqual(3);
    await db('regisseur').transaction(async (tx) => {
      await tx.execute(sql.raw(`alter table regisseur.verwerkingen disable trigger verwerkingen_alleen_toevoegen`));
      await tx.execute(sql.raw(`delete from regisseur.verwerkingen where seq > ${head - 2}`));
      await tx.execute(sql.raw(`alter table regisseur.verwerkingen enable trigger verwerkingen_alleen_toevoegen`));
    });
    // One PGlite folder must not be opened by two processes: the command runs after the federation stopped.
    await fed.stop();
    stopped = true;
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PGLITE_DIR: dataDir,
      LOGBOEK_CONTROLEPUNT_DIR: checkpointDir,
      LOGBOEK_CONTROLEPUNT_KEY_FILE: checkpointKeyFile,
    };
    for (const key of Object.keys(env)) if (key.startsWith('DATABASE_URL_') || env[key] === undefined) delete env[key];
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/verify-log.ts', ...args], { env: env as NodeJS.ProcessEnv });
        let stdout = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout }));
      });
    const all = await run([]);
    expect(all.code).toBe(1);
    expect(all.stdout).toMatch(/^gemeente: GEBROKEN bij seq 2: content does not match its hash$/m);
    expect(all.stdout).toMatch(new RegExp(`^regisseur: GEBROKEN: afgekapt na seq ${head - 2} \\(`, 'm'));
    expect(all.stdout).toMatch(/^corporatie: ok, \d+ (rij|rijen) gecontroleerd, \d+ (auditrij|auditrijen) gecontroleerd/m);
    expect(all.stdout).toMatch(/^garantiefonds: ok, \d+ (rij|rijen) gecontroleerd, \d+ (auditrij|auditrijen) gecontroleerd/m);
    const one = await run(['--subgraph', 'corporatie']);
    expect(one).toEqual({ code: 0, stdout: expect.stringMatching(/^corporatie: ok, \d+ (rij|rijen) gecontroleerd, \d+ (auditrij|auditrijen) gecontroleerd[^\n]*\n$/) });
  }, 90_000);
});
