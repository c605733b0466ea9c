import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AccessLogWriter } from '../access-log.js';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { APPEND_ONLY_MESSAGE, RETENTION_SETTING, privilegesSql } from './append-only.js';
import { GENESIS_HASH } from './chain.js';
import { allowed, consulent, field, meta, refused, verhuurder } from './fixtures.js';
import { dropSegmentsBefore, sealSegment } from './segments.js';
import { statementsOf } from './migrations.js';
import { testVariants, type TestDatabase } from './testing.js';
import { verifyChain } from './verify.js';
import { createLogboekWriter } from './writer.js';

const naam = field('Inwoner.naam');
const adres = field('Inwoner.adres');
const telefoon = field('Inwoner.telefoon', 'CONTACT');
const gezondheid = field('Onderzoek.gezondheid', 'GEZONDHEID');

/** Expects `promise` to reject with a message (or, drizzle wrapping it, a cause) matching `pattern`. */
async function expectRejects(promise: Promise<unknown>, pattern: RegExp | string): Promise<void> {
  await expect(promise).rejects.toSatisfy((e: unknown) => {
    const err = e as { message?: string; cause?: { message?: string } };
    const text = `${err.message ?? ''} ${err.cause?.message ?? ''}`;
    return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
  });
}

/** Expects `promise` to be refused by the database with the append-only trigger's message. */
const expectRefused = (promise: Promise<unknown>) => expectRejects(promise, APPEND_ONLY_MESSAGE);

describe.each(testVariants())('logboek on $name', { timeout: 60_000 }, (variant) => {
  let t: TestDatabase;
  let write: AccessLogWriter;
  afterEach(async () => {
    await t?.drop();
  });
  afterAll(() => variant.dispose());
  const open = async (options: { dedicated?: boolean } = {}) => {
    t = await variant.open(undefined, options);
    write = createLogboekWriter({ db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
    return t;
  };
  const verify = (pageSize?: number) => verifyChain({ db: t.db, schema: t.schema, tables: t.tables, ...(pageSize ? { pageSize } : {}) });
  const rows = () => t.query<{ seq: string | number; betrokkene: string | null; velden: string[]; toegestaan: boolean }>(
    `select seq, betrokkene, velden, toegestaan, verwerkingsactiviteit_id from "${t.schema}"."verwerkingen" order by seq`,
  );
  const it_ = it.skipIf(variant.skip);

  it_('writes a request as processing records grouped per subject/activity, plus one audit row, through the log\'s routine', async () => {
    await open();
    t.queries.length = 0;
    await write(
      [
        allowed('t-1', 'p-1', naam),
        allowed('t-1', 'p-1', adres),
        allowed('t-1', 'p-1', telefoon),
        allowed('t-2', 'p-2', naam),
        refused('t-1', 'p-1', gezondheid),
      ],
      meta(),
    );
    // A new writer knows no head yet: it reads it under the lock, then appends, in one transaction.
    expect(t.queries.map((q) => /\."(logboek_(?:kop|toevoegen))"\(/.exec(q)?.[1])).toEqual(['logboek_kop', 'logboek_toevoegen']);

    const logged = await rows();
    expect(logged.map((r) => [Number(r.seq), r.betrokkene, r.velden, r.toegestaan])).toEqual([
      [1, 'p-1', ['Inwoner.adres', 'Inwoner.naam'], true],
      [2, 'p-1', ['Inwoner.telefoon'], true],
      [3, 'p-2', ['Inwoner.naam'], true],
      [4, 'p-1', ['Onderzoek.gezondheid'], false],
    ]);
    const audit = await t.query<{ sub: string; organisatie: string; rol: string }>(`select sub, organisatie, rol from "${t.schema}"."audit"`);
    expect(audit).toEqual([{ sub: consulent.sub, organisatie: 'gemeente-venlo', rol: 'wmo-consulent' }]);
    // The processing records never name the employee.
    const columns = await t.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = '${t.schema}' and table_name = 'verwerkingen'`,
    );
    expect(columns.map((c) => c.column_name)).not.toContain('sub');
  });

  it_('appends each later batch in one statement, and links right after another writer wrote in between', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta());
    t.queries.length = 0;
    await write([allowed('t-1', 'p-1', adres)], meta());
    expect(t.queries).toHaveLength(1);
    expect(t.queries[0]).toContain('"logboek_toevoegen"(');

    // Another writer (another process, a replica) moves the head: the first writer's guess is stale.
    const other = createLogboekWriter({ db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
    await other([allowed('t-2', 'p-2', naam), allowed('t-3', 'p-3', naam)], meta());
    t.queries.length = 0;
    await write([allowed('t-1', 'p-1', telefoon)], meta());
    // The stale guess appends nothing and learns the head; the try with it, in a transaction, lands.
    expect(t.queries.map((q) => /\."(logboek_(?:kop|toevoegen))"\(/.exec(q)?.[1])).toEqual(['logboek_toevoegen', 'logboek_toevoegen']);
    expect((await rows()).map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(await verify()).toMatchObject({ ok: true, checked: 5 });
  });

  it_('records an act in its own transaction after another writer moved the head, and the next batch links after it', async () => {
    await open();
    const writer = createLogboekWriter({ db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
    await writer([allowed('t-1', 'p-1', naam)], meta());
    const other = createLogboekWriter({ db: t.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
    await other([allowed('t-2', 'p-2', naam)], meta());
    // The act links to the stale guess first; under the lock it learns the head and lands.
    expect(await writer.act(meta(), async () => 'gedaan', () => [allowed('t-1', 'p-1', adres)])).toBe('gedaan');
    await writer([allowed('t-3', 'p-3', naam)], meta());
    expect((await rows()).map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    expect(await verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it_('writes nothing for a request that touched no personal data', async () => {
    await open();
    await write([], meta());
    expect(await t.query(`select 1 from "${t.schema}"."audit"`)).toHaveLength(0);
  });

  it_('chains the rows; the chain verifies, also page by page', async () => {
    await open();
    for (let i = 0; i < 5; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam), refused(`t-${i}`, `p-${i}`, gezondheid)], meta());
    expect(await verify()).toMatchObject({ ok: true, checked: 10 });
    expect(await verify(3)).toMatchObject({ ok: true, checked: 10 });
    const [first] = await t.query<{ vorige_hash: string }>(`select vorige_hash from "${t.schema}"."verwerkingen" where seq = 1`);
    expect(first?.vorige_hash).toBe(GENESIS_HASH);
  });

  it_('finds a tampered row at its seq', async () => {
    await open();
    for (let i = 0; i < 5; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    // As the tables' owner, bypassing the triggers: what an attacker with owner rights could do.
    await t.query(`alter table "${t.schema}"."verwerkingen" disable trigger user`);
    await t.query(`update "${t.schema}"."verwerkingen" set organisatie = 'gemeente-weert' where seq = 3`);
    expect(await verify(2)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/content/) });

    // Recomputing the tampered row's hash moves the break to the next link, never hides it.
    const { chainHash } = await import('./chain.js');
    const [row3] = await t.db.select().from(t.tables.verwerkingen).where((await import('drizzle-orm')).eq(t.tables.verwerkingen.seq, 3));
    const forged = chainHash(row3!.vorigeHash, row3!);
    await t.query(`update "${t.schema}"."verwerkingen" set hash = '${forged}' where seq = 3`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/vorige_hash/) });

    await t.query(`delete from "${t.schema}"."verwerkingen" where seq in (3, 4)`);
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/missing/) });
    await t.query(`alter table "${t.schema}"."verwerkingen" enable trigger user`);
  });

  it_('finds a forged row appended by someone who may only INSERT', async () => {
    await open();
    for (let i = 0; i < 3; i += 1) await write([allowed(`t-${i}`, `p-${i}`, naam)], meta());
    await t.query(
      `insert into "${t.schema}"."verwerkingen" (seq, trace_id, span_id, verwerkingsactiviteit_id, partij, organisatie, velden,
         categorieen, toegestaan, grondslag, doel, tijdstip, vorige_hash, hash, segment)
       values (4, 'x', 'y', 'gemeente:IDENTITEIT:PASSENDE_ONDERSTEUNING', 'GEMEENTE', 'gemeente-venlo', '{}', '{}', true,
         'WMO_PUBLIEKE_TAAK', 'PASSENDE_ONDERSTEUNING', now(), '${'0'.repeat(64)}', '${'1'.repeat(64)}', 1)`,
    );
    expect(await verify()).toMatchObject({ ok: false, brokenAt: 4, reason: expect.stringMatching(/vorige_hash/) });
  });

  it_('refuses UPDATE, DELETE and TRUNCATE on the log, even with the retention setting alone', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta());
    await sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    for (const table of ['verwerkingen', 'audit']) {
      await expectRefused(t.query(`update "${t.schema}"."${table}" set organisatie = 'x'`));
      await expectRefused(t.query(`delete from "${t.schema}"."${table}"`));
      await expectRefused(t.query(`truncate "${t.schema}"."${table}"`));
    }
    await expectRefused(t.query(`update "${t.schema}"."segmenten" set last_hash = 'x'`));
    await expectRefused(t.query(`delete from "${t.schema}"."segmenten"`));
    await expectRefused(t.query(`truncate "${t.schema}"."segmenten"`));
    // Anyone can set the setting; it deletes nothing of a segment the procedure did not mark dropped.
    await expectRefused(
      t.db.transaction(async (tx) => {
        await tx.execute((await import('drizzle-orm')).sql.raw(`select set_config('${RETENTION_SETTING}', 'on', true)`));
        await tx.execute((await import('drizzle-orm')).sql.raw(`delete from "${t.schema}"."verwerkingen"`));
      }),
    );
    // Nor marks a segment dropped by hand (only drop_segment sets the setting and the mark together).
    await expectRefused(t.query(`update "${t.schema}"."segmenten" set dropped_at = now()`));
    expect(await rows()).toHaveLength(1);
    expect(await verify()).toMatchObject({ ok: true, checked: 1 });
  });

  it_('refuses rows in a sealed segment and seals that do not match the chain', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta());
    await sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    await expectRefused(
      t.query(`insert into "${t.schema}"."audit" (trace_id, span_id, sub, partij, organisatie, tijdstip, segment, seq, vorige_hash, hash)
               values ('x', 'y', 'z', 'GEMEENTE', 'gemeente-venlo', now(), 1, 2, '${'d'.repeat(64)}', '${'e'.repeat(64)}')`),
    );
    // Checked once per statement: one row of a sealed segment among rows of the open one refuses them all.
    const [last] = await t.query<{ hash: string }>(`select hash from "${t.schema}"."verwerkingen" order by seq desc limit 1`);
    const forged = (seq: number, segment: number) =>
      `(${seq}, 'x', 'y', 'a', 'GEMEENTE', 'gemeente-venlo', '{}', '{}', true, 'WMO', 'DOEL', now(), '${last!.hash}', '${'e'.repeat(64)}', ${segment})`;
    await expectRefused(
      t.query(`insert into "${t.schema}"."verwerkingen" (seq, trace_id, span_id, verwerkingsactiviteit_id, partij, organisatie, velden, categorieen, toegestaan, grondslag, doel, tijdstip, vorige_hash, hash, segment)
               values ${forged(2, 2)}, ${forged(3, 1)}`),
    );
    expect(await t.query(`select seq from "${t.schema}"."verwerkingen" where seq > 1`)).toEqual([]);
    await write([allowed('t-1', 'p-1', naam)], meta());
    await expectRefused(
      t.query(`insert into "${t.schema}"."segmenten" (segment, first_seq, last_seq, last_hash, sealed_at)
               values (2, 2, 2, '${'f'.repeat(64)}', now())`),
    );
  });

  it_('keeps one unforked chain under 20 concurrent writers on separate connections', async () => {
    await open();
    const connections = await Promise.all([t.connect(), t.connect(), t.connect(), t.connect()]);
    try {
      const writers = connections.map((c) => createLogboekWriter({ db: c.db, schema: t.schema, subgraph: 'gemeente', tables: t.tables }));
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          writers[i % writers.length]!([allowed(`t-${i}`, `p-${i}`, naam), allowed(`t-${i}`, `p-${i}`, telefoon)], meta()),
        ),
      );
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
    const seqs = (await rows()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await verify(7)).toMatchObject({ ok: true, checked: 40 });
    const links = await t.query<{ n: string | number }>(
      `select count(distinct vorige_hash) as n from "${t.schema}"."verwerkingen"`,
    );
    expect(Number(links[0]!.n)).toBe(40);
  });

  it_('drops sealed segments older than the cutoff and stays verifiable from the kept digest', async () => {
    await open();
    const seal = () => sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    expect(await seal()).toBeNull(); // nothing to seal yet
    await write([allowed('t-1', 'p-1', naam), allowed('t-1', 'p-1', telefoon)], meta());
    const first = await seal();
    expect(first).toMatchObject({ segment: 1, firstSeq: 1, lastSeq: 2 });
    await write([allowed('t-2', 'p-2', naam)], meta());
    expect(await seal()).toMatchObject({ segment: 2, firstSeq: 3, lastSeq: 3 });
    await write([allowed('t-3', 'p-3', naam)], meta());

    expect(await dropSegmentsBefore(t.db, t.schema, new Date(Date.now() - 3_600_000))).toEqual({ segmenten: [], verwerkingen: 0, audit: 0 });
    const dropped = await dropSegmentsBefore(t.db, t.schema, new Date(Date.now() + 60_000));
    expect(dropped).toEqual({ segmenten: [1, 2], verwerkingen: 3, audit: 2 });
    expect((await rows()).map((r) => Number(r.seq))).toEqual([4]);
    expect(await verify()).toMatchObject({ ok: true, checked: 1 });

    // The chain continues, also when retention removed every row.
    expect(await seal()).toMatchObject({ segment: 3, firstSeq: 4, lastSeq: 4 });
    expect((await dropSegmentsBefore(t.db, t.schema, new Date(Date.now() + 60_000))).segmenten).toEqual([3]);
    expect(await verify()).toMatchObject({ ok: true, checked: 0 });
    await write([allowed('t-4', 'p-4', naam)], meta());
    const [row] = await t.query<{ seq: string | number; segment: number }>(`select seq, segment from "${t.schema}"."verwerkingen"`);
    expect([Number(row!.seq), row!.segment]).toEqual([5, 4]);
    expect(await verify()).toMatchObject({ ok: true, checked: 1 });
    // A row left behind in a dropped segment's range would be reported.
    const segs = await t.query<{ segment: number; dropped_at: unknown }>(`select segment, dropped_at from "${t.schema}"."segmenten" order by segment`);
    expect(segs.map((s) => [s.segment, s.dropped_at !== null])).toEqual([[1, true], [2, true], [3, true]]);
  });

  it_('drops nothing that is not sealed, and only oldest first', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta());
    await expect(t.query(`select * from "${t.schema}"."drop_segment"(1)`)).rejects.toThrow(/not sealed/);
    await sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    await write([allowed('t-1', 'p-1', naam)], meta());
    await sealSegment({ db: t.db, schema: t.schema, tables: t.tables });
    await expect(t.query(`select * from "${t.schema}"."drop_segment"(2)`)).rejects.toThrow(/older segments/);
    expect(await verify()).toMatchObject({ ok: true, checked: 2 });
  });

  it_('rejects when the database is closed, and when tables and schema disagree', async () => {
    await open({ dedicated: true });
    await t.close();
    await expect(write([allowed('t-1', 'p-1', naam)], meta())).rejects.toThrow();
    expect(() => createLogboekWriter({ db: t.db, schema: 'corporatie', subgraph: 'corporatie', tables: t.tables })).toThrow(/schema/);
  });

  it_('keeps the employee apart and the organisation in the log', async () => {
    await open();
    await write([allowed('t-1', 'p-1', naam)], meta(verhuurder, 'corporatie'));
    const [row] = await t.query<{ partij: string; organisatie: string }>(`select partij, organisatie from "${t.schema}"."verwerkingen"`);
    expect(row).toEqual({ partij: 'CORPORATIE', organisatie: 'woonwenz' });
  });

  it_('with production privileges the application role can only append and read; retention needs its own role', async () => {
    await open();
    const suffix = randomBytes(4).toString('hex');
    const app = `logboek_app_${suffix}`;
    const ret = `logboek_ret_${suffix}`;
    await t.query(`create role ${app} nologin`);
    await t.query(`create role ${ret} nologin`);
    try {
      // A hardened server grants PUBLIC nothing: the privileges must name all the writer needs.
      await t.query(`revoke execute on all functions in schema "${t.schema}" from public`);
      for (const statement of statementsOf(privilegesSql(t.schema, app, { retentionRole: ret }))) await t.query(statement);
      const denied = /permission denied/;
      await t.db.transaction(async (tx) => {
        await tx.execute(sql.raw(`set local role ${app}`));
        const asApp = createLogboekWriter({ db: tx, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
        await asApp([allowed('t-1', 'p-1', naam)], meta());
        expect(await sealSegment({ db: tx, schema: t.schema, tables: t.tables })).toMatchObject({ segment: 1 });
        await asApp([allowed('t-1', 'p-1', naam)], meta());
        const attempt = (text: string) => tx.transaction(async (sp) => void (await sp.execute(sql.raw(text))));
        await expectRejects(attempt(`update "${t.schema}"."verwerkingen" set organisatie = 'x'`), denied);
        await expectRejects(attempt(`delete from "${t.schema}"."audit"`), denied);
        await expectRejects(attempt(`truncate "${t.schema}"."verwerkingen"`), denied);
        await expectRejects(attempt(`alter table "${t.schema}"."verwerkingen" disable trigger user`), /owner|permission/);
        await expectRejects(attempt(`select * from "${t.schema}"."drop_segment"(1)`), denied);
        await tx.execute(sql.raw(`set local role ${ret}`));
        const dropped = await dropSegmentsBefore(tx, t.schema, new Date(Date.now() + 60_000));
        expect(dropped).toEqual({ segmenten: [1], verwerkingen: 1, audit: 1 });
        await expectRejects(attempt(`delete from "${t.schema}"."verwerkingen"`), denied);
      });
      expect(await verify()).toMatchObject({ ok: true, checked: 1 });
    } finally {
      for (const role of [app, ret]) {
        await t.query(`drop owned by ${role}`);
        await t.query(`drop role ${role}`);
      }
    }
  });
});
