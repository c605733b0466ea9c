/**
 * Test support only (imported by the `*.test.ts` files beside it, never by production code): the
 * log's DDL written by hand — so a test can prove it agrees with `tables.ts`, the source drizzle-kit
 * generates the real migration from — and fresh databases to run the same tests on: in-memory
 * PGlite always, and a real PostgreSQL server when `TEST_DATABASE_URL` is set (a new database with
 * a random name per test, dropped afterwards).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { emptyCluster, migrationConfig, type Db } from '../database.js';
import { rowsOf } from '../rows.js';
import { STATEMENT_BREAKPOINT } from './append-only.js';
import { logboekStepStatements, statementsOf, type LogboekStap } from './migrations.js';
import { quoteIdent } from './identifier.js';
import { logboekTables, type LogboekTables } from './tables.js';

/** The tables of `tables.ts`, by hand (drizzle-kit's names for the unique constraint and indexes). */
export function createLogboekDdl(schemaName: string): string {
  const s = quoteIdent(schemaName);
  return [
    `CREATE SCHEMA IF NOT EXISTS ${s}`,
    `CREATE TABLE ${s}."verwerkingen" (
  "id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  "seq" bigint NOT NULL CONSTRAINT "verwerkingen_seq_unique" UNIQUE,
  "trace_id" text NOT NULL,
  "span_id" text NOT NULL,
  "parent_span_id" text,
  "verwerkingsactiviteit_id" text NOT NULL,
  "betrokkene" text,
  "traject_id" text,
  "partij" text NOT NULL,
  "organisatie" text NOT NULL,
  "velden" text[] NOT NULL,
  "categorieen" text[] NOT NULL,
  "toegestaan" boolean NOT NULL,
  "reden" text,
  "grondslag" text NOT NULL,
  "doel" text NOT NULL,
  "fase" text,
  "relatie" text,
  "toestemming_id" text,
  "doorbreking_id" text,
  "tijdstip" timestamp (3) with time zone NOT NULL,
  "vorige_hash" text NOT NULL,
  "hash" text NOT NULL,
  "segment" integer NOT NULL
)`,
    `CREATE INDEX "verwerkingen_traject_seq_idx" ON ${s}."verwerkingen" ("traject_id", "seq")`,
    `CREATE INDEX "verwerkingen_betrokkene_seq_idx" ON ${s}."verwerkingen" ("betrokkene", "seq")`,
    `CREATE INDEX "verwerkingen_tijdstip_idx" ON ${s}."verwerkingen" ("tijdstip")`,
    `CREATE INDEX "verwerkingen_trace_idx" ON ${s}."verwerkingen" ("trace_id", "span_id")`,
    `CREATE INDEX "verwerkingen_segment_seq_idx" ON ${s}."verwerkingen" ("segment", "seq")`,
    `CREATE TABLE ${s}."audit" (
  "id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY,
  "trace_id" text NOT NULL,
  "span_id" text NOT NULL,
  "sub" text NOT NULL,
  "partij" text NOT NULL,
  "organisatie" text NOT NULL,
  "rol" text,
  "azp" text,
  "acr" text,
  "operation_name" text,
  "tijdstip" timestamp (3) with time zone NOT NULL,
  "segment" integer NOT NULL,
  "seq" bigint CONSTRAINT "audit_seq_unique" UNIQUE,
  "vorige_hash" text,
  "hash" text
)`,
    `CREATE INDEX "audit_trace_idx" ON ${s}."audit" ("trace_id", "span_id")`,
    `CREATE INDEX "audit_segment_idx" ON ${s}."audit" ("segment")`,
    `CREATE TABLE ${s}."segmenten" (
  "segment" integer PRIMARY KEY,
  "first_seq" bigint NOT NULL,
  "last_seq" bigint NOT NULL,
  "last_hash" text NOT NULL,
  "sealed_at" timestamp (3) with time zone NOT NULL,
  "dropped_at" timestamp (3) with time zone,
  "audit_first_seq" bigint,
  "audit_last_seq" bigint,
  "audit_last_hash" text
)`,
  ].join(`\n${STATEMENT_BREAKPOINT}\n`);
}

export interface TestDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  readonly schema: string;
  readonly tables: LogboekTables;
  /** Every SQL text drizzle sent through `db`, in order. */
  readonly queries: string[];
  /** Runs raw SQL (one statement) and returns its rows. */
  query<T = Record<string, unknown>>(text: string): Promise<T[]>;
  /** Another, independent connection (pool) to the same database, for concurrency; PGlite has one. */
  connect(): Promise<{ db: Db; close(): Promise<void> }>;
  /** Closes the connection(s) the writer uses, leaving the database for `drop()`. */
  close(): Promise<void>;
  /** Closes everything and, on a server, drops the database. */
  drop(): Promise<void>;
}

export interface Variant {
  readonly name: 'pglite' | 'postgres';
  /** True when the variant cannot run here (no `TEST_DATABASE_URL`): its tests are reported skipped. */
  readonly skip: boolean;
  /** A fresh database (server) or schema (PGlite); `dedicated` when the test will close it. */
  open(schema?: string, options?: { dedicated?: boolean }): Promise<TestDatabase>;
  /** Releases what the variant keeps between tests; call in `afterAll`. */
  dispose(): Promise<void>;
}

/** Every statement of the log in `schema`: the tables, then the log's own steps. */
export function logboekSql(schema: string): string[] {
  return [...statementsOf(createLogboekDdl(schema)), ...logboekStepStatements(schema)];
}

/** Creates the log in `schema` the way drizzle's migrator would: one statement at a time through drizzle. */
async function prepare(db: Db, schema: string): Promise<void> {
  for (const statement of logboekSql(schema)) {
    await db.execute(sql.raw(statement));
  }
}

/**
 * PGlite takes seconds to start, so one in-memory instance serves a whole test file and each test
 * gets a fresh schema in it; a test that closes the database asks for a dedicated instance.
 */
function pgliteVariant(): Variant {
  let shared: Promise<PGlite> | undefined;
  let n = 0;
  return {
    name: 'pglite',
    skip: false,
    async open(schema, options = {}) {
      n += 1;
      const name = schema ?? `logboek_test_${n}`;
      const fresh = async () => PGlite.create({ loadDataDir: await emptyCluster() });
      const client = options.dedicated ? await fresh() : await (shared ??= fresh());
      const queries: string[] = [];
      const db = drizzlePglite({ client, logger: { logQuery: (q) => void queries.push(q) } }) as unknown as Db;
      await prepare(db, name);
      let closed = false;
      const close = async () => {
        if (options.dedicated && !closed) await client.close();
        closed = true;
      };
      return {
        kind: 'pglite',
        db,
        schema: name,
        tables: logboekTables(pgSchema(name)),
        queries,
        query: async <T>(text: string) => (await client.query<T>(text)).rows,
        connect: async () => ({ db, close: async () => {} }),
        close,
        drop: async () => {
          if (!options.dedicated) await client.exec(`drop schema ${quoteIdent(name)} cascade`);
          await close();
        },
      };
    },
    async dispose() {
      const client = await shared;
      shared = undefined;
      await client?.close();
    },
  };
}

function postgresVariant(url: string | undefined): Variant {
  return {
    name: 'postgres',
    skip: !url,
    async dispose() {},
    async open(schema = 'logboek_test') {
      if (!url) throw new Error('TEST_DATABASE_URL is not set');
      const target = await serverDatabase(url, 'logboek_test');
      const clients: postgres.Sql[] = [];
      const open = () => {
        const client = postgres(target.url, { max: 10, onnotice: () => {} });
        clients.push(client);
        return client;
      };
      const client = open();
      const queries: string[] = [];
      const db = drizzlePostgres({ client, logger: { logQuery: (q) => void queries.push(q) } }) as unknown as Db;
      await prepare(db, schema);
      return {
        kind: 'postgres',
        db,
        schema,
        tables: logboekTables(pgSchema(schema)),
        queries,
        query: async <T>(text: string) => (await client.unsafe(text)) as unknown as T[],
        connect: async () => {
          const other = open();
          return { db: drizzlePostgres({ client: other }) as unknown as Db, close: () => other.end({ timeout: 5 }) };
        },
        close: () => client.end({ timeout: 5 }),
        drop: async () => {
          await Promise.all(clients.map((c) => c.end({ timeout: 5 })));
          await target.dispose();
        },
      };
    },
  };
}

/** The databases to run the tests on: PGlite always, PostgreSQL when `TEST_DATABASE_URL` is set. */
export function testVariants(): Variant[] {
  return [pgliteVariant(), postgresVariant(process.env.TEST_DATABASE_URL || undefined)];
}

/** Where a test opens a subgraph's database of its own: a server database (dropped afterwards), or a PGlite folder. */
export interface DatabaseTarget {
  readonly url?: string;
  readonly dataDir?: string;
  dispose(): Promise<void>;
}

/** A database of its own on the server at `serverUrl`, named `<prefix>_<random>`, dropped by `dispose`. */
async function serverDatabase(serverUrl: string, prefix: string): Promise<{ url: string; dispose(): Promise<void> }> {
  const name = `${prefix.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${quoteIdent(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dispose: async () => {
      await admin.unsafe(`drop database if exists ${quoteIdent(name)} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** A fresh, empty database for `openDatabase`: on the server of `TEST_DATABASE_URL` when set, else a PGlite folder. */
export async function freshDatabaseTarget(prefix: string): Promise<DatabaseTarget> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) return serverDatabase(server, prefix);
  const dataDir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { dataDir, dispose: async () => rmSync(dataDir, { recursive: true, force: true }) };
}

/**
 * A database as a release before the log's own migrations left it: `folder`'s migrations, then the
 * log's steps as that release's copies in the subgraph's folder ran them, with nothing recorded by
 * `migrations.ts`; then `use` works on it as that release would have. (Those copies ran between the
 * generated migrations; run after them they leave the same objects, which is what an upgrade starts from.)
 */
export async function migrateAsEarlierRelease(
  target: DatabaseTarget,
  schema: string,
  folder: string,
  steps: readonly LogboekStap[],
  use: (db: Db) => Promise<void> = async () => {},
): Promise<void> {
  const config = migrationConfig(schema, folder);
  const run = async (db: Db) => {
    for (const statement of steps.flatMap((stap) => statementsOf(stap.sql(schema)))) await db.execute(sql.raw(statement));
    await use(db);
  };
  if (target.url) {
    const client = postgres(target.url, { max: 1, onnotice: () => {} });
    try {
      const db = drizzlePostgres({ client }) as unknown as Db;
      await migratePostgres(db as never, config);
      await run(db);
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  const client = await PGlite.create({ dataDir: target.dataDir });
  try {
    const db = drizzlePglite({ client }) as unknown as Db;
    await migratePglite(db as never, config);
    await run(db);
  } finally {
    await client.close();
  }
}

/** The log's objects in `schema` as the catalogue defines them: triggers, functions with their grants, constraints. */
export async function logboekCatalogue(db: Db, schema: string): Promise<string[]> {
  const rows = rowsOf<{ regel: string }>(
    await db.execute(sql`
      select 'trigger ' || t.tgname || ': ' || pg_get_triggerdef(t.oid) as regel
        from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = ${schema} and not t.tgisinternal
      union all
      select 'function ' || p.proname || ' ' || coalesce(p.proacl::text, '') || ': ' || pg_get_functiondef(p.oid)
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = ${schema}
      union all
      select 'constraint ' || c.conrelid::regclass::text || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
        from pg_constraint c join pg_namespace n on n.oid = c.connamespace where n.nspname = ${schema}
      order by 1`),
  );
  return rows.map((r) => r.regel);
}
