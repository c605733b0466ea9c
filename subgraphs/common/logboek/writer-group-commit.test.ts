/**
 * Group commit of the access log on real databases (PGlite always, PostgreSQL when
 * `TEST_DATABASE_URL` is set): concurrent requests share batches, a failed batch fails its
 * requests closed and only those, a request resolves only once its rows are visible to others,
 * and two processes writing one log keep one verifiable chain.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { count, eq, sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AccessLogWriter, RequestMeta } from '../access-log.js';
import type { Db } from '../database.js';
import { allowed, field, meta } from './fixtures.js';
import { quoteIdent } from './identifier.js';
import { loadRows, loadTraceId, type LoadWriterJob, type LoadWriterResult } from './load-writer.js';
import { logboekTables } from './tables.js';
import { logboekSql, testVariants, type TestDatabase } from './testing.js';
import { verifyChain } from './verify.js';
import { MAX_BATCH_REQUESTS, createLogboekWriter } from './writer.js';

const naam = field('Inwoner.naam');

/** A request touching `cases` cases, one processing record each. */
const request = (tag: string, cases = 2) => Array.from({ length: cases }, (_, k) => allowed(`${tag}-${k}`, `p-${k}`, naam));

/** A `Db` whose every transaction runs `around` its body: to hold a batch open, or slow its commit. */
function wrapTransactions(db: Db, around: (body: () => Promise<unknown>) => Promise<unknown>): Db {
  const transaction = ((run, config) => db.transaction((tx) => around(() => run(tx)) as never, config)) as Db['transaction'];
  return new Proxy(db, { get: (target, p) => (p === 'transaction' ? transaction : Reflect.get(target, p, target)) });
}

const settle = (promises: Promise<void>[]) =>
  Promise.allSettled(promises).then((all) => all.map((o) => (o.status === 'fulfilled' ? 'ok' : 'rejected')));

describe.each(testVariants())('group commit of the access log on $name', { timeout: 60_000 }, (variant) => {
  let t: TestDatabase;
  afterEach(async () => {
    await t?.drop();
  });
  afterAll(() => variant.dispose());
  const it_ = it.skipIf(variant.skip);
  const writerOn = (db: Db): AccessLogWriter => createLogboekWriter({ db, schema: t.schema, subgraph: 'gemeente', tables: t.tables });
  /** A writer on the test's database and the number of batches it wrote so far. */
  const countedWriter = () => {
    let batches = 0;
    const write = createLogboekWriter({
      db: t.db,
      schema: t.schema,
      subgraph: 'gemeente',
      tables: t.tables,
      timeBatch: (batch) => ((batches += 1), batch()),
    });
    return { write, batches: () => batches };
  };
  const verify = () => verifyChain({ db: t.db, schema: t.schema, tables: t.tables });
  const chain = () =>
    t.query<{ seq: string | number; trace_id: string }>(`select seq, trace_id from "${t.schema}"."verwerkingen" order by seq`);
  const auditTraces = async () =>
    (await t.query<{ trace_id: string }>(`select trace_id from "${t.schema}"."audit" order by id`)).map((r) => r.trace_id);

  it_('writes 50 concurrent requests in fewer batches than requests, chained in arrival order', async () => {
    t = await variant.open();
    const { write, batches } = countedWriter();
    const metas = Array.from({ length: 50 }, () => meta());
    await Promise.all(metas.map((m, i) => write(request(`t-${i}`, 1 + (i % 3)), m)));

    expect(batches()).toBeLessThan(50);
    const rows = await chain();
    const expected = metas.flatMap((m, i) => Array<string>(1 + (i % 3)).fill(m.traceId));
    expect(rows.map((r) => r.trace_id)).toEqual(expected);
    expect(rows.map((r) => Number(r.seq))).toEqual(expected.map((_, i) => i + 1));
    expect(await auditTraces()).toEqual(metas.map((m) => m.traceId));
    expect(await verify()).toMatchObject({ ok: true, checked: expected.length });
  });

  it_('bounds a batch: at most 200 requests, and a request over the row cap goes alone in chunked inserts', async () => {
    t = await variant.open();
    const { write, batches } = countedWriter();
    await Promise.all(Array.from({ length: 2 * MAX_BATCH_REQUESTS + 50 }, (_, i) => write(request(`t-${i}`, 1), meta())));
    expect(batches()).toBe(3);

    // 6,000 rows: more than a batch's row cap, and more than one statement's 65,535 parameters hold.
    await Promise.all([write(request('small-1'), meta()), write(request('huge', 6_000), meta()), write(request('small-2'), meta())]);
    expect(batches()).toBe(3 + 3);
    expect(await verify()).toMatchObject({ ok: true, checked: 2 * MAX_BATCH_REQUESTS + 50 + 6_004 });
  });

  it_('fails every request of a failed batch closed, writes none of its rows, and the next batch succeeds', async () => {
    t = await variant.open();
    let hold: (() => void) | undefined;
    let started = 0;
    const write = writerOn(
      wrapTransactions(t.db, async (body) => {
        started += 1;
        // The first batch waits, so the second wave is known to arrive while it runs.
        if (started === 1) await new Promise<void>((release) => (hold = release));
        return body();
      }),
    );
    // One request the database refuses (no trace id) takes its whole batch down.
    const broken: RequestMeta = { ...meta(), traceId: null as unknown as string };
    const first = settle([write(request('a'), meta()), write(request('b'), broken), write(request('c'), meta())]);
    while (!hold) await new Promise((r) => setImmediate(r));
    const nextMetas = [meta(), meta()];
    const next = settle(nextMetas.map((m, i) => write(request(`n-${i}`), m)));
    hold();

    expect(await first).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await next).toEqual(['ok', 'ok']);
    expect(started).toBe(2);
    const rows = await chain();
    expect(rows.map((r) => [Number(r.seq), r.trace_id])).toEqual([
      [1, nextMetas[0]!.traceId],
      [2, nextMetas[0]!.traceId],
      [3, nextMetas[1]!.traceId],
      [4, nextMetas[1]!.traceId],
    ]);
    expect(await auditTraces()).toEqual(nextMetas.map((m) => m.traceId));
    expect(await verify()).toMatchObject({ ok: true, checked: 4 });
  });

  it_('resolves a request only when its rows are visible from another connection', async () => {
    t = await variant.open();
    // Commits late, so a writer that answered before its commit would be caught.
    const write = writerOn(
      wrapTransactions(t.db, async (body) => {
        const result = await body();
        await new Promise((r) => setTimeout(r, 30));
        return result;
      }),
    );
    const other = await t.connect();
    try {
      const { verwerkingen: v, audit: a } = t.tables;
      const seen = await Promise.all(
        Array.from({ length: 30 }, async (_, i) => {
          const m = meta();
          await write(request(`t-${i}`, 2), m);
          const [rows] = await other.db.select({ n: count() }).from(v).where(eq(v.traceId, m.traceId));
          const [audit] = await other.db.select({ n: count() }).from(a).where(eq(a.traceId, m.traceId));
          return [Number(rows!.n), Number(audit!.n)];
        }),
      );
      expect(seen).toEqual(Array(30).fill([2, 1]));
    } finally {
      await other.close();
    }
  });
});

const serverUrl = process.env['TEST_DATABASE_URL'] || undefined;

describe.skipIf(!serverUrl)('two processes writing one log on PostgreSQL', () => {
  const schema = 'gemeente';
  const requests = 500;
  const inFlight = 20;
  const script = fileURLToPath(new URL('./load-writer.ts', import.meta.url));
  const children: ChildProcess[] = [];
  let dropDatabase: (() => Promise<void>) | undefined;
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill();
    await dropDatabase?.();
  });

  it('keeps one chain that verifies, with every request\'s records exactly once', { timeout: 180_000 }, async () => {
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} });
    const name = `logboek_gc_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`create database ${quoteIdent(name)}`);
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    const client = postgres(url.toString(), { max: 2, onnotice: () => {} });
    dropDatabase = async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
      await admin.end({ timeout: 5 });
    };
    const db = drizzle({ client }) as unknown as Db;
    for (const statement of logboekSql(schema)) {
      await db.execute(sql.raw(statement));
    }

    const tags = ['a', 'b'];
    const runs = tags.map((tag) => {
      const job: LoadWriterJob = { url: url.toString(), schema, tag, requests, inFlight };
      const child = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(job)], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      const messages: unknown[] = [];
      const arrived: (() => void)[] = [];
      child.on('message', (m) => {
        messages.push(m);
        arrived.shift()?.();
      });
      const message = async (n: number) => {
        while (messages.length < n) await new Promise<void>((r) => arrived.push(r));
        return messages[n - 1];
      };
      return { child, message, exited: once(child, 'exit') };
    });
    // Both ready before either starts, so they contend for the chain the whole time.
    expect(await Promise.all(runs.map((r) => r.message(1)))).toEqual(['ready', 'ready']);
    for (const r of runs) r.child.send('go');
    const results = (await Promise.all(runs.map((r) => r.message(2)))) as LoadWriterResult[];
    expect((await Promise.all(runs.map((r) => r.exited))).map(([code]) => code)).toEqual([0, 0]);

    for (const result of results) {
      expect(result.failed).toBe(0);
      expect(result.batches).toBeLessThan(requests);
    }
    const expected = new Map(tags.flatMap((tag) => Array.from({ length: requests }, (_, i) => [loadTraceId(tag, i), loadRows(i)] as const)));
    const total = [...expected.values()].reduce((a, b) => a + b, 0);
    const perTrace = async (table: string) =>
      new Map(
        (await client.unsafe<{ trace_id: string; n: string }[]>(`select trace_id, count(*) as n from "${schema}"."${table}" group by trace_id`)).map(
          (r) => [r.trace_id, Number(r.n)] as const,
        ),
      );
    expect(await perTrace('verwerkingen')).toEqual(expected);
    expect(await perTrace('audit')).toEqual(new Map([...expected.keys()].map((id) => [id, 1])));
    expect(await verifyChain({ db, schema, tables: logboekTables(pgSchema(schema)) })).toMatchObject({ ok: true, checked: total });

    // The two processes' batches interleave in the chain: they really wrote it at the same time.
    const order = await client.unsafe<{ trace_id: string }[]>(`select trace_id from "${schema}"."verwerkingen" order by seq`);
    const tagOf = (traceId: string) => /([a-z]+)-\d+$/.exec(traceId)?.[1];
    const turns = order.filter((r, i) => i > 0 && tagOf(r.trace_id) !== tagOf(order[i - 1]!.trace_id));
    console.log(`two processes: ${results.map((r) => r.batches).join(' + ')} batches for 2 × ${requests} requests, ${turns.length} turns`);
    expect(turns.length).toBeGreaterThan(1);
  });
});
