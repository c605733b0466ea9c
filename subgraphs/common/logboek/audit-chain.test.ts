/**
 * The audit chain: audit rows are chained like the processing records (own seq, own genesis, same
 * batch transaction, same seals), a changed, removed or added audit row is found at its seq, and an
 * existing database whose audit rows predate the chain migrates (PGlite and PostgreSQL): its old
 * rows stay as they were, counted as unverifiable; every row written since is chained.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AccessLogWriter } from '../access-log.js';
import { openDatabase, type Database } from '../database.js';
import { GENESIS_HASH, auditChainHash, linkRows } from './chain.js';
import { allowed, consulent, field, meta } from './fixtures.js';
import { dropSegmentsBefore, sealSegment } from './segments.js';
import { logboekTables } from './tables.js';
import { LOGBOEK_STAPPEN } from './migrations.js';
import { freshDatabaseTarget, migrateAsEarlierRelease, testVariants, type TestDatabase } from './testing.js';
import { verifyChain } from './verify.js';
import { createLogboekWriter } from './writer.js';

const naam = field('Inwoner.naam');

describe.each(testVariants())('audit chain on $name', { timeout: 60_000 }, (variant) => {
  let t: TestDatabase;
  let write: AccessLogWriter;
  afterEach(async () => {
    await t?.drop();
  });
  afterAll(() => variant.dispose());
  const it_ = it.skipIf(variant.skip);
  const open = async () => {
    t = await variant.open();
    write = createLogboekWriter({ db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
  };
  const verify = (pageSize?: number) => verifyChain({ db: t.db, schema: t.schema, tables: t.tables, ...(pageSize ? { pageSize } : {}) });
  const auditRows = () => t.db.select().from(t.tables.audit).orderBy(asc(t.tables.audit.seq));
  const owner = async (statement: string) => {
    await t.query(`alter table "${t.schema}"."audit" disable trigger user`);
    try {
      await t.query(statement);
    } finally {
      await t.query(`alter table "${t.schema}"."audit" enable trigger user`);
    }
  };

  it_('chains one audit row per request, in its own chain from genesis, in the batch that writes the records', async () => {
    await open();
    await Promise.all(Array.from({ length: 5 }, (_, i) => write([allowed(`t-${i}`, `p-${i}`, naam)], meta())));
    const rows = await auditRows();
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.vorigeHash).toBe(GENESIS_HASH);
    for (const [i, r] of rows.entries()) {
      expect(r.hash).toBe(auditChainHash(r.vorigeHash!, { ...r, seq: r.seq! }));
      if (i > 0) expect(r.vorigeHash).toBe(rows[i - 1]!.hash);
    }
    expect(await verify(2)).toMatchObject({ ok: true, checked: 5, audit: { checked: 5, ongeketend: 0 }, auditHead: { seq: 5, hash: rows[4]!.hash } });
  });

  it_('finds a changed, a removed and an added audit row at its audit seq', async () => {
    await open();
    for (let i = 0; i < 4; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    // Who did it, rewritten as only the tables' owner could (bypassing the triggers).
    await owner(`update "${t.schema}"."audit" set sub = 'iemand-anders' where seq = 2`);
    expect(await verify()).toEqual({ ok: false, keten: 'audit', brokenAt: 2, reason: 'content does not match its hash' });
    await owner(`update "${t.schema}"."audit" set sub = '${consulent.sub}' where seq = 2`);
    expect(await verify()).toMatchObject({ ok: true, audit: { checked: 4 } });

    await owner(`delete from "${t.schema}"."audit" where seq = 3`);
    expect(await verify()).toMatchObject({ ok: false, keten: 'audit', brokenAt: 3, reason: expect.stringMatching(/missing/) });
  });

  it_('refuses an unchained or half-chained audit row now, and a seal whose audit bounds do not match', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta());
    await expect(
      t.query(`insert into "${t.schema}"."audit" (trace_id, span_id, sub, partij, organisatie, tijdstip, segment) values ('x', 'y', 'z', 'GEMEENTE', 'g', now(), 1)`),
    ).rejects.toThrow(/audit_geketend/);
    await expect(
      t.query(`insert into "${t.schema}"."audit" (trace_id, span_id, sub, partij, organisatie, tijdstip, segment, seq) values ('x', 'y', 'z', 'GEMEENTE', 'g', now(), 1, 9)`),
    ).rejects.toThrow(/audit_keten_volledig/);
    const [v] = await t.db.select().from(t.tables.verwerkingen);
    await expect(
      t.query(`insert into "${t.schema}"."segmenten" (segment, first_seq, last_seq, last_hash, sealed_at) values (1, 1, 1, '${v!.hash}', now())`),
    ).rejects.toThrow(/does not match the chain/);
    expect(await sealSegment({ db: t.db, schema: t.schema, tables: t.tables })).toMatchObject({ segment: 1, auditFirstSeq: 1, auditLastSeq: 1 });
  });

  it_('is cut by the same seals, dropped with its segment, and continues from the kept audit digest', async () => {
    await open();
    const seal = () => sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    await write([allowed('t-1', 'p-1', naam)], meta());
    await write([allowed('t-2', 'p-2', naam)], meta());
    expect(await seal()).toMatchObject({ segment: 1, auditFirstSeq: 1, auditLastSeq: 2 });
    await write([allowed('t-3', 'p-3', naam)], meta());
    expect(await seal()).toMatchObject({ segment: 2, auditFirstSeq: 3, auditLastSeq: 3 });
    expect(await dropSegmentsBefore(t.db, t.schema, new Date(Date.now() + 60_000))).toEqual({ segmenten: [1, 2], verwerkingen: 3, audit: 3 });
    expect(await verify()).toMatchObject({ ok: true, checked: 0, audit: { checked: 0 }, auditHead: { seq: 3 } });
    await write([allowed('t-4', 'p-4', naam)], meta());
    const [row] = await auditRows();
    expect([row!.seq, row!.segment]).toEqual([4, 3]);
    expect(await verify()).toMatchObject({ ok: true, checked: 1, audit: { checked: 1, ongeketend: 0 } });
  });
});

/** The gemeente's migrations as they were before the audit chain: the journal cut before it. */
function migrationsBeforeAuditChain(): { folder: string; dispose(): void } {
  const source = new URL('../../gemeente/migrations', import.meta.url).pathname;
  const folder = mkdtempSync(join(tmpdir(), 'logboek-migraties-'));
  cpSync(source, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag.endsWith('_audit_keten'));
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  return { folder, dispose: () => rmSync(folder, { recursive: true, force: true }) };
}

describe(`migrating a log with unchained audit rows on ${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'}`, { timeout: 120_000 }, () => {
  it('keeps the old audit rows as they were, counts them as unverifiable, and chains every row after', async () => {
    const target = await freshDatabaseTarget('logboek-migratie');
    const old = migrationsBeforeAuditChain();
    const current = new URL('../../gemeente/migrations', import.meta.url).pathname;
    const tables = logboekTables(pgSchema('gemeente'));
    let database: Database | undefined;
    try {
      // The database as the previous release left it: a sealed segment and an open one, audit rows without chain.
      const tijdstip = new Date('2026-01-05T10:00:00.000Z');
      const base = { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), parentSpanId: null, verwerkingsactiviteitId: 'gemeente:IDENTITEIT:PASSENDE_ONDERSTEUNING', betrokkene: 'p-1', trajectId: 't-1', partij: 'GEMEENTE', organisatie: 'gemeente-venlo', velden: ['Inwoner.naam'], categorieen: ['IDENTITEIT'], toegestaan: true, reden: null, grondslag: 'WMO_PUBLIEKE_TAAK', doel: 'PASSENDE_ONDERSTEUNING', fase: 'ONDERZOEK', relatie: 'EIGEN_GEMEENTE', toestemmingId: null, doorbrekingId: null, tijdstip };
      const [r1, r2, r3] = linkRows(GENESIS_HASH, [1, 2, 3].map((seq) => ({ ...base, seq, segment: seq < 3 ? 1 : 2 })));
      const appendOnly = LOGBOEK_STAPPEN.filter((stap) => stap.naam === 'logboek_append_only');
      await migrateAsEarlierRelease(target, 'gemeente', old.folder, appendOnly, async (oldDb) => {
        const insertOld = async (r: typeof r1 & {}) => {
          await oldDb.execute(sql`insert into gemeente.verwerkingen (seq, trace_id, span_id, verwerkingsactiviteit_id, betrokkene, traject_id, partij, organisatie, velden, categorieen, toegestaan, grondslag, doel, fase, relatie, tijdstip, vorige_hash, hash, segment)
            values (${r.seq}, ${r.traceId}, ${r.spanId}, ${r.verwerkingsactiviteitId}, ${r.betrokkene}, ${r.trajectId}, ${r.partij}, ${r.organisatie}, ${sql.raw(`'{Inwoner.naam}'`)}, ${sql.raw(`'{IDENTITEIT}'`)}, true, ${r.grondslag}, ${r.doel}, ${r.fase}, ${r.relatie}, ${tijdstip.toISOString()}, ${r.vorigeHash}, ${r.hash}, ${r.segment})`);
          await oldDb.execute(sql`insert into gemeente.audit (trace_id, span_id, sub, partij, organisatie, tijdstip, segment) values (${r.traceId}, ${r.spanId}, 'oude-medewerker', 'GEMEENTE', 'gemeente-venlo', ${tijdstip.toISOString()}, ${r.segment})`);
        };
        await insertOld(r1!);
        await insertOld(r2!);
        await oldDb.execute(sql`insert into gemeente.segmenten (segment, first_seq, last_seq, last_hash, sealed_at) values (1, 1, 2, ${r2!.hash}, ${tijdstip.toISOString()})`);
        await insertOld(r3!);
      });

      // The new release starts: its migrations run on the existing database.
      database = await openDatabase({ schema: 'gemeente', url: target.url, dataDir: target.dataDir, migrationsFolder: current });
      const db = database.db;
      expect(await verifyChain({ db, schema: 'gemeente', tables })).toMatchObject({ ok: true, checked: 3, audit: { checked: 0, ongeketend: 3 } });
      const write = createLogboekWriter({ db, schema: 'gemeente', subgraph: 'gemeente', tables });
      await write([allowed('t-1', 'p-1', naam)], meta());
      await write([allowed('t-1', 'p-1', naam)], meta());
      const chained = await db.select().from(tables.audit).where(sql`${tables.audit.seq} is not null`).orderBy(asc(tables.audit.seq));
      expect(chained.map((r) => [r.seq, r.segment, r.sub])).toEqual([[1, 2, consulent.sub], [2, 2, consulent.sub]]);
      expect(chained[0]!.vorigeHash).toBe(GENESIS_HASH);
      expect(await verifyChain({ db, schema: 'gemeente', tables })).toMatchObject({ ok: true, checked: 5, audit: { checked: 2, ongeketend: 3 } });
      // The old rows may not be joined by new unchained ones.
      await expect(db.execute(sql`insert into gemeente.audit (trace_id, span_id, sub, partij, organisatie, tijdstip, segment) values ('x', 'y', 'z', 'GEMEENTE', 'g', now(), 2)`)).rejects.toSatisfy(
        (e: { message?: string; cause?: { message?: string } }) => /audit_geketend/.test(`${e.message} ${e.cause?.message ?? ''}`),
      );
      // Sealing and retention work across the boundary: segment 1 (old rows only) goes, the chain stays whole.
      expect(await sealSegment({ db, schema: 'gemeente', tables })).toMatchObject({ segment: 2, firstSeq: 3, lastSeq: 5, auditFirstSeq: 1, auditLastSeq: 2 });
      expect(await dropSegmentsBefore(db, 'gemeente', new Date(tijdstip.getTime() + 1))).toEqual({ segmenten: [1], verwerkingen: 2, audit: 2 });
      expect(await verifyChain({ db, schema: 'gemeente', tables })).toMatchObject({ ok: true, checked: 3, audit: { checked: 2, ongeketend: 1 } });
      // A changed new audit row is found; the old ones never could be, and are not claimed to be.
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw(`alter table gemeente.audit disable trigger user`));
        await tx.execute(sql.raw(`update gemeente.audit set rol = 'beheerder' where seq = 2`));
        await tx.execute(sql.raw(`alter table gemeente.audit enable trigger user`));
      });
      expect(await verifyChain({ db, schema: 'gemeente', tables })).toEqual({ ok: false, keten: 'audit', brokenAt: 2, reason: 'content does not match its hash' });
      const [seg] = await db.select().from(tables.segmenten).where(eq(tables.segmenten.segment, 1));
      expect(seg).toMatchObject({ auditFirstSeq: null, auditLastSeq: null, auditLastHash: null });
    } finally {
      await database?.close();
      old.dispose();
      await target.dispose();
    }
  });
});
